package id.loket.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.EntryKind;
import id.loket.core.Money;
import id.loket.core.PaymentState;
import id.loket.payment.GatewayOutcome;
import id.loket.payment.Payment;
import id.loket.reconcile.ReconciliationStore.Recheck;
import id.loket.upstream.digiflazz.sim.SimulatorFault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drills of the reconciliation of a biller network without a day's statement (DESIGN.md, "Reconciliation";
 * aggregators.md §1.10): a day of payments through the Digiflazz simulator, reconciled by re-checking each of them
 * with its own ref_id and proving the deposit from snapshots, over the real adapter and a real ledger. Each drill
 * plants one difference behind Loket's back and checks that the run finds and classifies it, corrects only what a
 * definitive answer decides, and that a re-run asks nothing twice and changes nothing.
 */
class StatementlessReconciliationTest {

    @TempDir
    Path dir;

    private StatementlessCounter counter;

    private StatementlessCounter open() {
        return open(b -> b);
    }

    private StatementlessCounter open(UnaryOperator<id.loket.upstream.digiflazz.sim.SimulatorOptions.Builder> sim) {
        counter = StatementlessCounter.start(dir, sim);
        return counter;
    }

    @AfterEach
    void close() {
        if (counter != null) {
            counter.close();
        }
    }

    private static Map<ItemKind, List<String>> byKind(List<ReconciliationItem> items) {
        return items.stream().collect(Collectors.groupingBy(ReconciliationItem::kind,
                Collectors.mapping(i -> i.clientRef().orElse("-"), Collectors.toList())));
    }

    private static ReconciliationItem only(RunResult.Reconciled run, ItemKind kind) {
        List<ReconciliationItem> found = run.items().stream().filter(i -> i.kind() == kind).toList();
        assertThat(found).as(kind + " items").hasSize(1);
        return found.get(0);
    }

    private static Money costs(List<Payment> payments) {
        return payments.stream().map(p -> p.amounts().cost()).reduce(Money.ZERO, Money::plus);
    }

    private static List<String> refs(List<Payment> payments) {
        return payments.stream().map(Payment::clientRef).toList();
    }

    // ---- 1. a clean day ------------------------------------------------------------------------------------------

    @Test
    void aCleanDayMatchesEveryPaymentAndProvesTheDepositFromTheFirstSnapshot() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        long opening = c.sim.deposit();
        c.reconciliation.snapshotIfNone(); // a second call keeps the first snapshot
        c.openShift();
        List<Payment> day = c.ordinaryDay();
        assertThat(day).extracting(Payment::state).containsOnly(PaymentState.SUCCESS);
        assertThat(c.sim.deposit()).isEqualTo(opening - costs(day).rupiah());

        c.afterMidnight();
        RunResult.Reconciled run = c.reconcile();

