package id.loket.payment;

import id.loket.core.PaymentState;

/**
 * A payment cannot move as asked: the transition is not one of the state machine's, or the payment is no longer
 * in the state the change was made from (another worker moved it first). Nothing was written.
 */
public final class PaymentStateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final PaymentState actual;

    public PaymentStateException(String message, PaymentState actual) {
        super(message);
        this.actual = actual;
    }

    /** The state the payment is in. */
    public PaymentState actual() {
        return actual;
    }
}
