package id.loket.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.AccountCode;
import id.loket.core.EntryKind;
import id.loket.core.Money;
import id.loket.core.PaymentState;
import id.loket.core.Posting;
import id.loket.core.ReceiptData;
import id.loket.shift.Shift;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every fault the sandbox can play on a payment ends SUSPECT, and recovery then settles it by a definitive answer:
 * one payment at the gateway, one outcome in the journal, the books sound.
 */
class PaymentFaultsTest extends PaymentTestBase {

    private static final Shop SHOP = new Shop("Loket Berkah", "Jl. Merdeka 1, Bandung");

    /** A payment sent while {@code fault} is armed for the payment call. */
    private Payment suspectPaymentWith(String fault) {
        bed.openShift(100_000);
        PayOrder order = bed.plnBill();
        order.inquiry();
        bed.sandbox().fault(fault, "payments");
        return order.cash();
    }

    private void assertPendingForTheClerk(Payment p) {
        assertThat(p.state()).isEqualTo(PaymentState.SUSPECT);
        assertThat(p.advice()).isEqualTo(ClerkAdvice.PENDING);
        assertThat(p.advice().message()).isEqualTo("pending: do not refund or retry, the system will check");
        assertThat(bed.kindsOf(p.clientRef())).containsExactly(EntryKind.PENDING);
    }

