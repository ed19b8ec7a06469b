package id.loket.customers;

/**
 * A customer operation was refused; nothing was written unless the message says otherwise. The message names what
 * was wrong and what to do, and never carries a full NIK.
 */
public final class CustomerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, for screens and commands that react differently. */
    public enum Reason {
        /** The NIK is not one (length, letters, province, region, birth date, serial). */
        INVALID_NIK,
        /** The phone is not an Indonesian mobile number. */
        INVALID_PHONE,
        /** A name, email, address, biller code, reference or label that cannot be kept as given. */
        INVALID_INPUT,
        /** Another customer has this NIK. */
        DUPLICATE_NIK,
        /** There is no customer with this id. */
        UNKNOWN_CUSTOMER,
        /** The customer is verified already; no code is needed. */
        ALREADY_VERIFIED,
        /** No code was sent to this customer yet (or the gateway does not know it). */
        OTP_NOT_REQUESTED,
        /** The typed code is wrong; attempts are left. */
        OTP_WRONG,
        /** Too many wrong codes: this code is locked for good. */
        OTP_LOCKED,
        /** The code expired before it was typed. */
        OTP_EXPIRED,
        /** The gateway refused or did not answer; nothing changed here. */
        GATEWAY_UNAVAILABLE
    }

    private final Reason reason;

    public CustomerException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
