package id.loket.shift;

import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where shifts are kept, with their drawer accounts and journal entries: the port {@link ShiftService} uses. Each
 * write is one transaction: the shift row, its account and its journal entries are all written, or none is.
 */
public interface ShiftStore {

    /**
     * Opens a shift for {@code clerk}: gives it the next id, adds its drawer account ({@link Shift#drawer()}),
     * and appends the entries {@code entries} builds for it (the opening float), under {@code rules}.
     *
     * @throws ShiftException ({@link ShiftException.Reason#ALREADY_OPEN}) when the clerk has an open shift
     * @throws id.loket.core.JournalRuleException when an entry breaks a rule; nothing was written
     */
    Shift open(String clerk, LocalDate businessDay, Instant openedAt, Money openingFloat,
            Function<Shift, List<JournalEntry>> entries, JournalRules rules);

    Optional<Shift> openShiftOf(String clerk);

    Optional<Shift> find(long shiftId);

    /** The payments taken during the shift, oldest first. */
    List<ShiftPayment> payments(long shiftId);

    /**
     * Closes the shift: inside one transaction reads its payments, lets {@code plan} decide the expected cash and
     * the closing entries from them (so no payment can slip in between the count and the close), appends those
     * entries and marks the shift closed.
     *
     * @throws ShiftException ({@link ShiftException.Reason#NO_OPEN_SHIFT}) when the shift is closed already
     */
    Shift close(long shiftId, Instant closedAt, Money counted, Function<List<ShiftPayment>, ShiftClosing> plan,
            JournalRules rules);
}
