package id.loket.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A non-cash charge shown to the customer: the QRIS string, the VA number or the payment page, and its deadline. */
public record ChargeDetails(
        String chargeId,
        Optional<String> qrString,
        Optional<String> vaNumber,
        Optional<String> paymentUrl,
        Instant expiresAt) {

    public ChargeDetails {
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(qrString, "qrString");
        Objects.requireNonNull(vaNumber, "vaNumber");
        Objects.requireNonNull(paymentUrl, "paymentUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
