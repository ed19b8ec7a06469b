package id.loket.reconcile;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A business day on the Reconciliation screen: its status, latest run, open items and sign-off. */
public record DaySummary(LocalDate day, DayStatus status, Optional<ReconciliationRun> latest, int open,
        Optional<SignOff> signOff) {

    public DaySummary {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(signOff, "signOff");
    }
}
