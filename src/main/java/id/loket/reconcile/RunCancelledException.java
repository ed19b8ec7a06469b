package id.loket.reconcile;

/** A run was stopped by its operator before it wrote anything. */
public final class RunCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunCancelledException() {
        super("The reconciliation run was cancelled before it wrote anything; run it again when you are ready.");
    }
}
