package id.loket.payment;

import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.DepositBalance;
import id.loket.testing.AllUpstreams;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.billing.SettlementSummary;
import id.loket.core.Biller;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real gateway, except that the next payment can "crash the counter": the call throws, before the request
 * leaves or after the gateway has done the payment, as if the process died there. What the counter committed before
 * the call is all that is left, as after a real crash.
 */
final class CrashingGateway implements AllUpstreams {

    enum When {
        NEVER,
        BEFORE_SENDING,
        AFTER_SENDING
    }

    static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    private final AllUpstreams real;
    private final AtomicReference<When> next = new AtomicReference<>(When.NEVER);

    CrashingGateway(AllUpstreams real) {
        this.real = real;
    }

    void crashNextPayment(When when) {
        next.set(when);
    }

    @Override
    public GatewayResult<PaymentResult> pay(PaymentRequest request) {
        When when = next.getAndSet(When.NEVER);
        if (when == When.BEFORE_SENDING) {
            throw new SimulatedCrash("before sending");
        }
        GatewayResult<PaymentResult> result = real.pay(request);
        if (when == When.AFTER_SENDING) {
            throw new SimulatedCrash("after sending");
        }
        return result;
    }

    @Override
    public GatewayResult<List<Biller>> billers() {
        return real.billers();
    }

    @Override
    public GatewayResult<Inquiry> inquire(InquiryRequest request) {
        return real.inquire(request);
    }

    @Override
    public GatewayResult<PaymentResult> paymentStatus(String clientRef) {
        return real.paymentStatus(clientRef);
    }

    @Override
    public GatewayResult<PaymentResult> awaitPayment(String clientRef, int maxChecks) {
        return real.awaitPayment(clientRef, maxChecks);
    }

    @Override
    public GatewayResult<Charge> createCharge(ChargeRequest request) {
        return real.createCharge(request);
    }

    @Override
    public GatewayResult<Charge> charge(String chargeId) {
        return real.charge(chargeId);
    }

    @Override
    public GatewayResult<DepositBalance> balance() {
        return real.balance();
    }

    @Override
    public GatewayResult<SettlementSummary> settlement(LocalDate day, Path csvFile) {
        return real.settlement(day, csvFile);
    }

    @Override
    public GatewayResult<OtpChallenge> requestOtp(String phone) {
        return real.requestOtp(phone);
    }

    @Override
    public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
        return real.verifyOtp(otpId, code);
    }
}
