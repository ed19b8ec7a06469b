package id.loket.upstream.midtrans;

import id.loket.billing.Charge;
import id.loket.billing.GatewayError;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one table of Midtrans' body {@code status_code} (research §1.4 and §1.7; docs.midtrans.com reference/code-2xx,
 * code-4xx, status-codes [S14][S17][S27]) and of {@code transaction_status} (§1.4, [S10][S11][S13]): what each means
 * and what Loket does with it. Nothing else in the adapter interprets a code. Logic keys on the body's
 * {@code status_code}, never on the HTTP status alone: Midtrans answers HTTP 200 with a body {@code "201"} for a new
 * charge, with {@code "406"} for a duplicate order, and sometimes with {@code "404"} for an unknown order. A code not
 * in this table is no answer.
 */
public enum ResponseCode {

    SUCCESS("200", "Success: settled or captured, or a successful cancel/refund call", Kind.SUCCESS, null),
    PENDING("201", "Pending: waiting for the customer (a new charge)", Kind.PENDING, null),
    CLOSED("202", "Denied, expired or cancelled", Kind.CLOSED, null),
    VALIDATION_ERROR("400", "Validation error: bad request data", Kind.REFUSED, GatewayError.BAD_REQUEST),
    UNAUTHORIZED("401", "Access denied: the server key is wrong, or is the sandbox key against production "
            + "(or the reverse)", Kind.REFUSED, GatewayError.WRONG_KEY),
    NO_ACCESS("402", "No access for this payment type: not activated for this merchant", Kind.REFUSED,
            GatewayError.NOT_SUPPORTED),
    NOT_ACCEPTABLE_FORMAT("403", "The requested format cannot be produced", Kind.REFUSED, GatewayError.BAD_REQUEST),
    NOT_FOUND("404", "The transaction is not found", Kind.NOT_FOUND, GatewayError.CHARGE_NOT_FOUND),
    METHOD_NOT_ALLOWED("405", "HTTP method not allowed", Kind.REFUSED, GatewayError.BAD_REQUEST),
    DUPLICATE_ORDER("406", "Duplicate order_id: already utilized", Kind.DUPLICATE_ORDER, null),
    EXPIRED("407", "Expired transaction", Kind.EXPIRED, GatewayError.CHARGE_EXPIRED),
    WRONG_DATA_TYPE("408", "Wrong data type", Kind.REFUSED, GatewayError.BAD_REQUEST),
    /** A conflict, "possibly the same idempotency key" still being processed [S18]: ask again later. */
    CONFLICT("409", "Conflict with the current state (possibly the same idempotency key in flight)",
            Kind.UNAVAILABLE, null),
    USER_BLOCKED("410", "GoPay user blocked (older docs: merchant deactivated)", Kind.REFUSED,
            GatewayError.NOT_SUPPORTED),
    TOKEN_INVALID("411", "token_id missing, invalid or timed out", Kind.REFUSED, GatewayError.BAD_REQUEST),
    CANNOT_MODIFY("412", "Merchant cannot modify the status of the transaction", Kind.CANNOT_MODIFY, null),
    SYNTAX_ERROR("413", "Syntax error in the request body", Kind.REFUSED, GatewayError.BAD_REQUEST),
    REFUND_REJECTED("414", "Refund rejected: merchant funds insufficient", Kind.REFUSED, GatewayError.BAD_REQUEST),
    RATE_LIMITED("429", "API rate limit exceeded", Kind.RATE_LIMITED, GatewayError.RATE_LIMITED),
    INTERNAL_ERROR("500", "Internal server error", Kind.UNAVAILABLE, null),
    NOT_AVAILABLE("501", "Feature not available", Kind.UNAVAILABLE, null),
    BANK_CONNECTION("502", "Bank connection problem", Kind.UNAVAILABLE, null),
    PARTNER_CONNECTION("503", "Bank/partner is experiencing connection issue", Kind.UNAVAILABLE, null),
    FRAUD_UNAVAILABLE("504", "Fraud detection unavailable", Kind.UNAVAILABLE, null),
    REFERENCE_UNAVAILABLE("505", "VA number or payment reference unavailable", Kind.UNAVAILABLE, null);

