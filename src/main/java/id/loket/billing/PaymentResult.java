package id.loket.billing;

import id.loket.core.Money;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's verified answer about a payment (to the payment itself or to a status check).
 * {@code PENDING} is not an outcome: the biller has not answered yet, ask again later with the same client_ref.
 * {@code details} are bill details only the payment's answer carries (a paid PLN bill's stand meter), kept with the
 * bill for its receipt.
 */
public record PaymentResult(
        String paymentId,
        String clientRef,
        Status status,
        String rc,
        String message,
        Optional<String> billerRef,
        Optional<String> token,
        Optional<String> kwh,
        Optional<Instant> paidAt,
        Optional<Money> depositBalance,
        Optional<Money> cost,
        Map<String, String> details) {

    public enum Status {
        SUCCESS,
        PENDING,
        FAILED
    }

    public PaymentResult {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rc, "rc");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(billerRef, "billerRef");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(kwh, "kwh");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(depositBalance, "depositBalance");
        Objects.requireNonNull(cost, "cost");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** An answer that adds nothing to the bill's details (the house gateway's, a prepaid purchase's). */
    public PaymentResult(String paymentId, String clientRef, Status status, String rc, String message,
            Optional<String> billerRef, Optional<String> token, Optional<String> kwh, Optional<Instant> paidAt,
            Optional<Money> depositBalance, Optional<Money> cost) {
        this(paymentId, clientRef, status, rc, message, billerRef, token, kwh, paidAt, depositBalance, cost, Map.of());
    }

    /**
     * An answer that does not say what was taken from the deposit (the house gateway's).
     *
     * @param depositBalance the deposit after the payment, where the network says (an aggregator's running balance)
     */
    public PaymentResult(String paymentId, String clientRef, Status status, String rc, String message,
            Optional<String> billerRef, Optional<String> token, Optional<String> kwh, Optional<Instant> paidAt,
            Optional<Money> depositBalance) {
        this(paymentId, clientRef, status, rc, message, billerRef, token, kwh, paidAt, depositBalance,
                Optional.empty());
    }

    /** Whether this answer settles the payment (SUCCESS or FAILED). */
    public boolean isDefinitive() {
        return status != Status.PENDING;
    }
}
