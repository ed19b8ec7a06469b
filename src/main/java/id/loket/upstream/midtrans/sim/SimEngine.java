package id.loket.upstream.midtrans.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The simulator's state and the API's semantics, without HTTP: every method answers a {@link Reply} (HTTP status and
 * JSON body). One lock guards everything.
 */
final class SimEngine {

    /** An answer: the HTTP status and the body. */
    record Reply(int http, ObjectNode body) {}

    static final Set<String> PAYMENT_TYPES = Set.of("qris", "gopay", "bank_transfer", "permata", "echannel");
    static final Set<String> BANKS = Set.of("bca", "bni", "bri", "cimb", "permata");
    /** Allowed order id characters (Payment Link docs: dash, underscore, tilde, dot) [S15]. */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9\\-_~.]{1,50}");
    private static final Pattern LINK_ID = Pattern.compile("[a-z0-9-]{1,50}");
    static final String UNAUTHORIZED = "Transaction cannot be authorized with the current client/server key.";

    private final MidtransSimulatorOptions options;
    private final Supplier<String> baseUri;
    private final SecureRandom random = new SecureRandom();
    private final Object lock = new Object();
    private final Map<String, SimTransaction> byOrder = new LinkedHashMap<>();
    private final Map<String, SimTransaction> byTransaction = new HashMap<>();
    private final List<SimTransaction> history = new ArrayList<>();
    private final Map<String, SimLink> links = new LinkedHashMap<>();
    private final Map<String, Stored> idempotency = new HashMap<>();
    private int notFoundCount;

    private record Stored(Reply reply, Instant at) {}

    /** A payment link (Payment Link API). */
    private static final class SimLink {
        final String orderId;
        final String paymentLinkId;
        final long grossAmount;
        final int usageLimit;
        final Instant start;
        final long duration;
        final String unit;
        final Instant expiresAt;
        final JsonNode request;
        final List<String> purchases = new ArrayList<>();

        SimLink(String orderId, String paymentLinkId, long grossAmount, int usageLimit, Instant start, long duration,
                String unit, Instant expiresAt, JsonNode request) {
            this.orderId = orderId;
            this.paymentLinkId = paymentLinkId;
            this.grossAmount = grossAmount;
            this.usageLimit = usageLimit;
            this.start = start;
            this.duration = duration;
            this.unit = unit;
            this.expiresAt = expiresAt;
            this.request = request;
        }
    }

    SimEngine(MidtransSimulatorOptions options, Supplier<String> baseUri) {
        this.options = options;
        this.baseUri = baseUri;
    }

    private Instant now() {
        return options.clock().instant();
    }

    // ---- idempotency [S2]

    /**
     * Runs {@code action} unless {@code key} (≤ 46 chars; a longer one is ignored) holds a successful answer younger
     * than the TTL, which is then replayed whatever the body. Only successful answers are stored.
     */
    Reply idempotent(Optional<String> key, Supplier<Reply> action) {
        Optional<String> usable = key.filter(k -> !k.isBlank() && k.length() <= 46);
        synchronized (lock) {
            if (usable.isPresent()) {
                Stored stored = idempotency.get(usable.get());
                if (stored != null && now().isBefore(stored.at().plus(options.idempotencyTtl()))) {
                    return stored.reply();
                }
            }
            Reply reply = action.get();
            if (usable.isPresent() && successful(reply)) {
                idempotency.put(usable.get(), new Stored(reply, now()));
            }
            return reply;
        }
    }

    private static boolean successful(Reply reply) {
        if (reply.http() / 100 != 2) {
            return false;
        }
        JsonNode code = reply.body().get("status_code");
        return code == null || code.asText().startsWith("2");
    }

    // ---- Core API

    Reply charge(byte[] raw) {
        Optional<JsonNode> parsed = SimJson.parse(raw);
        if (parsed.isEmpty()) {
            return error(413, "413", "The request cannot be processed due to malformed syntax in the request body");
        }
        JsonNode body = parsed.get();
        List<String> problems = new ArrayList<>();
        String paymentType = SimJson.text(body, "payment_type").orElse(null);
        if (paymentType == null) {
            problems.add("payment_type is required");
        } else if (!PAYMENT_TYPES.contains(paymentType)) {
            problems.add("payment_type is not supported by this simulator: " + paymentType);
        }
        JsonNode details = body.get("transaction_details");
        String orderId = SimJson.text(details, "order_id").orElse(null);
        if (orderId == null) {
            problems.add("transaction_details.order_id is required");
        } else if (!ORDER_ID.matcher(orderId).matches()) {
            problems.add("transaction_details.order_id must be up to 50 letters, digits, - _ ~ .");
        }
        long gross = grossAmount(details, problems);
        String bank = null;
        if ("bank_transfer".equals(paymentType)) {
            bank = SimJson.text(body.get("bank_transfer"), "bank").map(b -> b.toLowerCase(Locale.ROOT)).orElse(null);
            if (bank == null) {
                problems.add("bank_transfer.bank is required");
            } else if (!BANKS.contains(bank)) {
                problems.add("bank_transfer.bank is not supported: " + bank);
            }
        }
        if ("echannel".equals(paymentType)) {
            JsonNode echannel = body.get("echannel");
            if (SimJson.text(echannel, "bill_info1").isEmpty() || SimJson.text(echannel, "bill_info2").isEmpty()) {
                problems.add("echannel.bill_info1 and echannel.bill_info2 are required");
            }
        }
        checkItems(body, gross, problems);
        if (!problems.isEmpty()) {
            return validation(problems);
        }
        if ("bank_transfer".equals(paymentType) && "permata".equals(bank)) {
            paymentType = "permata"; // both forms make a Permata VA [S5]
        }
        if (options.disabledPaymentTypes().contains(paymentType)) {
            return error(402, "402", "Payment channel is not activated.");
        }
        synchronized (lock) {
            SimTransaction existing = byOrder.get(orderId);
            if (existing != null) {
                existing.refresh(now());
                if (!existing.releasesOrderId()) {
                    ObjectNode conflict = SimJson.object();
                    conflict.put("status_code", "406");
                    conflict.put("status_message", "The request could not be completed due to a conflict with the "
                            + "current state of the target resource, please try again");
                    conflict.put("id", UUID.randomUUID().toString());
                    return new Reply(200, conflict); // the docs' sample is an HTTP 200 carrying 406 [S9]
                }
                existing.current = false;
            }
            Instant created = now();
            SimTransaction t = new SimTransaction(orderId, UUID.randomUUID().toString(), paymentType,
                    "permata".equals(paymentType) ? "permata" : bank, gross, created,
                    created.plus(lifetime(body, paymentType)), null);
            fill(t);
            store(t);
            return new Reply(200, chargeAnswer(t));
        }
    }

    private long grossAmount(JsonNode details, List<String> problems) {
        JsonNode gross = details == null ? null : details.get("gross_amount");
        if (gross == null || gross.isNull()) {
            problems.add("transaction_details.gross_amount is required");
            return 0;
        }
        if (!gross.isNumber() || !gross.canConvertToExactIntegral() || gross.asLong() <= 0) {
            problems.add("transaction_details.gross_amount must be a positive whole number");
            return 0;
        }
        return gross.asLong();
    }

    private static void checkItems(JsonNode body, long gross, List<String> problems) {
        JsonNode items = body.get("item_details");
        if (items == null || !items.isArray() || gross <= 0) {
            return;
        }
        long sum = 0;
        for (JsonNode item : items) {
            sum += item.path("price").asLong() * item.path("quantity").asLong();
        }
        if (sum != gross) {
            problems.add("transaction_details.gross_amount is not equal to the sum of item_details");
        }
    }

    /** custom_expiry when given, else the defaults: 15 min QRIS/GoPay [S4], 24 h VA [S25]. */
    private static Duration lifetime(JsonNode body, String paymentType) {
        JsonNode custom = body.get("custom_expiry");
        if (custom != null && custom.has("expiry_duration")) {
            long n = custom.get("expiry_duration").asLong();
            String unit = SimJson.text(custom, "unit").orElse("minute");
            if (n > 0) {
                return switch (unit) {
                    case "second" -> Duration.ofSeconds(n);
                    case "hour" -> Duration.ofHours(n);
                    case "day" -> Duration.ofDays(n);
                    default -> Duration.ofMinutes(n);
                };
            }
        }
        return paymentType.equals("qris") || paymentType.equals("gopay") ? Duration.ofMinutes(15)
                : Duration.ofHours(24);
    }

    private void fill(SimTransaction t) {
        switch (t.paymentType) {
            case "bank_transfer" -> t.vaNumber = switch (t.bank) {
                case "bca" -> digits(11);
                case "bni" -> "988" + digits(13);
                case "bri" -> digits(15);
                default -> digits(12); // cimb
            };
            case "permata" -> t.permataVaNumber = "8500" + digits(11);
            case "echannel" -> {
                t.billKey = digits(12);
                t.billerCode = "70012";
            }
            case "qris" -> t.qrString = Qris.dynamicPayload(options.merchantId(), t.transactionId, t.grossAmount);
            default -> {
                // gopay: the QR is behind the generate-qr-code action
            }
        }
    }

    private String digits(int n) {
        StringBuilder out = new StringBuilder(n);
        out.append(1 + random.nextInt(9));
        while (out.length() < n) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    private void store(SimTransaction t) {
        byOrder.put(t.orderId, t);
        byTransaction.put(t.transactionId, t);
        history.add(t);
    }

    private ObjectNode chargeAnswer(SimTransaction t) {
        String message = switch (t.paymentType) {
            case "qris" -> "QRIS transaction is created";
            case "gopay" -> "GoPay transaction is created";
            case "permata" -> "Success, PERMATA VA transaction is successful";
            case "echannel" -> "OK, Mandiri Bill transaction is successful";
            default -> "Success, Bank Transfer transaction is created";
        };
        ObjectNode node = t.common("201", message, options.merchantId());
        t.methodFields(node);
        String base = baseUri.get();
        switch (t.paymentType) {
            case "qris" -> {
                node.put("qr_string", t.qrString);
                node.put("expire_time", SimTransaction.wib(t.expiryTime));
                ArrayNode actions = node.putArray("actions");
                action(actions, "generate-qr-code", "GET", base + "/v2/qris/" + t.transactionId + "/qr-code");
                action(actions, "generate-qr-code-v2", "GET", base + "/v4/qris/" + t.transactionId + "/qr-code");
            }
            case "gopay" -> {
                node.put("expire_time", SimTransaction.wib(t.expiryTime));
                ArrayNode actions = node.putArray("actions");
                action(actions, "generate-qr-code", "GET", base + "/v2/gopay/" + t.transactionId + "/qr-code");
                action(actions, "deeplink-redirect", "GET",
                        "gojek://gopay/merchanttransfer?tref=" + t.transactionId + "&amount=" + t.grossAmount);
                action(actions, "get-status", "GET", base + "/v2/" + t.transactionId + "/status");
                action(actions, "cancel", "POST", base + "/v2/" + t.transactionId + "/cancel");
            }
            default -> node.put("expiry_time", SimTransaction.wib(t.expiryTime));
        }
        return node;
    }

    private static void action(ArrayNode actions, String name, String method, String url) {
        ObjectNode a = actions.addObject();
        a.put("name", name);
        a.put("method", method);
        a.put("url", url);
    }

    /** {@code GET /v2/{order_id|transaction_id}/status}; {@code forged}: claims settlement with a wrong signature. */
    Reply status(String id, boolean forged) {
        synchronized (lock) {
            SimTransaction t = find(id);
            if (t == null) {
                return notFound();
            }
            ObjectNode node = statusBody(t);
            if (forged) {
                node.put("status_code", "200");
                node.put("transaction_status", "settlement");
                node.put("settlement_time", SimTransaction.wib(now()));
                node.put("signature_key", signature(t.orderId, "200", t.grossAmountText(),
                        options.serverKey() + "-forged"));
            }
            return new Reply(200, node);
        }
    }

    private ObjectNode statusBody(SimTransaction t) {
        String code = t.statusCode();
        ObjectNode node = t.common(code, "Success, transaction is found", options.merchantId());
        node.put("signature_key", signature(t.orderId, code, t.grossAmountText(), options.serverKey()));
        node.put("expiry_time", SimTransaction.wib(t.expiryTime));
        if (t.settlementTime != null) {
            node.put("settlement_time", SimTransaction.wib(t.settlementTime));
        }
        if (t.status.equals("refund")) {
            node.put("refund_amount", t.grossAmountText());
        }
        t.methodFields(node);
        return node;
    }

    /** {@code POST /v2/{id}/cancel}: pending (or capture) → cancel; anything else 412 [S12]. */
    Reply cancel(String id) {
        synchronized (lock) {
            SimTransaction t = find(id);
            if (t == null) {
                return notFound();
            }
            if (!t.status.equals("pending") && !t.status.equals("capture")) {
                return cannotModify();
            }
            t.status = "cancel";
            return new Reply(200, t.common("200", "Success, transaction is canceled", options.merchantId()));
        }
    }

    /** {@code POST /v2/{id}/expire}: pending → expire (body 407 "Success, transaction has expired"). */
    Reply expire(String id) {
        synchronized (lock) {
            SimTransaction t = find(id);
            if (t == null) {
                return notFound();
            }
            if (!t.status.equals("pending")) {
                return cannotModify();
            }
            t.status = "expire";
            return new Reply(200, t.common("407", "Success, transaction has expired", options.merchantId()));
        }
    }

    private SimTransaction find(String id) {
        SimTransaction t = byOrder.get(id);
        if (t == null) {
            t = byTransaction.get(id);
        }
        if (t != null) {
            t.refresh(now());
        }
        return t;
    }

    private Reply notFound() {
        ObjectNode node = SimJson.object();
        node.put("status_code", "404");
        node.put("status_message", "Transaction doesn't exist.");
        node.put("id", UUID.randomUUID().toString());
        boolean http = switch (options.notFound()) {
            case HTTP_404 -> true;
            case BODY_404 -> false;
            case ALTERNATE -> notFoundCount++ % 2 == 1;
        };
        return new Reply(http ? 404 : 200, node);
    }

    private static Reply cannotModify() {
        return error(412, "412", "Merchant cannot modify the status of the transaction");
    }

    static Reply error(int http, String code, String message) {
        ObjectNode node = SimJson.object();
        node.put("status_code", code);
        node.put("status_message", message);
        node.put("id", UUID.randomUUID().toString());
        return new Reply(http, node);
    }

    private static Reply validation(List<String> problems) {
        Reply reply = error(400, "400", "One or more parameters in the payload is invalid.");
        ArrayNode messages = reply.body().putArray("validation_messages");
        problems.forEach(messages::add);
        return reply;
    }

    static Reply unauthorized() {
        return error(401, "401", UNAUTHORIZED);
    }

    // ---- Payment Link API [S15][S15b]

    Reply createLink(byte[] raw) {
        Optional<JsonNode> parsed = SimJson.parse(raw);
        if (parsed.isEmpty()) {
            return linkError(400, "The request body is not valid JSON");
        }
        JsonNode body = parsed.get();
        JsonNode details = body.get("transaction_details");
        List<String> problems = new ArrayList<>();
        String orderId = SimJson.text(details, "order_id").orElse(null);
        if (orderId == null) {
            problems.add("transaction_details.order_id is required");
        } else if (!ORDER_ID.matcher(orderId).matches()) {
            problems.add("transaction_details.order_id must be up to 50 letters, digits, - _ ~ .");
        }
        long gross = grossAmount(details, problems);
        String linkId = SimJson.text(details, "payment_link_id").orElse(null);
        if (linkId != null && !LINK_ID.matcher(linkId).matches()) {
            problems.add("transaction_details.payment_link_id allows only a-z, 0-9 and -");
        }
        int usageLimit = body.has("usage_limit") ? body.get("usage_limit").asInt(0) : 1;
        if (usageLimit < 1 || usageLimit > 1_000_000) {
            problems.add("usage_limit must be 1 to 1000000");
        }
        JsonNode expiry = body.get("expiry");
        long duration = 1;
        String unit = "day";
        Instant start = now();
        if (expiry != null) {
            duration = expiry.path("duration").asLong(0);
            unit = SimJson.text(expiry, "unit").orElse("").toLowerCase(Locale.ROOT);
            if (duration <= 0 || unitDuration(unit, 1) == null) {
                problems.add("expiry.duration and expiry.unit (day, hour, minute) are required");
            }
            Optional<String> startText = SimJson.text(expiry, "start_time");
            if (startText.isPresent()) {
                Optional<Instant> s = parseStart(startText.get());
                if (s.isEmpty()) {
                    problems.add("expiry.start_time must be yyyy-MM-dd HH:mm:ss Z");
                } else {
                    start = s.get();
                }
            }
        }
        checkItems(body, gross, problems);
        if (SimJson.text(body, "title").map(String::length).orElse(0) > 255) {
            problems.add("title is too long");
        }
        if (!problems.isEmpty()) {
            return linkError(400, problems.toArray(String[]::new));
        }
        synchronized (lock) {
            if (links.containsKey(orderId)) {
                return linkError(409, "The Order ID '" + orderId + "' has been taken");
            }
            String id = linkId != null ? linkId : UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            Duration lifetime = unitDuration(unit, duration);
            SimLink link = new SimLink(orderId, id, gross, usageLimit, start, duration, unit, start.plus(lifetime),
                    body);
            links.put(orderId, link);
            ObjectNode node = SimJson.object();
            node.put("order_id", orderId);
            node.put("payment_url", linkUrl(link));
            return new Reply(200, node);
        }
    }

    private static Duration unitDuration(String unit, long n) {
        return switch (unit) {
            case "minute", "minutes" -> Duration.ofMinutes(n);
            case "hour", "hours" -> Duration.ofHours(n);
            case "day", "days" -> Duration.ofDays(n);
            default -> null;
        };
    }

    private static Optional<Instant> parseStart(String text) {
        for (String pattern : List.of("yyyy-MM-dd HH:mm:ss Z", "yyyy-MM-dd HH:mm Z")) {
            try {
                return Optional.of(OffsetDateTime.parse(text.strip(), DateTimeFormatter.ofPattern(pattern, Locale.ROOT))
                        .toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                // the other pattern
            }
        }
        return Optional.empty();
    }

    private String linkUrl(SimLink link) {
        return baseUri.get() + "/payment-links/" + link.paymentLinkId;
    }

    /** {@code GET /v1/payment-links/{order_id}}: the details with {@code purchases[]} [S15b]. */
    Reply getLink(String orderId) {
        synchronized (lock) {
            SimLink link = links.get(orderId);
            if (link == null) {
                return linkError(404, "Payment Link with Order ID " + orderId + " not found");
            }
            ObjectNode node = SimJson.object();
            node.put("id", link.paymentLinkId);
            node.put("payment_link_url", linkUrl(link));
            node.put("order_id", link.orderId);
            node.put("merchant_id", options.merchantId());
            node.put("payment_link_id", link.paymentLinkId);
            JsonNode enabled = link.request.get("enabled_payments");
            if (enabled != null && enabled.isArray()) {
                node.set("enabled_payments", enabled.deepCopy());
            } else {
                node.putArray("enabled_payments");
            }
            node.put("usage_limit", link.usageLimit);
            node.put("gross_amount", link.grossAmount);
            node.put("expiry_start", OffsetDateTime.ofInstant(link.start, SimTransaction.WIB)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm Z", Locale.ROOT)));
            node.put("expiry_duration", link.duration);
            node.put("expiry_unit", link.unit);
            node.put("usage", (int) link.purchases.stream().map(byOrder::get)
                    .filter(t -> t != null && !t.releasesOrderId() && !t.status.equals("deny")).count());
            if (link.request.has("item_details")) {
                node.set("item_details", link.request.get("item_details").deepCopy());
            }
            if (link.request.has("customer_details")) {
                node.set("customer_details", link.request.get("customer_details").deepCopy());
            }
            ArrayNode purchases = node.putArray("purchases");
            for (String purchaseOrder : link.purchases) {
                SimTransaction t = byOrder.get(purchaseOrder);
                t.refresh(now());
                ObjectNode p = purchases.addObject();
                p.put("id", t.transactionId);
                p.put("snap_token", UUID.nameUUIDFromBytes(t.transactionId.getBytes(StandardCharsets.UTF_8))
                        .toString());
                p.put("order_id", t.orderId);
                p.put("payment_status", t.status.toUpperCase(Locale.ROOT));
                p.put("payment_method", t.paymentType);
                p.put("created_at", t.transactionTime.toString());
            }
            return new Reply(200, node);
        }
    }

    /** {@code DELETE /v1/payment-links/{order_id}}. */
    Reply deleteLink(String orderId) {
        synchronized (lock) {
            if (links.remove(orderId) == null) {
                return linkError(404, "Payment Link with Order ID " + orderId + " not found");
            }
            ObjectNode node = SimJson.object();
            node.put("message", "Payment Link with Order ID " + orderId + " deleted");
            return new Reply(200, node);
        }
    }

    static Reply linkError(int http, String... messages) {
        ObjectNode node = SimJson.object();
        ArrayNode list = node.putArray("error_messages");
        for (String m : messages) {
            list.add(m);
        }
        return new Reply(http, node);
    }

    /** The Payment Link API's 401: {@code error_messages} is a string there, not an array [S15]. */
    static Reply linkUnauthorized() {
        ObjectNode node = SimJson.object();
        node.put("error_messages", "Access denied due to unauthorized request");
        return new Reply(401, node);
    }

    // ---- test hooks

    /**
     * A customer opens the link and starts paying with {@code paymentType}: a purchase with its own order id
     * ({@code order_id-<epoch millis>}, docs "Order ID Structure"), settled at once when {@code settle}.
     */
    SimulatedCharge linkPurchase(String orderId, String paymentType, boolean settle) {
        synchronized (lock) {
            SimLink link = links.get(orderId);
            if (link == null) {
                throw new NoSuchElementException("No payment link " + orderId);
            }
            if (!now().isBefore(link.expiresAt)) {
                throw new IllegalStateException("The payment link " + orderId + " has expired");
            }
            long used = link.purchases.stream().map(byOrder::get)
                    .filter(t -> t != null && !t.releasesOrderId()).count();
            if (used >= link.usageLimit) {
                throw new IllegalStateException("The payment link " + orderId + " has no use left");
            }
            String type = PAYMENT_TYPES.contains(paymentType) ? paymentType : "qris";
            long stamp = now().toEpochMilli();
            String purchaseOrder = orderId + "-" + stamp;
            while (byOrder.containsKey(purchaseOrder)) {
                purchaseOrder = orderId + "-" + ++stamp;
            }
            Instant created = now();
            SimTransaction t = new SimTransaction(purchaseOrder, UUID.randomUUID().toString(), type,
                    type.equals("bank_transfer") ? "bca" : null, link.grossAmount, created,
                    created.plus(type.equals("qris") || type.equals("gopay") ? Duration.ofMinutes(15)
                            : Duration.ofHours(24)), orderId);
            fill(t);
            store(t);
            link.purchases.add(purchaseOrder);
            if (settle) {
                t.status = "settlement";
                t.settlementTime = created;
            }
            return t.snapshot();
        }
    }

    /** Moves a transaction from one of {@code from} to {@code to} (the admin hooks). */
    SimulatedCharge move(String orderId, Set<String> from, String to) {
        synchronized (lock) {
            SimTransaction t = find(orderId);
            if (t == null) {
                throw new NoSuchElementException("No transaction " + orderId);
            }
            if (!from.contains(t.status)) {
                throw new IllegalStateException("Transaction " + orderId + " is " + t.status + ", not " + from);
            }
            t.status = to;
            if (to.equals("settlement")) {
                t.settlementTime = now();
            }
            return t.snapshot();
        }
    }

    List<SimulatedCharge> charges() {
        synchronized (lock) {
            history.forEach(t -> t.refresh(now()));
            return history.stream().map(SimTransaction::snapshot).toList();
        }
    }

    /** The documented signature (research §1.6), computed here independently of any client. */
    static String signature(String orderId, String statusCode, String grossAmount, String serverKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512")
                    .digest((orderId + statusCode + grossAmount + serverKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