        assertThat(run.items()).isEmpty();
        assertThat(run.run().matched()).isEqualTo(3);
        assertThat(run.run().ledgerCount()).isEqualTo(3);
        assertThat(run.run().gatewayCount()).as("answers").isEqualTo(3);
        assertThat(run.run().gatewayTotal()).isEqualTo(costs(day));
        assertThat(run.run().changes()).isEqualTo(ReconciliationService.FIRST_RUN);
        BalanceCheck balance = run.run().balance().orElseThrow();
        assertThat(balance.ok()).isTrue();
        assertThat(balance.opening()).isEqualTo(Money.of(opening));
        assertThat(balance.movements()).isEqualTo(Money.ZERO.minus(costs(day)));
        assertThat(balance.closing()).isEqualTo(Money.of(c.sim.deposit()));
        for (Payment p : day) {
            assertThat(c.checks(p.clientRef())).as("re-checked once: " + p.clientRef()).isEqualTo(1);
            Recheck kept = c.ledger.reconciliation().latestFinalRecheck(p.clientRef()).orElseThrow();
            assertThat(kept.status()).isEqualTo("SUCCESS");
            assertThat(kept.price()).contains(p.amounts().cost());
        }
        assertThat(c.reconciliation.dueDays()).doesNotContain(StatementlessCounter.DAY);
        assertThat(c.reconciliation.day(StatementlessCounter.DAY).status()).isEqualTo(DayStatus.READY);
        c.assertSound();
    }

    @Test
    void withoutAnEarlySnapshotTheFirstRunTakesItAndTheNextRunProvesTheDeposit() {
        StatementlessCounter c = open();
        c.openShift();
        List<Payment> day = c.ordinaryDay();
        c.afterMidnight();

        RunResult.Reconciled first = c.reconcile();

        assertThat(first.items()).isEmpty();
        assertThat(first.run().matched()).isEqualTo(3);
        assertThat(first.run().balance()).as("nothing to prove from yet").isEmpty();
        assertThat(first.run().changes()).startsWith(ReconciliationService.FIRST_RUN)
                .contains("first deposit snapshot");
        assertThat(c.ledger.reconciliation().latestSnapshot("digiflazz").orElseThrow().balance())
                .isEqualTo(Money.of(c.sim.deposit()));

        c.advance(Duration.ofMinutes(5));
        RunResult.Reconciled second = c.reconcile();

        assertThat(second.run().balance().orElseThrow().ok()).isTrue();
        assertThat(second.items()).isEmpty();
        assertThat(second.run().changes()).isEqualTo(ReconciliationService.NO_CHANGE);
        for (Payment p : day) {
            assertThat(c.checks(p.clientRef())).as("a final answer is never asked for again").isEqualTo(1);
        }
    }

    @Test
    void instantsWithoutNineFractionDigitsAreReadBack() {
        List<Duration> fractions = List.of(Duration.ZERO, Duration.ofNanos(123_456_000), Duration.ofMillis(123));
        for (int i = 0; i < fractions.size(); i++) {
            try (StatementlessCounter c = StatementlessCounter.start(dir.resolve("clock-" + i), b -> b,
                    fractions.get(i))) {
                java.time.Instant at = c.clock.instant();
                ReconciliationStore store = c.ledger.reconciliation();
                store.addSnapshot("probe", at, Money.of(1_000), java.util.Set.of());
                assertThat(store.latestSnapshot("probe").orElseThrow().takenAt()).isEqualTo(at);

                c.reconciliation.snapshotIfNone();
                c.openShift();
                List<Payment> day = c.ordinaryDay();
                c.reconciliation.recordTopUp(c.owner, StatementlessCounter.DAY, Money.of(50_000), "transfer");
                c.sim.setDeposit(c.sim.deposit() + 50_000);
                c.afterMidnight();
                RunResult.Reconciled run = c.reconcile();

                assertThat(run.run().matched()).as("clock fraction " + fractions.get(i)).isEqualTo(3);
                assertThat(run.run().balance().orElseThrow().ok()).isTrue();
                assertThat(store.latestFinalRecheck(day.get(0).clientRef())).isPresent();
            }
        }
    }

    // ---- 2. Digiflazz says Gagal, the ledger says SUCCESS ----------------------------------------------------------

    @Test
    void aSaleDigiflazzReportsGagalIsAStatusMismatchAndIsNotCorrectedByItself() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        List<Payment> day = c.ordinaryDay();
        Payment pulsa = day.get(2);
        c.sim.forceStatus(pulsa.clientRef(), "Gagal");
        c.afterMidnight();

        RunResult.Reconciled run = c.reconcile();

        assertThat(byKind(run.items())).containsExactlyInAnyOrderEntriesOf(Map.of(
                ItemKind.STATUS_MISMATCH, List.of(pulsa.clientRef()),
                ItemKind.BALANCE_MISMATCH, List.of("-")));
        ReconciliationItem item = only(run, ItemKind.STATUS_MISMATCH);
        assertThat(item.ledgerStatus()).contains("SUCCESS");
        assertThat(item.gatewayStatus()).contains("FAILED");
        assertThat(item.detail()).contains("it failed");
        assertThat(run.run().matched()).isEqualTo(2);
        // Digiflazz gave the price back: the deposit holds that much more than the ledger explains.
        assertThat(run.run().balance().orElseThrow().difference()).isEqualTo(pulsa.amounts().cost());
        assertThat(c.payment(pulsa.clientRef()).state()).as("for the owner to decide").isEqualTo(PaymentState.SUCCESS);
        assertThat(c.reconciliation.day(StatementlessCounter.DAY).status()).isEqualTo(DayStatus.OPEN_ITEMS);
        c.assertSound();
    }

    // ---- 3. another price ----------------------------------------------------------------------------------------

    @Test
    void anotherPriceIsAnAmountMismatchWithBothAmounts() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        List<Payment> day = c.ordinaryDay();
        Payment token = day.get(1);
        Money booked = token.amounts().cost();
        Money taken = booked.plus(Money.of(500));
        c.sim.forceStatus(token.clientRef(), "Sukses", OptionalLong.of(taken.rupiah()));
        c.afterMidnight();

        RunResult.Reconciled run = c.reconcile();

        ReconciliationItem item = only(run, ItemKind.AMOUNT_MISMATCH);
        assertThat(item.clientRef()).contains(token.clientRef());
        assertThat(item.ledgerAmount()).contains(booked);
        assertThat(item.gatewayAmount()).contains(taken);
        assertThat(item.ledgerStatus()).contains("SUCCESS");
        assertThat(item.gatewayStatus()).contains("SUCCESS");
        assertThat(item.detail()).contains(Long.toString(booked.rupiah()), Long.toString(taken.rupiah()));
        assertThat(run.run().matched()).isEqualTo(2);
        assertThat(run.run().gatewayTotal()).as("what Digiflazz says it took")
                .isEqualTo(costs(day).plus(Money.of(500)));
        // The 500 more left the deposit, as Digiflazz said: the deposit proof counts what it took, so the one
        // discrepancy is the AMOUNT_MISMATCH, not a deposit gap as well.
        assertThat(run.run().balance().orElseThrow().ok()).isTrue();
    }

    // ---- 4. the deposit ------------------------------------------------------------------------------------------

    @Test
    void aMirroredTopUpKeepsTheDepositProvedAndAGapBehindLoketsBackIsABalanceMismatch() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        c.ordinaryDay();
        c.advance(Duration.ofMinutes(1));
        c.reconciliation.recordTopUp(c.owner, StatementlessCounter.DAY, Money.of(100_000), "transfer BCA");
        c.sim.setDeposit(c.sim.deposit() + 100_000);
        c.afterMidnight();

        RunResult.Reconciled proved = c.reconcile();

        assertThat(proved.items()).isEmpty();
        BalanceCheck balance = proved.run().balance().orElseThrow();
        assertThat(balance.ok()).isTrue();

        c.advance(Duration.ofHours(1));
        long deposit = c.sim.deposit();
        c.sim.setDeposit(deposit - 5_000);
        RunResult.Reconciled gap = c.reconcile();

        ReconciliationItem item = only(gap, ItemKind.BALANCE_MISMATCH);
        assertThat(item.clientRef()).isEmpty();
        assertThat(item.ledgerAmount()).as("expected").contains(Money.of(deposit));
        assertThat(item.gatewayAmount()).as("read").contains(Money.of(deposit - 5_000));
        assertThat(item.detail()).contains("-5000", "does not know about");
        assertThat(gap.run().balance().orElseThrow().difference()).isEqualTo(Money.of(-5_000));
        assertThat(gap.run().matched()).isEqualTo(3);
        assertThat(gap.run().changes()).contains("new", "BALANCE_MISMATCH");
        assertThat(c.reconciliation.day(StatementlessCounter.DAY).status()).isEqualTo(DayStatus.OPEN_ITEMS);
    }

    @Test
    void aPurchaseMadeWithTheAccountOutsideLoketIsFoundInTheRunningBalance() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        Payment first = c.payPrepaid("pln20", StatementlessCounter.PLN_METER);
        // Someone buys with the shop's account behind Loket's back, between two of its sales.
        id.loket.upstream.digiflazz.DigiflazzClient elsewhere = new id.loket.upstream.digiflazz.DigiflazzClient(
                c.sim.baseUri(), new id.loket.upstream.digiflazz.DigiflazzCredentials(
                        id.loket.upstream.digiflazz.sim.SimulatorOptions.DEFAULT_USERNAME,
                        id.loket.upstream.digiflazz.sim.SimulatorOptions.DEFAULT_DEVELOPMENT_KEY, true),
                Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(elsewhere.topup("xld10", StatementlessCounter.XL_SUKSES, "ELSEWHERE-1", Optional.empty()))
                .isInstanceOf(id.loket.upstream.digiflazz.DigiflazzResult.Answer.class);
        long taken = c.sim.transaction("ELSEWHERE-1").orElseThrow().price();
        Payment second = c.payPrepaid("pln50", StatementlessCounter.PLN_METER);

        c.afterMidnight();
        RunResult.Reconciled run = c.reconcile();

        List<ReconciliationItem> gaps = run.items().stream().filter(i -> i.kind() == ItemKind.BALANCE_MISMATCH)
                .toList();
        assertThat(gaps).extracting(i -> i.clientRef().orElse("-"))
                .containsExactlyInAnyOrder(second.clientRef(), "-");
        ReconciliationItem atSecond = gaps.stream().filter(i -> i.clientRef().isPresent()).findFirst().orElseThrow();
        assertThat(atSecond.detail()).contains("fell by " + taken, first.clientRef());
        assertThat(atSecond.ledgerAmount().orElseThrow().minus(atSecond.gatewayAmount().orElseThrow()))
                .isEqualTo(Money.of(taken));
        assertThat(run.run().balance().orElseThrow().difference()).isEqualTo(Money.of(-taken));
    }

    @Test
    void aTopUpRecordedInLoketButNeverMadeAtDigiflazzIsABalanceMismatch() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        c.ordinaryDay();
        c.advance(Duration.ofMinutes(1));
        c.reconciliation.recordTopUp(c.owner, StatementlessCounter.DAY, Money.of(100_000), "not transferred");
        c.afterMidnight();

        RunResult.Reconciled run = c.reconcile();

        assertThat(only(run, ItemKind.BALANCE_MISMATCH).detail()).contains("-100000");
        assertThat(run.run().balance().orElseThrow().difference()).isEqualTo(Money.of(-100_000));
    }

    // ---- 5. suspects ---------------------------------------------------------------------------------------------

    @Test
    void suspectsAreSettledByTheirReCheckOnceAndAReRunChangesNothing() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        Payment bill = c.payPostpaid(StatementlessCounter.PLN_POSTPAID);
        c.sim.armFault(SimulatorFault.dropAfterProcessing().onPath("/v1/transaction"));
        Payment dropped = c.payPrepaid("xld10", StatementlessCounter.XL_SUKSES);
        Payment pending = c.payPrepaid("pln20", StatementlessCounter.PLN_METER_PENDING);
        assertThat(dropped.state()).isEqualTo(PaymentState.SUSPECT);
        assertThat(pending.state()).isEqualTo(PaymentState.SUSPECT);
        assertThat(c.atSimulator(dropped.clientRef()).status()).isEqualTo("Sukses");
        assertThat(c.atSimulator(pending.clientRef()).status()).isEqualTo("Pending");
        c.afterMidnight();

        RunResult.Reconciled first = c.reconcile();

        assertThat(byKind(first.items())).containsExactlyInAnyOrderEntriesOf(Map.of(
                ItemKind.RESOLVED_SUSPECT, List.of(dropped.clientRef(), pending.clientRef()).stream().sorted()
                        .toList()));
        assertThat(first.run().matched()).isEqualTo(1);
        for (Payment p : List.of(dropped, pending)) {
            ReconciliationItem item = first.items().stream().filter(i -> i.clientRef().equals(Optional.of(
                    p.clientRef()))).findFirst().orElseThrow();
            assertThat(item.ledgerStatus()).contains("SUSPECT");
            assertThat(item.gatewayStatus()).contains("SUCCESS");
            assertThat(c.payment(p.clientRef()).state()).isEqualTo(PaymentState.SUCCESS);
            assertThat(c.kindsOf(p.clientRef())).containsExactly(EntryKind.PENDING, EntryKind.POST_PENDING);
        }
        assertThat(c.kindsOf(bill.clientRef())).containsExactly(EntryKind.PENDING, EntryKind.POST_PENDING);
        assertThat(first.run().balance().orElseThrow().ok()).isTrue();
        c.assertSound();
        long entries = c.journalEntries();

        c.advance(Duration.ofMinutes(2));
        RunResult.Reconciled second = c.reconcile();

        assertThat(second.run().changes()).isEqualTo(ReconciliationService.NO_CHANGE);
        assertThat(byKind(second.items())).isEqualTo(byKind(first.items()));
        assertThat(second.items()).allSatisfy(i -> assertThat(i.ledgerStatus()).contains("SUSPECT"));
        assertThat(c.journalEntries()).as("nothing corrected twice").isEqualTo(entries);
        assertThat(second.run().balance().orElseThrow().ok()).isTrue();
        for (String ref : List.of(bill.clientRef(), dropped.clientRef(), pending.clientRef())) {
            assertThat(c.checks(ref)).as("asked once in all: " + ref).isEqualTo(1);
        }
        assertThat(c.reconciliation.runs(StatementlessCounter.DAY)).hasSize(2);
        assertThat(c.reconciliation.day(StatementlessCounter.DAY).status()).isEqualTo(DayStatus.READY);
    }

    @Test
    void aPendingTokenSettledByTheReconciliationKeepsItsToken() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        Payment pending = c.payPrepaid("pln20", StatementlessCounter.PLN_METER_PENDING);
        assertThat(pending.state()).isEqualTo(PaymentState.SUSPECT);
        c.afterMidnight();

        c.reconcile();

        Payment settled = c.payment(pending.clientRef());
        assertThat(settled.state()).isEqualTo(PaymentState.SUCCESS);
        String sn = c.atSimulator(pending.clientRef()).sn();
        assertThat(sn).isNotEmpty();
        assertThat(settled.outcome().flatMap(GatewayOutcome::token)).contains(sn.split("/")[0].strip());
    }

    @Test
    void aSuspectDigiflazzFailedIsSettledFailedWithTheCustomersMoneyOwedBack() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        c.sim.armFault(SimulatorFault.dropAfterProcessing().onPath("/v1/transaction"));
        Payment dropped = c.payPrepaid("xld10", StatementlessCounter.XL_GAGAL);
        assertThat(dropped.state()).isEqualTo(PaymentState.SUSPECT);
        c.afterMidnight();

        RunResult.Reconciled run = c.reconcile();

        ReconciliationItem item = only(run, ItemKind.RESOLVED_SUSPECT);
        assertThat(item.gatewayStatus()).contains("FAILED");
        Payment settled = c.payment(dropped.clientRef());
        assertThat(settled.state()).isEqualTo(PaymentState.FAILED);
        assertThat(settled.refundDue()).isTrue();
        assertThat(c.kindsOf(dropped.clientRef())).containsExactly(EntryKind.PENDING, EntryKind.VOID_PENDING,
                EntryKind.POSTED);
        assertThat(run.run().balance().orElseThrow().ok()).isTrue();
        c.assertSound();
    }

    @Test
    void aSuspectAnsweredPendingThatLaterFailsGivesItsCostBackToTheDepositProof() {
        // Control for the disabled test below: the same story with the Pending answer received at the counter.
        StatementlessCounter c = open(b -> b.pendingChecks(2));
        c.reconciliation.snapshotIfNone();
        c.openShift();
        Payment pending = c.payPrepaid("xld10", StatementlessCounter.XL_PENDING_GAGAL);
        assertThat(pending.state()).isEqualTo(PaymentState.SUSPECT);
        assertThat(pending.outcome()).isPresent();
        c.afterMidnight();

        RunResult.Reconciled first = c.reconcile();
        assertThat(only(first, ItemKind.TIMING_DIFFERENCE).clientRef()).contains(pending.clientRef());
        assertThat(first.run().balance().orElseThrow().ok()).as("Digiflazz holds the price while Pending").isTrue();

        c.advance(Duration.ofMinutes(2));
        RunResult.Reconciled second = c.reconcile();

        assertThat(only(second, ItemKind.RESOLVED_SUSPECT).gatewayStatus()).contains("FAILED");
        assertThat(c.payment(pending.clientRef()).state()).isEqualTo(PaymentState.FAILED);
        assertThat(second.run().balance().orElseThrow().ok()).as("the price came back").isTrue();
    }

    @Test
    void aDroppedSuspectThatLaterFailsGivesItsCostBackToTheDepositProof() {
        StatementlessCounter c = open(b -> b.pendingChecks(2));
        c.reconciliation.snapshotIfNone();
        c.openShift();
        c.sim.armFault(SimulatorFault.dropAfterProcessing().onPath("/v1/transaction"));
        Payment dropped = c.payPrepaid("xld10", StatementlessCounter.XL_PENDING_GAGAL);
        assertThat(dropped.state()).isEqualTo(PaymentState.SUSPECT);
        assertThat(dropped.outcome()).isEmpty();
        c.afterMidnight();

        RunResult.Reconciled first = c.reconcile();
        assertThat(only(first, ItemKind.TIMING_DIFFERENCE).clientRef()).contains(dropped.clientRef());
        assertThat(first.run().balance().orElseThrow().ok()).as("Digiflazz holds the price while Pending").isTrue();

        c.advance(Duration.ofMinutes(2));
        RunResult.Reconciled second = c.reconcile();

        assertThat(only(second, ItemKind.RESOLVED_SUSPECT).gatewayStatus()).contains("FAILED");
        assertThat(c.payment(dropped.clientRef()).state()).isEqualTo(PaymentState.FAILED);
        assertThat(second.run().balance().orElseThrow().difference()).as("the price came back")
                .isEqualTo(Money.ZERO);
        assertThat(second.items()).extracting(ReconciliationItem::kind).doesNotContain(ItemKind.BALANCE_MISMATCH);
    }

    @Test
    void aSuspectSettledAtAnotherPriceIsAnAmountMismatchFromTheFirstRun() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        c.sim.armFault(SimulatorFault.dropAfterProcessing().onPath("/v1/transaction"));
        Payment dropped = c.payPrepaid("xld10", StatementlessCounter.XL_SUKSES);
        assertThat(dropped.state()).isEqualTo(PaymentState.SUSPECT);
        Money taken = dropped.amounts().cost().plus(Money.of(500));
        c.sim.forceStatus(dropped.clientRef(), "Sukses", OptionalLong.of(taken.rupiah()));
        c.afterMidnight();

        RunResult.Reconciled first = c.reconcile();
        assertThat(c.payment(dropped.clientRef()).state()).isEqualTo(PaymentState.SUCCESS);
        c.advance(Duration.ofMinutes(2));
        RunResult.Reconciled second = c.reconcile();

        assertThat(first.items()).extracting(ReconciliationItem::kind).contains(ItemKind.AMOUNT_MISMATCH);
        assertThat(second.run().changes()).isEqualTo(ReconciliationService.NO_CHANGE);
    }

    // ---- 6. no answer --------------------------------------------------------------------------------------------

    @Test
    void aPaymentDigiflazzDoesNotAnswerAboutIsNotCheckedAndALaterRunAsksOnlyForIt() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        List<Payment> day = c.ordinaryDay();
        List<String> sorted = refs(day).stream().sorted().toList();
        String unanswered = sorted.get(0); // re-checked in client_ref order: the first one meets the fault
        c.afterMidnight();
        c.sim.armFault(SimulatorFault.http500().onPath("/v1/transaction"));

        RunResult.Reconciled partial = c.reconcile();

        assertThat(byKind(partial.items())).containsExactlyInAnyOrderEntriesOf(Map.of(
                ItemKind.NOT_CHECKED, List.of(unanswered)));
        assertThat(only(partial, ItemKind.NOT_CHECKED).detail()).contains("did not answer");
        assertThat(partial.run().changes()).startsWith(ReconciliationService.PARTIAL)
                .contains("1 payment(s) not re-checked");
        assertThat(partial.run().matched()).isEqualTo(2);
        assertThat(partial.run().gatewayCount()).isEqualTo(2);
        assertThat(partial.run().open()).isEqualTo(1);
        assertThat(c.reconciliation.dueDays()).contains(StatementlessCounter.DAY);
        assertThat(c.ledger.reconciliation().latestFinalRecheck(unanswered)).isEmpty();
        assertThat(c.checks(unanswered)).as("the 500 did nothing at Digiflazz").isZero();
        for (String ref : sorted.subList(1, 3)) {
            assertThat(c.checks(ref)).isEqualTo(1);
            assertThat(c.ledger.reconciliation().latestFinalRecheck(ref)).isPresent();
        }
        assertThat(c.payment(unanswered).state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(partial.run().balance().orElseThrow().ok()).isTrue();

        c.advance(Duration.ofMinutes(2));
        RunResult.Reconciled complete = c.reconcile();

        assertThat(complete.items()).isEmpty();
        assertThat(complete.run().matched()).isEqualTo(3);
        assertThat(complete.run().changes()).doesNotStartWith(ReconciliationService.PARTIAL)
                .contains("gone (NOT_CHECKED " + unanswered + ")");
        assertThat(c.checks(unanswered)).isEqualTo(1);
        for (String ref : sorted.subList(1, 3)) {
            assertThat(c.checks(ref)).as("the kept final answer was used: " + ref).isEqualTo(1);
        }
        assertThat(c.reconciliation.dueDays()).doesNotContain(StatementlessCounter.DAY);
        assertThat(c.reconciliation.day(StatementlessCounter.DAY).status()).isEqualTo(DayStatus.READY);
    }

    @Test
    void aReCheckThatTimesOutIsNotChecked() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        Payment pulsa = c.payPrepaid("xld10", StatementlessCounter.XL_SUKSES);
        c.afterMidnight();
        c.sim.armFault(SimulatorFault.timeout().onPath("/v1/transaction"));

        RunResult.Reconciled run = c.reconcile();

        assertThat(only(run, ItemKind.NOT_CHECKED).clientRef()).contains(pulsa.clientRef());
        assertThat(run.run().changes()).startsWith(ReconciliationService.PARTIAL);
        assertThat(c.reconciliation.dueDays()).contains(StatementlessCounter.DAY);
    }

    // ---- 7. today, before midnight -------------------------------------------------------------------------------

    @Test
    void todayReconciledBeforeMidnightIsPartialAndStaysDue() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        List<Payment> day = c.ordinaryDay();
        c.advance(Duration.ofMinutes(2));
        Payment justNow = c.payPrepaid("xld10", StatementlessCounter.XL_SUKSES);
        c.advance(Duration.ofSeconds(10));
        assertThat(c.calendar.today()).isEqualTo(StatementlessCounter.DAY);

        RunResult.Reconciled evening = c.reconcile();

        assertThat(evening.run().changes()).startsWith(ReconciliationService.PARTIAL)
                .contains("the day has not ended")
                .contains("1 payment(s) not re-checked");
        assertThat(byKind(evening.items())).containsExactlyInAnyOrderEntriesOf(Map.of(
                ItemKind.NOT_CHECKED, List.of(justNow.clientRef())));
        assertThat(only(evening, ItemKind.NOT_CHECKED).detail()).contains("did not answer");
        assertThat(c.checks(justNow.clientRef())).as("Digiflazz's minute: not asked").isZero();
        assertThat(evening.run().matched()).isEqualTo(3);
        assertThat(evening.run().balance().orElseThrow().ok()).isTrue();

        c.afterMidnight();
        assertThat(c.reconciliation.dueDays()).as("a partial run leaves the day due")
                .containsExactly(StatementlessCounter.DAY);
        RunResult.Reconciled night = c.reconcile();

        assertThat(night.run().changes()).doesNotStartWith(ReconciliationService.PARTIAL)
                .contains("gone (NOT_CHECKED " + justNow.clientRef() + ")");
        assertThat(night.items()).isEmpty();
        assertThat(night.run().matched()).isEqualTo(4);
        for (Payment p : day) {
            assertThat(c.checks(p.clientRef())).as("answered in the evening, not asked again").isEqualTo(1);
        }
        assertThat(c.checks(justNow.clientRef())).isEqualTo(1);
        assertThat(c.reconciliation.dueDays()).isEmpty();
    }

    // ---- 8. cancel -----------------------------------------------------------------------------------------------

    @Test
    void aCancelledRunStoresNoRunAndTheNextRunResumesWithoutAskingAgain() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        List<Payment> day = new ArrayList<>(c.ordinaryDay());
        day.add(c.payPostpaid("530000000002"));
        c.afterMidnight();
        Cancellation cancellation = new Cancellation();
        Progress cancelAfterTwo = (done, total, stage) -> {
            if (stage.equals("recheck") && done == 2) {
                cancellation.cancel();
            }
        };

        assertThatThrownBy(() -> c.reconciliation.reconcile(StatementlessCounter.DAY, RunTrigger.MANUAL,
                Optional.of("sari"), cancelAfterTwo, cancellation)).isInstanceOf(RunCancelledException.class);

        assertThat(c.reconciliation.runs(StatementlessCounter.DAY)).isEmpty();
        List<String> asked = refs(day).stream().filter(r -> c.checks(r) == 1).toList();
        assertThat(asked.size()).as("re-checked before the cancel").isBetween(2, 3);
        assertThat(asked).as("in client_ref order").containsExactlyInAnyOrderElementsOf(
                refs(day).stream().sorted().toList().subList(0, asked.size()));
        for (String ref : asked) {
            assertThat(c.ledger.reconciliation().latestFinalRecheck(ref)).as("kept at once").isPresent();
        }
        assertThat(c.reconciliation.dueDays()).contains(StatementlessCounter.DAY);

        c.advance(Duration.ofMinutes(2));
        RunResult.Reconciled resumed = c.reconcile();

        assertThat(resumed.items()).isEmpty();
        assertThat(resumed.run().matched()).isEqualTo(4);
        assertThat(resumed.run().changes()).isEqualTo(ReconciliationService.FIRST_RUN);
        for (Payment p : day) {
            assertThat(c.checks(p.clientRef())).as("asked once in all: " + p.clientRef()).isEqualTo(1);
        }
        assertThat(resumed.run().balance().orElseThrow().ok()).isTrue();
    }

    @Test
    void aCancelFromTheProgressCallbackStopsBeforeTheNextReCheck() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        List<Payment> day = new ArrayList<>(c.ordinaryDay());
        day.add(c.payPostpaid("530000000002"));
        c.afterMidnight();
        Cancellation cancellation = new Cancellation();
        Progress cancelAfterTwo = (done, total, stage) -> {
            if (stage.equals("recheck") && done == 2) {
                cancellation.cancel();
            }
        };

        assertThatThrownBy(() -> c.reconciliation.reconcile(StatementlessCounter.DAY, RunTrigger.MANUAL,
                Optional.of("sari"), cancelAfterTwo, cancellation)).isInstanceOf(RunCancelledException.class);

        assertThat(refs(day).stream().filter(r -> c.checks(r) == 1).count()).isEqualTo(2);
    }

    // ---- 9. refused before anything was created ------------------------------------------------------------------

    @Test
    void aPaymentDigiflazzRefusedBeforeCreatingAnythingIsNotReChecked() {
        StatementlessCounter c = open();
        c.reconciliation.snapshotIfNone();
        c.openShift();
        Payment sold = c.payPrepaid("xld10", StatementlessCounter.XL_SUKSES);
        c.sim.armFault(SimulatorFault.rc("44"));
        Payment refused = c.payPrepaid("xld10", StatementlessCounter.XL_SUKSES);
        Payment gagal = c.payPrepaid("xld10", StatementlessCounter.XL_GAGAL);
        assertThat(refused.state()).isEqualTo(PaymentState.FAILED);
        assertThat(refused.outcome()).as("no answer about a transaction").isEmpty();
        assertThat(c.sim.transaction(refused.clientRef())).as("rc 44 creates nothing").isEmpty();
        assertThat(gagal.state()).isEqualTo(PaymentState.FAILED);
        int transactions = c.sim.transactions().size();
        c.afterMidnight();

        RunResult.Reconciled run = c.reconcile();

        assertThat(c.sim.transaction(refused.clientRef())).as("re-sending it would have bought it").isEmpty();
        assertThat(c.sim.transactions()).hasSize(transactions);
        assertThat(c.ledger.reconciliation().latestFinalRecheck(refused.clientRef())).isEmpty();
        assertThat(run.run().ledgerCount()).as("the refused payment never reached Digiflazz").isEqualTo(2);
        assertThat(run.run().matched()).isEqualTo(2);
        assertThat(run.items()).isEmpty();
        // The Gagal one did reach Digiflazz: asked about, and its identical re-send bought nothing.
        assertThat(c.checks(gagal.clientRef())).isEqualTo(1);
        assertThat(c.atSimulator(gagal.clientRef()).status()).isEqualTo("Gagal");
        assertThat(c.checks(sold.clientRef())).isEqualTo(1);
        assertThat(c.payment(refused.clientRef()).state()).isEqualTo(PaymentState.FAILED);
        assertThat(run.run().balance().orElseThrow().ok()).isTrue();
    }
}
