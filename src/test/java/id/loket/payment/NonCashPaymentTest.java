package id.loket.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.AccountCode;
import id.loket.core.BillerCategory;
import id.loket.core.EntryKind;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.Posting;
import id.loket.users.TestOperators;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Charges the gateway takes from the customer (QRIS, VA, e-wallet, payment link): nothing is paid until they pay. */
class NonCashPaymentTest extends PaymentTestBase {

    private static String chargeId(Payment p) {
        return p.charge().orElseThrow().chargeId();
    }

    @Test
    void aQrisChargeThatTheCustomerPaysPaysTheBillThroughCustomerClearing() {
        start();
        bed.settings().setCategoryFee(TestOperators.owner(), BillerCategory.ELECTRICITY, Optional.of(Money.of(2_000)));
        bed.openShift(0);
        PayOrder order = bed.plnBill();

        Payment charge = order.charge(PaymentMethod.QRIS);

        assertThat(charge.state()).isEqualTo(PaymentState.CHARGE_PENDING);
        assertThat(charge.advice()).isEqualTo(ClerkAdvice.WAITING_FOR_CUSTOMER);
        assertThat(charge.charge()).hasValueSatisfying(c -> {
            assertThat(c.qrString()).isPresent();
            assertThat(c.expiresAt()).isAfter(bed.calendar().now());
        });
        assertThat(charge.amounts().shopFee()).as("a charge is for the payment's exact amount").isEqualTo(Money.ZERO);
        assertThat(bed.entriesOf(charge.clientRef())).isEmpty();
        assertThat(bed.payments().pollCharge(charge.clientRef()).progress()).isEqualTo(ChargePoll.Progress.WAITING);

        bed.sandbox().customerPays(chargeId(charge));
        ChargePoll poll = bed.payments().pollCharge(charge.clientRef());

        assertThat(poll.progress()).isEqualTo(ChargePoll.Progress.PAID);
        Payment paid = poll.payment();
        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(bed.kindsOf(paid.clientRef())).containsExactly(EntryKind.PENDING, EntryKind.POST_PENDING);
        assertThat(bed.entriesOf(paid.clientRef()).get(1).entry().postings()).containsExactly(
                Posting.debit(AccountCode.CUSTOMER_CLEARING, order.inquiry().total()),
                Posting.credit(AccountCode.GATEWAY_DEPOSIT, order.inquiry().total()));
        assertThat(bed.balance(AccountCode.CUSTOMER_CLEARING).postedNet()).isEqualTo(order.inquiry().total());
        assertThat(bed.sandbox().paymentsOf(paid.clientRef())).singleElement().satisfies(p ->
                assertThat(p.get("charge_id").asText()).isEqualTo(chargeId(charge)));
        assertThat(bed.payments().events(paid.clientRef())).extracting(PaymentEvent::to).containsExactly(
                PaymentState.NEW, PaymentState.CHARGE_PENDING, PaymentState.PAID, PaymentState.SENT,
                PaymentState.SUCCESS);
    }

    @Test
    void anExpiredChargeNeverPaysTheBillerAndPostsNothing() {
        start(PaymentTestBed.in(dir).sandbox(o -> o.withChargeTtl(Duration.ofSeconds(30))));
        bed.openShift(0);
        Payment charge = bed.plnBill().charge(PaymentMethod.VIRTUAL_ACCOUNT);
        assertThat(charge.charge().flatMap(ChargeDetails::vaNumber)).isPresent();

        bed.sandboxClock().advance(Duration.ofSeconds(31));
        ChargePoll poll = bed.payments().pollCharge(charge.clientRef());

        assertThat(poll.progress()).isEqualTo(ChargePoll.Progress.EXPIRED);
        assertThat(poll.payment().state()).isEqualTo(PaymentState.CHARGE_EXPIRED);
        assertThat(poll.payment().advice()).isEqualTo(ClerkAdvice.NOT_CHARGED);
        assertThat(bed.entriesOf(charge.clientRef())).isEmpty();
        assertThat(bed.sandbox().paymentsOf(charge.clientRef())).isEmpty();
        assertThat(bed.payments().recover().checked()).isZero();
        assertThat(bed.plnBill().cash().state()).as("the bill is free to pay again").isEqualTo(PaymentState.SUCCESS);
    }

