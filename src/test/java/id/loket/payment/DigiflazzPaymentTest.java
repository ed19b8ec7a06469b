package id.loket.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.EntryKind;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.Posting;
import id.loket.core.ReceiptData;
import id.loket.core.RecordedEntry;
import id.loket.journal.VerifyReport;
import id.loket.shift.Shift;
import id.loket.testing.DigiflazzBed;
import id.loket.upstream.digiflazz.sim.SimulatedTransaction;
import id.loket.upstream.digiflazz.sim.SimulatorFault;
import id.loket.upstream.digiflazz.sim.SimulatorOptions;
import id.loket.users.TestOperators;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter on Digiflazz end to end: a real ledger file, shifts, {@link PaymentService} and the
 * {@code BillingService} over {@code DigiflazzNetwork} and the Digiflazz simulator on loopback, wired as the app
 * wires them ({@link DigiflazzBed}). What the shop's books say about each outcome: the deposit pays Digiflazz's
 * {@code price}, the margin and the shop fee are income, a refusal moves no money, an unknown outcome stays reserved
 * until recovery asks.
 */
class DigiflazzPaymentTest {

    private static final Shop SHOP = new Shop("Loket Berkah", "Jl. Merdeka 1, Bandung");
    private static final String CLERK = DigiflazzBed.CLERK;
    private static final long DEPOSIT = SimulatorOptions.DEFAULT_DEPOSIT;
    private static final String METER = "14123456780";
    private static final String PENDING_METER = "14123456789";

    @TempDir
    Path dir;

    private DigiflazzBed bed;

    private DigiflazzBed start() {
        bed = DigiflazzBed.start(dir);
        return bed;
    }

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aPlnBillPaidInCashCreditsTheDepositWithThePriceAndIncomeWithTheMarginAndTheShopFee() {
        start();
        bed.settings().setBillerFee(TestOperators.owner(), "PLN", Optional.of(Money.of(2_000)));
        Shift shift = bed.openShift(100_000);
        Biller pln = biller("PLN");
        Inquiry bill = inquire("PLN", "530000000001", Optional.empty());
        Amounts amounts = bed.payments().quote(pln, bill, PaymentMethod.CASH);
        assertThat(amounts).isEqualTo(new Amounts(Money.of(8_500), Money.of(2_500), Money.of(2_000),
                Money.of(10_000)));
        assertThat(amounts.margin()).isEqualTo(Money.of(1_000));

        Payment paid = bed.payments().payCash(CLERK, pln, bill, Money.of(15_000));

        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(paid.advice()).isEqualTo(ClerkAdvice.PAID);
        assertThat(paid.clientRef()).isEqualTo(bill.paymentRef().orElseThrow()).startsWith("LKT-20261207-");
        assertThat(paid.total()).isEqualTo(Money.of(13_000));
        assertThat(paid.change()).contains(Money.of(2_000));
        assertThat(paid.bill().period()).contains("201901");
        assertThat(paid.outcome()).hasValueSatisfying(o -> {
            assertThat(o.rc()).isEqualTo("00");
            assertThat(o.billerRef()).contains("S1234554321N");
        });

        List<RecordedEntry> entries = bed.entriesOf(paid.clientRef());
        assertThat(entries).extracting(e -> e.entry().kind())
                .containsExactly(EntryKind.PENDING, EntryKind.POST_PENDING);
        List<Posting> expected = List.of(
                Posting.debit(shift.drawer(), Money.of(13_000)),
                Posting.credit(AccountCode.GATEWAY_DEPOSIT, Money.of(10_000)),
                Posting.credit(AccountCode.ADMIN_FEE_INCOME, Money.of(3_000)));
        assertThat(entries).allSatisfy(e -> assertThat(e.entry().postings()).isEqualTo(expected));
        assertThat(entries.get(1).entry().pendingOf()).hasValue(entries.get(0).id());
        assertThat(paid.reservationEntry()).hasValue(entries.get(0).id());
        AccountBalance deposit = bed.balance(AccountCode.GATEWAY_DEPOSIT);
        assertThat(deposit.creditsPosted()).isEqualTo(Money.of(10_000));
        assertThat(deposit.creditsPending()).isEqualTo(Money.ZERO);
        assertThat(bed.balance(AccountCode.ADMIN_FEE_INCOME).creditsPosted()).isEqualTo(Money.of(3_000));
        assertThat(bed.balance(shift.drawer()).postedNet()).isEqualTo(Money.of(113_000));
        assertThat(bed.payments().events(paid.clientRef())).extracting(PaymentEvent::from, PaymentEvent::to)
                .containsExactly(Tuple.tuple(PaymentState.NEW, PaymentState.SENT),
                        Tuple.tuple(PaymentState.SENT, PaymentState.SUCCESS));

        // Digiflazz paid the inquiry's own ref_id, once, and took its price from the deposit.
        List<SimulatedTransaction> held = bed.transactionsOf(paid.clientRef());
        assertThat(held).hasSize(1);
        assertThat(held.get(0).stage()).isEqualTo("payment");
        assertThat(held.get(0).status()).isEqualTo("Sukses");
        assertThat(held.get(0).price()).isEqualTo(10_000);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 10_000);
        assertSound();

