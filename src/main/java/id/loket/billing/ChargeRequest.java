package id.loket.billing;

import id.loket.core.ChargeChannel;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import java.util.Objects;
import java.util.Optional;

/**
 * Ask the gateway to take {@code amount} from the customer by {@code channel} (QRIS, a bank's VA, GoPay, a payment
 * link). {@code clientRef} is the provider's order id: every retry and every look-up of this charge uses it, and one
 * customer payment never gets a second one. {@code description} is what the customer sees beside the amount (the
 * bill: "PLN 123456789012"); {@code phone} the customer's number for a payment link the gateway may send.
 */
public record ChargeRequest(String clientRef, ChargeChannel channel, Money amount, String description,
        Optional<String> phone) {

    public ChargeRequest {
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(phone, "phone");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A charge takes a positive amount, not " + amount);
        }
    }

    /** A charge by the method's default channel, with no description or phone (the house protocol's request). */
    public ChargeRequest(String clientRef, PaymentMethod method, Money amount) {
        this(clientRef, ChargeChannel.defaultFor(method), amount, "", Optional.empty());
    }

    public PaymentMethod method() {
        return channel.method();
    }
}