    @Test
    void theClerkCancelsAChargeAndTheBillIsFreeAgain() {
        start();
        bed.openShift(0);
        Payment charge = bed.plnBill().charge(PaymentMethod.EWALLET);
        assertThat(charge.charge().flatMap(ChargeDetails::paymentUrl)).isPresent();

        Payment cancelled = bed.payments().cancelCharge(charge.clientRef());

        assertThat(cancelled.state()).isEqualTo(PaymentState.CANCELLED);
        assertThat(bed.payments().cancelCharge(charge.clientRef())).isEqualTo(cancelled);
        assertThat(bed.payments().pollCharge(charge.clientRef()).progress()).isEqualTo(ChargePoll.Progress.CANCELLED);
        assertThat(bed.entriesOf(charge.clientRef())).isEmpty();
        assertThat(bed.sandbox().paymentsOf(charge.clientRef())).isEmpty();
        assertThat(bed.plnBill().cash().state()).isEqualTo(PaymentState.SUCCESS);
    }

    @Test
    void cancellingAChargeTheCustomerHasPaidPaysTheBillInstead() {
        start();
        bed.openShift(0);
        Payment charge = bed.plnBill().charge(PaymentMethod.PAYMENT_LINK);
        bed.sandbox().customerPays(chargeId(charge));

        Payment result = bed.payments().cancelCharge(charge.clientRef());

        assertThat(result.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(bed.sandbox().paymentsOf(charge.clientRef())).hasSize(1);
    }

    @Test
    void aPaidChargeWhoseBillFailsIsOwedBackToTheCustomer() {
        start();
        bed.openShift(0);
        Payment charge = bed.order("PLN_POSTPAID", "512345672222").charge(PaymentMethod.QRIS);
        bed.sandbox().customerPays(chargeId(charge));

        Payment failed = bed.payments().pollCharge(charge.clientRef()).payment();

        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.refundDue()).isTrue();
        assertThat(failed.advice()).isEqualTo(ClerkAdvice.REFUND_DUE);
        assertThat(bed.kindsOf(failed.clientRef()))
                .containsExactly(EntryKind.PENDING, EntryKind.VOID_PENDING, EntryKind.POSTED);
        assertThat(bed.entriesOf(failed.clientRef()).get(2).entry().postings()).containsExactly(
                Posting.debit(AccountCode.CUSTOMER_CLEARING, failed.total()),
                Posting.credit(AccountCode.REFUNDS_DUE, failed.total()));
        assertThat(bed.balance(AccountCode.CUSTOMER_CLEARING).postedNet()).isEqualTo(failed.total());
        assertThat(bed.balance(AccountCode.REFUNDS_DUE).creditsPosted()).isEqualTo(failed.total());
    }

    @Test
    void aChargeWaitingForItsCustomerHoldsTheBill() {
        start();
        bed.openShift(0);
        PayOrder cash = bed.plnBill();
        cash.inquiry();
        bed.plnBill().charge(PaymentMethod.QRIS);

        assertThatThrownBy(cash::cash).isInstanceOfSatisfying(PaymentRefusedException.class, e ->
                assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.ALREADY_BEING_PAID));
    }

    @Test
    void recoveryPaysTheBillOfAChargePaidWhileNoOneWasPolling() {
        start();
        bed.openShift(0);
        Payment charge = bed.plnBill().charge(PaymentMethod.QRIS);
        bed.sandbox().customerPays(chargeId(charge));

        RecoverySummary summary = bed.payments().recover();

        assertThat(summary.succeeded()).isEqualTo(1);
        Payment paid = bed.payments().find(charge.clientRef()).orElseThrow();
        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(bed.kindsOf(paid.clientRef())).containsExactly(EntryKind.PENDING, EntryKind.POST_PENDING);
    }

    @Test
    void cashIsNotAChargeMethod() {
        start();
        bed.openShift(0);

        assertThatThrownBy(() -> bed.plnBill().charge(PaymentMethod.CASH))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e ->
                        assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.WRONG_METHOD));
    }

    @Test
    void aChargeTheGatewayDoesNotAnswerIsNotStartedAndNothingIsBooked() {
        start();
        bed.openShift(0);
        PayOrder order = bed.plnBill();
        order.inquiry();
        bed.sandbox().fault("http_500", "charges");

        assertThatThrownBy(() -> order.charge(PaymentMethod.QRIS))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e ->
                        assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.CHARGE_NOT_STARTED));
        assertThat(bed.payments().search(PaymentCriteria.any())).as("the charge asked for was recorded first, then"
                + " cancelled: the house gateway cannot look it up, and the customer never saw it")
                .singleElement().satisfies(p -> {
                    assertThat(p.state()).isEqualTo(PaymentState.CANCELLED);
                    assertThat(bed.entriesOf(p.clientRef())).isEmpty();
                });
    }
}
