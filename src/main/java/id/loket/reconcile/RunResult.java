package id.loket.reconcile;

import java.time.LocalDate;
import java.util.List;

/** What asking for a day's reconciliation gave. */
public sealed interface RunResult {

    LocalDate day();

    /** The day was compared: the run, its items (not the matched payments) and what changed since the last run. */
    record Reconciled(ReconciliationRun run, List<ReconciliationItem> items) implements RunResult {
        public Reconciled {
            items = List.copyOf(items);
        }

        @Override
        public LocalDate day() {
            return run.day();
        }
    }

    /** The settlement could not be used; the run is stored with its reason and the ledger was not touched. */
    record Failed(ReconciliationRun run) implements RunResult {
        @Override
        public LocalDate day() {
            return run.day();
        }

        public String reason() {
            return run.failure().orElse("unknown");
        }
    }

    /** The gateway has not closed the day yet (425): nothing was stored; ask again later. */
    record NotDue(LocalDate day, String reason) implements RunResult {}
}
