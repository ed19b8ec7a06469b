package id.loket.ui;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a view model's slow work (the ledger, the gateway, a printer, a password hash) on the background executor
 * and hands its result, or its failure, to the JavaFX thread. Slow work never runs on the JavaFX thread, so the
 * window keeps answering while the gateway takes its time; results and failures always arrive on it, so a view
 * model's properties are only ever changed from that one thread. A failure arrives as the work threw it, not
 * wrapped in a {@link CompletionException}, so a screen can tell a refusal from a broken ledger. A background
 * executor that refuses the work (shut down as the window closes) is logged and the work dropped, not thrown:
 * nobody is left to tell.
 */
final class UiWork {

    private static final Logger LOG = LoggerFactory.getLogger(UiWork.class);

    private final Executor background;
    private final Executor fxThread;

    UiWork(Executor background, Executor fxThread) {
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /**
     * Runs {@code work} in the background; {@code done} gets its value, or {@code failed} its (unwrapped) failure,
     * on the JavaFX thread. Work the background refuses is logged and dropped.
     */
    <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        run(work, done, failed, refused -> LOG.info("The window is closing; not started: {}", refused.getMessage()));
    }

    /**
     * As {@link #run(Supplier, Consumer, Consumer)}, for a screen that answers a refusal itself (it says so, so
     * that nothing waits for an answer that never comes): {@code refused} gets the refusal at once, on the
     * calling thread, and the work is not run.
     */
    <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed,
            Consumer<RejectedExecutionException> refused) {
        CompletableFuture<T> started;
        try {
            started = CompletableFuture.supplyAsync(work, background);
        } catch (RejectedExecutionException e) {
            refused.accept(e);
            return;
        }
        started.whenCompleteAsync((value, failure) -> {
            if (failure == null) {
                done.accept(value);
            } else {
                failed.accept(unwrap(failure));
            }
        }, fxThread);
    }

    /** What the work threw: {@code failure} without the {@link CompletionException}s the future wrapped it in. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
