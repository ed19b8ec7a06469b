package id.loket.payment;

import id.loket.billing.PaymentResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the gateway said of a payment: its id, response code and message, and for a success what the biller gave. */
public record GatewayOutcome(
        String paymentId,
        String rc,
        String message,
        Optional<String> billerRef,
        Optional<String> token,
        Optional<String> kwh,
        Optional<Instant> paidAt) {

    public GatewayOutcome {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(rc, "rc");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(billerRef, "billerRef");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(kwh, "kwh");
        Objects.requireNonNull(paidAt, "paidAt");
    }

    static GatewayOutcome of(PaymentResult result) {
        return new GatewayOutcome(result.paymentId(), result.rc(), result.message(), result.billerRef(),
                result.token(), result.kwh(), result.paidAt());
    }
}
