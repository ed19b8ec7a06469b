package id.loket.billing;

import id.loket.core.Biller;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The payment gateway, as the services see it (docs/gateway-api.md): typed results, never HTTP.
 *
 * <p><b>Payments must be safe to repeat.</b> {@link #pay} carries the caller's {@code client_ref} as its
 * idempotency key; a caller that gets {@link GatewayResult.NoAnswer} asks {@link #paymentStatus} (or pays again
 * with the same request), never pays with a new {@code client_ref}. Implementations never retry a payment on
 * their own with a new key.
 */
public interface Gateway {

    GatewayResult<List<Biller>> billers();

    GatewayResult<Inquiry> inquire(InquiryRequest request);

    GatewayResult<PaymentResult> pay(PaymentRequest request);

    /** The gateway's current word on a payment; {@code payment_not_found} means it never arrived. */
    GatewayResult<PaymentResult> paymentStatus(String clientRef);

    /**
     * Asks the status until the answer is definitive or {@code maxChecks} checks were made, backing off between
     * checks; returns the last result.
     */
    GatewayResult<PaymentResult> awaitPayment(String clientRef, int maxChecks);

    GatewayResult<Charge> createCharge(ChargeRequest request);

    GatewayResult<Charge> charge(String chargeId);

    GatewayResult<DepositBalance> balance();

    /**
     * Fetches the signed settlement summary of {@code day} and its CSV file into {@code csvFile}, and checks the
     * file's SHA-256 against the summary. A mismatch is {@link GatewayResult.NoAnswer} naming it, and the file is
     * deleted. A day not closed yet is refused with {@code day_not_closed}.
     */
    GatewayResult<SettlementSummary> settlement(LocalDate day, Path csvFile);

    GatewayResult<OtpChallenge> requestOtp(String phone);

    GatewayResult<OtpVerification> verifyOtp(String otpId, String code);
}
