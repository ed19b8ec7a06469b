package id.loket.upstream;

import java.time.Duration;

/**
 * Waits between an adapter's calls: the house gateway's status checks, Midtrans' re-sends of a charge whose answer was
 * lost. Injected so tests can record the backoff instead of waiting it out.
 */
@FunctionalInterface
public interface Sleeper {

    /** Really waits, on the calling thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /** Waits {@code duration}; an interrupt ends the wait early with {@link InterruptedException}. */
    void sleep(Duration duration) throws InterruptedException;
}
