package id.loket.ui;

import id.loket.billing.BillingService;
import id.loket.billing.GatewayResult;
import id.loket.core.Biller;
import id.loket.customers.Customer;
import id.loket.customers.CustomerException;
import id.loket.customers.CustomerService;
import id.loket.customers.Nik;
import id.loket.customers.OtpSent;
import id.loket.customers.PhoneNumber;
import id.loket.customers.SavedReference;
import id.loket.users.Operator;
import id.loket.users.UserService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customers screen's state: find a regular customer by name, phone or NIK; register a new one (the NIK and the
 * phone checked as they are typed) and verify their phone with the SMS code; keep the bills they pay again and again.
 * Plain Java and JavaFX properties, tested without the toolkit; {@link CustomersView} binds to it.
 *
 * <p>Every ledger or gateway call runs on {@code background} and its result comes back through {@code fxThread}.
 * A search answered after a later one started is dropped, so the table always shows the last text typed.
 *
 * <p><b>The chosen customer.</b> {@link #selected()} is the customer the clerk works with (picked in the table, or
 * just registered), and {@link #references()} their saved references: what the counter offers when it picks a
 * customer. A new search does not forget the chosen customer; choosing another one does.
 *
 * <p><b>Privacy.</b> The NIK in {@link Row#nikShown()} is masked unless the signed-in operator is, as stored now, the
 * owner ({@link CustomerService#nikShownTo}); an operator the users' service does not know sees it masked. No NIK is
 * logged: failures are logged by customer id and the service's messages, which never carry one.
 */
public final class CustomersViewModel {

    /** A customer as the table shows them: the NIK already masked for whoever looks. */
    public record Row(Customer customer, String nikShown) {

        public Row {
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(nikShown, "nikShown");
        }

        public long id() {
            return customer.id();
        }
    }

    /** A saved reference with its biller's name from the catalog (the code while the catalog is unknown). */
    public record ReferenceRow(SavedReference reference, String billerName) {

        public ReferenceRow {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(billerName, "billerName");
        }
    }

    /** A registration field the service refused, for the view to put the focus back on. */
    public enum Field {
        NAME,
        NIK,
        PHONE
    }

    /** Where the sandbox and the clerk read a time: the shop's clock (WIB). */
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** How the service words the tries left after a wrong code ("… 4 tries left …", "… 1 try left …"). */
    private static final Pattern TRIES_LEFT = Pattern.compile("(\\d+) tr(?:y|ies) left");
    private static final Logger LOG = LoggerFactory.getLogger(CustomersViewModel.class);

    private final CustomerService customers;
    private final BillingService billing;
    private final UserService users;
    private final Access.SignedIn operator;
    private final UiWork uiWork;
    private final Executor fxThread;
    private final Clock clock;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableList<Row> results = FXCollections.observableArrayList();
    private final ObservableList<Row> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyObjectWrapper<Message> searchProblem = new ReadOnlyObjectWrapper<>(Message.NONE);

    private final ReadOnlyObjectWrapper<Customer> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectedNik = new ReadOnlyStringWrapper("");

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty nik = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> nikProblem = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyObjectWrapper<Message> phoneProblem = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyObjectWrapper<Field> refusedField = new ReadOnlyObjectWrapper<>();

    private final ReadOnlyObjectWrapper<OtpSent> otpSent = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> otpInfo = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyStringWrapper sandboxCode = new ReadOnlyStringWrapper("");
    private final StringProperty code = new SimpleStringProperty("");

    private final ObservableList<Biller> billers = FXCollections.observableArrayList();
    private final ObservableList<Biller> billersView = FXCollections.unmodifiableObservableList(billers);
    private final ReadOnlyObjectWrapper<Message> catalogProblem = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ObservableList<ReferenceRow> references = FXCollections.observableArrayList();
    private final ObservableList<ReferenceRow> referencesView = FXCollections.unmodifiableObservableList(references);
    private final ObjectProperty<Biller> referenceBiller = new SimpleObjectProperty<>();
    private final StringProperty referenceText = new SimpleStringProperty("");
    private final StringProperty referenceLabel = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> referenceProblem = new ReadOnlyObjectWrapper<>(Message.NONE);

    /** Numbers the searches, so that only the latest one is shown. */
    private long searches;
    /** Numbers the reads of saved references, so that a slow read of an earlier customer is dropped. */
    private long referenceReads;
    private boolean catalogLoading;

    /**
     * @param operator who is signed in: whether they see the NIK in full is asked of {@code users}
     * @param background where the ledger and the gateway are called; never the JavaFX application thread
     * @param fxThread runs result handling on the JavaFX application thread ({@code Platform::runLater} in the
     *     application, a direct executor in tests)
     */
    public CustomersViewModel(CustomerService customers, BillingService billing, UserService users,
            Access.SignedIn operator, Executor background, Executor fxThread) {
        this(customers, billing, users, operator, background, fxThread, Clock.systemUTC());
    }

    /** @param clock the date a NIK's birth date may not be after, while it is typed (the service checks again) */
    CustomersViewModel(CustomerService customers, BillingService billing, UserService users,
            Access.SignedIn operator, Executor background, Executor fxThread, Clock clock) {
        this.customers = Objects.requireNonNull(customers, "customers");
        this.billing = Objects.requireNonNull(billing, "billing");
        this.users = Objects.requireNonNull(users, "users");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.uiWork = new UiWork(background, fxThread);
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.clock = Objects.requireNonNull(clock, "clock");

        searchText.addListener((obs, old, now) -> search());
        nik.addListener((obs, old, now) -> nikProblem.set(nikProblemOf(now)));
        phone.addListener((obs, old, now) -> phoneProblem.set(phoneProblemOf(now)));
        referenceText.addListener((obs, old, now) -> referenceProblem.set(Message.NONE));
        referenceBiller.addListener((obs, old, now) -> referenceProblem.set(Message.NONE));
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    /** The page is shown: searches again (a customer may have been registered elsewhere) and reads the catalog. */
    public void activate() {
        search();
        loadCatalog();
        Customer chosen = selected.get();
        if (chosen != null) {
            loadReferences(chosen.id());
        }
    }

    /** The page is hidden; nothing runs on its behalf meanwhile. */
    public void deactivate() {
        // Nothing is watched while hidden: activate() reads everything again.
    }

    // ---- finding -----------------------------------------------------------------------------------------------

    /** What the clerk types to find a customer: part of the name, the phone (0812… or +62…) or the NIK. */
    public StringProperty searchText() {
        return searchText;
    }

    /** The customers found by the last search, by name (at most {@link CustomerService#SEARCH_LIMIT}). */
    public ObservableList<Row> results() {
        return resultsView;
    }

    /** Whether a search is on its way. */
    public ReadOnlyBooleanProperty searching() {
        return searching.getReadOnlyProperty();
    }

    /** Why the last search found nothing or failed; {@link Message#NONE} when it found someone. */
    public ReadOnlyObjectProperty<Message> searchProblem() {
        return searchProblem.getReadOnlyProperty();
    }

    /** Searches for the text typed, in the background (every change of the text does). */
    public void search() {
        long search = ++searches;
        String text = searchText.get();
        searching.set(true);
        run(() -> {
            Optional<Operator> viewer = viewer();
            return customers.search(text).stream().map(c -> row(c, viewer)).toList();
        }, found -> {
            if (search != searches) {
                return;
            }
            searching.set(false);
            results.setAll(found);
            refreshSelected(found);
            boolean blank = text == null || text.isBlank();
            searchProblem.set(!found.isEmpty() ? Message.NONE
                    : Message.of(blank ? "customers.search.nobody" : "customers.search.none", text == null ? ""
                            : text.strip()));
        }, failure -> {
            if (search != searches) {
                return;
            }
            searching.set(false);
            LOG.warn("Customers could not be searched", failure);
            searchProblem.set(Message.of("customers.search.failed"));
        });
    }

    // ---- the chosen customer -----------------------------------------------------------------------------------

    /**
     * The customer the clerk works with: picked in the table or just registered; {@code null} before. What the
     * counter offers when it picks a customer (with {@link #references()}).
     */
    public ReadOnlyObjectProperty<Customer> selected() {
        return selected.getReadOnlyProperty();
    }

    /** The chosen customer's NIK as the signed-in operator may see it; empty without a chosen customer. */
    public ReadOnlyStringProperty selectedNik() {
        return selectedNik.getReadOnlyProperty();
    }

    /**
     * Chooses {@code row}'s customer (the table's selection): their saved references are read, and a code sent to
     * the customer chosen before is no longer shown. {@code null} is ignored: the chosen customer stays chosen while
     * the clerk searches for someone else.
     */
    public void select(Row row) {
        if (row == null) {
            return;
        }
        Customer before = selected.get();
        boolean another = before == null || before.id() != row.id();
        choose(row);
        if (another) {
            forgetCode();
            referenceText.set("");
            referenceLabel.set("");
            referenceProblem.set(Message.NONE);
            references.clear();
            loadReferences(row.id());
        }
    }

    private void choose(Row row) {
        selected.set(row.customer());
        selectedNik.set(row.nikShown());
    }

    // ---- registering -------------------------------------------------------------------------------------------

    public StringProperty name() {
        return name;
    }

    public StringProperty nik() {
        return nik;
    }

    public StringProperty phone() {
        return phone;
    }

    /** Optional. */
    public StringProperty email() {
        return email;
    }

    /** Optional. */
    public StringProperty address() {
        return address;
    }

    /** What is wrong with the NIK as typed, in the words of {@link Nik}; {@link Message#NONE} while it is fine or empty. */
    public ReadOnlyObjectProperty<Message> nikProblem() {
        return nikProblem.getReadOnlyProperty();
    }

    /** What is wrong with the phone as typed, in the words of {@link PhoneNumber}; NONE while fine or empty. */
    public ReadOnlyObjectProperty<Message> phoneProblem() {
        return phoneProblem.getReadOnlyProperty();
    }

    /** The field the last refused registration is about, for the focus; {@code null} when none is. */
    public ReadOnlyObjectProperty<Field> refusedField() {
        return refusedField.getReadOnlyProperty();
    }

    /**
     * Registers the customer typed in the form, then sends the code to their phone, in the background. A refused
     * registration writes nothing and keeps what was typed; a registered customer whose code could not be sent stays
     * registered (UNVERIFIED) and chosen, and a code is sent again with {@link #sendCode()}.
     */
    public void register() {
        if (busy.get()) {
            return;
        }
        String typedName = name.get();
        String typedNik = nik.get();
        String typedPhone = phone.get();
        Optional<String> typedEmail = optional(email.get());
        Optional<String> typedAddress = optional(address.get());
        busy.set(true);
        refusedField.set(null);
        message.set(Message.NONE);
        run(() -> {
            Customer registered = customers.register(typedName, typedNik, typedPhone, typedEmail, typedAddress);
            Row row = row(registered, viewer());
            try {
                return new Registration(row, customers.requestOtp(registered.id()), null);
            } catch (RuntimeException e) {
                // Registered all the same: the code is sent again from the screen.
                return new Registration(row, null, e);
            }
        }, done -> {
            busy.set(false);
            name.set("");
            nik.set("");
            phone.set("");
            email.set("");
            address.set("");
            nikProblem.set(Message.NONE);
            phoneProblem.set(Message.NONE);
            if (results.stream().noneMatch(r -> r.id() == done.row().id())) {
                results.add(0, done.row());
                searchProblem.set(Message.NONE);
            }
            select(done.row());
            if (done.sent() != null) {
                codeSent(done.sent());
                info(Message.of("customers.registered", done.row().customer().name(),
                        done.sent().customer().phone().e164()));
            } else {
                LOG.warn("Customer {} registered, but the code could not be sent", done.row().id(), done.failure());
                error(Message.of("customers.registered.noCode", done.row().customer().name(),
                        detailOf(done.failure())));
            }
        }, failure -> {
            busy.set(false);
            LOG.info("A registration was refused: {}", failure.toString());
            if (failure instanceof CustomerException e) {
                switch (e.reason()) {
                    case INVALID_NIK -> {
                        nikProblem.set(Message.of("customers.nik.invalid", e.getMessage()));
                        refusedField.set(Field.NIK);
                    }
                    case DUPLICATE_NIK -> refusedField.set(Field.NIK);
                    case INVALID_PHONE -> {
                        phoneProblem.set(Message.of("customers.phone.invalid", e.getMessage()));
                        refusedField.set(Field.PHONE);
                    }
                    default -> {
                        // A name, an email or an address: the message says which.
                    }
                }
            }
            error(refusal("customers.register.refused", failure));
        });
    }

    private record Registration(Row row, OtpSent sent, Throwable failure) {}

    // ---- the SMS code ------------------------------------------------------------------------------------------

    /** The code sent to the chosen customer from this screen, while it waits to be typed; {@code null} otherwise. */
    public ReadOnlyObjectProperty<OtpSent> otpSent() {
        return otpSent.getReadOnlyProperty();
    }

    /** "Code sent to +62…, valid until 14:05 WIB"; {@link Message#NONE} while no code was sent from here. */
    public ReadOnlyObjectProperty<Message> otpInfo() {
        return otpInfo.getReadOnlyProperty();
    }

    /** The code itself when the gateway is the sandbox (it sends no SMS); empty with a real gateway. */
    public ReadOnlyStringProperty sandboxCode() {
        return sandboxCode.getReadOnlyProperty();
    }

    /** The code the customer reads from the SMS, as the clerk types it. */
    public StringProperty code() {
        return code;
    }

    /** Sends a (new) code to the chosen customer's phone, in the background ("Kirim ulang kode"). */
    public void sendCode() {
        Customer customer = selected.get();
        if (busy.get()) {
            return;
        }
        if (customer == null) {
            error(Message.of("customers.error.noneChosen"));
            return;
        }
        if (customer.isVerified()) {
            info(Message.of("customers.otp.alreadyVerified", customer.name()));
            return;
        }
        busy.set(true);
        message.set(Message.NONE);
        run(() -> customers.requestOtp(customer.id()), sent -> {
            busy.set(false);
            if (!isChosen(customer.id())) {
                return;
            }
            codeSent(sent);
            code.set("");
            info(Message.of("customers.otp.resent", sent.customer().phone().e164()));
        }, failure -> {
            busy.set(false);
            LOG.info("No code was sent to customer {}: {}", customer.id(), failure.toString());
            if (failure instanceof CustomerException e
                    && e.reason() == CustomerException.Reason.ALREADY_VERIFIED) {
                refreshChosen(customer.id());
            }
            error(refusal("customers.otp.sendFailed", failure));
        });
    }

    /**
     * Checks the typed code with the gateway, in the background (Enter in the code field). The right one makes the
     * chosen customer VERIFIED; a wrong one says how many tries are left; a locked or expired one says to send a new
     * code.
     */
    public void verify() {
        Customer customer = selected.get();
        if (busy.get()) {
            return;
        }
        if (customer == null) {
            error(Message.of("customers.error.noneChosen"));
            return;
        }
        String typed = code.get() == null ? "" : code.get().strip();
        if (typed.isEmpty()) {
            error(Message.of("customers.otp.missing"));
            return;
        }
        busy.set(true);
        message.set(Message.NONE);
        run(() -> row(customers.verify(customer.id(), typed), viewer()), verified -> {
            busy.set(false);
            replace(verified);
            if (isChosen(customer.id())) {
                choose(verified);
                forgetCode();
            }
            info(Message.of("customers.verified", verified.customer().name()));
        }, failure -> {
            busy.set(false);
            code.set("");
            LOG.info("Customer {}: the code was refused: {}", customer.id(), failure.toString());
            error(codeRefusal(failure));
        });
    }

    private Message codeRefusal(Throwable failure) {
        if (!(failure instanceof CustomerException e)) {
            return refusal("customers.otp.verifyFailed", failure);
        }
        return switch (e.reason()) {
            case OTP_WRONG -> {
                Matcher left = TRIES_LEFT.matcher(e.getMessage());
                yield left.find() ? Message.of("customers.otp.wrong", Integer.parseInt(left.group(1)))
                        : Message.of("customers.refused.OTP_WRONG", e.getMessage());
            }
            case OTP_LOCKED -> {
                forgetCode();
                yield Message.of("customers.otp.locked");
            }
            case OTP_EXPIRED -> {
                forgetCode();
                yield Message.of("customers.otp.expired");
            }
            case OTP_NOT_REQUESTED -> Message.of("customers.otp.notRequested");
            default -> refusal("customers.otp.verifyFailed", e);
        };
    }

    private void codeSent(OtpSent sent) {
        otpSent.set(sent);
        otpInfo.set(Message.of("customers.otp.sent", sent.customer().phone().e164(),
                clockTime(sent.expiresAt())));
        sandboxCode.set(sent.sandboxCode().orElse(""));
    }

    private void forgetCode() {
        otpSent.set(null);
        otpInfo.set(Message.NONE);
        sandboxCode.set("");
        code.set("");
    }

    // ---- saved references --------------------------------------------------------------------------------------

    /** The gateway's catalog, for choosing the biller of a reference; empty until read. */
    public ObservableList<Biller> billers() {
        return billersView;
    }

    /** Why the catalog could not be read; {@link Message#NONE} once it was. */
    public ReadOnlyObjectProperty<Message> catalogProblem() {
        return catalogProblem.getReadOnlyProperty();
    }

    /** The chosen customer's saved references, oldest first. */
    public ObservableList<ReferenceRow> references() {
        return referencesView;
    }

    /** The biller of the reference to add. */
    public ObjectProperty<Biller> referenceBiller() {
        return referenceBiller;
    }

    /** The reference to add: the customer number, meter or phone number of the bill. */
    public StringProperty referenceText() {
        return referenceText;
    }

    /** Optional: what the customer calls the bill ("Rumah", "Kos Ibu"). */
    public StringProperty referenceLabel() {
        return referenceLabel;
    }

    /** Why the reference cannot be added; {@link Message#NONE} when it can. */
    public ReadOnlyObjectProperty<Message> referenceProblem() {
        return referenceProblem.getReadOnlyProperty();
    }

    /** Reads the catalog again, in the background, unless it is known already. */
    public void loadCatalog() {
        if (!billers.isEmpty() || catalogLoading) {
            return;
        }
        catalogLoading = true;
        run(billing::billers, result -> {
            catalogLoading = false;
            if (result instanceof GatewayResult.Answer<List<Biller>> answer) {
                billers.setAll(answer.value());
                catalogProblem.set(Message.NONE);
                relabelReferences();
            } else {
                catalogProblem.set(Message.of("customers.catalog.failed",
                        result instanceof GatewayResult.Refused<List<Biller>> refused ? refused.error().toString()
                                : ((GatewayResult.NoAnswer<List<Biller>>) result).reason()));
            }
        }, failure -> {
            catalogLoading = false;
            LOG.warn("The catalog could not be read", failure);
            catalogProblem.set(Message.of("customers.catalog.failed", detailOf(failure)));
        });
    }

    /**
     * Saves the typed reference for the chosen customer, in the background; saving the same biller and reference
     * again only changes the label. The reference is checked against the biller's pattern first.
     */
    public void addReference() {
        Customer customer = selected.get();
        if (busy.get()) {
            return;
        }
        if (customer == null) {
            error(Message.of("customers.error.noneChosen"));
            return;
        }
        Biller biller = referenceBiller.get();
        if (biller == null) {
            referenceProblem.set(Message.of("customers.reference.noBiller"));
            return;
        }
        String reference = BillingService.normalise(Objects.requireNonNullElse(referenceText.get(), ""));
        if (reference.isEmpty()) {
            referenceProblem.set(Message.of("customers.reference.missing", biller.referenceLabel()));
            return;
        }
        if (!biller.acceptsReference(reference)) {
            referenceProblem.set(Message.of("customers.reference.badFormat", biller.referenceLabel(), reference,
                    biller.name()));
            return;
        }
        Optional<String> label = optional(referenceLabel.get());
        busy.set(true);
        message.set(Message.NONE);
        run(() -> customers.saveReference(customer.id(), biller.code(), reference, label), saved -> {
            busy.set(false);
            if (isChosen(customer.id())) {
                referenceText.set("");
                referenceLabel.set("");
                loadReferences(customer.id());
            }
            info(Message.of("customers.reference.saved", biller.name(), saved.reference(), customer.name()));
        }, failure -> {
            busy.set(false);
            LOG.info("Customer {}: a reference was refused: {}", customer.id(), failure.toString());
            Message why = refusal("customers.reference.refused", failure);
            referenceProblem.set(why);
            error(why);
        });
    }

    private void loadReferences(long customerId) {
        long read = ++referenceReads;
        List<Biller> catalog = List.copyOf(billers);
        run(() -> customers.references(customerId).stream().map(r -> referenceRow(r, catalog)).toList(), found -> {
            if (read == referenceReads && isChosen(customerId)) {
                references.setAll(found);
            }
        }, failure -> {
            if (read != referenceReads) {
                return;
            }
            LOG.warn("The saved references of customer {} could not be read", customerId, failure);
            error(refusal("customers.reference.readFailed", failure));
        });
    }

    private void relabelReferences() {
        List<Biller> catalog = List.copyOf(billers);
        List<ReferenceRow> relabelled = new ArrayList<>();
        for (ReferenceRow r : references) {
            relabelled.add(referenceRow(r.reference(), catalog));
        }
        references.setAll(relabelled);
    }

    private static ReferenceRow referenceRow(SavedReference reference, List<Biller> catalog) {
        String billerName = catalog.stream().filter(b -> b.code().equals(reference.billerCode())).findFirst()
                .map(Biller::name).orElse(reference.billerCode());
        return new ReferenceRow(reference, billerName);
    }

    // ---- what the page shows -----------------------------------------------------------------------------------

    /** Whether a registration, a code or a reference is on its way (the buttons are disabled meanwhile). */
    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** The outcome of the last action, or why it was refused; {@link Message#NONE} when there is nothing to say. */
    public ReadOnlyObjectProperty<Message> message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsError() {
        return messageIsError.getReadOnlyProperty();
    }

    // ---- inside ------------------------------------------------------------------------------------------------

    /** The signed-in operator as the users' service knows them now (a role may have changed); on background only. */
    private Optional<Operator> viewer() {
        return users.find(operator.username());
    }

    private static Row row(Customer customer, Optional<Operator> viewer) {
        return new Row(customer, viewer.map(v -> CustomerService.nikShownTo(v, customer))
                .orElseGet(() -> customer.nik().masked()));
    }

    private boolean isChosen(long customerId) {
        Customer chosen = selected.get();
        return chosen != null && chosen.id() == customerId;
    }

    /** A search found the chosen customer: shows them as stored now (verified elsewhere, say). */
    private void refreshSelected(List<Row> found) {
        Customer chosen = selected.get();
        if (chosen == null) {
            return;
        }
        for (Row r : found) {
            if (r.id() == chosen.id()) {
                choose(r);
                if (r.customer().isVerified()) {
                    forgetCode();
                }
                return;
            }
        }
    }

    private void refreshChosen(long customerId) {
        run(() -> customers.find(customerId).map(c -> row(c, viewer())), found -> found.ifPresent(r -> {
            replace(r);
            if (isChosen(customerId)) {
                choose(r);
                forgetCode();
            }
        }), failure -> LOG.warn("Customer {} could not be read again", customerId, failure));
    }

    private void replace(Row row) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).id() == row.id()) {
                results.set(i, row);
                return;
            }
        }
    }

    private Message nikProblemOf(String text) {
        if (text == null || text.isBlank()) {
            return Message.NONE;
        }
        try {
            Nik.parse(text, clock);
            return Message.NONE;
        } catch (CustomerException e) {
            return Message.of("customers.nik.invalid", e.getMessage());
        }
    }

    private static Message phoneProblemOf(String text) {
        if (text == null || text.isBlank()) {
            return Message.NONE;
        }
        try {
            PhoneNumber.parse(text);
            return Message.NONE;
        } catch (CustomerException e) {
            return Message.of("customers.phone.invalid", e.getMessage());
        }
    }

    /**
     * A refusal in the screen's words: the reason's own text with the service's detail, or {@code otherwiseKey}
     * for a failure that is not a refusal (the ledger or the network; the details are in the log, never a stack trace
     * on screen).
     */
    private static Message refusal(String otherwiseKey, Throwable failure) {
        if (failure instanceof CustomerException e) {
            return Message.of("customers.refused." + e.reason().name(), e.getMessage());
        }
        return Message.of(otherwiseKey, detailOf(failure));
    }

    private static String detailOf(Throwable failure) {
        if (failure == null) {
            return "";
        }
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getSimpleName() : text;
    }

    private static Optional<String> optional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private void error(Message text) {
        messageIsError.set(true);
        message.set(text);
    }

    private void info(Message text) {
        messageIsError.set(false);
        message.set(text);
    }

    /** Runs {@code work} on the background executor and hands its result or its failure to the JavaFX thread. */
    private <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        // The executor refused the work (shut down as the window closes): say so rather than hang.
        uiWork.run(work, done, failed, refused -> fxThread.execute(() -> failed.accept(refused)));
    }

    /** {@code at} as the clerk reads a time: HH:mm, WIB. */
    static String clockTime(Instant at) {
        return CLOCK_TIME.format(at.atZone(WIB));
    }
}
