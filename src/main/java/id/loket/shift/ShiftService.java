package id.loket.shift;

import id.loket.core.AccountCode;
import id.loket.core.BusinessCalendar;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.Posting;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Opening and closing clerks' shifts, with the books of each drawer.
 *
 * <p>Opening posts the float into the shift's drawer: DR {@code cash_drawer:shift-N} / CR {@code owner_equity}.
 * Closing posts the counted cash back out to the owner (DR {@code owner_equity} / CR {@code cash_drawer:shift-N})
 * and, when the count differs from what the drawer should hold, the difference against {@code cash_over_short}
 * (over: DR drawer / CR cash_over_short; short: DR cash_over_short / CR drawer). Payments still pending at the close
 * keep their reservation on the drawer account; their outcome later brings it back to zero.
 */
public final class ShiftService {

    /** Over or short found when a drawer is counted (an expense account: a debit balance is cash missing). */
    public static final AccountCode CASH_OVER_SHORT = AccountCode.of("cash_over_short");

    private final ShiftStore store;
    private final JournalRules rules;
    private final BusinessCalendar calendar;

    public ShiftService(ShiftStore store, JournalRules rules, BusinessCalendar calendar) {
        this.store = store;
        this.rules = rules;
        this.calendar = calendar;
    }

    /**
     * Opens a shift for {@code clerk} with {@code openingFloat} in the drawer (may be zero).
     *
     * @throws ShiftException when the clerk has an open shift or the float is negative; nothing was written
     */
    public Shift open(String clerk, Money openingFloat) {
        String who = clerkName(clerk);
        Objects.requireNonNull(openingFloat, "openingFloat");
        if (openingFloat.isNegative()) {
            throw new ShiftException(ShiftException.Reason.INVALID_AMOUNT, "The opening float cannot be negative ("
                    + openingFloat.rupiah() + "): count the cash in the drawer again.");
        }
        Optional<Shift> open = store.openShiftOf(who);
        if (open.isPresent()) {
            throw alreadyOpen(open.get());
        }
        Instant now = calendar.now();
        LocalDate day = calendar.dayOf(now);
        return store.open(who, day, now, openingFloat, shift -> openingFloat.isZero() ? List.of()
                : List.of(JournalEntry.posted(day, now, reference(shift.id()),
                        "opening float of shift " + shift.id() + " (" + who + ")", List.of(
                                Posting.debit(shift.drawer(), openingFloat),
                                Posting.credit(AccountCode.OWNER_EQUITY, openingFloat)))), rules);
    }

    /** The clerk's open shift, if any. */
    public Optional<Shift> current(String clerk) {
        return store.openShiftOf(clerkName(clerk));
    }

    /**
     * The clerk's open shift.
     *
     * @throws ShiftException ({@link ShiftException.Reason#NO_OPEN_SHIFT}) when there is none
     */
    public Shift requireOpen(String clerk) {
        String who = clerkName(clerk);
        return store.openShiftOf(who).orElseThrow(() -> new ShiftException(ShiftException.Reason.NO_OPEN_SHIFT,
                "Clerk " + who + " has no open shift: open a shift with the cash in the drawer first."));
    }

    /**
     * Closes the clerk's shift with the cash {@code counted} in the drawer, and returns its recap. Payments whose
     * outcome is not known yet do not hold the close up: they are listed as open items.
     *
     * @throws ShiftException when the clerk has no open shift or the count is negative; nothing was written
     */
    public ShiftRecap close(String clerk, Money counted) {
        Objects.requireNonNull(counted, "counted");
        if (counted.isNegative()) {
            throw new ShiftException(ShiftException.Reason.INVALID_AMOUNT, "The counted cash cannot be negative ("
                    + counted.rupiah() + "): count the drawer again.");
        }
        Shift shift = requireOpen(clerk);
        Instant now = calendar.now();
        LocalDate day = calendar.dayOf(now);
        Shift closed = store.close(shift.id(), now, counted, payments -> {
            Money expected = expectedCash(shift, payments);
            return new ShiftClosing(expected, closingEntries(shift, day, now, expected, counted));
        }, rules);
        return recap(closed, store.payments(closed.id()));
    }

    /** The recap of a shift, open (what the drawer should hold now) or closed (as it was counted). */
    public ShiftRecap recap(long shiftId) {
        Shift shift = store.find(shiftId).orElseThrow(() -> new IllegalArgumentException("There is no shift "
                + shiftId));
        return recap(shift, store.payments(shiftId));
    }

