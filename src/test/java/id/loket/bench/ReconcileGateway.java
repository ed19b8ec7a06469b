package id.loket.bench;

import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.DepositBalance;
import id.loket.testing.AllUpstreams;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.billing.SettlementSummary;
import id.loket.core.Biller;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The gateway as reconciliation uses it, without a network: {@link #settlement} serves a pre-written day's file
 * the way {@code HttpGateway} does (copies it into place while hashing it, checks the SHA-256 against the summary),
 * any other day is not closed yet, and {@link #paymentStatus} says the gateway never received the payment. Every
 * other call throws.
 */
final class ReconcileGateway implements AllUpstreams {

    private final LocalDate day;
    private final Path source;
    private final SettlementSummary summary;
    private long fetchNanos;
    private int statusCalls;

    ReconcileGateway(LocalDate day, Path source, SettlementSummary summary) {
        this.day = day;
        this.source = source;
        this.summary = summary;
    }

    /** Time spent in {@link #settlement} since the last {@link #reset}. */
    long fetchNanos() {
        return fetchNanos;
    }

    int statusCalls() {
        return statusCalls;
    }

    void reset() {
        fetchNanos = 0;
        statusCalls = 0;
    }

    @Override
    public GatewayResult<SettlementSummary> settlement(LocalDate requested, Path csvFile) {
        long t0 = System.nanoTime();
        try {
            if (!requested.equals(day)) {
                return new GatewayResult.Refused<>(new GatewayError(425, GatewayError.DAY_NOT_CLOSED,
                        "The business day " + requested + " is not closed yet"));
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(csvFile)) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            if (!hash.equals(summary.fileSha256())) {
                Files.deleteIfExists(csvFile);
                return new GatewayResult.NoAnswer<>("the settlement file does not match its summary");
            }
            return new GatewayResult.Answer<>(summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            fetchNanos += System.nanoTime() - t0;
        }
    }

    @Override
    public GatewayResult<PaymentResult> paymentStatus(String clientRef) {
        statusCalls++;
        return new GatewayResult.Refused<>(new GatewayError(404, GatewayError.PAYMENT_NOT_FOUND,
                "No payment " + clientRef));
    }

    @Override
    public GatewayResult<List<Biller>> billers() {
        throw new UnsupportedOperationException("billers");
    }

    @Override
    public GatewayResult<Inquiry> inquire(InquiryRequest request) {
        throw new UnsupportedOperationException("inquire");
    }

    @Override
    public GatewayResult<PaymentResult> pay(PaymentRequest request) {
        throw new UnsupportedOperationException("pay");
    }

    @Override
    public GatewayResult<PaymentResult> awaitPayment(String clientRef, int maxChecks) {
        throw new UnsupportedOperationException("awaitPayment");
    }

    @Override
    public GatewayResult<Charge> createCharge(ChargeRequest request) {
        throw new UnsupportedOperationException("createCharge");
    }

    @Override
    public GatewayResult<Charge> charge(String chargeId) {
        throw new UnsupportedOperationException("charge");
    }

    @Override
    public GatewayResult<DepositBalance> balance() {
        throw new UnsupportedOperationException("balance");
    }

    @Override
    public GatewayResult<OtpChallenge> requestOtp(String phone) {
        throw new UnsupportedOperationException("requestOtp");
    }

    @Override
    public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
        throw new UnsupportedOperationException("verifyOtp");
    }
}
