package id.loket.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.BusinessCalendar;
import id.loket.payment.PaymentTestBed;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-app schedule: each day at the owner's time, the days that became due; the catch-up window. */
class ReconciliationSchedulerTest {

    @TempDir
    Path dir;

    private PaymentTestBed bed;
    private LocalDate firstDay;
    private final List<List<RunResult>> heard = new ArrayList<>();
    private final AtomicReference<Optional<LocalTime>> time = new AtomicReference<>(Optional.of(LocalTime.of(1, 0)));

    @BeforeEach
    void start() {
        bed = PaymentTestBed.in(dir).start();
        firstDay = bed.calendar().today();
        bed.openShift(100_000);
        bed.order("PLN_POSTPAID", "512345678901").cash();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private void at(LocalDate date, LocalTime clock) {
        Instant instant = date.atTime(clock).atZone(BusinessCalendar.WIB).toInstant();
        bed.sandboxClock().advance(Duration.between(bed.sandboxClock().instant(), instant));
        bed.appClock().advance(Duration.between(bed.appClock().instant(), instant));
    }

    private ReconciliationScheduler scheduler() {
        return new ReconciliationScheduler(bed.reconciliation(), time::get, bed.calendar(), heard::add);
    }

    @Test
    void theScheduledRunReconcilesYesterdayOnceItsTimeHasCome() {
        ReconciliationScheduler scheduler = scheduler();
        at(firstDay.plusDays(1), LocalTime.of(0, 30));
        scheduler.tick();
        assertThat(heard).as("not yet 01:00").isEmpty();

        at(firstDay.plusDays(1), LocalTime.of(1, 1));
        scheduler.tick();
        scheduler.tick();

        assertThat(heard).hasSize(1);
        assertThat(heard.get(0)).singleElement().isInstanceOf(RunResult.Reconciled.class);
        assertThat(heard.get(0).get(0).day()).isEqualTo(firstDay);
        assertThat(bed.reconciliation().runs(firstDay)).singleElement()
                .satisfies(r -> assertThat(r.trigger()).isEqualTo(RunTrigger.SCHEDULE));
        assertThat(bed.reconciliation().dueDays()).isEmpty();
    }

    @Test
    void noScheduledRunWhenTheOwnerTurnedItOff() {
        time.set(Optional.empty());
        at(firstDay.plusDays(1), LocalTime.of(5, 0));

        scheduler().tick();

        assertThat(heard).isEmpty();
        assertThat(bed.reconciliation().dueDays()).containsExactly(firstDay);
    }

    @Test
    void theCatchUpLooksAtTheLastFourteenDaysAtMost() {
        at(firstDay.plusDays(20), LocalTime.NOON);

        List<LocalDate> due = bed.reconciliation().dueDays();

        assertThat(due).hasSize(ReconciliationService.CATCH_UP_DAYS);
        assertThat(due.get(0)).isEqualTo(firstDay.plusDays(6));
        assertThat(due.get(due.size() - 1)).isEqualTo(firstDay.plusDays(19));
    }

    @Test
    void theCatchUpReconcilesEveryDueDayOldestFirst() {
        at(firstDay.plusDays(3), LocalTime.NOON);

        List<RunResult> results = bed.reconciliation().catchUp(RunTrigger.CATCH_UP, Progress.NONE,
                new Cancellation());

        assertThat(results).extracting(RunResult::day)
                .containsExactly(firstDay, firstDay.plusDays(1), firstDay.plusDays(2));
        assertThat(results).allMatch(r -> r instanceof RunResult.Reconciled);
        assertThat(bed.reconciliation().dueDays()).isEmpty();
    }

    @Test
    void aRunTellsItsProgressAndACancelledOneWritesNothing() {
        at(firstDay.plusDays(1), LocalTime.NOON);
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bed.reconciliation().reconcile(firstDay,
                RunTrigger.MANUAL, Optional.empty(), Progress.NONE, cancelled)).isInstanceOf(RunCancelledException.class);
        assertThat(bed.reconciliation().runs(firstDay)).isEmpty();

        List<String> stages = new java.util.concurrent.CopyOnWriteArrayList<>();
        bed.reconciliation().reconcile(firstDay, RunTrigger.MANUAL, Optional.empty(),
                (done, total, stage) -> stages.add(stage), new Cancellation());
        assertThat(stages).contains("fetch", "compare", "store");
    }
}
