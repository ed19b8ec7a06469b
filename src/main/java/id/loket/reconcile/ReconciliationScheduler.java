package id.loket.reconcile;

import id.loket.core.BackgroundService;
import id.loket.core.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation inside the running app (DESIGN.md, "Reconciliation"): on start, a catch-up of every past day not
 * reconciled yet (the last {@value ReconciliationService#CATCH_UP_DAYS} at most); then, each day at the time the
 * owner set ({@link id.loket.settings.SettingsService#reconcileTime()}, WIB), the same for the days that became due.
 * A scheduled run with a failed day is tried again {@link #RETRY} later. Runs on a thread of its own; every result
 * goes to the listener (e.g. the status bar).
 */
public final class ReconciliationScheduler extends BackgroundService {

    /** How often the clock is looked at. */
    static final Duration TICK = Duration.ofMinutes(1);
    /** When a scheduled run failed (gateway down, bad file), it is tried again after this. */
    static final Duration RETRY = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationScheduler.class);

    private final ReconciliationService reconciliation;
    private final Supplier<Optional<LocalTime>> time;
    private final BusinessCalendar calendar;
    private final Consumer<List<RunResult>> listener;
    private LocalDate doneFor;
    private Instant retryAt;

    /**
     * @param time the configured time of day, read on every tick so a change applies at once; empty: no
     *     scheduled runs (the catch-up on start still runs)
     */
    public ReconciliationScheduler(ReconciliationService reconciliation, Supplier<Optional<LocalTime>> time,
            BusinessCalendar calendar, Consumer<List<RunResult>> listener) {
        // A run in progress is interrupted after ten seconds at most when the scheduler stops.
        super("loket-reconciliation", Duration.ofSeconds(10));
        this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
        this.time = Objects.requireNonNull(time, "time");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The catch-up now, then a look at the clock every minute. */
    @Override
    protected void plan(ScheduledExecutorService executor) {
        executor.execute(() -> run(RunTrigger.CATCH_UP));
        executor.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs the scheduled catch-up when its time has come today and it has not run yet (package-private: tests). */
    void tick() {
        Optional<LocalTime> at;
        try {
            at = time.get();
        } catch (RuntimeException e) {
            LOG.warn("The reconciliation time setting cannot be read; no scheduled run until it is fixed", e);
            return;
        }
        if (at.isEmpty()) {
            return;
        }
        Instant now = calendar.now();
        LocalDate today = calendar.today();
        if (today.equals(doneFor) || calendar.localTime(now).toLocalTime().isBefore(at.get())) {
            return;
        }
        if (retryAt != null && now.isBefore(retryAt)) {
            return;
        }
        List<RunResult> results = run(RunTrigger.SCHEDULE);
        if (results != null && results.stream().noneMatch(r -> r instanceof RunResult.Failed)) {
            doneFor = today;
            retryAt = null;
        } else {
            retryAt = now.plus(RETRY);
        }
    }

    private List<RunResult> run(RunTrigger trigger) {
        try {
            List<RunResult> results = reconciliation.catchUp(trigger, Progress.NONE, new Cancellation());
            if (!results.isEmpty()) {
                LOG.info("Reconciliation ({}): {}", trigger, results.stream().map(r -> r.day() + " "
                        + r.getClass().getSimpleName()).toList());
            }
            listener.accept(results);
            return results;
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log it and let the next tick try.
            LOG.warn("Reconciliation ({}) did not run; it is tried again", trigger, e);
            return null;
        }
    }
}
