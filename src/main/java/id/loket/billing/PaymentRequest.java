package id.loket.billing;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import java.util.Objects;
import java.util.Optional;

/**
 * Pay a looked-up bill. {@code clientRef} is generated and stored durably by the counter before the request is
 * sent, and is the request's idempotency key: every retry carries the same one, and so does every status check.
 *
 * <p>A network whose status check is the identical request sent again (Digiflazz prepaid) builds it from this
 * request alone, so it carries everything the payment was: the biller, the customer's {@code reference}, the
 * {@code amount} the network is asked to pay (its selling price) and the {@code cost} the shop expects it to take
 * from the deposit (an aggregator may be told never to take more).
 */
public record PaymentRequest(
        String clientRef,
        String inquiryId,
        Money amount,
        PaymentMethod method,
        Optional<String> chargeId,
        String biller,
        String reference,
        Money cost) {

    public PaymentRequest {
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(inquiryId, "inquiryId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(biller, "biller");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(cost, "cost");
        if (clientRef.isEmpty() || clientRef.length() > 64) {
            throw new IllegalArgumentException("client_ref must be 1 to 64 characters");
        }
    }

    /** A payment of the house gateway, which knows the bill by its inquiry id alone. */
    public PaymentRequest(String clientRef, String inquiryId, Money amount, PaymentMethod method,
            Optional<String> chargeId) {
        this(clientRef, inquiryId, amount, method, chargeId, "", "", amount);
    }

    /** A status check of payment {@code clientRef} at a network that has a status call of its own. */
    public static PaymentRequest statusOf(String clientRef) {
        return new PaymentRequest(clientRef, "", Money.ZERO, PaymentMethod.CASH, Optional.empty());
    }
}
