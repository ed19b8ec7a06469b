package id.loket.shift;

import id.loket.core.AccountCode;
import id.loket.core.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A clerk's shift at the counter: opened with a float of cash in the drawer, closed when the drawer is counted.
 * Each shift has a cash drawer account of its own ({@code cash_drawer:shift-<id>}), so the books say what each
 * drawer should hold. {@code expected} and {@code counted} are set when the shift closes.
 */
public record Shift(
        long id,
        String clerk,
        LocalDate businessDay,
        Instant openedAt,
        Money openingFloat,
        Optional<Instant> closedAt,
        Optional<Money> expected,
        Optional<Money> counted) {

    public Shift {
        if (id <= 0) {
            throw new IllegalArgumentException("A shift id is positive, not " + id);
        }
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(businessDay, "businessDay");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(openingFloat, "openingFloat");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(counted, "counted");
    }

    /** A shift just opened. */
    public static Shift opened(long id, String clerk, LocalDate businessDay, Instant openedAt, Money openingFloat) {
        return new Shift(id, clerk, businessDay, openedAt, openingFloat, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The cash drawer account of shift {@code shiftId}: {@code cash_drawer:shift-<id>}. */
    public static AccountCode drawerOf(long shiftId) {
        return AccountCode.CASH_DRAWER.qualified("shift-" + shiftId);
    }

    public AccountCode drawer() {
        return drawerOf(id);
    }

    public boolean isOpen() {
        return closedAt.isEmpty();
    }

    /** This shift, closed at {@code at} with the drawer expected to hold {@code expectedCash} and found to hold {@code countedCash}. */
    public Shift closed(Instant at, Money expectedCash, Money countedCash) {
        return new Shift(id, clerk, businessDay, openedAt, openingFloat, Optional.of(at), Optional.of(expectedCash),
                Optional.of(countedCash));
    }
}
