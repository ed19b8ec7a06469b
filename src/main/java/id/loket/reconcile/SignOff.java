package id.loket.reconcile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The owner's sign-off of a day's reconciliation, bound to the run it was given for. */
public record SignOff(LocalDate day, long runId, String operator, Instant at, String note) {

    public SignOff {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
    }
}
