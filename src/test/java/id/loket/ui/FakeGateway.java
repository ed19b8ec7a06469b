package id.loket.ui;

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
import id.loket.core.Money;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A gateway for the shell's tests: it answers the deposit query (or does not); the shell asks nothing else. */
final class FakeGateway implements AllUpstreams {

    private volatile GatewayResult<DepositBalance> balance =
            new GatewayResult.Answer<>(new DepositBalance(Money.of(10_000_000), Instant.parse("2025-03-14T03:15:00Z")));

    FakeGateway silent() {
        balance = new GatewayResult.NoAnswer<>("connection refused");
        return this;
    }

    @Override
    public GatewayResult<DepositBalance> balance() {
        return balance;
    }

    @Override
    public GatewayResult<List<Biller>> billers() {
        throw new AssertionError("the shell does not read the catalog");
    }

    @Override
    public GatewayResult<Inquiry> inquire(InquiryRequest request) {
        throw new AssertionError("the shell does not look bills up");
    }

    @Override
    public GatewayResult<PaymentResult> pay(PaymentRequest request) {
        throw new AssertionError("the shell does not pay");
    }

    @Override
    public GatewayResult<PaymentResult> paymentStatus(String clientRef) {
        throw new AssertionError("the shell does not ask payment status");
    }

    @Override
    public GatewayResult<PaymentResult> awaitPayment(String clientRef, int maxChecks) {
        throw new AssertionError("the shell does not await payments");
    }

    @Override
    public GatewayResult<Charge> createCharge(ChargeRequest request) {
        throw new AssertionError("the shell does not create charges");
    }

    @Override
    public GatewayResult<Charge> charge(String chargeId) {
        throw new AssertionError("the shell does not read charges");
    }

    @Override
    public GatewayResult<SettlementSummary> settlement(LocalDate day, Path csvFile) {
        throw new AssertionError("the shell does not fetch settlements");
    }

    @Override
    public GatewayResult<OtpChallenge> requestOtp(String phone) {
        throw new AssertionError("the shell does not send OTPs");
    }

    @Override
    public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
        throw new AssertionError("the shell does not verify OTPs");
    }
}
