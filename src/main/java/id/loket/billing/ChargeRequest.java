package id.loket.billing;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import java.util.Objects;

/** Ask the gateway to take {@code amount} from the customer by {@code method} (QRIS, VA, e-wallet, payment link). */
public record ChargeRequest(String clientRef, PaymentMethod method, Money amount) {

    public ChargeRequest {
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        if (!method.isGatewayCharge()) {
            throw new IllegalArgumentException(method + " is not taken through a gateway charge");
        }
    }
}
