package id.loket.reconcile;

/** What started a reconciliation run. Stored by name. */
public enum RunTrigger {
    /** The in-app schedule, at the time the owner set. */
    SCHEDULE,
    /** The catch-up on start for days not reconciled yet. */
    CATCH_UP,
    /** {@code loket reconcile}, typically from the OS scheduler. */
    COMMAND,
    /** An operator asked for it on the Reconciliation screen. */
    MANUAL
}
