package id.loket.shift;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import java.util.Objects;

/**
 * What a shift recap needs to know of one payment taken during the shift. {@code refundDue}: the customer's money
 * was kept although the bill was not paid (it is owed back), so for cash it is still in the drawer.
 */
public record ShiftPayment(
        String clientRef,
        String billerCode,
        PaymentMethod method,
        PaymentState state,
        Money total,
        boolean refundDue) {

    public ShiftPayment {
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(billerCode, "billerCode");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(total, "total");
    }

    /** Whether the customer's cash went into the drawer: a cash payment that was sent to the gateway. */
    boolean cashTaken() {
        return method == PaymentMethod.CASH && (state == PaymentState.SENT || state == PaymentState.SUSPECT
                || state == PaymentState.SUCCESS || state == PaymentState.FAILED);
    }

    /** Whether the clerk handed the cash back at once: the payment failed while the customer was still there. */
    boolean cashHandedBack() {
        return method == PaymentMethod.CASH && state == PaymentState.FAILED && !refundDue;
    }
}
