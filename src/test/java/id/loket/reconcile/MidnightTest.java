package id.loket.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.BusinessCalendar;
import id.loket.core.PaymentState;
import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payment made at 23:59:50 that the gateway settles after midnight: the ledger dates it on one day, the gateway
 * on the next. Each day's run reports one timing difference — neither day calls it missing — whether the next
 * day's settlement is out already or the gateway has to be asked.
 */
class MidnightTest {

    @TempDir
    Path dir;

    private PaymentTestBed bed;
    private LocalDate day;

    @BeforeEach
    void start() {
        bed = PaymentTestBed.in(dir).start();
        // Real-time test clocks only move forward: the day is tomorrow.
        day = bed.calendar().today().plusDays(1);
        at(day, LocalTime.of(23, 59, 50));
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private void at(LocalDate date, LocalTime time) {
        Instant instant = date.atTime(time).atZone(BusinessCalendar.WIB).toInstant();
        bed.sandboxClock().advance(Duration.between(bed.sandboxClock().instant(), instant));
        bed.appClock().advance(Duration.between(bed.appClock().instant(), instant));
    }

    private Payment payJustBeforeMidnight() {
        bed.openShift(100_000);
        // A reference ending in 1111: PENDING at first, SUCCESS after two status checks.
        Payment p = bed.order("PLN_POSTPAID", "512345671111").cash();
        assertThat(p.state()).isEqualTo(PaymentState.SUSPECT);
        bed.sandboxClock().advance(Duration.ofSeconds(40));
        bed.appClock().advance(Duration.ofSeconds(40));
        bed.payments().recover();
        bed.payments().recover();
        Payment settled = bed.payments().find(p.clientRef()).orElseThrow();
        assertThat(settled.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(settled.businessDay()).isEqualTo(day);
        return settled;
    }

    private static List<ItemKind> kinds(RunResult result) {
        return ((RunResult.Reconciled) result).items().stream().map(ReconciliationItem::kind).toList();
    }

    @Test
    void bothDaysSeeOneTimingDifferenceOnceTheNextDayIsClosed() {
        Payment p = payJustBeforeMidnight();
        at(day.plusDays(2), LocalTime.NOON);

        RunResult first = bed.reconciliation().reconcile(day, RunTrigger.COMMAND, Optional.empty());
        RunResult second = bed.reconciliation().reconcile(day.plusDays(1), RunTrigger.COMMAND, Optional.empty());

        assertThat(kinds(first)).containsExactly(ItemKind.TIMING_DIFFERENCE);
        assertThat(kinds(second)).containsExactly(ItemKind.TIMING_DIFFERENCE);
        assertThat(((RunResult.Reconciled) first).items().get(0).clientRef()).contains(p.clientRef());
        assertThat(((RunResult.Reconciled) first).run().balance().orElseThrow().ok()).isTrue();
        assertThat(((RunResult.Reconciled) second).run().balance().orElseThrow().ok()).isTrue();
        assertThat(bed.reconciliation().day(day).status()).isEqualTo(DayStatus.READY);
    }

    @Test
    void theGatewayIsAskedWhileTheNextDayIsNotClosedYet() {
        Payment p = payJustBeforeMidnight();

        RunResult result = bed.reconciliation().reconcile(day, RunTrigger.SCHEDULE, Optional.empty());

        assertThat(kinds(result)).containsExactly(ItemKind.TIMING_DIFFERENCE);
        ReconciliationItem item = ((RunResult.Reconciled) result).items().get(0);
        assertThat(item.clientRef()).contains(p.clientRef());
        assertThat(item.detail()).contains(day.plusDays(1).toString());
        assertThat(bed.reconciliation().reconcile(day.plusDays(1), RunTrigger.SCHEDULE, Optional.empty()))
                .isInstanceOf(RunResult.NotDue.class);
    }
}
