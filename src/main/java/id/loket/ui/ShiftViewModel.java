package id.loket.ui;

import id.loket.core.BusinessCalendar;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.shift.Shift;
import id.loket.shift.ShiftException;
import id.loket.shift.ShiftRecap;
import id.loket.shift.ShiftService;
import id.loket.shift.Tally;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shift screen's state: open the clerk's shift with the cash in the drawer, watch what it took, close it with
 * the drawer counted (expected, counted, over or short) and keep the final recap on screen until the next shift.
 * Plain Java and JavaFX properties, tested without the toolkit; {@link ShiftView} binds to it and turns keys into
 * the calls below.
 *
 * <p>Every ledger call runs on {@code background} and its result comes back through {@code fxThread}, so a slow
 * disk never freezes the window. A recap read that started before the clerk opened or closed a shift is dropped
 * when it comes back ({@link #changes}), so it can never show a closed shift as open again.
 *
 * <p>Lifecycle: the view calls {@link #activate()} when the page is shown (the recap is read again) and
 * {@link #deactivate()} when it is hidden; while active, every payment the counter makes refreshes the recap. The
 * model lives as long as the window, so what the clerk typed survives a language switch.
 */
public final class ShiftViewModel {

    /** What the page shows. */
    public enum Mode {
        /** Not known yet: the clerk's shift is being read from the ledger. */
        LOADING,
        /** No shift is open: the "open shift" form. */
        NO_SHIFT,
        /** A shift is open: its live recap and the "close shift" form. */
        OPEN,
        /** The shift was just closed here: its final recap, and the form to open the next one. */
        CLOSED
    }

    /** How the counted cash compares with what the drawer should hold. */
    public enum Balance {
        /** More cash than expected. */
        OVER,
        /** Less cash than expected. */
        SHORT,
        /** Exactly what was expected. */
        EXACT;

        /** The balance of {@code difference} = counted − expected. */
        public static Balance of(Money difference) {
            if (difference.isPositive()) {
                return OVER;
            }
            return difference.isNegative() ? SHORT : EXACT;
        }
    }

    /** One line of the recap's tallies: what (a payment method, a biller), how many payments, how much in all. */
    public record RecapLine(Message label, int count, Money total) {

        public RecapLine {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(total, "total");
        }
    }

    /**
     * What is left of a typed amount once the clerk's ways of writing it are taken off: "Rp", "Rp.", spaces
     * between groups of three ("500 000"), and the ",-" Indonesian price tags end with ("Rp 500.000,-").
     */
    private static final Pattern GROUP_SPACES = Pattern.compile("(?<=\\d) (?=\\d{3}(\\D|$))");

    private static final Logger LOG = LoggerFactory.getLogger(ShiftViewModel.class);

    private final ShiftService shifts;
    private final CounterSession session;
    private final BusinessCalendar calendar;
    private final UiWork uiWork;
    private final Executor fxThread;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.LOADING);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();

    private final ReadOnlyObjectWrapper<Shift> shift = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ShiftRecap> recap = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RecapLine> byMethod = FXCollections.observableArrayList();
    private final ObservableList<RecapLine> byBiller = FXCollections.observableArrayList();
    private final ObservableList<String> openItems = FXCollections.observableArrayList();
    private final ObservableList<RecapLine> byMethodView = FXCollections.unmodifiableObservableList(byMethod);
    private final ObservableList<RecapLine> byBillerView = FXCollections.unmodifiableObservableList(byBiller);
    private final ObservableList<String> openItemsView = FXCollections.unmodifiableObservableList(openItems);

    private final StringProperty openingFloatText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> openingFloatProblem = new ReadOnlyObjectWrapper<>(Message.NONE);

    private final StringProperty countedText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> countedProblem = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyObjectWrapper<Money> counted = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Money> difference = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Balance> balance = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper confirming = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> confirmation = new ReadOnlyObjectWrapper<>(Message.NONE);

    /** Bumped by every open and close made here, so that recap reads started before it are dropped. */
    private long changes;
    /** Numbers the recap reads, so that only the latest one is shown. */
    private long reads;
    private boolean active;

    /**
     * @param background where the ledger is read and written; never the JavaFX application thread
     * @param fxThread runs result handling on the JavaFX application thread ({@code Platform::runLater} in the
     *     application, a direct executor in tests)
     */
    public ShiftViewModel(ShiftService shifts, CounterSession session, BusinessCalendar calendar, Executor background,
            Executor fxThread) {
        this.shifts = Objects.requireNonNull(shifts, "shifts");
        this.session = Objects.requireNonNull(session, "session");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.uiWork = new UiWork(background, fxThread);
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");

        openingFloatText.addListener((obs, old, now) -> openingFloatProblem.set(liveProblem(now)));
        countedText.addListener((obs, old, now) -> {
            countedProblem.set(liveProblem(now));
            // A changed count is a new question: the clerk confirms the amount they see.
            cancelClose();
            updatePreview();
        });
        recap.addListener((obs, old, now) -> {
            updatePreview();
            updateTallies(now);
        });
        // The counter paid: the recap changed.
        session.lastPayment().addListener((obs, old, now) -> {
            if (active && mode.get() == Mode.OPEN) {
                refresh();
            }
        });
        // The status bar's read at start may find a shift opened elsewhere (the command line, yesterday's window).
        session.shift().addListener((obs, old, now) -> sessionShiftChanged(now));
    }

    // ---- lifecycle ---------------------------------------------------------------------------------------------

    /** The page is shown: shows what the session knows at once, then reads the shift and its recap again. */
    public void activate() {
        active = true;
        // What the session knows shows at once; "none" may only mean it was not read yet, so that waits for the read.
        Shift known = session.shift().get();
        if (known != null && !sameShift(shift.get(), known)) {
            showOpen(known, null);
        }
        refresh();
    }

    /** The page is hidden: payments no longer refresh the recap (showing the page again does). */
    public void deactivate() {
        active = false;
    }

    /** Reads the clerk's open shift and its recap in the background. */
    public void refresh() {
        refresh(false);
    }

    /** @param afterFailure a failure was just shown: a failed read does not replace it with a vaguer one */
    private void refresh(boolean afterFailure) {
        long read = ++reads;
        long changesBefore = changes;
        String clerk = session.clerk();
        run(() -> {
            Optional<Shift> open = shifts.current(clerk);
            return open.map(s -> new OpenShift(s, shifts.recap(s.id())));
        }, found -> {
            if (read != reads || changesBefore != changes) {
                return; // an open, a close or a later read has the newer truth
            }
            if (found.isPresent()) {
                showOpen(found.get().shift(), found.get().recap());
                if (!sameShift(session.shift().get(), found.get().shift())) {
                    session.shiftOpened(found.get().shift());
                }
            } else {
                if (mode.get() != Mode.CLOSED) {
                    showNoShift();
                }
                if (session.shift().get() != null) {
                    session.shiftClosed();
                }
            }
        }, failure -> {
            if (read != reads) {
                return;
            }
            LOG.warn("The shift of {} could not be read", clerk, failure);
            if (mode.get() == Mode.LOADING) {
                showNoShift();
            }
            if (!afterFailure) {
                error(Message.of("shift.error.read"));
            }
        });
    }

    // ---- opening -----------------------------------------------------------------------------------------------

    /** What the clerk types as the opening float (the cash in the drawer). */
    public StringProperty openingFloatText() {
        return openingFloatText;
    }

    /** Why the opening float cannot be used; {@link Message#NONE} when it can (or nothing was typed yet). */
    public ReadOnlyObjectProperty<Message> openingFloatProblem() {
        return openingFloatProblem.getReadOnlyProperty();
    }

    /**
     * Opens the clerk's shift with the typed float, in the background (Enter in the float field). Nothing is sent
     * when the amount is not one, while another request is on its way, or when a shift is open already.
     */
    public void openShift() {
        if (busy.get()) {
            return;
        }
        if (mode.get() == Mode.OPEN) {
            error(Message.of("shift.error.alreadyOpen"));
            return;
        }
        Amount amount = parse(openingFloatText.get());
        if (amount.problem().isPresent()) {
            openingFloatProblem.set(amount.problem().get());
            return;
        }
        Money openingFloat = amount.money().orElseThrow();
        String clerk = session.clerk();
        busy.set(true);
        message.set(Message.NONE);
        run(() -> {
            Shift opened = shifts.open(clerk, openingFloat);
            return new OpenShift(opened, shifts.recap(opened.id()));
        }, done -> {
            busy.set(false);
            changes++;
            openingFloatText.set("");
            countedText.set("");
            showOpen(done.shift(), done.recap());
            session.shiftOpened(done.shift());
            info(Message.of("shift.opened", done.shift().id()));
        }, failure -> {
            busy.set(false);
            LOG.warn("The shift of {} could not be opened", clerk, failure);
            failed(failure, "shift.error.openFailed");
        });
    }

    // ---- closing -----------------------------------------------------------------------------------------------

    /** What the clerk types as the cash counted in the drawer. */
    public StringProperty countedText() {
        return countedText;
    }

    /** Why the counted cash cannot be used; {@link Message#NONE} when it can (or nothing was typed yet). */
    public ReadOnlyObjectProperty<Message> countedProblem() {
        return countedProblem.getReadOnlyProperty();
    }

    /** The counted cash as typed, while it is an amount; {@code null} otherwise. */
    public ReadOnlyObjectProperty<Money> counted() {
        return counted.getReadOnlyProperty();
    }

    /** Counted − expected while the clerk types the count: positive over, negative short; {@code null} without both. */
    public ReadOnlyObjectProperty<Money> difference() {
        return difference.getReadOnlyProperty();
    }

    /** Over, short or exact, as the clerk types the count; {@code null} while there is no difference to show. */
    public ReadOnlyObjectProperty<Balance> balance() {
        return balance.getReadOnlyProperty();
    }

    /** Whether the close waits for the clerk's second Enter (or Esc). */
    public ReadOnlyBooleanProperty confirming() {
        return confirming.getReadOnlyProperty();
    }

    /** The question asked before closing, with the counted cash; {@link Message#NONE} when none is asked. */
    public ReadOnlyObjectProperty<Message> confirmation() {
        return confirmation.getReadOnlyProperty();
    }

    /**
     * Enter in the counted field: the first asks "close with Rp X?", the second closes the shift in the background.
     * Nothing is sent when the count is not an amount or no shift is open.
     */
    public void submitClose() {
        if (busy.get()) {
            return;
        }
        if (mode.get() != Mode.OPEN) {
            cancelClose();
            error(Message.of("shift.error.noneOpen"));
            return;
        }
        Amount amount = parse(countedText.get());
        if (amount.problem().isPresent()) {
            cancelClose();
            countedProblem.set(amount.problem().get());
            return;
        }
        Money count = amount.money().orElseThrow();
        if (!confirming.get()) {
            confirming.set(true);
            confirmation.set(Message.of("shift.close.confirm", count.rupiah()));
            message.set(Message.NONE);
            return;
        }
        close(count);
    }

    /** Esc while the close is being confirmed: nothing is closed, the count stays as typed. */
    public void cancelClose() {
        confirming.set(false);
        confirmation.set(Message.NONE);
    }

    private void close(Money count) {
        String clerk = session.clerk();
        busy.set(true);
        message.set(Message.NONE);
        run(() -> shifts.close(clerk, count), closed -> {
            busy.set(false);
            changes++;
            cancelClose();
            countedText.set("");
            shift.set(null);
            recap.set(closed);
            mode.set(Mode.CLOSED);
            session.shiftClosed();
            info(Message.of("shift.closed", closed.shiftId()));
        }, failure -> {
            busy.set(false);
            cancelClose();
            LOG.warn("The shift of {} could not be closed", clerk, failure);
            failed(failure, "shift.error.closeFailed");
        });
    }

    // ---- what the page shows -----------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Mode> mode() {
        return mode.getReadOnlyProperty();
    }

    /** Whether an open or a close is on its way to the ledger (the buttons are disabled meanwhile). */
    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** The outcome of the last action, or why it failed; {@link Message#NONE} when there is nothing to say. */
    public ReadOnlyObjectProperty<Message> message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsError() {
        return messageIsError.getReadOnlyProperty();
    }

    /** The clerk's open shift, {@code null} while none is open. */
    public ReadOnlyObjectProperty<Shift> shift() {
        return shift.getReadOnlyProperty();
    }

    /**
     * The recap on screen: the open shift's (live) or the one just closed (final); {@code null} before it was
     * read.
     */
    public ReadOnlyObjectProperty<ShiftRecap> recap() {
        return recap.getReadOnlyProperty();
    }

    /** The recap's successful payments by method, in the order the methods are declared. */
    public ObservableList<RecapLine> byMethod() {
        return byMethodView;
    }

    /** The recap's successful payments by biller, by biller code. */
    public ObservableList<RecapLine> byBiller() {
        return byBillerView;
    }

    /** The client_refs of the recap's payments whose outcome is not known yet (recovery settles them). */
    public ObservableList<String> openItems() {
        return openItemsView;
    }

    /** Who works the counter. */
    public String clerk() {
        return session.clerk();
    }

    /** {@code instant} on the shop's clock (WIB). */
    public ZonedDateTime localTime(Instant instant) {
        return calendar.localTime(instant);
    }

    // ---- inside ------------------------------------------------------------------------------------------------

    private record OpenShift(Shift shift, ShiftRecap recap) {}

    /** A typed amount: the money, or why it is none. */
    record Amount(Optional<Money> money, Optional<Message> problem) {

        static Amount of(Money money) {
            return new Amount(Optional.of(money), Optional.empty());
        }

        static Amount refused(String key) {
            return new Amount(Optional.empty(), Optional.of(Message.of(key)));
        }
    }

    /**
     * "500000", "500.000", "500,000", "Rp 500.000", "Rp. 500.000", "Rp500.000,-", "500 000": rupiah as clerks
     * write them. Anything else (letters, a decimal fraction, a negative amount) is refused with the reason.
     */
    static Amount parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return Amount.refused("shift.amount.empty");
        }
        if (s.endsWith(",-") || s.endsWith(".-")) {
            s = s.substring(0, s.length() - 2).strip();
        }
        s = GROUP_SPACES.matcher(s).replaceAll("");
        Money money;
        try {
            money = Money.parse(s);
        } catch (IllegalArgumentException e) {
            return Amount.refused(s.startsWith("-") ? "shift.amount.negative" : "shift.amount.invalid");
        }
        return money.isNegative() ? Amount.refused("shift.amount.negative") : Amount.of(money);
    }

    /** While typing, an empty field is no problem yet: it becomes one when the clerk presses Enter. */
    private static Message liveProblem(String text) {
        if (text == null || text.isBlank()) {
            return Message.NONE;
        }
        return parse(text).problem().orElse(Message.NONE);
    }

    private void updatePreview() {
        Optional<Money> count = parse(countedText.get()).money();
        counted.set(count.orElse(null));
        ShiftRecap r = recap.get();
        if (count.isPresent() && r != null && !r.isClosed()) {
            Money diff = count.get().minus(r.expected());
            difference.set(diff);
            balance.set(Balance.of(diff));
        } else {
            difference.set(null);
            balance.set(null);
        }
    }

    private void updateTallies(ShiftRecap r) {
        if (r == null) {
            byMethod.clear();
            byBiller.clear();
            openItems.clear();
            return;
        }
        List<RecapLine> methods = new ArrayList<>();
        for (PaymentMethod m : PaymentMethod.values()) {
            Tally t = r.byMethod().get(m);
            if (t != null) {
                methods.add(new RecapLine(Message.of("shift.method." + m.name()), t.count(), t.total()));
            }
        }
        List<RecapLine> billers = new ArrayList<>();
        for (Map.Entry<String, Tally> e : r.byBiller().entrySet()) {
            billers.add(new RecapLine(Message.of("shift.recap.biller", e.getKey()), e.getValue().count(),
                    e.getValue().total()));
        }
        byMethod.setAll(methods);
        byBiller.setAll(billers);
        openItems.setAll(r.openItems());
    }

    private void showOpen(Shift open, ShiftRecap openRecap) {
        if (!sameShift(shift.get(), open)) {
            cancelClose();
        }
        shift.set(open);
        if (openRecap != null) {
            recap.set(openRecap);
        } else if (recap.get() != null && recap.get().shiftId() != open.id()) {
            recap.set(null);
        }
        mode.set(Mode.OPEN);
    }

    private void showNoShift() {
        cancelClose();
        shift.set(null);
        recap.set(null);
        mode.set(Mode.NO_SHIFT);
    }

    /** The status bar's refresh, or a payment refused for want of a shift, may learn of a change made elsewhere. */
    private void sessionShiftChanged(Shift now) {
        Shift mine = shift.get();
        boolean news = now == null ? mine != null : !sameShift(mine, now);
        if (news && !busy.get()) {
            refresh();
        }
    }

    private static boolean sameShift(Shift a, Shift b) {
        return a != null && b != null && a.id() == b.id();
    }

    private void failed(Throwable failure, String otherwiseKey) {
        if (failure instanceof ShiftException e) {
            switch (e.reason()) {
                case ALREADY_OPEN -> {
                    error(Message.of("shift.error.alreadyOpen"));
                    refresh(true);
                }
                case NO_OPEN_SHIFT -> {
                    error(Message.of("shift.error.noneOpen"));
                    refresh(true);
                }
                case INVALID_AMOUNT -> error(Message.of("shift.amount.negative"));
            }
        } else {
            error(Message.of(otherwiseKey));
            refresh(true); // whatever happened, show what the ledger holds now
        }
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
}
