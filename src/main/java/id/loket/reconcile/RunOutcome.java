package id.loket.reconcile;

/** How a stored run ended. Stored by name. */
public enum RunOutcome {
    /** Every payment of the day was compared; the items say what differs. */
    RECONCILED,
    /**
     * The settlement could not be used (hash mismatch, bad signature, malformed file, gateway unreachable): nothing
     * was compared and the ledger was not touched; the next run tries again.
     */
    FAILED
}
