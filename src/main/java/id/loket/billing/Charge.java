package id.loket.billing;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A non-cash charge as the gateway reports it: what to show the customer (QR string, VA number or payment
 * page) and whether they have paid. The counter polls it until PAID, EXPIRED, or the clerk cancels.
 */
public record Charge(
        String chargeId,
        String clientRef,
        PaymentMethod method,
        Money amount,
        Status status,
        Optional<String> qrString,
        Optional<String> vaNumber,
        Optional<String> paymentUrl,
        Instant expiresAt) {

    public enum Status {
        PENDING,
        PAID,
        EXPIRED
    }

    public Charge {
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(qrString, "qrString");
        Objects.requireNonNull(vaNumber, "vaNumber");
        Objects.requireNonNull(paymentUrl, "paymentUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
