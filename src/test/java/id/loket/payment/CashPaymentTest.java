package id.loket.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.BillerCategory;
import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.Posting;
import id.loket.core.ReceiptData;
import id.loket.core.RecordedEntry;
import id.loket.shift.Shift;
import id.loket.users.TestOperators;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cash at the counter against the sandbox gateway: the happy paths, the definitive failures, the local refusals. */
class CashPaymentTest extends PaymentTestBase {

    private static final Shop SHOP = new Shop("Loket Berkah", "Jl. Merdeka 1, Bandung");

    @Test
    void aPostpaidPlnBillPaidInCashPostsTheDrawerTheDepositAndTheShopFee() {
        start();
        bed.settings().setBillerFee(TestOperators.owner(), "PLN_POSTPAID", Optional.of(Money.of(2_000)));
        Shift shift = bed.openShift(300_000);
        PayOrder order = bed.plnBill().withChange(7_500);
        Amounts amounts = order.quote(PaymentMethod.CASH);

        Payment paid = order.cash();

        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(paid.advice()).isEqualTo(ClerkAdvice.PAID);
        assertThat(paid.clientRef()).matches("LKT-\\d{8}-[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(paid.amounts()).isEqualTo(amounts);
        assertThat(amounts.bill()).isEqualTo(order.inquiry().amount());
        assertThat(amounts.gatewayFee()).isEqualTo(Money.of(2_500));
        assertThat(amounts.shopFee()).isEqualTo(Money.of(2_000));
        assertThat(paid.total()).isEqualTo(order.inquiry().total().plus(Money.of(2_000)));
        assertThat(paid.change()).contains(Money.of(7_500));
        assertThat(paid.outcome()).hasValueSatisfying(o -> {
            assertThat(o.rc()).isEqualTo("00");
            assertThat(o.billerRef()).isPresent();
            assertThat(o.paidAt()).isPresent();
        });
        assertThat(paid.bill().period()).isPresent();

        List<RecordedEntry> entries = bed.entriesOf(paid.clientRef());
        assertThat(entries).extracting(e -> e.entry().kind()).containsExactly(EntryKind.PENDING, EntryKind.POST_PENDING);
        List<Posting> expected = List.of(
                Posting.debit(shift.drawer(), paid.total()),
                Posting.credit(AccountCode.GATEWAY_DEPOSIT, order.inquiry().total()),
                Posting.credit(AccountCode.ADMIN_FEE_INCOME, Money.of(2_000)));
        assertThat(entries).allSatisfy(e -> assertThat(e.entry().postings()).isEqualTo(expected));
        JournalEntry posting = entries.get(1).entry();
        assertThat(posting.pendingOf()).hasValue(entries.get(0).id());
        assertThat(paid.reservationEntry()).hasValue(entries.get(0).id());

        AccountBalance drawer = bed.balance(shift.drawer());
        assertThat(drawer.postedNet()).isEqualTo(Money.of(300_000).plus(paid.total()));
        assertThat(drawer.debitsPending()).isEqualTo(Money.ZERO);
        assertThat(bed.balance(AccountCode.GATEWAY_DEPOSIT).creditsPosted()).isEqualTo(order.inquiry().total());
        assertThat(bed.balance(AccountCode.ADMIN_FEE_INCOME).creditsPosted()).isEqualTo(Money.of(2_000));
        assertThat(bed.payments().events(paid.clientRef())).extracting(PaymentEvent::from, PaymentEvent::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PaymentState.NEW, PaymentState.SENT),
                        org.assertj.core.groups.Tuple.tuple(PaymentState.SENT, PaymentState.SUCCESS));
        assertThat(bed.sandbox().paymentsOf(paid.clientRef())).hasSize(1);
        assertThat(bed.payments().find(paid.clientRef())).contains(paid);
    }

    @Test
    void theGatewayIsPaidTheInquiryTotalWhateverTheShopFee() {
        start();
        bed.settings().setCategoryFee(TestOperators.owner(), BillerCategory.ELECTRICITY, Optional.of(Money.of(3_000)));
        bed.openShift(0);
        PayOrder order = bed.plnBill();

        Payment paid = order.cash();

        assertThat(bed.sandbox().paymentsOf(paid.clientRef()).get(0).get("total").asLong())
                .isEqualTo(order.inquiry().total().rupiah());
        assertThat(paid.total()).isEqualTo(order.inquiry().total().plus(Money.of(3_000)));
    }

