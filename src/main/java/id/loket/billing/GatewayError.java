package id.loket.billing;

/**
 * A definitive error answer from the gateway: the HTTP status, the protocol's snake_case code and its message.
 * The known codes are constants here; a code Loket does not know yet is still carried as text.
 */
public record GatewayError(int httpStatus, String code, String message) {

    public static final String INVALID_REFERENCE = "invalid_reference";
    public static final String REFERENCE_NOT_FOUND = "reference_not_found";
    public static final String BILL_ALREADY_PAID = "bill_already_paid";
    public static final String BILLER_UNAVAILABLE = "biller_unavailable";
    public static final String UNKNOWN_BILLER = "unknown_biller";
    public static final String UNKNOWN_PRODUCT = "unknown_product";
    public static final String AMOUNT_MISMATCH = "amount_mismatch";
    public static final String INVALID_AMOUNT = "invalid_amount";
    public static final String INSUFFICIENT_DEPOSIT = "insufficient_deposit";
    public static final String INQUIRY_EXPIRED = "inquiry_expired";
    public static final String INQUIRY_NOT_FOUND = "inquiry_not_found";
    public static final String IDEMPOTENCY_CONFLICT = "idempotency_conflict";
    public static final String PAYMENT_NOT_FOUND = "payment_not_found";
    public static final String CHARGE_NOT_FOUND = "charge_not_found";
    public static final String CHARGE_NOT_PAID = "charge_not_paid";
    public static final String CHARGE_EXPIRED = "charge_expired";
    public static final String DAY_NOT_CLOSED = "day_not_closed";
    public static final String OTP_NOT_FOUND = "otp_not_found";
    public static final String OTP_EXPIRED = "otp_expired";
    public static final String OTP_LOCKED = "otp_locked";
    public static final String INVALID_PHONE = "invalid_phone";
    public static final String BAD_REQUEST = "bad_request";
    public static final String MALFORMED_JSON = "malformed_json";
    public static final String BODY_TOO_LARGE = "body_too_large";
    public static final String STALE_TIMESTAMP = "stale_timestamp";
    public static final String BAD_SIGNATURE = "bad_signature";
    public static final String UNKNOWN_MERCHANT = "unknown_merchant";
    public static final String NOT_FOUND = "not_found";
    /** The network has no such call (a statement, a top-up ticket). */
    public static final String NOT_SUPPORTED = "not_supported";
    /** The network has no day's statement: reconcile by re-checking each transaction. */
    public static final String NO_STATEMENT = "no_statement";
    /** The counter's credentials or address are wrong for the network (key, username, IP whitelist). */
    public static final String CONFIGURATION_ERROR = "configuration_error";
    /** The key is wrong, or is not the key of the mode (development/production) asked for. */
    public static final String WRONG_KEY = "wrong_key";
    /** The network knows no such user name. */
    public static final String WRONG_USERNAME = "wrong_username";
    /** The network refuses calls from this counter's IP address: it must be whitelisted there. */
    public static final String IP_NOT_WHITELISTED = "ip_not_whitelisted";
    /** The network asks the counter to slow down; nothing was done. */
    public static final String RATE_LIMITED = "rate_limited";

    public boolean is(String knownCode) {
        return code.equals(knownCode);
    }

    @Override
    public String toString() {
        return httpStatus + " " + code + ": " + message;
    }
}
