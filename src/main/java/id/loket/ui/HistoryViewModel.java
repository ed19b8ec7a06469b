package id.loket.ui;

import id.loket.core.BusinessCalendar;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.payment.Amounts;
import id.loket.payment.ChargeDetails;
import id.loket.payment.ClerkAdvice;
import id.loket.payment.GatewayOutcome;
import id.loket.payment.PaidBill;
import id.loket.payment.Payment;
import id.loket.payment.PaymentCriteria;
import id.loket.payment.PaymentEvent;
import id.loket.payment.PaymentService;
import id.loket.report.ReceiptMessages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The History screen (Riwayat): searches the payments, opens one with its details and its event trail, reprints
 * its receipt and sends it to the customer's WhatsApp. Plain Java and JavaFX properties, tested without the toolkit; {@link HistoryView} binds to it and
 * puts its {@link Message}s into words.
 *
 * <p>Every read of the ledger and every print runs on the {@code background} executor; results come back through
 * {@code fxThread}, where every property changes. A search answered after a newer one was started is dropped, so
 * the table always shows the last search the clerk asked for.
 *
 * <p>It lives as long as the window (a language switch rebuilds the view, not the search). After a payment at the
 * counter ({@link CounterSession#lastPayment()}) the results are stale: they are searched again now if the page is
 * showing, else the next time it is shown.
 */
public final class HistoryViewModel {

    /** The most rows a search shows; a search finding more says it was cut. */
    public static final int DEFAULT_LIMIT = PaymentCriteria.DEFAULT_LIMIT;

    /** The states whose payment has a receipt: the receipt of a SUCCESS, the provisional slip of a pending one. */
    public static final Set<PaymentState> REPRINTABLE = Set.copyOf(
            EnumSet.of(PaymentState.SUCCESS, PaymentState.SENT, PaymentState.SUSPECT));

    private static final Logger LOG = LoggerFactory.getLogger(HistoryViewModel.class);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_HOUR_MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter FULL_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PaymentService payments;
    private final ReceiptDesk receipts;
    private final BusinessCalendar calendar;
    private final UiWork uiWork;
    private final int limit;

    // ---- filters
    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>();
    private final ObjectProperty<Optional<PaymentState>> state = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Optional<PaymentMethod>> method = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty reference = new SimpleStringProperty("");
    private LocalDate defaultDay;

    // ---- results
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Message> summary = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyObjectWrapper<Message> notice = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyObjectWrapper<Message> error = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyObjectWrapper<Row> selected = new ReadOnlyObjectWrapper<>();
    private long searchGeneration;
    private boolean searchedOnce;
    private boolean stale;
    private boolean showing;

    // ---- details
    private final ReadOnlyObjectWrapper<Payment> details = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DetailGroup> detailGroups = FXCollections.observableArrayList();
    private final ObservableList<DetailGroup> readOnlyDetailGroups =
            FXCollections.unmodifiableObservableList(detailGroups);
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final ObservableList<EventRow> readOnlyEvents = FXCollections.unmodifiableObservableList(events);
    private final ReadOnlyBooleanWrapper loadingDetails = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Message> detailsError = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ObjectBinding<Message> detailsAdvice;
    private final BooleanBinding detailsOpen = details.isNotNull();
    private long detailsGeneration;

    // ---- reprint
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Message> printMessage = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyBooleanWrapper printFailed = new ReadOnlyBooleanWrapper(false);
    private final ObjectBinding<Payment> printTarget;
    private final BooleanBinding canReprint;
    private final ObjectBinding<Message> reprintUnavailable;

    // ---- receipt by WhatsApp
    private final WhatsAppReceipt whatsApp;
    private final BooleanBinding canSendReceipt;

    /**
     * @param background where the ledger is read and receipts are printed (never the JavaFX application thread)
     * @param fxThread runs result handling on the JavaFX application thread ({@code Platform::runLater} in the
     *     application, a direct executor in tests)
     */
    public HistoryViewModel(PaymentService payments, ReceiptDesk receipts, BusinessCalendar calendar,
            CounterSession session, Executor background, Executor fxThread) {
        this(payments, receipts, calendar, session, Optional.empty(), background, fxThread, DEFAULT_LIMIT);
    }

    /**
     * @param receiptMessages receipts sent to the customer's WhatsApp, or as a {@code wa.me} link ("Kirim struk")
     */
    public HistoryViewModel(PaymentService payments, ReceiptDesk receipts, BusinessCalendar calendar,
            CounterSession session, Optional<ReceiptMessages> receiptMessages, Executor background,
            Executor fxThread) {
        this(payments, receipts, calendar, session, receiptMessages, background, fxThread, DEFAULT_LIMIT);
    }

    /** As the public constructor, showing at most {@code limit} rows per search (tests use a small one). */
    HistoryViewModel(PaymentService payments, ReceiptDesk receipts, BusinessCalendar calendar,
            CounterSession session, Executor background, Executor fxThread, int limit) {
        this(payments, receipts, calendar, session, Optional.empty(), background, fxThread, limit);
    }

    private HistoryViewModel(PaymentService payments, ReceiptDesk receipts, BusinessCalendar calendar,
            CounterSession session, Optional<ReceiptMessages> receiptMessages, Executor background,
            Executor fxThread, int limit) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(session, "session");
        this.uiWork = new UiWork(background, fxThread);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        this.limit = limit;
        this.defaultDay = calendar.today();
        fromDay.set(defaultDay);
        toDay.set(defaultDay);
        // A payment at the counter makes the results stale; the view model lives as long as the session.
        session.lastPayment().addListener((obs, old, now) -> paymentMade());

        this.detailsAdvice = Bindings.createObjectBinding(
                () -> details.get() == null ? Message.NONE : adviceOf(details.get()), details);
        this.printTarget = Bindings.createObjectBinding(
                () -> details.get() != null ? details.get() : selected.get() == null ? null : selected.get().payment(),
                details, selected);
        this.canReprint = Bindings.createBooleanBinding(
                () -> printTarget.get() != null && REPRINTABLE.contains(printTarget.get().state()) && !printing.get(),
                printTarget, printing);
        this.reprintUnavailable = Bindings.createObjectBinding(() -> unavailableReason(printTarget.get()),
                printTarget);
        this.whatsApp = new WhatsAppReceipt(receiptMessages, session::clerk, background, fxThread);
        this.canSendReceipt = Bindings.createBooleanBinding(
                () -> printTarget.get() != null && REPRINTABLE.contains(printTarget.get().state()), printTarget);
        // The panel belongs to one payment: choosing or opening another closes it.
        printTarget.addListener((obs, old, now) -> {
            if (old != null && (now == null || !now.clientRef().equals(old.clientRef()))) {
                whatsApp.close();
            }
        });
        details.addListener((obs, old, now) -> detailGroups.setAll(now == null ? List.of() : describe(now)));
    }

    // ---- filters ---------------------------------------------------------------------------------------------

    /** The first business day searched (inclusive); {@code null} for no lower bound. Today by default. */
    public ObjectProperty<LocalDate> fromDay() {
        return fromDay;
    }

    /** The last business day searched (inclusive); {@code null} for no upper bound. Today by default. */
    public ObjectProperty<LocalDate> toDay() {
        return toDay;
    }

    /** The state searched for; empty for every state. */
    public ObjectProperty<Optional<PaymentState>> state() {
        return state;
    }

    /** The method searched for; empty for every method. */
    public ObjectProperty<Optional<PaymentMethod>> method() {
        return method;
    }

    /** A piece of the customer reference or of the client_ref; blank for any. */
    public StringProperty reference() {
        return reference;
    }

    /** The choices of the state filter: every state first (empty), then the states a payment can be found in. */
    public List<Optional<PaymentState>> stateChoices() {
        return Stream.concat(Stream.of(Optional.<PaymentState>empty()), Stream.of(
                PaymentState.SUCCESS, PaymentState.SUSPECT, PaymentState.SENT, PaymentState.FAILED,
                PaymentState.CHARGE_PENDING, PaymentState.PAID, PaymentState.CHARGE_EXPIRED, PaymentState.CANCELLED)
                .map(Optional::of)).toList();
    }

    /** The choices of the method filter: every method first (empty), then each method. */
    public List<Optional<PaymentMethod>> methodChoices() {
        return Stream.concat(Stream.of(Optional.<PaymentMethod>empty()),
                Arrays.stream(PaymentMethod.values()).map(Optional::of)).toList();
    }

    /** Puts every filter back to its default: today, any state, any method, no reference. */
    public void resetFilters() {
        defaultDay = calendar.today();
        fromDay.set(defaultDay);
        toDay.set(defaultDay);
        state.set(Optional.empty());
        method.set(Optional.empty());
        reference.set("");
    }

    /**
     * The clerk typed a date the date field could not read ({@code text}); says so, and searches nothing until the
     * date is corrected.
     */
    public void dateNotUnderstood(String text) {
        error.set(Message.of("history.error.date", Objects.requireNonNull(text, "text")));
    }

    // ---- searching -------------------------------------------------------------------------------------------

    /**
     * Searches with the current filters in the background. The previous results stay until the answer comes;
     * a dates range the wrong way round is refused with {@link #error()} and nothing is searched.
     */
    public void search() {
        LocalDate from = fromDay.get();
        LocalDate to = toDay.get();
        if (from != null && to != null && from.isAfter(to)) {
            error.set(Message.of("history.error.dateOrder"));
            return;
        }
        searchedOnce = true;
        stale = false;
        PaymentCriteria criteria = criteria(from, to);
        boolean withDates = from == null || to == null || !from.equals(to);
        long generation = ++searchGeneration;
        searching.set(true);
        error.set(Message.NONE);
        run(() -> payments.search(criteria), (found, failure) -> {
            if (generation != searchGeneration) {
                return; // a newer search is on its way
            }
            searching.set(false);
            if (failure != null) {
                LOG.warn("The payment history could not be searched ({})", criteria, failure);
                rows.clear();
                selected.set(null);
                summary.set(Message.NONE);
                notice.set(Message.NONE);
                error.set(Message.of("history.error.search", describe(failure)));
                return;
            }
            show(found, withDates);
        });
    }

    /** The page became visible: the first time, or when a payment was made since, it searches. */
    public void pageShown() {
        showing = true;
        LocalDate today = calendar.today();
        if (!today.equals(defaultDay) && defaultDay.equals(fromDay.get()) && defaultDay.equals(toDay.get())) {
            // The day turned while the window was open and the clerk never changed the dates: follow it.
            defaultDay = today;
            fromDay.set(today);
            toDay.set(today);
            stale = true;
        }
        if (!searchedOnce || stale) {
            search();
        }
    }

    /** The page was hidden (another section was opened). */
    public void pageHidden() {
        showing = false;
    }

    private void paymentMade() {
        if (!searchedOnce) {
            return;
        }
        if (showing) {
            search();
        } else {
            stale = true;
        }
    }

    private PaymentCriteria criteria(LocalDate from, LocalDate to) {
        Set<PaymentState> states = state.get().map(s -> Set.of(s)).orElse(Set.of());
        Set<PaymentMethod> methods = method.get().map(m -> Set.of(m)).orElse(Set.of());
        String text = reference.get() == null ? "" : reference.get().strip();
        // One more than shown, to know whether the result was cut.
        return new PaymentCriteria(Optional.ofNullable(from), Optional.ofNullable(to), states, methods,
                text.isEmpty() ? Optional.empty() : Optional.of(text), Optional.empty(), limit + 1);
    }

    private void show(List<Payment> found, boolean withDates) {
        boolean cut = found.size() > limit;
        List<Payment> shown = cut ? found.subList(0, limit) : found;
        String keep = selected.get() == null ? null : selected.get().clientRef();
        List<Row> newRows = shown.stream().map(p -> new Row(p, timeOf(p.createdAt(), withDates))).toList();
        rows.setAll(newRows);
        selected.set(newRows.stream().filter(r -> r.clientRef().equals(keep)).findFirst().orElse(null));
        long succeeded = shown.stream().filter(p -> p.state() == PaymentState.SUCCESS).count();
        Money successTotal = shown.stream().filter(p -> p.state() == PaymentState.SUCCESS).map(Payment::total)
                .reduce(Money.ZERO, Money::plus);
        summary.set(Message.of("history.summary", (long) shown.size(), succeeded, successTotal.rupiah()));
        if (shown.isEmpty()) {
            notice.set(Message.of("history.empty"));
        } else if (cut) {
            notice.set(Message.of("history.truncated", (long) limit));
        } else {
            notice.set(Message.NONE);
        }
        Payment open = details.get();
        if (open != null) {
            reloadDetails(open.clientRef());
        }
    }

    private String timeOf(Instant at, boolean withDate) {
        return (withDate ? DAY_HOUR_MINUTE : HOUR_MINUTE).format(calendar.localTime(at));
    }

    /** The payments found, newest first. */
    public ObservableList<Row> rows() {
        return readOnlyRows;
    }

    /** True while a search runs. */
    public ReadOnlyBooleanProperty searching() {
        return searching.getReadOnlyProperty();
    }

    /** How many were found and the sum of the successful ones; empty before the first search. */
    public ReadOnlyObjectProperty<Message> summary() {
        return summary.getReadOnlyProperty();
    }

    /** That nothing was found, or that the result was cut at the limit; empty otherwise. */
    public ReadOnlyObjectProperty<Message> notice() {
        return notice.getReadOnlyProperty();
    }

    /** Why the last search was not done or failed; empty when it went well. */
    public ReadOnlyObjectProperty<Message> error() {
        return error.getReadOnlyProperty();
    }

    // ---- selection and details -------------------------------------------------------------------------------

    /** The row the clerk points at (the table's selection); {@code null} for none. */
    public void select(Row row) {
        selected.set(row);
    }

    public ReadOnlyObjectProperty<Row> selected() {
        return selected.getReadOnlyProperty();
    }

    /** Opens the details of the selected row; nothing happens when none is selected. */
    public void openSelected() {
        Row row = selected.get();
        if (row != null) {
            open(row.payment());
        }
    }

    /** Shows {@code payment} at once, then reads it again with its event trail in the background. */
    public void open(Payment payment) {
        Objects.requireNonNull(payment, "payment");
        printMessage.set(Message.NONE);
        printFailed.set(false);
        events.clear();
        details.set(payment);
        reloadDetails(payment.clientRef());
    }

    /** Closes the details (Esc). */
    public void closeDetails() {
        detailsGeneration++;
        details.set(null);
        events.clear();
        loadingDetails.set(false);
        detailsError.set(Message.NONE);
    }

    private void reloadDetails(String clientRef) {
        long generation = ++detailsGeneration;
        loadingDetails.set(true);
        detailsError.set(Message.NONE);
        run(() -> new Loaded(payments.find(clientRef), payments.events(clientRef)), (loaded, failure) -> {
            if (generation != detailsGeneration) {
                return;
            }
            loadingDetails.set(false);
            if (failure != null) {
                LOG.warn("Payment {} could not be read", clientRef, failure);
                detailsError.set(Message.of("history.error.details", describe(failure)));
                return;
            }
            if (loaded.payment().isEmpty()) {
                detailsError.set(Message.of("history.error.gone", clientRef));
                return;
            }
            details.set(loaded.payment().get());
            events.setAll(loaded.events().stream().map(e -> new EventRow(e, FULL_TIME.format(
                    calendar.localTime(e.at())))).toList());
        });
    }

    private record Loaded(Optional<Payment> payment, List<PaymentEvent> events) {}

    /** The payment whose details are open, {@code null} when none is. */
    public ReadOnlyObjectProperty<Payment> details() {
        return details.getReadOnlyProperty();
    }

    /** Whether the details are open. */
    public BooleanBinding detailsOpen() {
        return detailsOpen;
    }

    /** The open payment's fields, by group, in the order a clerk reads them. */
    public ObservableList<DetailGroup> detailGroups() {
        return readOnlyDetailGroups;
    }

    /** The open payment's event trail, oldest first. */
    public ObservableList<EventRow> events() {
        return readOnlyEvents;
    }

    /** What the clerk should do about the open payment. */
    public ObservableObjectValue<Message> detailsAdvice() {
        return detailsAdvice;
    }

    public ReadOnlyBooleanProperty loadingDetails() {
        return loadingDetails.getReadOnlyProperty();
    }

    /** Why the details could not be read; empty when they were. */
    public ReadOnlyObjectProperty<Message> detailsError() {
        return detailsError.getReadOnlyProperty();
    }

    // ---- reprint ---------------------------------------------------------------------------------------------

    /**
     * Reprints the receipt of the open payment, or of the selected row when none is open, in the background;
     * {@link #printMessage()} says where it went. A payment without a receipt is not sent to the printer: the
     * message says why.
     */
    public void reprint() {
        Payment target = printTarget.get();
        if (printing.get()) {
            return;
        }
        printFailed.set(false);
        if (target == null || !REPRINTABLE.contains(target.state())) {
            printFailed.set(true);
            printMessage.set(unavailableReason(target));
            return;
        }
        boolean provisional = target.state() != PaymentState.SUCCESS;
        String clientRef = target.clientRef();
        printing.set(true);
        printMessage.set(Message.of("history.print.running", clientRef));
        run(() -> receipts.print(clientRef, true), (printout, failure) -> {
            printing.set(false);
            if (failure != null) {
                LOG.warn("The receipt of {} could not be reprinted", clientRef, failure);
                printFailed.set(true);
                printMessage.set(Message.of("history.print.failed", clientRef, describe(failure)));
                return;
            }
            String kind = provisional ? ".provisional" : "";
            printFailed.set(printout.kind() == ReceiptDesk.Printout.Kind.FAILED);
            printMessage.set(switch (printout.kind()) {
                case PRINTED -> Message.of("history.print.printed" + kind, clientRef, printout.detail());
                case SAVED_NO_PRINTER -> Message.of("history.print.savedNoPrinter" + kind, clientRef,
                        printout.detail());
                case SAVED_PRINTER_MISSING -> Message.of("history.print.savedPrinterMissing" + kind, clientRef,
                        printout.detail());
                case FAILED -> Message.of("history.print.failed", clientRef, printout.detail());
            });
        });
    }

    /** Whether {@link #reprint()} would print now (a payment with a receipt is chosen, no print running). */
    public ObservableBooleanValue canReprint() {
        return canReprint;
    }

    /** Why the chosen payment cannot be reprinted (for the button's tooltip); empty when it can. */
    public ObservableObjectValue<Message> reprintUnavailable() {
        return reprintUnavailable;
    }

    public ReadOnlyBooleanProperty printing() {
        return printing.getReadOnlyProperty();
    }

    /** What became of the last reprint; empty before one. */
    public ReadOnlyObjectProperty<Message> printMessage() {
        return printMessage.getReadOnlyProperty();
    }

    /** Whether the last reprint failed (or could not be tried), for the message's colour. */
    public ReadOnlyBooleanProperty printFailed() {
        return printFailed.getReadOnlyProperty();
    }

    // ---- receipt by WhatsApp ----------------------------------------------------------------------------------

    /** Sending the chosen payment's receipt to the customer's WhatsApp. */
    public WhatsAppReceipt whatsApp() {
        return whatsApp;
    }

    /** Whether the open payment, or the selected row, has a receipt to send. */
    public ObservableBooleanValue canSendReceipt() {
        return canSendReceipt;
    }

    /**
     * "Kirim struk (WhatsApp)" (Shift+F5): asks for the phone to send the receipt of the open payment, or of the
     * selected row, to. A payment without a receipt is not offered: the print message says why.
     */
    public void openWhatsApp() {
        Payment target = printTarget.get();
        if (target == null || !REPRINTABLE.contains(target.state())) {
            printFailed.set(true);
            printMessage.set(unavailableReason(target));
            return;
        }
        whatsApp.open(target.clientRef(), Optional.empty());
    }

    private static Message unavailableReason(Payment target) {
        if (target == null) {
            return Message.of("history.reprint.noSelection");
        }
        if (REPRINTABLE.contains(target.state())) {
            return Message.NONE;
        }
        return Message.of("history.reprint.unavailable." + target.advice().name());
    }

    // ---- the details' lines ----------------------------------------------------------------------------------

    private static Message adviceOf(Payment p) {
        ClerkAdvice advice = p.advice();
        return Message.of("history.advice." + advice.name());
    }

    private List<DetailGroup> describe(Payment p) {
        List<DetailGroup> groups = new ArrayList<>();

        List<DetailLine> payment = new ArrayList<>();
        payment.add(text("clientRef", "history.field.clientRef", p.clientRef()));
        payment.add(text("createdAt", "history.field.createdAt", FULL_TIME.format(calendar.localTime(p.createdAt()))));
        payment.add(text("businessDay", "history.field.businessDay", DAY.format(p.businessDay())));
        payment.add(text("clerk", "history.field.clerk", p.clerk()));
        payment.add(new DetailLine("shift", Message.of("history.field.shift"),
                Message.of("history.value.shift", String.valueOf(p.shiftId()))));
        payment.add(new DetailLine("state", Message.of("history.field.state"),
                Message.of("history.state." + p.state().name())));
        if (p.resends() > 0) {
            payment.add(text("resends", "history.field.resends", String.valueOf(p.resends())));
        }
        groups.add(new DetailGroup("payment", Message.of("history.group.payment"), payment));

        PaidBill bill = p.bill();
        List<DetailLine> billLines = new ArrayList<>();
        billLines.add(text("biller", "history.field.biller", bill.billerName() + " (" + bill.billerCode() + ")"));
        billLines.add(text("reference", "history.field.reference", bill.reference()));
        billLines.add(text("customerName", "history.field.customerName", bill.customerName()));
        bill.period().ifPresent(period -> billLines.add(text("period", "history.field.period", period)));
        for (Map.Entry<String, String> detail : bill.details().entrySet()) {
            if (!detail.getKey().equals(PaidBill.PERIOD_DETAIL)) {
                billLines.add(new DetailLine("detail-" + detail.getKey(), Message.of("history.value",
                        detail.getKey()), Message.of("history.value", detail.getValue())));
            }
        }
        groups.add(new DetailGroup("bill", Message.of("history.group.bill"), billLines));

        Amounts amounts = p.amounts();
        List<DetailLine> money = new ArrayList<>();
        money.add(money("amount", "history.field.amount", amounts.bill()));
        money.add(money("adminFee", "history.field.adminFee", amounts.adminFee()));
        money.add(money("total", "history.field.total", amounts.total()));
        money.add(new DetailLine("method", Message.of("history.field.method"),
                Message.of("history.method." + p.method().name())));
        p.tendered().ifPresent(t -> money.add(money("tendered", "history.field.tendered", t)));
        p.change().ifPresent(c -> money.add(money("change", "history.field.change", c)));
        p.approvalCode().ifPresent(code -> money.add(text("approvalCode", "history.field.approvalCode", code)));
        p.charge().ifPresent(charge -> addCharge(money, charge));
        groups.add(new DetailGroup("money", Message.of("history.group.money"), money));

        List<DetailLine> gateway = new ArrayList<>();
        p.outcome().ifPresent(outcome -> addOutcome(gateway, outcome));
        p.failureReason().ifPresent(reason -> gateway.add(text("failureReason", "history.field.failureReason",
                reason)));
        if (p.refundDue()) {
            gateway.add(new DetailLine("refundDue", Message.of("history.field.refundDue"),
                    Message.of("history.value.refundDue")));
        }
        if (!gateway.isEmpty()) {
            groups.add(new DetailGroup("gateway", Message.of("history.group.gateway"), gateway));
        }
        return List.copyOf(groups);
    }

    private void addCharge(List<DetailLine> lines, ChargeDetails charge) {
        lines.add(text("chargeId", "history.field.chargeId", charge.chargeId()));
        charge.vaNumber().ifPresent(va -> lines.add(text("vaNumber", "history.field.vaNumber", va)));
        charge.paymentUrl().ifPresent(url -> lines.add(text("paymentUrl", "history.field.paymentUrl", url)));
        lines.add(text("chargeExpiresAt", "history.field.chargeExpiresAt",
                FULL_TIME.format(calendar.localTime(charge.expiresAt()))));
    }

    private void addOutcome(List<DetailLine> lines, GatewayOutcome outcome) {
        lines.add(text("gatewayPaymentId", "history.field.gatewayPaymentId", outcome.paymentId()));
        lines.add(text("gatewayAnswer", "history.field.gatewayAnswer", outcome.rc() + " · " + outcome.message()));
        outcome.billerRef().ifPresent(ref -> lines.add(text("billerRef", "history.field.billerRef", ref)));
        outcome.token().ifPresent(token -> lines.add(text("token", "history.field.token", token)));
        outcome.kwh().ifPresent(kwh -> lines.add(text("kwh", "history.field.kwh", kwh)));
        outcome.paidAt().ifPresent(at -> lines.add(text("paidAt", "history.field.paidAt",
                FULL_TIME.format(calendar.localTime(at)))));
    }

    private static DetailLine text(String id, String labelKey, String value) {
        return new DetailLine(id, Message.of(labelKey), Message.of("history.value", value));
    }

    private static DetailLine money(String id, String labelKey, Money value) {
        return new DetailLine(id, Message.of(labelKey), Message.of("history.value.money", value.rupiah()));
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    private interface Work<T> {
        T get();
    }

    private interface Done<T> {
        void accept(T result, Throwable failure);
    }

    /** Runs {@code work} on the background and {@code done} on the JavaFX thread; never lets a failure escape. */
    private <T> void run(Work<T> work, Done<T> done) {
        // The background refused the work (shutting down): say so rather than spin forever.
        uiWork.run(work::get, result -> done.accept(result, null), failure -> done.accept(null, failure),
                refused -> done.accept(null, refused));
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    // ---- what the view shows ---------------------------------------------------------------------------------

    /**
     * One payment found: the payment and its time of day in WIB ("14:05", or "22/11/2026 14:05" when the search
     * spans several days).
     */
    public record Row(Payment payment, String time) {

        public Row {
            Objects.requireNonNull(payment, "payment");
            Objects.requireNonNull(time, "time");
        }

        public String clientRef() {
            return payment.clientRef();
        }

        public PaymentState state() {
            return payment.state();
        }

        public PaymentMethod method() {
            return payment.method();
        }

        public Money total() {
            return payment.total();
        }

        public String billerName() {
            return payment.bill().billerName();
        }

        public String reference() {
            return payment.bill().reference();
        }

        public String customerName() {
            return payment.bill().customerName();
        }
    }

    /** One field of the details: a stable id (for node ids and tests), its label and its value. */
    public record DetailLine(String id, Message label, Message value) {

        public DetailLine {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Fields that belong together (the payment, the bill, the money, the gateway's answer). */
    public record DetailGroup(String id, Message title, List<DetailLine> lines) {

        public DetailGroup {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            lines = List.copyOf(lines);
        }
    }

    /** One step of a payment's event trail, its time in WIB ("22/11/2026 14:05:09"). */
    public record EventRow(PaymentEvent event, String time) {

        public EventRow {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(time, "time");
        }

        /** Whether the step changed the state (a resend, for one, does not). */
        public boolean isTransition() {
            return event.from() != event.to();
        }
    }
}
