package id.loket.payment;

/**
 * What the clerk should do about a payment, in plain words; screens show their own translation of each.
 */
public enum ClerkAdvice {
    /** Paid: print the receipt. */
    PAID("paid: print the receipt"),
    /** Not paid, and the cash is handed back now. */
    RETURN_THE_MONEY("failed: the bill was not paid; give the customer's money back"),
    /** Not paid, but the customer's money was taken (non-cash, or the customer has left): it is owed back. */
    REFUND_DUE("failed: the bill was not paid; the customer's money must be refunded"),
    /** The outcome is not known yet. */
    PENDING("pending: do not refund or retry, the system will check"),
    /** A non-cash charge waits for the customer. */
    WAITING_FOR_CUSTOMER("waiting for the customer to pay the charge"),
    /** The charge ended unpaid (expired or cancelled): the customer was not charged, the bill not paid. */
    NOT_CHARGED("not paid: the customer was not charged and the bill was not paid");

    private final String message;

    ClerkAdvice(String message) {
        this.message = message;
    }

    /** The English text for logs and the command line; screens use their resource bundles. */
    public String message() {
        return message;
    }

    static ClerkAdvice of(Payment p) {
        return switch (p.state()) {
            case SUCCESS -> PAID;
            case FAILED -> p.refundDue() ? REFUND_DUE : RETURN_THE_MONEY;
            case SENT, SUSPECT -> PENDING;
            case NEW, CHARGE_PENDING, PAID -> WAITING_FOR_CUSTOMER;
            case CHARGE_EXPIRED, CANCELLED -> NOT_CHARGED;
        };
    }
}
