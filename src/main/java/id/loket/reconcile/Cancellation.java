package id.loket.reconcile;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets an operator stop a long run. A run checks it while fetching, reading and comparing; once it starts to
 * write, it finishes (a cancelled run writes nothing).
 */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** @throws RunCancelledException when cancelled */
    void check() {
        if (cancelled.get()) {
            throw new RunCancelledException();
        }
    }
}
