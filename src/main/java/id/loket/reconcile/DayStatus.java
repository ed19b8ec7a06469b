package id.loket.reconcile;

/** Where a business day stands in reconciliation, from its latest run. */
public enum DayStatus {
    /** No run yet. */
    NOT_RUN,
    /** The latest run failed (see its reason); the day is retried. */
    FAILED,
    /** The latest run found differences not resolved yet. */
    OPEN_ITEMS,
    /** Reconciled, every difference resolved (or none): ready for sign-off. */
    READY,
    /** The owner signed the latest result off. */
    SIGNED_OFF
}
