package id.loket.reconcile;

import id.loket.core.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored run of one business day. A {@link RunOutcome#FAILED} run has its {@code failure} and nothing else
 * compared; a {@link RunOutcome#RECONCILED} one has the counts, the gateway's totals and the deposit check.
 *
 * @param gatewayCount the settlement's rows
 * @param ledgerCount the ledger's payments of the day that reached the gateway
 * @param gatewayTotal bill amounts + admin fees of the settlement's SUCCESS rows
 * @param changes what differs from the previous successful run of the day ("no change" when nothing does)
 */
public record ReconciliationRun(
        long id,
        LocalDate day,
        Instant startedAt,
        Instant finishedAt,
        RunTrigger trigger,
        Optional<String> operator,
        RunOutcome outcome,
        Optional<String> failure,
        long matched,
        long gatewayCount,
        long ledgerCount,
        Money gatewayTotal,
        Optional<BalanceCheck> balance,
        int items,
        int open,
        String changes) {

    public ReconciliationRun {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(gatewayTotal, "gatewayTotal");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(changes, "changes");
    }

    public boolean reconciled() {
        return outcome == RunOutcome.RECONCILED;
    }
}
