package id.loket.billing;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import java.util.Objects;
import java.util.Optional;

/**
 * Pay a looked-up bill. {@code clientRef} is generated and stored durably by the counter before the request is
 * sent, and is the request's idempotency key: every retry carries the same one.
 */
public record PaymentRequest(
        String clientRef, String inquiryId, Money amount, PaymentMethod method, Optional<String> chargeId) {

    public PaymentRequest {
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(inquiryId, "inquiryId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(chargeId, "chargeId");
        if (clientRef.isEmpty() || clientRef.length() > 64) {
            throw new IllegalArgumentException("client_ref must be 1 to 64 characters");
        }
    }
}
