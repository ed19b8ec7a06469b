package id.loket.payment;

/**
 * The counter refused a payment before the gateway was asked about it (or refused a step of it); nothing of it
 * was written unless the message says otherwise. The message says what to do.
 */
public final class PaymentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, for screens and commands that react differently. */
    public enum Reason {
        /** The clerk has no open shift. */
        NO_OPEN_SHIFT,
        /** Cash tendered below the total. */
        TENDERED_BELOW_TOTAL,
        /** The double-payment guard: the same bill is being paid or was paid. */
        ALREADY_BEING_PAID,
        /** The inquiry is about another biller than the one given. */
        WRONG_BILLER,
        /** The method does not fit the call (cash to a charge, a charge method to cash …). */
        WRONG_METHOD,
        /** The EDC approval code is missing or not one. */
        INVALID_APPROVAL_CODE,
        /** The gateway refused to create the charge, or did not answer; no charge was shown. */
        CHARGE_NOT_STARTED,
        /** The total is above the amount the owner set, and no verified customer is named. */
        VERIFIED_CUSTOMER_REQUIRED,
        /** The customer named does not exist. */
        UNKNOWN_CUSTOMER,
        /** The network would take more from the deposit than the customer pays: a sale at a loss. */
        COST_ABOVE_PRICE,
        /** The deposit at the biller network cannot pay this sale: the owner must top it up first. */
        INSUFFICIENT_DEPOSIT,
        /** The inquiry's reference was already used by a payment (a network that pays under the inquiry's own). */
        INQUIRY_USED
    }

    private final Reason reason;

    public PaymentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The double-payment guard's refusal, naming the payment that holds the bill. */
    public static PaymentRefusedException alreadyBeingPaid(Payment holder) {
        PaidBill b = holder.bill();
        return new PaymentRefusedException(Reason.ALREADY_BEING_PAID, "This bill (" + b.billerCode() + " "
                + b.reference() + b.period().map(p -> " " + p).orElse("") + ") is already being paid or paid: payment "
                + holder.clientRef() + " is " + holder.state() + ". Do not take the customer's money twice; look it"
                + " up in History.");
    }
}