    @Test
    void aPrepaidTokenComesBackWithItsTwentyDigitsAndKwhAndPrintsOnTheReceipt() {
        start();
        bed.openShift(100_000);

        Payment paid = bed.order("PLN_PREPAID", "12345678901").product("PLN50").withChange(2_500).cash();
        ReceiptData receipt = bed.payments().receipt(paid.clientRef(), SHOP, "Sari");

        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(paid.amounts().bill()).isEqualTo(Money.of(50_000));
        assertThat(paid.outcome().flatMap(GatewayOutcome::token)).hasValueSatisfying(t ->
                assertThat(t.replace(" ", "")).matches("\\d{20}"));
        assertThat(paid.outcome().flatMap(GatewayOutcome::kwh)).isPresent();
        assertThat(receipt.token()).isEqualTo(paid.outcome().flatMap(GatewayOutcome::token));
        assertThat(receipt.kwh()).isEqualTo(paid.outcome().flatMap(GatewayOutcome::kwh));
        assertThat(receipt.provisional()).isFalse();
        assertThat(receipt.sandbox()).isTrue();
        assertThat(receipt.tendered()).contains(paid.total().plus(Money.of(2_500)));
        assertThat(receipt.change()).contains(Money.of(2_500));
        assertThat(receipt.total()).isEqualTo(paid.total());
        assertThat(receipt.adminFee()).isEqualTo(Money.of(2_500));
        assertThat(receipt.details()).containsKeys("no_meter", "idpel", "tarif_daya");
        assertThat(receipt.shopName()).isEqualTo("Loket Berkah");
    }

    @Test
    void prepaidProductsHaveNoDoublePaymentGuard() {
        start();
        bed.openShift(0);

        Payment first = bed.order("PLN_PREPAID", "12345678901").product("PLN20").cash();
        Payment second = bed.order("PLN_PREPAID", "12345678901").product("PLN20").cash();

        assertThat(List.of(first.state(), second.state())).containsOnly(PaymentState.SUCCESS);
        assertThat(first.guardKey()).isEmpty();
    }

