package id.loket.testing;

import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.NetworkInfo;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.billing.SettlementSummary;
import id.loket.core.Biller;
import id.loket.upstream.house.HttpGateway;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** The real house gateway client as an {@link AllUpstreams}, so test doubles can wrap it. */
public final class HouseUpstreams implements AllUpstreams {

    private final HttpGateway house;

    public HouseUpstreams(HttpGateway house) {
        this.house = house;
    }

    @Override
    public NetworkInfo info() {
        return house.info();
    }

    @Override
    public NetworkInfo acceptanceInfo() {
        return house.acceptanceInfo();
    }

    @Override
    public NetworkInfo messengerInfo() {
        return house.messengerInfo();
    }

    @Override
    public GatewayResult<List<Biller>> billers() {
        return house.billers();
    }

    @Override
    public GatewayResult<Inquiry> inquire(InquiryRequest request) {
        return house.inquire(request);
    }

    @Override
    public GatewayResult<PaymentResult> pay(PaymentRequest request) {
        return house.pay(request);
    }

    @Override
    public GatewayResult<PaymentResult> paymentStatus(String clientRef) {
        return house.paymentStatus(clientRef);
    }

    @Override
    public GatewayResult<PaymentResult> awaitPayment(String clientRef, int maxChecks) {
        return house.awaitPayment(clientRef, maxChecks);
    }

    @Override
    public GatewayResult<DepositBalance> balance() {
        return house.balance();
    }

    @Override
    public GatewayResult<SettlementSummary> settlement(LocalDate day, Path csvFile) {
        return house.settlement(day, csvFile);
    }

    @Override
    public GatewayResult<Charge> createCharge(ChargeRequest request) {
        return house.createCharge(request);
    }

    @Override
    public GatewayResult<Charge> charge(String chargeId) {
        return house.charge(chargeId);
    }

    @Override
    public GatewayResult<OtpChallenge> requestOtp(String phone) {
        return house.requestOtp(phone);
    }

    @Override
    public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
        return house.verifyOtp(otpId, code);
    }
}
