package id.loket.upstream.house;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.billing.Charge;
import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayError;
import id.loket.billing.Inquiry;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.billing.PaymentResult;
import id.loket.billing.SettlementSummary;
import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.Product;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the protocol's JSON answers (docs/gateway-api.md, docs/gateway-client.md) into the port's types. Strict
 * about what money and identity hang on (amounts are JSON integers, ids present, the answer is about what was
 * asked), lenient about what the gateway may add (unknown fields, new biller categories).
 */
final class Answers {

    private static final Logger LOG = LoggerFactory.getLogger(Answers.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,64}");

    private Answers() {}

    static List<Biller> billers(JsonNode root) throws MalformedAnswerException {
        JsonNode list = array(root, "billers");
        List<Biller> billers = new ArrayList<>();
        for (JsonNode b : list) {
            requireObject(b, "billers[]");
            String code = text(b, "code");
            String kindText = text(b, "kind");
            Optional<BillerKind> kind = parseEnum(BillerKind.class, kindText);
            if (kind.isEmpty()) {
                // A kind this version cannot take payments for: leave it out rather than refuse the whole catalog.
                LOG.warn("Biller {} has kind {}, unknown to this version; it is left out of the catalog", code,
                        kindText);
                continue;
            }
            JsonNode reference = object(b, "reference");
            List<Product> products = new ArrayList<>();
            JsonNode productList = b.get("products");
            if (productList != null && !productList.isNull()) {
                if (!productList.isArray()) {
                    throw new MalformedAnswerException("'products' of biller " + code + " is not a list");
                }
                for (JsonNode p : productList) {
                    requireObject(p, "products[]");
                    products.add(new Product(text(p, "code"), text(p, "name"), nonNegativeMoney(p, "price")));
                }
            }
            try {
                billers.add(new Biller(code, BillerCategory.parse(text(b, "category")), text(b, "name"), kind.get(),
                        text(reference, "label"), text(reference, "pattern"), nonNegativeMoney(b, "admin_fee"),
                        products));
            } catch (IllegalArgumentException e) {
                throw new MalformedAnswerException("biller " + code + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(billers);
    }

    static Inquiry inquiry(JsonNode root) throws MalformedAnswerException {
        Money amount = nonNegativeMoney(root, "amount");
        Money adminFee = nonNegativeMoney(root, "admin_fee");
        Money total = nonNegativeMoney(root, "total");
        Money sum;
        try {
            sum = amount.plus(adminFee);
        } catch (ArithmeticException e) {
            throw new MalformedAnswerException("amount + admin_fee overflows", e);
        }
        if (!sum.equals(total)) {
            // The customer is shown `total` and the payment must carry it: a total that is not bill + fee is a
            // gateway fault the counter must not pass on.
            throw new MalformedAnswerException("total " + total.rupiah() + " is not amount " + amount.rupiah()
                    + " + admin_fee " + adminFee.rupiah());
        }
        Map<String, String> details = new LinkedHashMap<>();
        JsonNode d = root.get("details");
        if (d != null && !d.isNull()) {
            requireObject(d, "details");
            for (Map.Entry<String, JsonNode> e : d.properties()) {
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    continue;
                }
                details.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        }
        return new Inquiry(text(root, "inquiry_id"), text(root, "biller"), text(root, "reference"),
                text(root, "customer_name"), amount, adminFee, total, details, instant(root, "expires_at"));
    }

    /** A payment answer; it must be about {@code expectedClientRef}, or it answers some other question. */
    static PaymentResult payment(JsonNode root, String expectedClientRef) throws MalformedAnswerException {
        String clientRef = text(root, "client_ref");
        if (!clientRef.equals(expectedClientRef)) {
            throw new MalformedAnswerException("the answer is about another client_ref");
        }
        PaymentResult.Status status = parseEnum(PaymentResult.Status.class, text(root, "status"))
                .orElseThrow(() -> new MalformedAnswerException("'status' is not SUCCESS, PENDING or FAILED"));
        return new PaymentResult(text(root, "payment_id"), clientRef, status, text(root, "rc"),
                optionalText(root, "message").orElse(""), optionalText(root, "biller_ref"),
                optionalText(root, "token"), optionalScalar(root, "kwh"), optionalInstant(root, "paid_at"),
                optionalMoney(root, "deposit_balance"));
    }

    /**
     * A charge answer. {@code client_ref}, {@code method} and {@code amount} are read when the gateway echoes them
     * and otherwise taken from {@code asked} (the request that created it); when both are there they must agree.
     */
    static Charge charge(JsonNode root, Optional<ChargeEcho> asked) throws MalformedAnswerException {
        Optional<String> clientRef = optionalText(root, "client_ref");
        Optional<String> methodText = optionalText(root, "method");
        Optional<Money> amount = optionalMoney(root, "amount");
        Optional<PaymentMethod> method = Optional.empty();
        if (methodText.isPresent()) {
            method = Optional.of(parseEnum(PaymentMethod.class, methodText.get())
                    .orElseThrow(() -> new MalformedAnswerException("'method' is not a payment method")));
        }
        if (asked.isPresent()) {
            ChargeEcho a = asked.get();
            if (clientRef.isPresent() && !clientRef.get().equals(a.clientRef())
                    || method.isPresent() && method.get() != a.method()
                    || amount.isPresent() && !amount.get().equals(a.amount())) {
                throw new MalformedAnswerException("the charge answer is not about the charge that was asked for");
            }
            clientRef = Optional.of(a.clientRef());
            method = Optional.of(a.method());
            amount = Optional.of(a.amount());
        }
        Charge.Status status = parseEnum(Charge.Status.class, text(root, "status"))
                .orElseThrow(() -> new MalformedAnswerException("'status' is not PENDING, PAID or EXPIRED"));
        return new Charge(text(root, "charge_id"),
                clientRef.orElseThrow(() -> missing("client_ref")),
                method.orElseThrow(() -> missing("method")),
                amount.orElseThrow(() -> missing("amount")),
                status, optionalText(root, "qr_string"), optionalText(root, "va_number"),
                optionalText(root, "payment_url"), instant(root, "expires_at"));
    }

    /** What a charge was created with, to check (and fill in) the gateway's answer. */
    record ChargeEcho(String clientRef, PaymentMethod method, Money amount) {}

    static DepositBalance balance(JsonNode root) throws MalformedAnswerException {
        return new DepositBalance(money(root, "balance"), instant(root, "as_of"));
    }

    static SettlementSummary settlementSummary(JsonNode root, LocalDate expectedDay) throws MalformedAnswerException {
        LocalDate date;
        try {
            date = LocalDate.parse(text(root, "date"));
        } catch (DateTimeParseException e) {
            throw new MalformedAnswerException("'date' is not a yyyy-mm-dd date", e);
        }
        if (!date.equals(expectedDay)) {
            throw new MalformedAnswerException("the summary is of " + date + ", not of " + expectedDay);
        }
        String sha = text(root, "file_sha256");
        if (!SHA256_HEX.matcher(sha).matches()) {
            throw new MalformedAnswerException("'file_sha256' is not 64 hex digits");
        }
        return new SettlementSummary(date, nonNegativeLong(root, "count"), money(root, "total_amount"),
                money(root, "total_admin_fee"), money(root, "opening_balance"), money(root, "closing_balance"),
                sha.toLowerCase(Locale.ROOT));
    }

    static OtpChallenge otpChallenge(JsonNode root) throws MalformedAnswerException {
        return new OtpChallenge(text(root, "otp_id"), instant(root, "expires_at"));
    }

    static OtpVerification otpVerification(JsonNode root) throws MalformedAnswerException {
        JsonNode verified = root.get("verified");
        if (verified == null || !verified.isBoolean()) {
            throw new MalformedAnswerException("'verified' is missing or not true/false");
        }
        JsonNode left = root.get("attempts_left");
        int attemptsLeft;
        if (left == null || left.isNull()) {
            if (!verified.booleanValue()) {
                throw missing("attempts_left");
            }
            attemptsLeft = 0;
        } else if (left.isIntegralNumber() && left.canConvertToInt() && left.intValue() >= 0) {
            attemptsLeft = left.intValue();
        } else {
            throw new MalformedAnswerException("'attempts_left' is not a whole number >= 0");
        }
        return new OtpVerification(verified.booleanValue(), attemptsLeft);
    }

    /** {@code {"error": {"code": …, "message": …}}}; a code this version does not know is carried as it is. */
    static GatewayError error(int status, JsonNode root) throws MalformedAnswerException {
        JsonNode error = object(root, "error");
        return new GatewayError(status, text(error, "code"), optionalText(error, "message").orElse(""));
    }

    /** The error code of an answer, if it has a well-formed one; for log lines and reasons, never trusted. */
    static Optional<String> errorCodeOf(JsonNode root) {
        JsonNode code = root.path("error").path("code");
        return code.isTextual() && CODE.matcher(code.textValue()).matches()
                ? Optional.of(code.textValue())
                : Optional.empty();
    }

    // --- fields -------------------------------------------------------------------------------------------------

    private static JsonNode required(JsonNode obj, String field) throws MalformedAnswerException {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            throw missing(field);
        }
        return n;
    }

    private static MalformedAnswerException missing(String field) {
        return new MalformedAnswerException("'" + field + "' is missing");
    }

    private static void requireObject(JsonNode n, String what) throws MalformedAnswerException {
        if (!n.isObject()) {
            throw new MalformedAnswerException("'" + what + "' is not an object");
        }
    }

    private static JsonNode object(JsonNode obj, String field) throws MalformedAnswerException {
        JsonNode n = required(obj, field);
        requireObject(n, field);
        return n;
    }

    private static JsonNode array(JsonNode obj, String field) throws MalformedAnswerException {
        JsonNode n = required(obj, field);
        if (!n.isArray()) {
            throw new MalformedAnswerException("'" + field + "' is not a list");
        }
        return n;
    }

    private static String text(JsonNode obj, String field) throws MalformedAnswerException {
        JsonNode n = required(obj, field);
        if (!n.isTextual() || n.textValue().isBlank()) {
            throw new MalformedAnswerException("'" + field + "' is not a non-empty string");
        }
        return n.textValue();
    }

    private static Optional<String> optionalText(JsonNode obj, String field) throws MalformedAnswerException {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw new MalformedAnswerException("'" + field + "' is not a string");
        }
        return Optional.of(n.textValue());
    }

    /** A display value the gateway may send as a string or a number ({@code "kwh": "32.5"} or {@code 32.5}). */
    private static Optional<String> optionalScalar(JsonNode obj, String field) throws MalformedAnswerException {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isTextual() || n.isNumber()) {
            return Optional.of(n.asText());
        }
        throw new MalformedAnswerException("'" + field + "' is not a string or a number");
    }

