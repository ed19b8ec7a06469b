package id.loket.payment;

import id.loket.core.PaymentState;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a payment, kept append-only beside the payment row: from which state to which, when, and why
 * ({@code from == to} for a change that is not a transition, e.g. a resend).
 */
public record PaymentEvent(long id, String clientRef, PaymentState from, PaymentState to, Instant at, String detail) {

    public PaymentEvent {
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
