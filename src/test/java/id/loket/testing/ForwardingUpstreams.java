package id.loket.testing;

import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.MessageReceipt;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.billing.SettlementSummary;
import id.loket.core.Biller;
import id.loket.core.ChargeChannel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A test double that hands every call to another {@link AllUpstreams} (the house sandbox's client), so a subclass
 * overrides only what it changes: a crash around a payment, the channels a gateway takes. Which network it says it
 * is ({@code info()}, {@code acceptanceInfo()}, {@code messengerInfo()}) stays the double's own unless a subclass
 * forwards it too.
 */
public abstract class ForwardingUpstreams implements AllUpstreams {

    protected final AllUpstreams delegate;

    protected ForwardingUpstreams(AllUpstreams delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public GatewayResult<List<Biller>> billers() {
        return delegate.billers();
    }

    @Override
    public GatewayResult<Inquiry> inquire(InquiryRequest request) {
        return delegate.inquire(request);
    }

    @Override
    public GatewayResult<PaymentResult> pay(PaymentRequest request) {
        return delegate.pay(request);
    }

    @Override
    public GatewayResult<PaymentResult> paymentStatus(String clientRef) {
        return delegate.paymentStatus(clientRef);
    }

    @Override
    public GatewayResult<PaymentResult> awaitPayment(String clientRef, int maxChecks) {
        return delegate.awaitPayment(clientRef, maxChecks);
    }

    @Override
    public GatewayResult<DepositBalance> balance() {
        return delegate.balance();
    }

    @Override
    public GatewayResult<SettlementSummary> settlement(LocalDate day, Path csvFile) {
        return delegate.settlement(day, csvFile);
    }

    @Override
    public Set<ChargeChannel> channels() {
        return delegate.channels();
    }

    @Override
    public GatewayResult<Charge> createCharge(ChargeRequest request) {
        return delegate.createCharge(request);
    }

    @Override
    public GatewayResult<Charge> charge(String chargeId) {
        return delegate.charge(chargeId);
    }

    @Override
    public GatewayResult<Charge> findCharge(ChargeRequest request) {
        return delegate.findCharge(request);
    }

    @Override
    public GatewayResult<Charge> cancelCharge(String chargeId) {
        return delegate.cancelCharge(chargeId);
    }

    @Override
    public GatewayResult<OtpChallenge> requestOtp(String phone) {
        return delegate.requestOtp(phone);
    }

    @Override
    public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
        return delegate.verifyOtp(otpId, code);
    }

    @Override
    public GatewayResult<MessageReceipt> sendText(String phone, String text) {
        return delegate.sendText(phone, text);
    }
}
