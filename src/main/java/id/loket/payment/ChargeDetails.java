package id.loket.payment;

import id.loket.core.ChargeChannel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A non-cash charge shown to the customer: the QRIS string, the VA number (with a Mandiri bill's biller code) or
 * the payment page, its deadline, and the bank or wallet it was taken by ({@code channel}; empty for payments
 * recorded before channels existed).
 */
public record ChargeDetails(
        String chargeId,
        Optional<String> qrString,
        Optional<String> vaNumber,
        Optional<String> billerCode,
        Optional<String> paymentUrl,
        Instant expiresAt,
        Optional<ChargeChannel> channel) {

    public ChargeDetails {
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(qrString, "qrString");
        Objects.requireNonNull(vaNumber, "vaNumber");
        Objects.requireNonNull(billerCode, "billerCode");
        Objects.requireNonNull(paymentUrl, "paymentUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(channel, "channel");
    }

    /** A charge of the method's default channel without a biller code. */
    public ChargeDetails(String chargeId, Optional<String> qrString, Optional<String> vaNumber,
            Optional<String> paymentUrl, Instant expiresAt) {
        this(chargeId, qrString, vaNumber, Optional.empty(), paymentUrl, expiresAt, Optional.empty());
    }

    /**
     * A charge asked for but not yet answered: its order id ({@code clientRef}) and channel are known, nothing to
     * show yet. Recorded before the request leaves, so a crash or a lost answer leaves something to look up.
     */
    static ChargeDetails asked(String clientRef, ChargeChannel channel, Instant at) {
        return new ChargeDetails(clientRef, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                at, Optional.of(channel));
    }
}