    /**
     * Money is a JSON integer number of rupiah. 152500.0, 1.5e5, "152500" or a number beyond a long are all
     * refused: rounding or guessing an amount is worse than having no answer.
     */
    private static Money money(JsonNode obj, String field) throws MalformedAnswerException {
        return moneyOf(required(obj, field), field);
    }

    private static Money moneyOf(JsonNode n, String field) throws MalformedAnswerException {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new MalformedAnswerException("'" + field + "' is not a whole number of rupiah");
        }
        return Money.of(n.longValue());
    }

    private static Money nonNegativeMoney(JsonNode obj, String field) throws MalformedAnswerException {
        Money m = money(obj, field);
        if (m.isNegative()) {
            throw new MalformedAnswerException("'" + field + "' is negative");
        }
        return m;
    }

    private static Optional<Money> optionalMoney(JsonNode obj, String field) throws MalformedAnswerException {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        return Optional.of(moneyOf(n, field));
    }

    private static long nonNegativeLong(JsonNode obj, String field) throws MalformedAnswerException {
        JsonNode n = required(obj, field);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw new MalformedAnswerException("'" + field + "' is not a whole number >= 0");
        }
        return n.longValue();
    }

    private static Instant instant(JsonNode obj, String field) throws MalformedAnswerException {
        return instantOf(text(obj, field), field);
    }

    private static Optional<Instant> optionalInstant(JsonNode obj, String field) throws MalformedAnswerException {
        Optional<String> t = optionalText(obj, field);
        return t.isEmpty() ? Optional.empty() : Optional.of(instantOf(t.get(), field));
    }

    /** RFC 3339: a date-time with an offset ({@code Z} or {@code +07:00}); a local time would be ambiguous. */
    static Instant instantOf(String text, String field) throws MalformedAnswerException {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedAnswerException("'" + field + "' is not an RFC 3339 time with offset", e);
        }
    }

    private static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
