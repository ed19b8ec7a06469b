package id.loket.upstream.midtrans.sim;

import java.time.Instant;
import java.util.Optional;

/**
 * A transaction as the simulator holds it (for tests and {@code GET /sim/charges}).
 *
 * @param current false once its order id was charged again after a cancel or expiry (the older one stays listed)
 * @param linkOrderId for a payment-link purchase: the link's order id
 */
public record SimulatedCharge(String orderId, String transactionId, String paymentType, long grossAmount,
        String transactionStatus, Instant transactionTime, Instant expiryTime, Optional<Instant> settlementTime,
        boolean current, Optional<String> linkOrderId) {
}
