package id.loket.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.Money;
import id.loket.core.PaymentState;
import id.loket.core.EntryKind;
import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import id.loket.users.Operator;
import id.loket.users.PermissionDeniedException;
import id.loket.users.TestOperators;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day with one planted discrepancy of each kind, through the sandbox's drills (gateway-api.md,
 * {@code /sandbox/discrepancies}), reconciled over HTTP against a real ledger: each is found and classified, the
 * suspect is settled by correcting entries, a re-run changes nothing, and the owner resolves and signs the day off.
 */
class ReconciliationDrillTest {

    @TempDir
    Path dir;

    private PaymentTestBed bed;
    private final Operator owner = TestOperators.owner();
    private final Operator clerk = TestOperators.clerk();

    @BeforeEach
    void start() {
        bed = PaymentTestBed.in(dir).sandbox(o -> o.withSettleImmediately(true)).start();
        bed.openShift(500_000);
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private Payment pay(String reference) {
        Payment p = bed.order("PLN_POSTPAID", reference).cash();
        assertThat(p.state()).isEqualTo(PaymentState.SUCCESS);
        return p;
    }

    private LocalDate today() {
        return bed.calendar().today();
    }

    /** The sandbox's deposit came on the day it was created: the shop records it, as it would its own transfer. */
    private void recordInitialDeposit() {
        bed.reconciliation().recordTopUp(owner, today(), Money.of(10_000_000), "saldo awal");
    }

    private long journalEntries() {
        AtomicLong n = new AtomicLong();
        bed.ledger().journal().forEachEntry(e -> n.incrementAndGet());
        return n.get();
    }

    private static Map<ItemKind, List<String>> byKind(List<ReconciliationItem> items) {
        return items.stream().collect(Collectors.groupingBy(ReconciliationItem::kind,
                Collectors.mapping(i -> i.clientRef().orElse("-"), Collectors.toList())));
    }

    @Test
    void everyPlantedDiscrepancyIsFoundAndClassified() {
        recordInitialDeposit();
        Payment matched = pay("512345678901");
        Payment amount = pay("512345678902");
        Payment missing = pay("512345678903");
        Payment status = pay("512345678904");
        bed.sandbox().fault("drop_response", "payments");
        Payment suspect = bed.order("PLN_POSTPAID", "512345678905").cash();
        assertThat(suspect.state()).isEqualTo(PaymentState.SUSPECT);
        bed.sandbox().post("/sandbox/discrepancies", "{\"kind\":\"amount\",\"client_ref\":\"" + amount.clientRef()
                + "\",\"amount\":1}");
        bed.sandbox().post("/sandbox/discrepancies", "{\"kind\":\"missing\",\"client_ref\":\"" + missing.clientRef()
                + "\"}");
        bed.sandbox().post("/sandbox/discrepancies", "{\"kind\":\"status\",\"client_ref\":\"" + status.clientRef()
                + "\"}");
        String extra = bed.sandbox().post("/sandbox/discrepancies", "{\"kind\":\"extra\"}").get("client_ref")
                .asText();
        bed.sandbox().deposit(75_000); // topped up at the gateway, never recorded in Loket

        RunResult result = bed.reconciliation().reconcile(today(), RunTrigger.COMMAND, Optional.empty());

        RunResult.Reconciled run = (RunResult.Reconciled) result;
        assertThat(byKind(run.items())).containsExactlyInAnyOrderEntriesOf(Map.of(
                ItemKind.AMOUNT_MISMATCH, List.of(amount.clientRef()),
                ItemKind.MISSING_AT_GATEWAY, List.of(missing.clientRef()),
                ItemKind.STATUS_MISMATCH, List.of(status.clientRef()),
                ItemKind.MISSING_IN_LEDGER, List.of(extra),
                ItemKind.RESOLVED_SUSPECT, List.of(suspect.clientRef()),
                ItemKind.BALANCE_MISMATCH, List.of("-")));
        assertThat(run.run().matched()).isEqualTo(1);
        assertThat(run.run().ledgerCount()).isEqualTo(5);
        BalanceCheck balance = run.run().balance().orElseThrow();
        assertThat(balance.difference()).isEqualTo(Money.of(75_000));
        assertThat(run.run().open()).isEqualTo(5);
        ReconciliationItem amountItem = run.items().stream().filter(i -> i.kind() == ItemKind.AMOUNT_MISMATCH)
                .findFirst().orElseThrow();
        assertThat(amountItem.ledgerAmount()).contains(amount.amounts().gatewayTotal());
        assertThat(amountItem.gatewayAmount()).contains(Money.of(1).plus(amount.amounts().gatewayFee()));

        // The suspect is settled by correcting entries: its reservation posted, nothing rewritten.
        assertThat(bed.payments().find(suspect.clientRef()).orElseThrow().state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(bed.kindsOf(suspect.clientRef())).containsExactly(EntryKind.PENDING, EntryKind.POST_PENDING);
        bed.assertSound();
        assertThat(bed.reconciliation().day(today()).status()).isEqualTo(DayStatus.OPEN_ITEMS);
        assertThat(matched.state()).isEqualTo(PaymentState.SUCCESS);
    }

    @Test
    void aRerunIsIdempotentAndTheOwnerSignsTheDayOff() {
        recordInitialDeposit();
        pay("512345678901");
        Payment amount = pay("512345678902");
        bed.sandbox().fault("drop_response", "payments");
        Payment suspect = bed.order("PLN_POSTPAID", "512345678905").cash();
        bed.sandbox().post("/sandbox/discrepancies", "{\"kind\":\"amount\",\"client_ref\":\"" + amount.clientRef()
                + "\",\"amount\":1}");
        RunResult.Reconciled first = (RunResult.Reconciled) bed.reconciliation().reconcile(today(), RunTrigger.MANUAL,
                Optional.of("owner"));
        assertThat(first.run().changes()).isEqualTo("first run");
        long entries = journalEntries();

        RunResult.Reconciled second = (RunResult.Reconciled) bed.reconciliation().reconcile(today(),
                RunTrigger.COMMAND, Optional.empty());

        assertThat(second.run().changes()).isEqualTo(ReconciliationService.NO_CHANGE);
        assertThat(byKind(second.items())).isEqualTo(byKind(first.items()));
        assertThat(byKind(second.items())).containsEntry(ItemKind.RESOLVED_SUSPECT, List.of(suspect.clientRef()));
        assertThat(journalEntries()).as("nothing corrected twice").isEqualTo(entries);
        assertThat(bed.reconciliation().runs(today())).hasSize(2);

        ReconciliationItem open = second.items().stream().filter(ReconciliationItem::isOpen).findFirst().orElseThrow();
        assertThatThrownBy(() -> bed.reconciliation().signOff(owner, second.run().id(), "ok"))
                .isInstanceOf(ReconciliationException.class).hasMessageContaining("not resolved");
        assertThatThrownBy(() -> bed.reconciliation().resolve(owner, second.run().id(), open.lineNo(), "  "))
                .isInstanceOf(ReconciliationException.class);
        bed.reconciliation().resolve(clerk, second.run().id(), open.lineNo(), "Gateway salah lapor; tiket #123");
        assertThat(bed.reconciliation().day(today()).status()).isEqualTo(DayStatus.READY);
        assertThatThrownBy(() -> bed.reconciliation().signOff(clerk, second.run().id(), "ok"))
                .isInstanceOf(PermissionDeniedException.class);

        SignOff signOff = bed.reconciliation().signOff(owner, second.run().id(), "diperiksa");

        assertThat(signOff.operator()).isEqualTo(owner.username());
        assertThat(bed.reconciliation().day(today()).status()).isEqualTo(DayStatus.SIGNED_OFF);
        // A re-run that finds the same keeps the day signed off, and the resolution carries over.
        RunResult.Reconciled third = (RunResult.Reconciled) bed.reconciliation().reconcile(today(),
                RunTrigger.COMMAND, Optional.empty());
        assertThat(third.run().changes()).isEqualTo(ReconciliationService.NO_CHANGE);
        assertThat(third.items().stream().filter(ReconciliationItem::isOpen)).isEmpty();
        assertThat(bed.reconciliation().day(today()).status()).isEqualTo(DayStatus.SIGNED_OFF);
    }

    @Test
    void aTopUpRecordedAfterwardsSettlesTheDepositCheck() {
        pay("512345678901");
        RunResult.Reconciled before = (RunResult.Reconciled) bed.reconciliation().reconcile(today(),
                RunTrigger.MANUAL, Optional.empty());
        assertThat(before.run().balance().orElseThrow().difference()).isEqualTo(Money.of(10_000_000));

        recordInitialDeposit();
        RunResult.Reconciled after = (RunResult.Reconciled) bed.reconciliation().reconcile(today(),
                RunTrigger.MANUAL, Optional.empty());

        assertThat(after.run().balance().orElseThrow().ok()).isTrue();
        assertThat(after.items()).isEmpty();
        assertThat(after.run().changes()).contains("gone", "BALANCE_MISMATCH");
        assertThat(bed.reconciliation().day(today()).status()).isEqualTo(DayStatus.READY);
        assertThatThrownBy(() -> bed.reconciliation().recordTopUp(clerk, today(), Money.of(1), "x"))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
