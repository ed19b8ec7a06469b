package id.loket.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.PaymentState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecoverySchedulerTest extends PaymentTestBase {

    @Test
    void itRecoversAtOnceOnStartAndThenAgainEveryInterval() throws InterruptedException {
        start();
        bed.openShift(0);
        PayOrder order = bed.plnBill();
        order.inquiry();
        bed.sandbox().fault("drop_response", "payments");
        Payment suspect = order.cash();
        List<RecoverySummary> runs = new CopyOnWriteArrayList<>();
        CountDownLatch threeRuns = new CountDownLatch(3);

        try (RecoveryScheduler scheduler = new RecoveryScheduler(bed.payments(), Duration.ofMillis(20), summary -> {
            runs.add(summary);
            threeRuns.countDown();
        })) {
            scheduler.start();
            scheduler.start();
            assertThat(scheduler.isRunning()).isTrue();
            assertThat(threeRuns.await(30, TimeUnit.SECONDS)).isTrue();
            scheduler.stop();
            assertThat(scheduler.isRunning()).isFalse();
        }

        assertThat(runs.get(0).succeeded()).isEqualTo(1);
        assertThat(runs.get(1).checked()).isZero();
        assertThat(bed.payments().find(suspect.clientRef()).orElseThrow().state()).isEqualTo(PaymentState.SUCCESS);
    }

    @Test
    void aRunThatThrowsDoesNotStopTheNextOnes() throws InterruptedException {
        start();
        CountDownLatch twoRuns = new CountDownLatch(2);
        try (RecoveryScheduler scheduler = new RecoveryScheduler(bed.payments(), Duration.ofMillis(10), summary -> {
            twoRuns.countDown();
            throw new IllegalStateException("a listener that fails");
        })) {
            scheduler.start();
            assertThat(twoRuns.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theIntervalMustBePositive() {
        start();
        assertThatThrownBy(() -> new RecoveryScheduler(bed.payments(), Duration.ZERO, s -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RecoveryScheduler.DEFAULT_INTERVAL).isEqualTo(Duration.ofMinutes(3));
    }
}
