package id.loket.payment;

import id.loket.core.BackgroundService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PaymentService#recover()} on start and then every {@code interval} (default three minutes) on a
 * background thread of its own, so SUSPECT payments are settled while the counter works. A failed run is logged
 * and the next one runs as planned; each run's summary goes to the listener (e.g. the status bar).
 */
public final class RecoveryScheduler extends BackgroundService {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(3);

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryScheduler.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final PaymentService payments;
    private final Duration interval;
    private final Consumer<RecoverySummary> listener;

    public RecoveryScheduler(PaymentService payments) {
        this(payments, DEFAULT_INTERVAL, summary -> { });
    }

    public RecoveryScheduler(PaymentService payments, Duration interval, Consumer<RecoverySummary> listener) {
        super("loket-payment-recovery", STOP_WAIT);
        this.payments = Objects.requireNonNull(payments, "payments");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The recovery interval must be positive, not " + interval);
        }
        this.interval = interval;
    }

    /**
     * A run now, then one every interval after the previous ended. When stopped, a run in progress may finish (a
     * payment it is sending is settled or left for the next start) within ten seconds before it is interrupted.
     */
    @Override
    protected void plan(ScheduledExecutorService executor) {
        executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            listener.accept(payments.recover());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log it and let the next run try.
            LOG.warn("Payment recovery failed; it runs again in {}", interval, e);
        }
    }
}
