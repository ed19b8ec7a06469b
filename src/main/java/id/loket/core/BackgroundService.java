package id.loket.core;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A service's scheduled work on one named daemon thread of its own (payment recovery, the nightly
 * reconciliation): started once, stopped so that a task in progress may finish within a bounded wait before it
 * is interrupted. Subclasses say what to schedule in {@link #plan}.
 */
public abstract class BackgroundService implements AutoCloseable {

    private final String threadName;
    private final Duration stopWait;
    private ScheduledExecutorService executor;

    /**
     * @param threadName the thread's name
     * @param stopWait how long {@link #stop()} lets a task in progress finish before interrupting it
     */
    protected BackgroundService(String threadName, Duration stopWait) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.stopWait = Objects.requireNonNull(stopWait, "stopWait");
    }

    /** Schedules the work on the service's thread; called once by {@link #start()}. */
    protected abstract void plan(ScheduledExecutorService executor);

    /** Starts the thread and {@link #plan plans} the work. Starting a started service does nothing. */
    public final synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        plan(executor);
    }

    public final synchronized boolean isRunning() {
        return executor != null;
    }

    /** Stops: no new task starts; one in progress may finish within the stop wait, then it is interrupted. */
    public final synchronized void stop() {
        if (executor == null) {
            return;
        }
        ScheduledExecutorService stopping = executor;
        executor = null;
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public final void close() {
        stop();
    }
}