    private void assertSettledOnceAsSuccess(String clientRef) {
        Payment settled = bed.payments().find(clientRef).orElseThrow();
        assertThat(settled.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(settled.outcome()).hasValueSatisfying(o -> assertThat(o.rc()).isEqualTo("00"));
        assertThat(bed.sandbox().paymentsOf(clientRef)).hasSize(1);
        assertThat(bed.kindsOf(clientRef)).containsExactly(EntryKind.PENDING, EntryKind.POST_PENDING);
    }

    @Test
    void aTimeoutIsSuspectAndRecoverySendsItAgainOnceWithTheSameClientRef() {
        start();
        Payment suspect = suspectPaymentWith("timeout");
        assertPendingForTheClerk(suspect);
        assertThat(bed.sandbox().paymentsOf(suspect.clientRef())).isEmpty();

        RecoverySummary summary = bed.payments().recover();

        assertSettledOnceAsSuccess(suspect.clientRef());
        assertThat(bed.payments().find(suspect.clientRef()).orElseThrow().resends()).isEqualTo(1);
        assertThat(summary.items()).singleElement().satisfies(i -> {
            assertThat(i.before()).isEqualTo(PaymentState.SUSPECT);
            assertThat(i.after()).isEqualTo(PaymentState.SUCCESS);
        });
        assertThat(summary.succeeded()).isEqualTo(1);
        assertThat(bed.payments().events(suspect.clientRef())).extracting(PaymentEvent::to).containsExactly(
                PaymentState.SENT, PaymentState.SUSPECT, PaymentState.SUSPECT, PaymentState.SUCCESS);
    }

    @Test
    void aDroppedResponseIsSuspectAndRecoveryFindsItPaidWithoutPayingAgain() {
        start();
        Payment suspect = suspectPaymentWith("drop_response");
        assertPendingForTheClerk(suspect);

        bed.payments().recover();

        assertSettledOnceAsSuccess(suspect.clientRef());
        assertThat(bed.payments().find(suspect.clientRef()).orElseThrow().resends()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http_500", "malformed_json", "bad_signature"})
    void anUntrustworthyAnswerIsSuspectAndRecoverySettlesItAsSuccess(String fault) {
        start();
        Payment suspect = suspectPaymentWith(fault);
        assertPendingForTheClerk(suspect);
        assertThat(suspect.failureReason()).isEmpty();

        RecoverySummary summary = bed.payments().recover();

        assertSettledOnceAsSuccess(suspect.clientRef());
        assertThat(summary.problems()).isEmpty();
        assertThat(bed.payments().find(suspect.clientRef()).orElseThrow().resends())
                .isEqualTo(fault.equals("http_500") ? 1 : 0);
    }

    @Test
    void aPendingBillerIsSuspectUntilTheGatewaySaysSuccessAtALaterCheck() {
        start();
        bed.openShift(0);

        Payment pending = bed.order("PLN_POSTPAID", "512345671111").cash();

        assertPendingForTheClerk(pending);
        assertThat(pending.outcome()).hasValueSatisfying(o -> assertThat(o.rc()).isEqualTo("03"));
        RecoverySummary first = bed.payments().recover();
        assertThat(first.stillOpen()).isEqualTo(1);
        assertThat(bed.payments().find(pending.clientRef()).orElseThrow().state()).isEqualTo(PaymentState.SUSPECT);
        RecoverySummary second = bed.payments().recover();
        assertThat(second.succeeded()).isEqualTo(1);
        assertSettledOnceAsSuccess(pending.clientRef());
        assertThat(bed.payments().recover().checked()).isZero();
    }

    @Test
    void aPendingFaultIsSettledAfterItsPolls() {
        start();
        bed.openShift(0);
        PayOrder order = bed.plnBill();
        order.inquiry();
        bed.sandbox().pendingPayment(3);

        Payment pending = order.cash();
        assertPendingForTheClerk(pending);
        bed.payments().recover();
        bed.payments().recover();
        bed.payments().recover();

        assertSettledOnceAsSuccess(pending.clientRef());
    }

    @Test
    void aSuspectPaymentHoldsItsBillAgainstASecondPaymentAndGetsAProvisionalSlip() {
        start();
        PayOrder again = bed.plnBill();
        again.inquiry();
        Payment suspect = suspectPaymentWith("drop_response");

        assertThatThrownBy(again::cash).isInstanceOfSatisfying(PaymentRefusedException.class, e ->
                assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.ALREADY_BEING_PAID));
        ReceiptData slip = bed.payments().receipt(suspect.clientRef(), SHOP, "Sari");
        assertThat(slip.provisional()).isTrue();
        assertThat(slip.token()).isEmpty();
        assertThat(slip.billerRef()).isEmpty();
        assertThat(slip.total()).isEqualTo(suspect.total());
    }

    @Test
    void aResendTheGatewayRefusesFailsThePaymentAndTheCashIsOwedBack() {
        start(PaymentTestBed.in(dir).sandbox(o -> o.withInquiryTtl(Duration.ofSeconds(5))));
        Payment suspect = suspectPaymentWith("timeout");
        bed.sandboxClock().advance(Duration.ofSeconds(6));

        bed.payments().recover();

        Payment failed = bed.payments().find(suspect.clientRef()).orElseThrow();
        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.failureReason()).hasValueSatisfying(r -> assertThat(r).contains("inquiry_expired"));
        assertThat(failed.refundDue()).isTrue();
        assertThat(failed.advice()).isEqualTo(ClerkAdvice.REFUND_DUE);
        assertThat(bed.kindsOf(failed.clientRef()))
                .containsExactly(EntryKind.PENDING, EntryKind.VOID_PENDING, EntryKind.POSTED);
        Shift shift = bed.shifts().current(PaymentTestBed.CLERK).orElseThrow();
        assertThat(bed.entriesOf(failed.clientRef()).get(2).entry().postings()).containsExactly(
                Posting.debit(shift.drawer(), failed.total()),
                Posting.credit(AccountCode.REFUNDS_DUE, failed.total()));
        assertThat(bed.balance(AccountCode.REFUNDS_DUE).creditsPosted()).isEqualTo(failed.total());
        assertThat(bed.balance(shift.drawer()).postedNet()).isEqualTo(Money.of(100_000).plus(failed.total()));
        assertThat(bed.sandbox().paymentsOf(failed.clientRef())).isEmpty();
    }

    @Test
    void aPaymentTheGatewayStillDoesNotKnowAfterTheOneResendFails() {
        start();
        Payment suspect = suspectPaymentWith("timeout");
        bed.sandbox().fault("timeout", "payments");

        RecoverySummary first = bed.payments().recover();
        assertThat(first.stillOpen()).isEqualTo(1);
        assertThat(bed.payments().find(suspect.clientRef()).orElseThrow().resends()).isEqualTo(1);
        RecoverySummary second = bed.payments().recover();

        Payment failed = bed.payments().find(suspect.clientRef()).orElseThrow();
        assertThat(second.failed()).isEqualTo(1);
        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        assertThat(failed.failureReason()).hasValueSatisfying(r -> assertThat(r).contains("never received"));
        assertThat(failed.refundDue()).isTrue();
        assertThat(bed.sandbox().paymentsOf(failed.clientRef())).isEmpty();
    }

    @Test
    void aCrashBeforeTheRequestLeftIsRecoveredOnceTheGracePeriodHasPassed() {
        CrashingGateway[] crashing = new CrashingGateway[1];
        start(PaymentTestBed.in(dir).gateway(g -> crashing[0] = new CrashingGateway(g)));
        bed.openShift(0);
        crashing[0].crashNextPayment(CrashingGateway.When.BEFORE_SENDING);
        PayOrder order = bed.plnBill();

        assertThatThrownBy(order::cash).isInstanceOf(CrashingGateway.SimulatedCrash.class);
        Payment sent = bed.payments().search(PaymentCriteria.any()).get(0);
        assertThat(sent.state()).isEqualTo(PaymentState.SENT);
        assertThat(bed.kindsOf(sent.clientRef())).containsExactly(EntryKind.PENDING);

        assertThat(bed.payments().recover().checked()).as("still within the grace period").isZero();
        bed.appClock().advance(PaymentService.DEFAULT_SENT_GRACE.plusSeconds(1));
        bed.payments().recover();

        assertSettledOnceAsSuccess(sent.clientRef());
        assertThat(bed.payments().find(sent.clientRef()).orElseThrow().resends()).isEqualTo(1);
    }

    @Test
    void aCrashAfterTheGatewayPaidIsRecoveredWithoutPayingAgain() {
        CrashingGateway[] crashing = new CrashingGateway[1];
        start(PaymentTestBed.in(dir).gateway(g -> crashing[0] = new CrashingGateway(g)).sentGrace(Duration.ZERO));
        bed.openShift(0);
        crashing[0].crashNextPayment(CrashingGateway.When.AFTER_SENDING);

        assertThatThrownBy(() -> bed.plnBill().cash()).isInstanceOf(CrashingGateway.SimulatedCrash.class);
        String clientRef = bed.payments().search(PaymentCriteria.any()).get(0).clientRef();
        bed.payments().recover();

        assertSettledOnceAsSuccess(clientRef);
        assertThat(bed.payments().find(clientRef).orElseThrow().resends()).isZero();
    }

    @Test
    void aStatusCheckWithoutAnAnswerLeavesTheSuspectAsItIs() {
        start();
        Payment suspect = suspectPaymentWith("drop_response");
        bed.sandbox().fault("http_500", "status");

        RecoverySummary summary = bed.payments().recover();

        assertThat(summary.stillOpen()).isEqualTo(1);
        assertThat(bed.payments().find(suspect.clientRef()).orElseThrow().state()).isEqualTo(PaymentState.SUSPECT);
        bed.payments().recover();
        assertSettledOnceAsSuccess(suspect.clientRef());
    }
}
