package id.loket.ui;

import id.loket.billing.BillingService;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.ReferenceRejectedException;
import id.loket.core.Biller;
import id.loket.customers.Customer;
import id.loket.customers.CustomerService;
import id.loket.customers.SavedReference;
import id.loket.billing.NetworkInfo;
import id.loket.core.BillerKind;
import id.loket.core.BusinessCalendar;
import id.loket.core.ChargeChannel;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.Product;
import id.loket.payment.Amounts;
import id.loket.payment.ChargePoll;
import id.loket.payment.Payment;
import id.loket.payment.PaymentCriteria;
import id.loket.payment.PaymentRefusedException;
import id.loket.payment.PaymentService;
import id.loket.payment.PaymentStateException;
import id.loket.qris.DynamicQris;
import id.loket.qris.QrisException;
import id.loket.qris.QrisPayload;
import id.loket.report.ReceiptMessages;
import id.loket.report.WaMeLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counter's state: one customer's payment, step by step (DESIGN.md, "The counter screen"): pick the biller,
 * type the reference (and the product of a prepaid biller), look the bill up, take the money (cash with live
 * change, a debit card's approval code, or a gateway charge the customer pays on their phone), confirm, pay, print.
 * Plain Java and JavaFX properties, tested without the toolkit; {@link CounterView} binds to it and turns keys into
 * the calls below.
 *
 * <p>Every gateway call runs on {@code background}; its result comes back through {@code fxThread}. A result that
 * arrives after the clerk stepped away from it (Esc while a bill was being looked up) is dropped: each call
 * carries the {@link #generation} it was made in. A payment in flight is never dropped: once
 * {@link Step#PAYING}, Esc does nothing until the outcome is known.
 *
 * <p>The charge of a non-cash method is watched by {@link #tick()}, which the view calls once a second: it counts
 * down to the charge's expiry and asks the gateway every {@link #POLL_EVERY} ticks.
 *
 * <p>The methods offered are what the shop can take now ({@link #offeredMethods()}): cash and the EDC always, the
 * gateway's methods for the channels it takes ({@link PaymentService#chargeChannels()}), and the shop's own static
 * QRIS when one is set. They are read again in the background whenever a bill is looked up, so a change in Settings
 * shows at the next customer.
 */
public final class CounterViewModel {

    /** Where the clerk is in serving one customer. */
    public enum Step {
        /** Choosing the biller; the ready screen. */
        BILLER,
        /** Typing the reference (and choosing the product of a prepaid biller). */
        REFERENCE,
        /** Waiting for the bill. */
        LOOKING_UP,
        /** The bill is shown; the clerk takes the money. */
        BILL,
        /** "Pay Rp X for NAME?" */
        CONFIRM,
        /** The payment (or the charge) is on its way to the gateway. */
        PAYING,
        /** A QRIS, virtual account, e-wallet or payment link charge waits for the customer. */
        WAITING_CHARGE,
        /**
         * The shop's own QRIS is shown for the total; the clerk confirms (Ctrl+Enter) once the money shows on the
         * shop's phone. Nothing is written until then.
         */
        STATIC_QRIS,
        /** The outcome, and the receipt. */
        RESULT
    }

    /** The quick amounts offered for cash besides the exact amount: customers hand over notes. */
    private static final long[] NOTES = {10_000, 20_000, 50_000, 100_000};

    /** Ask the gateway about a waiting charge every this many ticks (seconds). */
    static final int POLL_EVERY = 2;

    private static final Pattern APPROVAL_CODE = Pattern.compile("[A-Z0-9]{4,12}");
    private static final Logger LOG = LoggerFactory.getLogger(CounterViewModel.class);

    private final BillingService billing;
    private final CustomerService customers;
    private final PaymentService payments;
    private final ReceiptDesk receipts;
    private final BusinessCalendar calendar;
    private final CounterSession session;
    private final UiWork uiWork;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.BILLER);
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyBooleanWrapper catalogLoading = new ReadOnlyBooleanWrapper();

    private final ObservableList<Biller> billers = FXCollections.observableArrayList();
    private final FilteredList<Biller> matches = new FilteredList<>(billers, b -> true);
    private final StringProperty billerQuery = new SimpleStringProperty("");
    private final ObjectProperty<Biller> highlighted = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Biller> biller = new ReadOnlyObjectWrapper<>();

    private final StringProperty reference = new SimpleStringProperty("");
    private final ObservableList<String> recentReferences = FXCollections.observableArrayList();
    private final ObjectProperty<Product> product = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<Inquiry> inquiry = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<PaymentMethod> method = new SimpleObjectProperty<>(PaymentMethod.CASH);
    private final ObjectBinding<Amounts> amounts;
    private final StringProperty tendered = new SimpleStringProperty("");
    private final ObjectBinding<Optional<Money>> tenderedMoney;
    private final ObjectBinding<Optional<Money>> change;
    private final BooleanBinding enoughCash;
    private final StringProperty approvalCode = new SimpleStringProperty("");

    private final ReadOnlyObjectWrapper<Customer> customer = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SavedReference> customerReferences = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Payment> payment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper secondsLeft = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<Message> printStatus = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyBooleanWrapper printFailed = new ReadOnlyBooleanWrapper();

    private final Supplier<Optional<String>> staticQrisSetting;
    private final WhatsAppReceipt whatsApp;
    private final ReadOnlyListWrapper<PaymentMethod> offeredMethods = new ReadOnlyListWrapper<>(
            FXCollections.observableArrayList(PaymentMethod.CASH, PaymentMethod.DEBIT_CARD));
    private final ReadOnlyListWrapper<ChargeChannel> banks = new ReadOnlyListWrapper<>(
            FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<ChargeChannel> channel = new ReadOnlyObjectWrapper<>();
    private final StringProperty linkPhone = new SimpleStringProperty("");
    /** Sends a payment link to the customer's WhatsApp (when a messenger can). */
    private final Optional<ReceiptMessages> linkMessages;
    /** What became of the payment link sent with the last charge (written on background, read once on the FX thread). */
    private volatile Optional<ReceiptMessages.Outcome> linkSent = Optional.empty();
    private final ReadOnlyObjectWrapper<StaticQrisCode> staticQrisCode = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper chargeTesting = new ReadOnlyBooleanWrapper();
    private SortedSet<ChargeChannel> channels = new java.util.TreeSet<>();
    private Optional<QrisPayload> staticPayload = Optional.empty();
    private NetworkInfo.Mode acceptanceMode = NetworkInfo.Mode.LIVE;
    private boolean refreshing;

    /** Bumped whenever the clerk leaves a step, so late answers for the old step are dropped. */
    private long generation;
    private int ticks;
    private boolean polling;
    private String lastBillerCode;

    /**
     * A counter without the shop's static QRIS and without receipts to a phone (Shift+F5 says it cannot send).
     */
    public CounterViewModel(BillingService billing, PaymentService payments, CustomerService customers,
            ReceiptDesk receipts, BusinessCalendar calendar, CounterSession session, Executor background,
            Executor fxThread) {
        this(billing, payments, customers, receipts, calendar, session, Optional::empty, Optional.empty(),
                background, fxThread);
    }

    /**
     * @param staticQris the shop's static QRIS payload as Settings holds it, if any (read on {@code background})
     * @param receiptMessages receipts sent to the customer's WhatsApp, or as a {@code wa.me} link (Shift+F5)
     */
    public CounterViewModel(BillingService billing, PaymentService payments, CustomerService customers,
            ReceiptDesk receipts, BusinessCalendar calendar, CounterSession session,
            Supplier<Optional<String>> staticQris, Optional<ReceiptMessages> receiptMessages, Executor background,
            Executor fxThread) {
        this.staticQrisSetting = Objects.requireNonNull(staticQris, "staticQris");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.billing = Objects.requireNonNull(billing, "billing");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.session = Objects.requireNonNull(session, "session");
        this.uiWork = new UiWork(background, fxThread);
        this.whatsApp = new WhatsAppReceipt(receiptMessages, session::clerk, background, fxThread);
        this.linkMessages = receiptMessages;
        method.addListener((obs, old, now) -> channel.set(defaultChannel(now)));
        billerQuery.addListener((obs, old, now) -> filterBillers(now));
        amounts = Bindings.createObjectBinding(this::currentAmounts, inquiry, method, biller);
        tenderedMoney = Bindings.createObjectBinding(() -> parseRupiah(tendered.get()), tendered);
        change = Bindings.createObjectBinding(() -> amounts.get() == null
                ? Optional.empty()
                : tenderedMoney.get().filter(t -> !t.isLessThan(amounts.get().total()))
                        .map(t -> t.minus(amounts.get().total())), tenderedMoney, amounts);
        enoughCash = Bindings.createBooleanBinding(() -> change.get().isPresent(), change);
    }

    // ---- the catalog and the biller ----------------------------------------------------------------------------

    /** Loads the billers in the background (at start, and again when it failed). */
    public void loadCatalog() {
        refreshMethods();
        if (catalogLoading.get()) {
            return;
        }
        catalogLoading.set(true);
        call(billing::billers, result -> {
            catalogLoading.set(false);
            if (result instanceof GatewayResult.Answer<List<Biller>> answer) {
                billers.setAll(answer.value());
                filterBillers(billerQuery.get());
                if (message.get().key().startsWith("counter.catalog.")) {
                    message.set(Message.NONE);
                }
            } else {
                message.set(Message.of("counter.catalog.unavailable", describe(result)));
            }
        }, failure -> {
            catalogLoading.set(false);
            message.set(Message.of("counter.catalog.unavailable", failure));
        });
    }

    /** What the biller search types; the list narrows to the billers whose name or code contains it. */
    public StringProperty billerQuery() {
        return billerQuery;
    }

    public ObservableList<Biller> matches() {
        return matches;
    }

    /** The biller Enter would pick: the one moved to with the arrow keys, else the last used, else the first match. */
    public ObjectProperty<Biller> highlighted() {
        return highlighted;
    }

    /** Moves the highlight by {@code delta} places in the matching billers (the arrow keys). */
    public void moveHighlight(int delta) {
        if (matches.isEmpty()) {
            return;
        }
        int at = Math.max(0, matches.indexOf(highlighted.get()));
        highlighted.set(matches.get(Math.floorMod(at + delta, matches.size())));
    }

    /** Enter in the biller search: picks the highlighted biller and goes on to its reference. */
    public void chooseBiller() {
        if (step.get() != Step.BILLER) {
            return;
        }
        if (billers.isEmpty()) {
            loadCatalog();
            message.set(Message.of("counter.catalog.loading"));
            return;
        }
        Biller chosen = highlighted.get();
        if (chosen == null) {
            message.set(Message.of("counter.biller.noMatch", billerQuery.get()));
            return;
        }
        biller.set(chosen);
        lastBillerCode = chosen.code();
        reference.set("");
        product.set(chosen.kind() == BillerKind.PREPAID && !chosen.products().isEmpty()
                ? chosen.products().get(0) : null);
        message.set(Message.NONE);
        recentReferences.clear();
        String code = chosen.code();
        long asked = ++generation;
        call(() -> payments.search(PaymentCriteria.any().forBiller(code).limitedTo(200)), found -> {
            if (asked == generation) {
                Set<String> distinct = new LinkedHashSet<>();
                found.forEach(p -> distinct.add(p.bill().reference()));
                recentReferences.setAll(distinct);
            }
        }, failure -> LOG.warn("Recent references of {} could not be read: {}", code, failure));
        step.set(Step.REFERENCE);
    }

    public ReadOnlyObjectProperty<Biller> biller() {
        return biller.getReadOnlyProperty();
    }

    // ---- the customer (optional) --------------------------------------------------------------------------------

    /** Regular customers whose name, phone or NIK contains {@code text}; called off the JavaFX thread. */
    public List<Customer> findCustomers(String text) {
        if (text == null || text.strip().length() < 2) {
            return List.of();
        }
        return customers.search(text.strip()).stream().limit(8).toList();
    }

    /** The regular customer being served (a payment above the owner's amount needs a verified one), or null. */
    public ReadOnlyObjectProperty<Customer> customer() {
        return customer.getReadOnlyProperty();
    }

    /** The chosen customer's saved references: Enter on one picks its biller and looks its bill up. */
    public ObservableList<SavedReference> customerReferences() {
        return customerReferences;
    }

    /** F4 and a pick: serves {@code chosen}; their saved references load in the background. */
    public void chooseCustomer(Customer chosen) {
        customer.set(Objects.requireNonNull(chosen, "chosen"));
        if (linkPhone.get().isBlank()) {
            linkPhone.set(chosen.phone().local());
        }
        customerReferences.clear();
        long id = chosen.id();
        call(() -> customers.references(id), found -> {
            if (customer.get() != null && customer.get().id() == id) {
                customerReferences.setAll(found);
            }
        }, failure -> message.set(Message.of("counter.customer.referencesFailed", failure)));
    }

    /** The customer leaves the payment (walk-in). */
    public void clearCustomer() {
        customer.set(null);
        customerReferences.clear();
    }

    /** A saved reference: its biller and number, and the bill looked up at once. */
    public void useReference(SavedReference saved) {
        if (step.get() != Step.BILLER && step.get() != Step.REFERENCE) {
            return;
        }
        Optional<Biller> known = billers.stream().filter(b -> b.code().equals(saved.billerCode())).findFirst();
        if (known.isEmpty()) {
            message.set(Message.of("counter.customer.unknownBiller", saved.billerCode()));
            return;
        }
        if (step.get() == Step.BILLER) {
            highlighted.set(known.get());
            chooseBiller();
        } else if (!known.get().equals(biller.get())) {
            biller.set(known.get());
            product.set(known.get().kind() == BillerKind.PREPAID && !known.get().products().isEmpty()
                    ? known.get().products().get(0) : null);
        }
        lastBillerCode = known.get().code();
        reference.set(saved.reference());
        lookUp();
    }

    // ---- the reference -----------------------------------------------------------------------------------------

    /** What the clerk types or the scanner sends. */
    public StringProperty reference() {
        return reference;
    }

    /** References paid for the chosen biller before, newest first: what the reference field offers to complete. */
    public ObservableList<String> recentReferences() {
        return recentReferences;
    }

    /** The product of a prepaid biller (token nominal, pulsa), the first one until the clerk picks another. */
    public ObjectProperty<Product> product() {
        return product;
    }

    /**
     * Why the reference typed so far cannot be looked up (the catalog's pattern), or {@link Message#NONE}: shown
     * beside the field as the clerk types, before any gateway call.
     */
    public Message referenceProblem(String typed) {
        Biller b = biller.get();
        if (b == null) {
            return Message.NONE;
        }
        String cleaned = BillingService.normalise(typed == null ? "" : typed);
        if (cleaned.isEmpty()) {
            return Message.of("counter.reference.empty", b.referenceLabel());
        }
        if (!b.acceptsReference(cleaned)) {
            return Message.of("counter.reference.invalid", b.referenceLabel(), humanPattern(b.referencePattern()));
        }
        return Message.NONE;
    }

    /** Enter in the reference (or the product list): checks the reference, then looks the bill up. */
    public void lookUp() {
        if (step.get() != Step.REFERENCE) {
            return;
        }
        Biller b = biller.get();
        Message problem = referenceProblem(reference.get());
        if (!problem.isEmpty()) {
            message.set(problem);
            return;
        }
        if (b.kind() == BillerKind.PREPAID && product.get() == null) {
            message.set(Message.of("counter.product.missing"));
            return;
        }
        Optional<String> productCode = b.kind() == BillerKind.PREPAID
                ? Optional.of(product.get().code()) : Optional.empty();
        String typed = reference.get();
        message.set(Message.NONE);
        refreshMethods();
        step.set(Step.LOOKING_UP);
        long asked = ++generation;
        call(() -> billing.inquire(b.code(), typed, productCode), result -> {
            if (asked != generation) {
                return;
            }
            if (result instanceof GatewayResult.Answer<Inquiry> answer) {
                inquiry.set(answer.value());
                method.set(PaymentMethod.CASH);
                tendered.set("");
                approvalCode.set("");
                linkPhone.set(customerPhone().orElse(""));
                step.set(Step.BILL);
            } else {
                message.set(inquiryProblem(result));
                step.set(Step.REFERENCE);
            }
        }, failure -> {
            if (asked == generation) {
                message.set(Message.of("counter.inquiry.failed", failure));
                step.set(Step.REFERENCE);
            }
        });
    }

    // ---- the bill and the money --------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Inquiry> inquiry() {
        return inquiry.getReadOnlyProperty();
    }

    /** How the customer pays; cash until the clerk picks another. */
    public ObjectProperty<PaymentMethod> method() {
        return method;
    }

    /**
     * Picks a method while the bill is shown (F6..F12), if the shop takes it now ({@link #offeredMethods()}). The
     * shop's static QRIS is shown at once ({@link Step#STATIC_QRIS}).
     */
    public void chooseMethod(PaymentMethod chosen) {
        Objects.requireNonNull(chosen, "chosen");
        if (step.get() != Step.BILL) {
            return;
        }
        if (!offeredMethods.contains(chosen)) {
            message.set(Message.of("counter.method.notOffered"));
            return;
        }
        method.set(chosen);
        message.set(Message.NONE);
        if (chosen == PaymentMethod.STATIC_QRIS) {
            showStaticQris();
        }
    }

    /**
     * The methods the shop takes now, in the order of the keys: cash, debit card, then those of the payment
     * gateway's channels, then the shop's static QRIS when one is set.
     */
    public ReadOnlyListProperty<PaymentMethod> offeredMethods() {
        return offeredMethods.getReadOnlyProperty();
    }

    /**
     * The banks the gateway takes virtual account transfers at (BCA, BNI, BRI, Permata, Mandiri bill, as offered);
     * with more than one, the clerk chooses (arrow keys or the bank's number), BCA first.
     */
    public ReadOnlyListProperty<ChargeChannel> banks() {
        return banks.getReadOnlyProperty();
    }

    /** The channel of the chosen gateway method (the bank of a virtual account); null for the others. */
    public ReadOnlyObjectProperty<ChargeChannel> channel() {
        return channel.getReadOnlyProperty();
    }

    /** Picks the bank of a virtual account ({@code bank} must be one of {@link #banks()}). */
    public void chooseBank(ChargeChannel bank) {
        if (step.get() == Step.BILL && method.get() == PaymentMethod.VIRTUAL_ACCOUNT && banks.contains(bank)) {
            channel.set(bank);
        }
    }

    /** The bank's number in the chooser, from 1; a number without a bank does nothing. */
    public void chooseBank(int number) {
        if (number >= 1 && number <= banks.size()) {
            chooseBank(banks.get(number - 1));
        }
    }

    /** Moves the chosen bank by {@code delta} places (the arrow keys). */
    public void moveBank(int delta) {
        if (banks.isEmpty() || method.get() != PaymentMethod.VIRTUAL_ACCOUNT) {
            return;
        }
        int at = Math.max(0, banks.indexOf(channel.get()));
        chooseBank(banks.get(Math.floorMod(at + delta, banks.size())));
    }

    /**
     * The customer's phone for a payment link (the gateway may send the link there); optional, filled in from the
     * registered customer's.
     */
    public StringProperty linkPhone() {
        return linkPhone;
    }

    /** Whether the charge being waited for was made through a gateway in its test mode ("TESTING"). */
    public ReadOnlyBooleanProperty chargeTesting() {
        return chargeTesting.getReadOnlyProperty();
    }

    /** The shop's static QRIS made dynamic for the total, while it is shown ({@link Step#STATIC_QRIS}). */
    public ReadOnlyObjectProperty<StaticQrisCode> staticQrisCode() {
        return staticQrisCode.getReadOnlyProperty();
    }

    /** Reads again, in the background, which methods the shop takes (the gateway's channels, the static QRIS). */
    void refreshMethods() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        call(() -> new Offer(payments.chargeChannels(), payments.acceptanceInfo().mode(), staticPayload()), offer -> {
            refreshing = false;
            offer(offer);
        }, failure -> {
            refreshing = false;
            LOG.warn("The payment methods on offer could not be read: {}", failure);
        });
    }

    private Optional<QrisPayload> staticPayload() {
        Optional<String> set = staticQrisSetting.get();
        if (set.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(QrisPayload.parse(set.get()).requireStatic());
        } catch (QrisException e) {
            // Settings validated it when it was entered; a payload that no longer reads is not offered at all.
            LOG.warn("The shop's static QRIS in Settings cannot be used: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private record Offer(SortedSet<ChargeChannel> channels, NetworkInfo.Mode mode, Optional<QrisPayload> qris) {}

    private void offer(Offer offer) {
        channels = offer.channels();
        acceptanceMode = offer.mode();
        staticPayload = offer.qris();
        List<PaymentMethod> offered = new ArrayList<>(List.of(PaymentMethod.CASH, PaymentMethod.DEBIT_CARD));
        for (PaymentMethod m : PaymentMethod.values()) {
            if (m.isGatewayCharge() && channels.stream().anyMatch(c -> c.method() == m)) {
                offered.add(m);
            }
        }
        if (staticPayload.isPresent()) {
            offered.add(PaymentMethod.STATIC_QRIS);
        }
        if (!offered.equals(offeredMethods)) {
            offeredMethods.setAll(offered);
        }
        List<ChargeChannel> vas = channels.stream().filter(c -> c.method() == PaymentMethod.VIRTUAL_ACCOUNT).toList();
        if (!vas.equals(banks)) {
            banks.setAll(vas);
        }
        if (step.get() == Step.BILL && !offered.contains(method.get())) {
            method.set(PaymentMethod.CASH);
        }
        if (channel.get() == null || !channels.contains(channel.get())) {
            channel.set(defaultChannel(method.get()));
        }
    }

    /** BCA for a virtual account when the gateway takes it, else its first bank; the one channel of the others. */
    private ChargeChannel defaultChannel(PaymentMethod m) {
        if (m == null || !m.isGatewayCharge()) {
            return null;
        }
        ChargeChannel usual = ChargeChannel.defaultFor(m);
        if (channels.contains(usual)) {
            return usual;
        }
        return channels.stream().filter(c -> c.method() == m).findFirst().orElse(usual);
    }

    private Optional<String> customerPhone() {
        return Optional.ofNullable(customer.get()).map(c -> c.phone().local());
    }

    /** The bill, the admin fee and the total for the chosen method; null until a bill is shown. */
    public ObjectBinding<Amounts> amounts() {
        return amounts;
    }

    /** The cash handed over, as typed ("50000", "50.000", "Rp 50.000"). */
    public StringProperty tendered() {
        return tendered;
    }

    /** What {@link #tendered()} says, when it is an amount of rupiah. */
    public ObjectBinding<Optional<Money>> tenderedMoney() {
        return tenderedMoney;
    }

    /** The change to give back, once the cash covers the total. */
    public ObjectBinding<Optional<Money>> change() {
        return change;
    }

    public BooleanBinding enoughCash() {
        return enoughCash;
    }

    /**
     * The amounts a clerk most often types, as buttons: the exact total, then the smallest notes of 10.000, 20.000,
     * 50.000 and 100.000 that cover it, without repeats (at most four).
     */
    public List<Money> quickAmounts() {
        Amounts a = amounts.get();
        if (a == null) {
            return List.of();
        }
        long total = a.total().rupiah();
        Set<Long> offered = new LinkedHashSet<>();
        offered.add(total);
        for (long note : NOTES) {
            offered.add(((total + note - 1) / note) * note);
        }
        List<Money> quick = new ArrayList<>();
        for (long amount : offered) {
            if (quick.size() < 4) {
                quick.add(Money.of(amount));
            }
        }
        return quick;
    }

    /** A quick-amount button: the tendered field takes its amount. */
    public void tender(Money amount) {
        if (step.get() == Step.BILL && method.get() == PaymentMethod.CASH) {
            tendered.set(Long.toString(amount.rupiah()));
        }
    }

    /** The EDC terminal's approval code, for a debit card. */
    public StringProperty approvalCode() {
        return approvalCode;
    }

    /** Enter while the bill is shown: checks the money, then asks for the confirmation. */
    public void review() {
        if (step.get() != Step.BILL) {
            return;
        }
        Amounts a = amounts.get();
        switch (method.get()) {
            case CASH -> {
                Optional<Money> cash = tenderedMoney.get();
                if (cash.isEmpty()) {
                    message.set(Message.of("counter.tendered.invalid"));
                    return;
                }
                if (cash.get().isLessThan(a.total())) {
                    message.set(Message.of("counter.tendered.short", a.total().minus(cash.get()).rupiah()));
                    return;
                }
            }
            case DEBIT_CARD -> {
                if (!APPROVAL_CODE.matcher(approvalCode.get().strip().toUpperCase(Locale.ROOT)).matches()) {
                    message.set(Message.of("counter.approval.invalid"));
                    return;
                }
            }
            case STATIC_QRIS -> {
                showStaticQris();
                return;
            }
            case PAYMENT_LINK -> {
                String phone = linkPhone.get().strip();
                if (!phone.isEmpty() && !isPhone(phone)) {
                    message.set(Message.of("counter.link.phoneInvalid"));
                    return;
                }
            }
            default -> {
                // a gateway charge: the customer pays on their phone after the confirmation
            }
        }
        message.set(Message.NONE);
        step.set(Step.CONFIRM);
    }

    // ---- paying ------------------------------------------------------------------------------------------------

    /** Enter on the confirmation: pays (cash, debit card) or starts the charge the customer pays. */
    public void pay() {
        if (step.get() != Step.CONFIRM) {
            return;
        }
        Biller b = biller.get();
        Inquiry bill = inquiry.get();
        PaymentMethod m = method.get();
        String clerk = session.clerk();
        Optional<Long> who = Optional.ofNullable(customer.get()).map(Customer::id);
        Supplier<Payment> work = switch (m) {
            case CASH -> {
                Money cash = tenderedMoney.get().orElseThrow();
                yield () -> payments.payCash(clerk, b, bill, cash, who);
            }
            case DEBIT_CARD -> {
                String code = approvalCode.get();
                yield () -> payments.payByDebitCard(clerk, b, bill, code, who);
            }
            case STATIC_QRIS -> throw new IllegalStateException("the static QRIS is confirmed, not paid from CONFIRM");
            default -> {
                ChargeChannel ch = channel.get() == null ? defaultChannel(m) : channel.get();
                Optional<String> phone = m == PaymentMethod.PAYMENT_LINK && !linkPhone.get().isBlank()
                        ? Optional.of(linkPhone.get().strip()) : Optional.empty();
                yield () -> {
                    Payment made = payments.startCharge(clerk, b, bill, ch, who, phone);
                    linkSent = phone.isPresent() && made.state() == PaymentState.CHARGE_PENDING
                            ? linkMessages.map(messenger -> messenger.sendPaymentLink(made.clientRef(), phone.get()))
                            : Optional.empty();
                    return made;
                };
            }
        };
        message.set(Message.NONE);
        step.set(Step.PAYING);
        generation++;
        run(work, this::paid, failure -> {
            // Refused before anything was written or sent, or (unexpected) failed after the payment was recorded:
            // either way the clerk is told; History shows whatever was recorded, and recovery settles it.
            message.set(refusal(failure));
            step.set(Step.BILL);
        });
    }

    private void paid(Payment made) {
        payment.set(made);
        session.paid(made.clientRef());
        if (made.state() == PaymentState.CHARGE_PENDING) {
            chargeTesting.set(acceptanceMode == NetworkInfo.Mode.TESTING);
            Optional<ReceiptMessages.Outcome> sent = linkSent;
            linkSent = Optional.empty();
            sent.ifPresent(outcome -> message.set(outcome instanceof ReceiptMessages.Outcome.Sent
                    ? Message.of("counter.link.sent", linkPhone.get().strip())
                    : Message.of("counter.link.notSent", ((ReceiptMessages.Outcome.NotSent) outcome).reason())));
            ticks = 0;
            updateCountdown();
            step.set(Step.WAITING_CHARGE);
            return;
        }
        finish(made);
    }

    private void finish(Payment ended) {
        payment.set(ended);
        step.set(Step.RESULT);
        printStatus.set(Message.NONE);
        printFailed.set(false);
        if (hasReceipt(ended)) {
            print(ended.clientRef(), false);
        }
    }

    /** The payment being made or just made. */
    public ReadOnlyObjectProperty<Payment> payment() {
        return payment.getReadOnlyProperty();
    }

    // ---- the shop's static QRIS --------------------------------------------------------------------------------

    /**
     * The shop's static QRIS made dynamic for one total: the payload to draw, and what the clerk checks on the shop's
     * phone when the bank's notification comes (the merchant, the NMID's last four digits, the amount).
     */
    public record StaticQrisCode(String payload, String merchantName, String merchantCity,
            Optional<String> nmidLast4, Money total) {

        public StaticQrisCode {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(merchantName, "merchantName");
            Objects.requireNonNull(merchantCity, "merchantCity");
            Objects.requireNonNull(nmidLast4, "nmidLast4");
            Objects.requireNonNull(total, "total");
        }
    }

    private void showStaticQris() {
        Amounts a = amounts.get();
        if (step.get() != Step.BILL || a == null) {
            return;
        }
        if (staticPayload.isEmpty()) {
            message.set(Message.of("counter.method.notOffered"));
            return;
        }
        QrisPayload code;
        try {
            code = DynamicQris.of(staticPayload.get(), a.total().rupiah());
        } catch (QrisException e) {
            message.set(Message.of("counter.staticQris.invalid", e.getMessage()));
            return;
        }
        staticQrisCode.set(new StaticQrisCode(code.text(), code.merchantName(), code.merchantCity(),
                code.nmidLast4(), a.total()));
        message.set(Message.NONE);
        step.set(Step.STATIC_QRIS);
    }

    /**
     * Ctrl+Enter (or the button) on the shop's static QRIS: the clerk has seen the money arrive on the shop's phone.
     * Pays as cash does, from then on: the receipt prints at the result.
     */
    public void confirmStaticQris() {
        if (step.get() != Step.STATIC_QRIS) {
            return;
        }
        Biller b = biller.get();
        Inquiry bill = inquiry.get();
        String clerk = session.clerk();
        Optional<Long> who = Optional.ofNullable(customer.get()).map(Customer::id);
        message.set(Message.NONE);
        step.set(Step.PAYING);
        generation++;
        run(() -> payments.payByStaticQris(clerk, b, bill, who), this::paid, failure -> {
            message.set(refusal(failure));
            staticQrisCode.set(null);
            step.set(Step.BILL);
        });
    }

    /** A plain Enter on the shop's static QRIS does not pay: it says how to confirm (a reflex press must not pay). */
    public void enterOnStaticQris() {
        if (step.get() == Step.STATIC_QRIS) {
            message.set(Message.of("counter.staticQris.enterDoesNotPay"));
        }
    }

    // ---- the receipt to the customer's WhatsApp ---------------------------------------------------------------

    /** Sending the result's receipt to the customer's WhatsApp (Shift+F5). */
    public WhatsAppReceipt whatsApp() {
        return whatsApp;
    }

    /**
     * Shift+F5 at the result: asks for the customer's phone (the registered customer's, when one was chosen) to send
     * the receipt to.
     */
    public void openWhatsApp() {
        Payment shown = payment.get();
        if (step.get() != Step.RESULT || shown == null) {
            return;
        }
        if (!hasReceipt(shown)) {
            printStatus.set(Message.of("counter.wa.noReceipt"));
            return;
        }
        whatsApp.open(shown.clientRef(), customerPhone());
    }

    // ---- waiting for a charge ----------------------------------------------------------------------------------

    /** Called once a second by the view: counts down a waiting charge and asks the gateway about it now and then. */
    public void tick() {
        if (step.get() != Step.WAITING_CHARGE) {
            return;
        }
        updateCountdown();
        if (secondsLeft.get() == 0 && payment.get() != null && payment.get().charge().isPresent()) {
            // The counter's wait has run out: withdraw the charge rather than trust the gateway's own expiry, which
            // may lag (Midtrans' docs); a payment that raced it still pays the bill.
            cancelCharge();
            return;
        }
        if (++ticks % POLL_EVERY == 0) {
            poll();
        }
    }

    /** Seconds until the waiting charge expires. */
    public ReadOnlyLongProperty secondsLeft() {
        return secondsLeft.getReadOnlyProperty();
    }

    /** Asks the gateway now whether the customer has paid the waiting charge. */
    public void poll() {
        Payment waiting = payment.get();
        if (step.get() != Step.WAITING_CHARGE || waiting == null || polling) {
            return;
        }
        polling = true;
        call(() -> payments.pollCharge(waiting.clientRef()), poll -> {
            polling = false;
            if (step.get() != Step.WAITING_CHARGE) {
                return;
            }
            if (poll.progress() == ChargePoll.Progress.WAITING) {
                payment.set(poll.payment());
            } else {
                finish(poll.payment());
            }
        }, failure -> {
            polling = false;
            LOG.warn("Polling the charge of {} failed: {}", waiting.clientRef(), failure);
        });
    }

    /** The clerk stops waiting for the charge (Esc, or the cancel button). */
    public void cancelCharge() {
        Payment waiting = payment.get();
        if (step.get() != Step.WAITING_CHARGE || waiting == null) {
            return;
        }
        step.set(Step.PAYING);
        run(() -> payments.cancelCharge(waiting.clientRef()), this::finish, failure -> {
            message.set(refusal(failure));
            step.set(Step.WAITING_CHARGE);
        });
    }

    private void updateCountdown() {
        Payment waiting = payment.get();
        if (waiting != null && waiting.charge().isPresent()) {
            long left = Duration.between(calendar.now(), waiting.charge().get().expiresAt()).toSeconds();
            secondsLeft.set(Math.max(0, left));
        }
    }

    // ---- receipts ----------------------------------------------------------------------------------------------

    /** What became of the receipt of the payment just made (or of the last reprint). */
    public ReadOnlyObjectProperty<Message> printStatus() {
        return printStatus.getReadOnlyProperty();
    }

    /** True when the last print failed: the screen offers a reprint. */
    public ReadOnlyBooleanProperty printFailed() {
        return printFailed.getReadOnlyProperty();
    }

    /** F5: prints the last payment's receipt again ("CETAK ULANG"). */
    public void reprintLast() {
        String last = session.lastPayment().get();
        if (last.isEmpty()) {
            printStatus.set(Message.of("counter.print.nothing"));
            return;
        }
        Payment shown = payment.get();
        if (shown != null && shown.clientRef().equals(last) && !hasReceipt(shown)) {
            printStatus.set(Message.of("counter.print.noReceipt"));
            return;
        }
        print(last, true);
    }

    private void print(String clientRef, boolean reprint) {
        printStatus.set(Message.of("counter.print.printing"));
        call(() -> receipts.print(clientRef, reprint), out -> {
            printFailed.set(out.kind() == ReceiptDesk.Printout.Kind.FAILED);
            String prefix = reprint ? "counter.reprint." : "counter.print.";
            printStatus.set(switch (out.kind()) {
                case PRINTED -> Message.of(prefix + "printed", out.detail());
                case SAVED_NO_PRINTER -> Message.of(prefix + "savedNoPrinter", out.detail());
                case SAVED_PRINTER_MISSING -> Message.of(prefix + "savedPrinterMissing", out.detail());
                case FAILED -> Message.of("counter.print.failed", out.detail());
            });
        }, failure -> {
            printFailed.set(true);
            printStatus.set(Message.of("counter.print.failed", failure));
        });
    }

    /** Whether {@code p} has a receipt (printed, reprinted, sent to a phone): paid, or its outcome still open. */
    static boolean hasReceipt(Payment p) {
        return p.state() == PaymentState.SUCCESS || p.state() == PaymentState.SUSPECT
                || p.state() == PaymentState.SENT;
    }

    // ---- moving between steps ----------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Step> step() {
        return step.getReadOnlyProperty();
    }

    /** What the clerk should read now: a refusal, a problem, a hint; {@link Message#NONE} when all is well. */
    public ReadOnlyObjectProperty<Message> message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty catalogLoading() {
        return catalogLoading.getReadOnlyProperty();
    }

    /** Esc: one step back. A payment on its way cannot be stepped back from; a waiting charge is cancelled. */
    public void back() {
        generation++;
        message.set(Message.NONE);
        switch (step.get()) {
            case REFERENCE, LOOKING_UP -> step.set(Step.BILLER);
            case BILL -> {
                inquiry.set(null);
                step.set(Step.REFERENCE);
            }
            case CONFIRM -> step.set(Step.BILL);
            case STATIC_QRIS -> {
                staticQrisCode.set(null);
                step.set(Step.BILL);
            }
            case WAITING_CHARGE -> cancelCharge();
            case RESULT -> {
                if (whatsApp.state().get() != WhatsAppReceipt.State.CLOSED) {
                    whatsApp.close();
                } else {
                    nextCustomer();
                }
            }
            case BILLER -> billerQuery.set("");
            case PAYING -> message.set(Message.of("counter.paying.wait"));
        }
    }

    /** Enter on the outcome: clears the screen for the next customer, the last biller highlighted. */
    public void nextCustomer() {
        if (step.get() == Step.PAYING || step.get() == Step.WAITING_CHARGE) {
            return;
        }
        generation++;
        inquiry.set(null);
        payment.set(null);
        reference.set("");
        tendered.set("");
        approvalCode.set("");
        linkPhone.set("");
        staticQrisCode.set(null);
        chargeTesting.set(false);
        whatsApp.close();
        method.set(PaymentMethod.CASH);
        biller.set(null);
        clearCustomer();
        message.set(Message.NONE);
        printStatus.set(Message.NONE);
        printFailed.set(false);
        billerQuery.set("");
        filterBillers("");
        step.set(Step.BILLER);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void filterBillers(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        matches.setPredicate(b -> q.isEmpty() || b.name().toLowerCase(Locale.ROOT).contains(q)
                || b.code().toLowerCase(Locale.ROOT).contains(q));
        Biller current = highlighted.get();
        if (current != null && matches.contains(current) && !q.isEmpty()) {
            return;
        }
        Optional<Biller> last = matches.stream().filter(b -> b.code().equals(lastBillerCode)).findFirst();
        highlighted.set(last.orElse(matches.isEmpty() ? null : matches.get(0)));
    }

    private Amounts currentAmounts() {
        Inquiry bill = inquiry.get();
        Biller b = biller.get();
        if (bill == null || b == null) {
            return null;
        }
        return payments.quote(b, bill, method.get());
    }

    private static Message inquiryProblem(GatewayResult<Inquiry> result) {
        if (result instanceof GatewayResult.Refused<Inquiry> refused) {
            GatewayError error = refused.error();
            return switch (error.code()) {
                case GatewayError.REFERENCE_NOT_FOUND, GatewayError.INVALID_REFERENCE ->
                        Message.of("counter.inquiry.notFound");
                case GatewayError.BILL_ALREADY_PAID -> Message.of("counter.inquiry.alreadyPaid");
                case GatewayError.BILLER_UNAVAILABLE -> Message.of("counter.inquiry.billerUnavailable");
                default -> Message.of("counter.inquiry.refused", error.code() + ": " + error.message());
            };
        }
        return Message.of("counter.inquiry.noAnswer", describe(result));
    }

    private Message refusal(RuntimeException e) {
        if (e instanceof PaymentRefusedException refused) {
            return switch (refused.reason()) {
                case NO_OPEN_SHIFT -> Message.of("counter.refused.noShift");
                case TENDERED_BELOW_TOTAL -> Message.of("counter.tendered.invalid");
                case ALREADY_BEING_PAID -> Message.of("counter.refused.alreadyBeingPaid");
                case INVALID_APPROVAL_CODE -> Message.of("counter.approval.invalid");
                case CHARGE_NOT_STARTED -> Message.of("counter.refused.chargeNotStarted", e.getMessage());
                case VERIFIED_CUSTOMER_REQUIRED -> Message.of(customer.get() == null
                        ? "counter.refused.customerRequired" : "counter.refused.customerUnverified");
                case COST_ABOVE_PRICE -> Message.of("counter.refused.costAbovePrice", e.getMessage());
                case INQUIRY_USED -> Message.of("counter.refused.inquiryUsed");
                case INSUFFICIENT_DEPOSIT -> Message.of("counter.refused.insufficientDeposit");
                case WRONG_BILLER, WRONG_METHOD, UNKNOWN_CUSTOMER ->
                        Message.of("counter.refused.other", e.getMessage());
            };
        }
        if (e instanceof PaymentStateException || e instanceof ReferenceRejectedException) {
            return Message.of("counter.refused.other", e.getMessage());
        }
        return Message.of("counter.refused.unexpected", e.getMessage() == null ? e.toString() : e.getMessage());
    }

    private static String describe(GatewayResult<?> result) {
        if (result instanceof GatewayResult.Refused<?> r) {
            return r.error().toString();
        }
        if (result instanceof GatewayResult.NoAnswer<?> n) {
            return n.reason();
        }
        return "";
    }

    private static boolean isPhone(String typed) {
        try {
            WaMeLink.number(typed);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** "50000", "50.000", "Rp 50.000", "Rp50.000,-": rupiah as clerks write them; empty when it is not an amount. */
    static Optional<Money> parseRupiah(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.strip().replaceFirst("(?i)^rp\\.?", "").replaceFirst(",-$", "").replace(" ", "")
                .replace(".", "");
        if (!t.matches("\\d{1,13}")) {
            return Optional.empty();
        }
        return Optional.of(Money.of(Long.parseLong(t)));
    }

    private static final Pattern DIGITS_ONLY = Pattern.compile(
            "\\^?\\(?(?:(?:\\[0-9]|\\\\d)\\{\\d+(?:,\\d+)?}\\|?)+\\)?\\$?");
    private static final Pattern LENGTH = Pattern.compile("\\{(\\d+)(?:,(\\d+))?}");

    /**
     * The catalog's pattern as a clerk reads it: "^[0-9]{12}$" is "12", "^[0-9]{6,10}$" "6–10",
     * "^([0-9]{11}|[0-9]{12})$" "11/12" (digits); other patterns are shown as they are.
     */
    static String humanPattern(String pattern) {
        if (!DIGITS_ONLY.matcher(pattern).matches()) {
            return pattern;
        }
        List<String> lengths = new ArrayList<>();
        java.util.regex.Matcher m = LENGTH.matcher(pattern);
        while (m.find()) {
            lengths.add(m.group(2) == null ? m.group(1) : m.group(1) + "–" + m.group(2));
        }
        return String.join("/", lengths);
    }

    /** Runs {@code work} in the background; {@code failed} gets the failure's message as text. */
    private <T> void call(Supplier<T> work, Consumer<T> done, Consumer<String> failed) {
        run(work, done, e -> failed.accept(e.getMessage() == null ? e.toString() : e.getMessage()));
    }

    /** Runs {@code work} in the background and hands its value, or its failure, to the JavaFX thread. */
    private <T> void run(Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        uiWork.run(work, done, cause -> {
            LOG.warn("Counter work failed", cause);
            failed.accept(cause instanceof RuntimeException re ? re : new IllegalStateException(cause));
        });
    }
}