    /** What Loket does with a code. */
    public enum Kind {
        /** 200: a transaction in a settled state, or a successful action: read its transaction_status. */
        SUCCESS,
        /** 201: a transaction waiting for the customer. */
        PENDING,
        /** 202: a transaction denied, expired or cancelled: read its transaction_status. */
        CLOSED,
        /** 407: the transaction expired. */
        EXPIRED,
        /** 404: no such transaction: nothing was charged under this id (safe to charge it). */
        NOT_FOUND,
        /** 406: the order id is taken: read the existing transaction's status. */
        DUPLICATE_ORDER,
        /** 412: the transaction cannot change any more (e.g. settled): re-read its status. */
        CANNOT_MODIFY,
        /** A definitive refusal before anything was done: {@link #gatewayError()}. */
        REFUSED,
        /** 429: slow down; nothing was done. */
        RATE_LIMITED,
        /** 409, 5xx: Midtrans or a bank could not answer: the outcome is unknown (re-send, then read the status). */
        UNAVAILABLE
    }

    private static final Map<String, ResponseCode> BY_CODE = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(ResponseCode::code, Function.identity()));

    private final String code;
    private final String meaning;
    private final Kind kind;
    private final String gatewayError;

    ResponseCode(String code, String meaning, Kind kind, String gatewayError) {
        this.code = code;
        this.meaning = meaning;
        this.kind = kind;
        this.gatewayError = gatewayError;
    }

    public String code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public Kind kind() {
        return kind;
    }

    /** The port's error code for a refusal (and for 404 and 407); empty for the others. */
    public Optional<String> gatewayError() {
        return Optional.ofNullable(gatewayError);
    }

    /** The row for a body {@code status_code}; empty for null and for anything not in the table. */
    public static Optional<ResponseCode> of(String statusCode) {
        return statusCode == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(statusCode.strip()));
    }

    /** The message Loket shows for a refusal: the owner's fix, in plain English. */
    public String hint() {
        return switch (this) {
            case UNAUTHORIZED -> "server key not accepted — sandbox key against production or the reverse? "
                    + "Check the key in Settings";
            case NO_ACCESS -> "payment type not activated for this merchant: activate it in the Midtrans dashboard "
                    + "or hide this channel";
            case RATE_LIMITED -> "Midtrans asks to slow down: wait, then ask again";
            case USER_BLOCKED -> "the GoPay user is blocked: ask for another way to pay";
            default -> meaning;
        };
    }

    // --- transaction_status ---------------------------------------------------------------------------------------

    /**
     * The charge status of a verified status answer (research §1.4, [S11][S13]), compared case-insensitively:
     * <ul>
     * <li>PAID only when {@code status_code} is 200 AND {@code transaction_status} is settlement or capture AND
     *     {@code fraud_status} is absent or accept;</li>
     * <li>settlement/capture otherwise: capture with fraud "challenge" is PENDING, with "deny" CANCELLED; a
     *     settlement under another status_code is inconsistent: empty (no answer);</li>
     * <li>pending, authorize (card pre-auth) → PENDING; expire → EXPIRED; cancel, deny, failure → CANCELLED, but
     *     deny after a settlement ({@code settled}: the answer carries a settlement_time) → REVERSED;</li>
     * <li>refund, partial_refund, chargeback, partial_chargeback → REVERSED;</li>
     * <li>anything else: empty (no answer).</li>
     * </ul>
     */
    public static Optional<Charge.Status> chargeStatus(String statusCode, String transactionStatus,
            String fraudStatus, boolean settled) {
        if (transactionStatus == null) {
            return Optional.empty();
        }
        String status = transactionStatus.strip().toLowerCase(Locale.ROOT);
        String fraud = fraudStatus == null ? "" : fraudStatus.strip().toLowerCase(Locale.ROOT);
        boolean fraudOk = fraud.isEmpty() || fraud.equals("accept");
        return switch (status) {
            case "settlement", "capture" -> {
                if ("200".equals(statusCode) && fraudOk) {
                    yield Optional.of(Charge.Status.PAID);
                }
                if (fraud.equals("challenge")) {
                    yield Optional.of(Charge.Status.PENDING);
                }
                if (fraud.equals("deny")) {
                    yield Optional.of(Charge.Status.CANCELLED);
                }
                yield Optional.empty();
            }
            case "pending", "authorize" -> Optional.of(Charge.Status.PENDING);
            case "expire" -> Optional.of(Charge.Status.EXPIRED);
            case "cancel", "failure" -> Optional.of(Charge.Status.CANCELLED);
            case "deny" -> Optional.of(settled ? Charge.Status.REVERSED : Charge.Status.CANCELLED);
            case "refund", "partial_refund", "chargeback", "partial_chargeback" -> Optional.of(Charge.Status.REVERSED);
            default -> Optional.empty();
        };
    }
}