    @Test
    void aPaymentTheBillerFailsVoidsTheReservationAndTheCashIsHandedBack() {
        start();
        Shift shift = bed.openShift(50_000);

        Payment failed = bed.order("PLN_POSTPAID", "512345672222").cash();

        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.advice()).isEqualTo(ClerkAdvice.RETURN_THE_MONEY);
        assertThat(failed.refundDue()).isFalse();
        assertThat(failed.failureReason()).hasValueSatisfying(r -> assertThat(r).contains("rc 02"));
        assertThat(failed.outcome()).hasValueSatisfying(o -> assertThat(o.rc()).isEqualTo("02"));
        assertThat(bed.kindsOf(failed.clientRef())).containsExactly(EntryKind.PENDING, EntryKind.VOID_PENDING);
        AccountBalance drawer = bed.balance(shift.drawer());
        assertThat(drawer.postedNet()).isEqualTo(Money.of(50_000));
        assertThat(drawer.netIncludingPending()).isEqualTo(Money.of(50_000));
        assertThat(bed.balance(AccountCode.REFUNDS_DUE).creditsPosted()).isEqualTo(Money.ZERO);
    }

    @Test
    void aFailedBillMayBeTriedAgain() {
        start();
        bed.openShift(0);
        bed.order("PLN_POSTPAID", "512345672222").cash();

        Payment again = bed.order("PLN_POSTPAID", "512345672222").cash();

        assertThat(again.state()).isEqualTo(PaymentState.FAILED);
        assertThat(bed.sandbox().paymentsOf(again.clientRef())).hasSize(1);
    }

    @Test
    void anInsufficientDepositFailsThePaymentWithThatReason() {
        start();
        Shift shift = bed.openShift(0);
        bed.drainDepositBelow(Money.of(1_002_500));

        Payment failed = bed.order("PLN_PREPAID", "12345678901").product("PLN1000").cash();

        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.failureReason()).hasValueSatisfying(r -> assertThat(r).contains("insufficient_deposit"));
        assertThat(failed.advice()).isEqualTo(ClerkAdvice.RETURN_THE_MONEY);
        assertThat(bed.kindsOf(failed.clientRef())).containsExactly(EntryKind.PENDING, EntryKind.VOID_PENDING);
        assertThat(bed.balance(shift.drawer()).netIncludingPending()).isEqualTo(Money.ZERO);
        assertThat(bed.sandbox().paymentsOf(failed.clientRef())).isEmpty();
    }

    @Test
    void cashTenderedBelowTheTotalIsRefusedBeforeAnythingIsWrittenOrSent() {
        start();
        bed.openShift(0);
        long entries = bed.ledger().journal().entryCount();
        PayOrder order = bed.plnBill();
        Money total = order.quote(PaymentMethod.CASH).total();

        assertThatThrownBy(() -> order.tendered(total.minus(Money.of(1))).cash())
                .isInstanceOfSatisfying(PaymentRefusedException.class, e ->
                        assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.TENDERED_BELOW_TOTAL));

        assertThat(bed.ledger().journal().entryCount()).isEqualTo(entries);
        assertThat(bed.payments().search(PaymentCriteria.any())).isEmpty();
        assertThat(bed.sandbox().paymentCount()).isZero();
    }

    @Test
    void aPaymentWithoutAnOpenShiftIsRefused() {
        start();
        PayOrder order = bed.plnBill();

        assertThatThrownBy(order::cash).isInstanceOfSatisfying(PaymentRefusedException.class, e -> {
            assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.NO_OPEN_SHIFT);
            assertThat(e).hasMessageContaining("open a shift");
        });
        assertThat(bed.ledger().journal().entryCount()).isZero();
        assertThat(bed.sandbox().paymentCount()).isZero();
    }

    @Test
    void theSameBillTwiceIsRefusedLocallyBeforeTheGatewayIsAsked() {
        start();
        bed.openShift(0);
        PayOrder again = bed.plnBill();
        again.inquiry(); // looked up before the first payment went through (a second window, a double Enter)
        Payment first = bed.plnBill().cash();
        long entries = bed.ledger().journal().entryCount();

        assertThatThrownBy(again::cash)
                .isInstanceOfSatisfying(PaymentRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.ALREADY_BEING_PAID);
                    assertThat(e).hasMessageContaining(first.clientRef());
                });

        assertThat(bed.ledger().journal().entryCount()).isEqualTo(entries);
        assertThat(bed.sandbox().paymentCount()).isEqualTo(1);
    }

    @Test
    void aDebitCardThroughTheEdcIsBookedIntoCustomerClearingWithItsApprovalCode() {
        start();
        bed.settings().setCategoryFee(TestOperators.owner(), BillerCategory.WATER, Optional.of(Money.of(1_000)));
        Shift shift = bed.openShift(10_000);
        PayOrder order = bed.order("PDAM_BANDUNG", "12345678");

        Payment paid = order.debitCard(" a1b2c3 ");

        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(paid.approvalCode()).contains("A1B2C3");
        assertThat(paid.tendered()).isEmpty();
        assertThat(paid.amounts().shopFee()).isEqualTo(Money.of(1_000));
        assertThat(bed.entriesOf(paid.clientRef()).get(1).entry().postings()).containsExactly(
                Posting.debit(AccountCode.CUSTOMER_CLEARING, paid.total()),
                Posting.credit(AccountCode.GATEWAY_DEPOSIT, order.inquiry().total()),
                Posting.credit(AccountCode.ADMIN_FEE_INCOME, Money.of(1_000)));
        assertThat(bed.balance(shift.drawer()).postedNet()).isEqualTo(Money.of(10_000));
    }

    @Test
    void aMistypedApprovalCodeIsRefused() {
        start();
        bed.openShift(0);

        assertThatThrownBy(() -> bed.plnBill().debitCard("12"))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e ->
                        assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.INVALID_APPROVAL_CODE));
    }

    @Test
    void theShopFeeOfABillerOverridesItsCategorysAndGatewayChargesCarryNone() {
        start();
        bed.settings().setCategoryFee(TestOperators.owner(), BillerCategory.ELECTRICITY, Optional.of(Money.of(1_500)));
        bed.settings().setBillerFee(TestOperators.owner(), "PLN_POSTPAID", Optional.of(Money.of(3_000)));

        assertThat(bed.plnBill().quote(PaymentMethod.CASH).shopFee()).isEqualTo(Money.of(3_000));
        assertThat(bed.order("PLN_PREPAID", "12345678901").product("PLN20").quote(PaymentMethod.DEBIT_CARD).shopFee())
                .isEqualTo(Money.of(1_500));
        assertThat(bed.order("PDAM_BANDUNG", "12345678").quote(PaymentMethod.CASH).shopFee()).isEqualTo(Money.ZERO);
        assertThat(bed.plnBill().quote(PaymentMethod.QRIS).shopFee()).isEqualTo(Money.ZERO);

        bed.settings().setBillerFee(TestOperators.owner(), "PLN_POSTPAID", Optional.empty());
        assertThat(bed.plnBill().quote(PaymentMethod.CASH).shopFee()).isEqualTo(Money.of(1_500));
    }

    @Test
    void historyFindsPaymentsByReferenceStateMethodBillerAndDay() {
        start();
        bed.openShift(0);
        Payment pln = bed.plnBill().cash();
        Payment water = bed.order("PDAM_BANDUNG", "12345678").debitCard("777777");
        Payment failed = bed.order("TELKOM", "021234562222").cash();
        PaymentService payments = bed.payments();

        assertThat(payments.search(PaymentCriteria.any())).extracting(Payment::clientRef)
                .containsExactly(failed.clientRef(), water.clientRef(), pln.clientRef());
        assertThat(payments.search(PaymentCriteria.any().referenceContaining("45678901")))
                .extracting(Payment::clientRef).containsExactly(pln.clientRef());
        assertThat(payments.search(PaymentCriteria.any().referenceContaining(pln.clientRef().substring(13)
                .toLowerCase(java.util.Locale.ROOT)))).extracting(Payment::clientRef).containsExactly(pln.clientRef());
        assertThat(payments.search(PaymentCriteria.any().inStates(PaymentState.FAILED)))
                .extracting(Payment::clientRef).containsExactly(failed.clientRef());
        assertThat(payments.search(PaymentCriteria.any().byMethods(PaymentMethod.DEBIT_CARD)))
                .extracting(Payment::clientRef).containsExactly(water.clientRef());
        assertThat(payments.search(PaymentCriteria.any().forBiller("PLN_POSTPAID")))
                .extracting(Payment::clientRef).containsExactly(pln.clientRef());
        assertThat(payments.search(PaymentCriteria.any().onDay(bed.calendar().today()))).hasSize(3);
        assertThat(payments.search(PaymentCriteria.any().onDay(bed.calendar().today().minusDays(1)))).isEmpty();
        assertThat(payments.search(PaymentCriteria.any().limitedTo(1))).hasSize(1);
        assertThat(payments.find(water.clientRef()).orElseThrow().bill().details())
                .containsKeys("periode", "stand_meter", "pemakaian_m3", "alamat");
    }

    @Test
    void aFailedPaymentHasNoReceipt() {
        start();
        bed.openShift(0);
        Payment failed = bed.order("PLN_POSTPAID", "512345672222").cash();

        assertThatThrownBy(() -> bed.payments().receipt(failed.clientRef(), SHOP, "Sari"))
                .isInstanceOf(PaymentStateException.class);
    }

    @Test
    void onlyAChargeCanBeCancelled() {
        start();
        bed.openShift(0);
        Payment paid = bed.plnBill().cash();

        assertThatThrownBy(() -> bed.payments().cancelCharge(paid.clientRef()))
                .isInstanceOfSatisfying(PaymentStateException.class, e ->
                        assertThat(e.actual()).isEqualTo(PaymentState.SUCCESS));
        assertThat(bed.payments().find(paid.clientRef()).orElseThrow().state()).isEqualTo(PaymentState.SUCCESS);
    }
}