        ReceiptData receipt = bed.payments().receipt(paid.clientRef(), SHOP, "Sari");
        assertThat(receipt.provisional()).isFalse();
        assertThat(receipt.sandbox()).isTrue();
        assertThat(receipt.testing()).as("Digiflazz's development mode is named on the slip").isTrue();
        assertThat(receipt.total()).isEqualTo(Money.of(13_000));
        assertThat(receipt.billerRef()).contains("S1234554321N");
        assertThat(receipt.details()).containsEntry("idpel", "530000000001").containsEntry("periode", "201901")
                .containsKey("tarif_daya");
        // The stand meter comes only with the payment's answer; it is kept with the bill and printed.
        assertThat(receipt.details()).containsEntry("stand_meter", "00080000-00090000");
        assertThat(bed.payments().find(paid.clientRef()).orElseThrow().bill().details())
                .containsEntry("stand_meter", "00080000-00090000");
        assertThat(id.loket.report.ReceiptLines.of(receipt)).extracting(id.loket.report.ReceiptLine::label)
                .contains("STAND METER", "DENDA").doesNotContain("LEMBAR");
    }

    @Test
    void aPlnTokenSoldInCashPrintsItsTokenAndKwh() {
        start();
        bed.openShift(50_000);
        Inquiry quote = inquire("PLN_PRABAYAR", METER, Optional.of("pln20"));
        assertThat(quote.total()).isEqualTo(Money.of(20_150));
        assertThat(quote.customerName()).isNotBlank();

        Payment paid = bed.payments().payCash(CLERK, biller("PLN_PRABAYAR"), quote, Money.of(25_000));
        ReceiptData receipt = bed.payments().receipt(paid.clientRef(), SHOP, "Sari");

        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        String sn = bed.simulator().transaction(paid.clientRef()).orElseThrow().sn();
        String digits = sn.split("/")[0].replace("-", "");
        assertThat(receipt.token()).hasValueSatisfying(t -> assertThat(t.replaceAll("[^0-9]", "")).isEqualTo(digits));
        assertThat(digits).hasSize(20);
        assertThat(receipt.kwh()).isPresent();
        assertThat(receipt.provisional()).isFalse();
        assertThat(receipt.customerName()).isEqualTo(quote.customerName());
        assertThat(receipt.details()).containsEntry("no_meter", METER);
        assertThat(receipt.change()).contains(Money.of(4_850));
        assertThat(bed.balance(AccountCode.GATEWAY_DEPOSIT).creditsPosted()).isEqualTo(Money.of(20_150));
        assertThat(bed.balance(AccountCode.ADMIN_FEE_INCOME).creditsPosted()).isEqualTo(Money.ZERO);
        assertSound();
    }

    @Test
    void aPendingTokenIsSuspectWithAProvisionalSlipAndRecoverySettlesItAMinuteLater() {
        start();
        bed.openShift(0);
        Inquiry quote = inquire("PLN_PRABAYAR", PENDING_METER, Optional.of("pln50"));

        Payment pending = bed.payments().payCash(CLERK, biller("PLN_PRABAYAR"), quote, quote.total());

        assertThat(pending.state()).isEqualTo(PaymentState.SUSPECT);
        assertThat(pending.advice()).isEqualTo(ClerkAdvice.PENDING);
        assertThat(pending.advice().message()).startsWith("pending: do not refund or retry");
        ReceiptData slip = bed.payments().receipt(pending.clientRef(), SHOP, "Sari");
        assertThat(slip.provisional()).isTrue();
        assertThat(slip.token()).isEmpty();
        assertThat(bed.entriesOf(pending.clientRef())).extracting(e -> e.entry().kind())
                .containsExactly(EntryKind.PENDING);
        assertThat(bed.balance(AccountCode.GATEWAY_DEPOSIT).creditsPending()).isEqualTo(Money.of(50_150));

        // Asked at once, Digiflazz's one-minute rule keeps the adapter from calling: it stays suspect.
        RecoverySummary early = bed.payments().recover();
        assertThat(early.items()).extracting(RecoverySummary.Item::after).containsExactly(PaymentState.SUSPECT);
        assertThat(bed.simulator().transaction(pending.clientRef()).orElseThrow().checks()).isZero();

        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        RecoverySummary later = bed.payments().recover();

        assertThat(later.succeeded()).isEqualTo(1);
        Payment settled = bed.payments().find(pending.clientRef()).orElseThrow();
        assertThat(settled.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(settled.outcome().flatMap(GatewayOutcome::token)).hasValueSatisfying(t ->
                assertThat(t.replaceAll("[^0-9]", "")).hasSize(20));
        ReceiptData receipt = bed.payments().receipt(pending.clientRef(), SHOP, "Sari");
        assertThat(receipt.provisional()).isFalse();
        assertThat(receipt.token()).isPresent();
        assertThat(bed.entriesOf(pending.clientRef())).extracting(e -> e.entry().kind())
                .containsExactly(EntryKind.PENDING, EntryKind.POST_PENDING);
        assertThat(bed.balance(AccountCode.GATEWAY_DEPOSIT).creditsPosted()).isEqualTo(Money.of(50_150));
        assertThat(bed.transactionsOf(pending.clientRef())).hasSize(1);
        assertSound();
    }

    @Test
    void anAnswerDroppedAfterProcessingIsSuspectAndRecoveryFindsTheOneTransaction() {
        start();
        bed.openShift(0);
        Inquiry quote = inquire("XL_PULSA", "087800001230", Optional.of("xld10"));
        bed.simulator().armFault(SimulatorFault.dropAfterProcessing().onPath("/v1/transaction"));

        Payment suspect = bed.payments().payCash(CLERK, biller("XL_PULSA"), quote, quote.total());

        assertThat(suspect.state()).isEqualTo(PaymentState.SUSPECT);
        assertThat(suspect.advice()).isEqualTo(ClerkAdvice.PENDING);
        assertThat(bed.transactionsOf(suspect.clientRef())).hasSize(1);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 10_000);

        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        RecoverySummary summary = bed.payments().recover();

        assertThat(summary.succeeded()).isEqualTo(1);
        assertThat(bed.payments().find(suspect.clientRef()).orElseThrow().state()).isEqualTo(PaymentState.SUCCESS);
        List<SimulatedTransaction> held = bed.transactionsOf(suspect.clientRef());
        assertThat(held).hasSize(1);
        assertThat(held.get(0).checks()).isEqualTo(1);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 10_000);
        assertThat(bed.entriesOf(suspect.clientRef())).extracting(e -> e.entry().kind())
                .containsExactly(EntryKind.PENDING, EntryKind.POST_PENDING);
        assertThat(bed.balance(AccountCode.GATEWAY_DEPOSIT).creditsPosted()).isEqualTo(Money.of(10_000));
        assertSound();
    }

    @Test
    void aDepositTooLowFailsThePaymentWithItsReasonAndMovesNoMoney() {
        start();
        Shift shift = bed.openShift(50_000);
        Inquiry quote = inquire("XL_PULSA", "087800001230", Optional.of("xld10"));
        bed.simulator().setDeposit(5_000);

        Payment failed = bed.payments().payCash(CLERK, biller("XL_PULSA"), quote, Money.of(10_000));

        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.failureReason()).hasValueSatisfying(r -> assertThat(r).contains("insufficient_deposit"));
        assertThat(failed.advice()).isEqualTo(ClerkAdvice.RETURN_THE_MONEY);
        assertThat(failed.refundDue()).isFalse();
        assertThat(bed.entriesOf(failed.clientRef())).extracting(e -> e.entry().kind())
                .containsExactly(EntryKind.PENDING, EntryKind.VOID_PENDING);
        AccountBalance deposit = bed.balance(AccountCode.GATEWAY_DEPOSIT);
        assertThat(deposit.creditsPosted()).isEqualTo(Money.ZERO);
        assertThat(deposit.creditsPending()).isEqualTo(Money.ZERO);
        AccountBalance drawer = bed.balance(shift.drawer());
        assertThat(drawer.postedNet()).isEqualTo(Money.of(50_000));
        assertThat(drawer.debitsPending()).isEqualTo(Money.ZERO);
        assertThat(bed.simulator().deposit()).isEqualTo(5_000);
        assertThat(bed.simulator().transaction(failed.clientRef())).isEmpty();
        assertSound();
    }

    @Test
    void aPostpaidLookUpIsPaidOnceOnly() {
        start();
        bed.openShift(0);
        Biller pln = biller("PLN");
        Inquiry failing = inquire("PLN", "530000000006", Optional.empty());
        Payment failed = bed.payments().payCash(CLERK, pln, failing, failing.total());
        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.advice()).isEqualTo(ClerkAdvice.RETURN_THE_MONEY);

        // Its ref_id is consumed at Digiflazz: paying the same look-up again is refused before anything is sent.
        assertThatThrownBy(() -> bed.payments().payCash(CLERK, pln, failing, failing.total()))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e ->
                        assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.INQUIRY_USED));
        assertThat(bed.simulator().transaction(failed.clientRef()).orElseThrow().checks()).isZero();

        Inquiry bill = inquire("PLN", "530000000001", Optional.empty());
        Payment paid = bed.payments().payCash(CLERK, pln, bill, bill.total());
        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        // A paid bill is held by the double-payment guard, which is asked first.
        assertThatThrownBy(() -> bed.payments().payCash(CLERK, pln, bill, bill.total()))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e -> assertThat(e.reason())
                        .isIn(PaymentRefusedException.Reason.ALREADY_BEING_PAID,
                                PaymentRefusedException.Reason.INQUIRY_USED));
        assertThat(bed.transactionsOf(paid.clientRef())).hasSize(1);
        assertThat(bed.simulator().transaction(paid.clientRef()).orElseThrow().checks()).isZero();
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 10_000);
        assertSound();
    }

    @Test
    void aPrepaidProductSoldWithTheOwnersMarkupChargesCostPlusMarkupAndBooksTheMarkup() {
        start();
        bed.settings().setMarkup(TestOperators.owner(), BillerCategory.PHONE, Money.of(2_000));
        Shift shift = bed.openShift(0);
        Biller xl = biller("XL_PULSA");
        assertThat(xl.product("xld10").orElseThrow().price()).isEqualTo(Money.of(12_000));
        assertThat(xl.product("xld10").orElseThrow().cost()).isEqualTo(Money.of(10_000));
        Inquiry quote = inquire("XL_PULSA", "087800001230", Optional.of("xld10"));
        assertThat(quote.total()).isEqualTo(Money.of(12_000));
        assertThat(quote.cost()).isEqualTo(Money.of(10_000));

        Payment paid = bed.payments().payCash(CLERK, xl, quote, Money.of(12_000));

        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(paid.total()).isEqualTo(Money.of(12_000));
        assertThat(paid.amounts().income()).isEqualTo(Money.of(2_000));
        assertThat(bed.entriesOf(paid.clientRef())).allSatisfy(e -> assertThat(e.entry().postings()).isEqualTo(List.of(
                Posting.debit(shift.drawer(), Money.of(12_000)),
                Posting.credit(AccountCode.GATEWAY_DEPOSIT, Money.of(10_000)),
                Posting.credit(AccountCode.ADMIN_FEE_INCOME, Money.of(2_000)))));
        assertThat(bed.balance(AccountCode.ADMIN_FEE_INCOME).creditsPosted()).isEqualTo(Money.of(2_000));
        assertThat(bed.simulator().transaction(paid.clientRef()).orElseThrow().price()).isEqualTo(10_000);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 10_000);
        assertSound();
    }

    @Test
    void aPendingPostpaidPaymentThatFailsLaterIsOwedBackToTheCustomer() {
        start();
        bed.openShift(0);
        Inquiry bill = inquire("PLN", "630000000006", Optional.empty());
        Payment suspect = bed.payments().payCash(CLERK, biller("PLN"), bill, bill.total());
        assertThat(suspect.state()).isEqualTo(PaymentState.SUSPECT);

        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        bed.payments().recover();

        Payment failed = bed.payments().find(suspect.clientRef()).orElseThrow();
        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.refundDue()).isTrue();
        assertThat(failed.advice()).isEqualTo(ClerkAdvice.REFUND_DUE);
        assertThat(bed.entriesOf(suspect.clientRef())).extracting(e -> e.entry().kind())
                .containsExactly(EntryKind.PENDING, EntryKind.VOID_PENDING, EntryKind.POSTED);
        assertThat(bed.balance(AccountCode.REFUNDS_DUE).creditsPosted()).isEqualTo(Money.of(11_000));
        assertThat(bed.balance(AccountCode.GATEWAY_DEPOSIT).creditsPosted()).isEqualTo(Money.ZERO);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT);
        assertSound();
    }

    @Test
    void aPostpaidPaymentThatNeverReachedDigiflazzIsSentAgainOnceByRecovery() {
        start();
        bed.openShift(0);
        Inquiry bill = inquire("PLN", "530000000001", Optional.empty());
        bed.simulator().armFault(SimulatorFault.http500().onPath("/v1/transaction"));
        Payment suspect = bed.payments().payCash(CLERK, biller("PLN"), bill, bill.total());
        assertThat(suspect.state()).isEqualTo(PaymentState.SUSPECT);

        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        bed.payments().recover();

        Payment after = bed.payments().find(suspect.clientRef()).orElseThrow();
        assertThat(after.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(after.resends()).isEqualTo(1);
        List<SimulatedTransaction> held = bed.transactionsOf(suspect.clientRef());
        assertThat(held).hasSize(1);
        assertThat(held.get(0).stage()).isEqualTo("payment");
        assertThat(held.get(0).status()).isEqualTo("Sukses");
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 10_000);
        assertSound();
    }

    @Test
    void aBillLookedUpBeforeMidnightAndPaidAfterFailsWithoutReachingDigiflazz() {
        bed = DigiflazzBed.startAt(dir, Instant.parse("2026-12-07T16:59:00Z"), o -> o);
        Shift shift = bed.openShift(20_000);
        Inquiry bill = inquire("PLN", "530000000001", Optional.empty());
        bed.advance(Duration.ofMinutes(2));

        Payment failed = bed.payments().payCash(CLERK, biller("PLN"), bill, bill.total());

        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.failureReason()).hasValueSatisfying(r -> assertThat(r).contains("inquiry_expired"));
        assertThat(failed.advice()).isEqualTo(ClerkAdvice.RETURN_THE_MONEY);
        assertThat(bed.simulator().transaction(failed.clientRef()).orElseThrow().stage()).isEqualTo("inquiry");
        assertThat(bed.balance(shift.drawer()).postedNet()).isEqualTo(Money.of(20_000));
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT);
        assertSound();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Biller biller(String code) {
        return bed.billing().biller(code).orElseThrow(() -> new AssertionError("no biller " + code));
    }

    private Inquiry inquire(String billerCode, String reference, Optional<String> product) {
        GatewayResult<Inquiry> result = bed.billing().inquire(billerCode, reference, product);
        if (result instanceof GatewayResult.Answer<Inquiry> answer) {
            return answer.value();
        }
        throw new AssertionError("expected a bill, got " + result);
    }

    private void assertSound() {
        VerifyReport report = bed.verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.sound()).isTrue();
    }
}
