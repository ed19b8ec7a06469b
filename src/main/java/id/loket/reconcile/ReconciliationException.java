package id.loket.reconcile;

/** A reconciliation request that cannot be done as asked (no such run, items still open, an empty note …). */
public final class ReconciliationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReconciliationException(String message) {
        super(message);
    }
}