    private static ShiftRecap recap(Shift shift, List<ShiftPayment> payments) {
        Money cashIn = Money.ZERO;
        Money cashOut = Money.ZERO;
        Money refundsDue = Money.ZERO;
        Map<PaymentMethod, Tally> byMethod = new EnumMap<>(PaymentMethod.class);
        Map<String, Tally> byBiller = new TreeMap<>();
        int succeeded = 0;
        int failed = 0;
        int suspect = 0;
        List<String> open = new ArrayList<>();
        for (ShiftPayment p : payments) {
            if (p.cashTaken()) {
                cashIn = cashIn.plus(p.total());
            }
            if (p.cashHandedBack()) {
                cashOut = cashOut.plus(p.total());
            }
            if (p.method() == PaymentMethod.CASH && p.state() == PaymentState.FAILED && p.refundDue()) {
                refundsDue = refundsDue.plus(p.total());
            }
            switch (p.state()) {
                case SUCCESS -> {
                    succeeded++;
                    byMethod.merge(p.method(), Tally.NONE.plus(p.total()), (a, b) -> a.plus(p.total()));
                    byBiller.merge(p.billerCode(), Tally.NONE.plus(p.total()), (a, b) -> a.plus(p.total()));
                }
                case FAILED -> failed++;
                case SENT, SUSPECT -> {
                    suspect++;
                    open.add(p.clientRef());
                }
                case NEW, CHARGE_PENDING, PAID -> open.add(p.clientRef());
                case CHARGE_EXPIRED, CANCELLED -> {
                    // Never charged, never paid: nothing to count.
                }
            }
        }
        Money expected = shift.expected().orElse(shift.openingFloat().plus(cashIn).minus(cashOut));
        return new ShiftRecap(shift.id(), shift.clerk(), shift.openedAt(), shift.closedAt(), shift.openingFloat(),
                cashIn, cashOut, refundsDue, expected, shift.counted(),
                shift.counted().map(c -> c.minus(expected)), byMethod, byBiller, succeeded, failed, suspect, open);
    }

    private static Money expectedCash(Shift shift, List<ShiftPayment> payments) {
        Money expected = shift.openingFloat();
        for (ShiftPayment p : payments) {
            if (p.cashTaken()) {
                expected = expected.plus(p.total());
            }
            if (p.cashHandedBack()) {
                expected = expected.minus(p.total());
            }
        }
        return expected;
    }

    private static List<JournalEntry> closingEntries(Shift shift, LocalDate day, Instant now, Money expected,
            Money counted) {
        List<JournalEntry> entries = new ArrayList<>();
        Money difference = counted.minus(expected);
        String ref = reference(shift.id());
        if (difference.isPositive()) {
            entries.add(JournalEntry.posted(day, now, ref, "cash over at the close of shift " + shift.id(), List.of(
                    Posting.debit(shift.drawer(), difference),
                    Posting.credit(CASH_OVER_SHORT, difference))));
        } else if (difference.isNegative()) {
            Money shortBy = difference.negate();
            entries.add(JournalEntry.posted(day, now, ref, "cash short at the close of shift " + shift.id(), List.of(
                    Posting.debit(CASH_OVER_SHORT, shortBy),
                    Posting.credit(shift.drawer(), shortBy))));
        }
        if (counted.isPositive()) {
            entries.add(JournalEntry.posted(day, now, ref, "cash counted at the close of shift " + shift.id()
                    + " handed to the owner", List.of(
                            Posting.debit(AccountCode.OWNER_EQUITY, counted),
                            Posting.credit(shift.drawer(), counted))));
        }
        return entries;
    }

    private static String reference(long shiftId) {
        return "shift-" + shiftId;
    }

    private static ShiftException alreadyOpen(Shift shift) {
        return new ShiftException(ShiftException.Reason.ALREADY_OPEN, "Clerk " + shift.clerk()
                + " already has shift " + shift.id() + " open since " + shift.openedAt()
                + ": close it before opening another.");
    }

    private static String clerkName(String clerk) {
        Objects.requireNonNull(clerk, "clerk");
        String who = clerk.strip();
        if (who.isEmpty()) {
            throw new IllegalArgumentException("A shift needs the clerk's name");
        }
        return who;
    }
}
