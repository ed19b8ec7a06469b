package id.loket.upstream.midtrans;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.NetworkInfo;
import id.loket.billing.PaymentAcceptance;
import id.loket.core.ChargeChannel;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.upstream.Sleeper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment-acceptance port over the Midtrans Core API and Payment Link API (research payments-messaging.md §1).
 * The charge id IS the Midtrans {@code order_id} (the payment's client_ref); one customer payment never gets a
 * second order id.
 *
 * <h2>Creating a charge (§1.8, the charge-timeout algorithm)</h2>
 * The charge goes out with an {@link IdempotencyKey} derived from the order id and an attempt number. A lost answer
 * (connection failure, timeout, a 5xx or 409 body, HTTP 202 "still in flight", a body that is not JSON or has no
 * {@code status_code}) is re-sent, identical and with the same key, up to {@value #RESENDS} more times after a short
 * back-off: Midtrans replays its stored answer (with the QR string) for 5 minutes. Still unknown, or 406 (order id
 * taken), the adapter reads {@code GET /v2/{order_id}/status}:
 * <ul>
 * <li>404: nothing exists: charge again, the same order id with the next attempt's key;</li>
 * <li>a pending charge whose QR (or GoPay link) the status cannot give (the status carries no {@code qr_string},
 *     §1.4): cancel it, then charge the SAME order id again with the next key (after a cancel Midtrans accepts the
 *     order id again [S4][S17]). The research suggested a new order id ("…-r2"); the brief and the port forbid a
 *     second order id, and the docs allow the reuse, so the order id stays;</li>
 * <li>anything else found (a VA with its number, a paid, expired or cancelled charge): that is the answer;</li>
 * <li>no answer: no answer (the caller asks {@link #findCharge} later).</li>
 * </ul>
 *
 * <h2>Status</h2>
 * Every status answer must carry a {@code signature_key} that {@link Signature} verifies, else it is no answer
 * (logged as a warning), never PAID. PAID only per {@link ResponseCode#chargeStatus}. An unknown order comes as HTTP
 * 200 with body {@code "404"} or as a real HTTP 404: both are {@link GatewayError#CHARGE_NOT_FOUND}. The status has
 * no QR string, so a charge read by {@link #charge} carries only what the status has (VA number, bill key, biller
 * code).
 *
 * <h2>Payment links (§1.9)</h2>
 * {@code POST /v1/payment-links} gives the link ({@code payment_url}). A link's payment is observed with
 * {@code GET /v1/payment-links/{order_id}} ("Get Payment Link Details", docs.midtrans.com reference
 * get-payment-link-details, [S15b]; the midtrans-nodejs-client's {@code Core.paymentLink.get} calls the same path):
 * its {@code purchases[]} each carry their own derived {@code order_id} ("order_id-{timestamp}", docs "Order ID
 * Structure") and a {@code payment_status}. The link details are not signed, so a purchase that says settled is
 * verified with the signed {@code GET /v2/{purchase order_id}/status} before the link is PAID (inference from §1.6:
 * PAID only on a verified answer). {@link #charge} tries the link when {@code /v2/{id}/status} says 404 (a link's own
 * order id never has a Core transaction). The Payment Link API answers carry no {@code status_code} (documented
 * bodies: {@code {order_id, payment_url}} and {@code {"error_messages": ...}}), so for it alone the HTTP status is
 * the code. Cancel deletes the link ({@code DELETE /v1/payment-links/{order_id}}) and cancels a pending purchase.
 *
 * <p>Thread-safe (stateless apart from the immutable client); calls block.
 */
public final class MidtransAcceptance implements PaymentAcceptance {

    /** QRIS and GoPay expire after 15 minutes unless told otherwise [S4]. */
    public static final Duration QR_DEFAULT_EXPIRY = Duration.ofMinutes(15);
    /** Virtual accounts and Mandiri bills after 24 hours [S25]. */
    public static final Duration VA_DEFAULT_EXPIRY = Duration.ofHours(24);
    /** How long a payment link Loket creates stays open (Loket's choice: a day to pay a link sent by WhatsApp). */
    public static final Duration LINK_EXPIRY = Duration.ofHours(24);
    /** Midtrans timestamps are GMT+7 [S3]. */
    static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** Re-sends of an unanswered charge with the same key. */
    static final int RESENDS = 2;
    /** Charges of one order id in one call (each after a cancel or a 404). */
    static final int MAX_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(MidtransAcceptance.class);
    private static final Set<String> SETTLED = Set.of("settlement", "capture");

    private final MidtransClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration backoff;

    public MidtransAcceptance(MidtransClient client, Clock clock) {
        this(client, clock, Sleeper.SYSTEM, Duration.ofSeconds(1));
    }

    /** @param backoff the wait before the first re-send; the second waits twice as long */
    public MidtransAcceptance(MidtransClient client, Clock clock, Sleeper sleeper, Duration backoff) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    @Override
    public NetworkInfo acceptanceInfo() {
        return new NetworkInfo("midtrans", "Midtrans",
                client.isSandbox() ? NetworkInfo.Mode.TESTING : NetworkInfo.Mode.LIVE, false, false);
    }

    @Override
    public Set<ChargeChannel> channels() {
        return EnumSet.allOf(ChargeChannel.class);
    }

    /**
     * Settings' "Test connection": asks the status of an order id that cannot exist. 404 (either form) means the
     * key was accepted; 401 that it was not.
     */
    public static GatewayResult<String> testKey(MidtransClient client) {
        String orderId = "loket-connection-test-" + UUID.randomUUID().toString().substring(0, 8);
        MidtransClient.Reply reply = client.get("/v2/" + orderId + "/status");
        String mode = client.isSandbox() ? "sandbox" : "production";
        if (!(reply instanceof MidtransClient.Reply.Received r)) {
            return new GatewayResult.NoAnswer<>(((MidtransClient.Reply.Lost) reply).reason());
        }
        if (r.statusCode().isEmpty()) {
            return new GatewayResult.NoAnswer<>("HTTP " + r.httpStatus() + " without a status_code");
        }
        String code = r.statusCode().get();
        if (code.equals("404")) {
            return new GatewayResult.Answer<>("accepted (" + mode + ")");
        }
        if (code.equals("401")) {
            return new GatewayResult.Refused<>(new GatewayError(r.httpStatus(), GatewayError.WRONG_KEY,
                    ResponseCode.UNAUTHORIZED.hint()));
        }
        return new GatewayResult.NoAnswer<>("unexpected answer to the key test: HTTP " + r.httpStatus()
                + ", status_code " + r.statusCode().orElse("-"));
    }

    // --- create ---------------------------------------------------------------------------------------------------

    @Override
    public GatewayResult<Charge> createCharge(ChargeRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.channel() == ChargeChannel.LINK) {
            return createLink(request);
        }
        String orderId = request.clientRef();
        byte[] body = ChargeBodies.charge(request);
        Optional<String> cancelledTransaction = Optional.empty();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            MidtransClient.Reply reply = sendWithResends("/v2/charge", body, IdempotencyKey.of(orderId, attempt));
            if (reply instanceof MidtransClient.Reply.Received r) {
                Optional<ResponseCode> code = ResponseCode.of(r.statusCode().orElse(null));
                if (code.isPresent()) {
                    ResponseCode c = code.get();
                    switch (c.kind()) {
                        case PENDING -> {
                            Optional<String> tx = r.text("transaction_id");
                            if (cancelledTransaction.isPresent() && tx.equals(cancelledTransaction)) {
                                // A replay of the charge just cancelled: take the next key.
                                continue;
                            }
                            Optional<Charge> charge = fromChargeAnswer(request, r.body());
                            if (charge.isPresent()) {
                                return new GatewayResult.Answer<>(charge.get());
                            }
                            LOG.warn("Midtrans charge {}: the pending answer was unreadable; reading its status",
                                    orderId);
                        }
                        case REFUSED, RATE_LIMITED -> {
                            return refused(c, r);
                        }
                        default -> {
                            // 406 duplicate, a settled/closed charge answer (unsigned), 404, 407, 412, 5xx:
                            // the signed status says what exists.
                        }
                    }
                }
            }
            GatewayResult<Parsed> found = status(orderId, Optional.of(request.channel()));
            if (found instanceof GatewayResult.Refused<Parsed> refused) {
                if (refused.error().is(GatewayError.CHARGE_NOT_FOUND)) {
                    continue; // nothing exists: charge again, same order id, next key
                }
                return new GatewayResult.Refused<>(refused.error());
            }
            if (found instanceof GatewayResult.NoAnswer<Parsed> none) {
                return new GatewayResult.NoAnswer<>("the charge of " + orderId + " is unknown: " + none.reason()
                        + "; ask again with findCharge");
            }
            Parsed existing = ((GatewayResult.Answer<Parsed>) found).value();
            if (existing.charge().status() != Charge.Status.PENDING || showable(existing.charge(), request.channel())) {
                return new GatewayResult.Answer<>(existing.charge());
            }
            LOG.info("Midtrans charge {} is pending but its QR is unknown: cancelling it to charge it again",
                    orderId);
            GatewayResult<Parsed> cancelled = cancel(orderId, Optional.of(request.channel()));
            if (!(cancelled instanceof GatewayResult.Answer<Parsed> c)) {
                return new GatewayResult.NoAnswer<>("the charge of " + orderId + " is pending without its QR and "
                        + "could not be cancelled: " + describe(cancelled));
            }
            if (c.value().charge().status() == Charge.Status.CANCELLED) {
                cancelledTransaction = existing.transactionId();
                continue;
            }
            return new GatewayResult.Answer<>(c.value().charge()); // paid before the cancel, or expired
        }
        return new GatewayResult.NoAnswer<>("no charge of " + orderId + " could be made after " + MAX_ATTEMPTS
                + " attempts; ask again with findCharge");
    }

    /** Whether a pending charge read from the status has what the customer needs to pay it. */
    private static boolean showable(Charge charge, ChargeChannel channel) {
        return switch (channel) {
            case QRIS -> charge.qrString().isPresent();
            case GOPAY -> charge.qrString().isPresent() || charge.paymentUrl().isPresent();
            case VA_BCA, VA_BNI, VA_BRI, VA_PERMATA -> charge.vaNumber().isPresent();
            case MANDIRI_BILL -> charge.vaNumber().isPresent() && charge.billerCode().isPresent();
            case LINK -> charge.paymentUrl().isPresent();
        };
    }

    /** A POST re-sent with the same body and key while its answer is lost (at most {@link #RESENDS} times). */
    private MidtransClient.Reply sendWithResends(String path, byte[] body, String key) {
        MidtransClient.Reply reply = client.post(path, body, Optional.of(key));
        for (int resend = 1; resend <= RESENDS && lost(reply); resend++) {
            try {
                sleeper.sleep(backoff.multipliedBy(resend));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
            LOG.info("Midtrans POST {}: re-sending with the same idempotency key (re-send {})", path, resend);
            reply = client.post(path, body, Optional.of(key));
        }
        return reply;
    }

    /** Whether an answer leaves the outcome unknown: nothing, not JSON, no known code, 5xx/409, HTTP 202. */
    private static boolean lost(MidtransClient.Reply reply) {
        if (!(reply instanceof MidtransClient.Reply.Received r)) {
            return true;
        }
        if (r.httpStatus() == 202) {
            return true; // the same idempotency key still in flight [S2]
        }
        if (r.statusCode().isEmpty()) {
            // The Payment Link API has no status_code: its HTTP status tells (5xx lost).
            return r.httpStatus() >= 500 || !r.body().has("payment_url") && !r.body().has("error_messages");
        }
        Optional<ResponseCode> code = ResponseCode.of(r.statusCode().get());
        return code.isEmpty() || code.get().kind() == ResponseCode.Kind.UNAVAILABLE;
    }

    // --- status ---------------------------------------------------------------------------------------------------

    @Override
    public GatewayResult<Charge> charge(String chargeId) {
        Objects.requireNonNull(chargeId, "chargeId");
        GatewayResult<Parsed> found = status(chargeId, Optional.empty());
        if (found instanceof GatewayResult.Refused<Parsed> r && r.error().is(GatewayError.CHARGE_NOT_FOUND)) {
            return linkStatus(chargeId);
        }
        return toCharge(found);
    }

    @Override
    public GatewayResult<Charge> findCharge(ChargeRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.channel() == ChargeChannel.LINK) {
            return linkStatus(request.clientRef());
        }
        return toCharge(status(request.clientRef(), Optional.of(request.channel())));
    }

    /** {@code GET /v2/{order_id}/status}, verified. */
    private GatewayResult<Parsed> status(String orderId, Optional<ChargeChannel> channel) {
        MidtransClient.Reply reply = client.get("/v2/" + encode(orderId) + "/status");
        if (!(reply instanceof MidtransClient.Reply.Received r)) {
            return new GatewayResult.NoAnswer<>(((MidtransClient.Reply.Lost) reply).reason());
        }
        if (r.statusCode().isEmpty()) {
            return new GatewayResult.NoAnswer<>("HTTP " + r.httpStatus() + " without a status_code");
        }
        Optional<ResponseCode> code = ResponseCode.of(r.statusCode().get());
        if (code.isEmpty()) {
            return new GatewayResult.NoAnswer<>("an unknown status_code " + r.statusCode().get());
        }
        ResponseCode c = code.get();
        return switch (c.kind()) {
            case SUCCESS, PENDING, CLOSED, EXPIRED -> verified(orderId, r, c, channel);
            case NOT_FOUND -> new GatewayResult.Refused<>(new GatewayError(r.httpStatus(),
                    GatewayError.CHARGE_NOT_FOUND, "Midtrans has no transaction " + orderId));
            case REFUSED, RATE_LIMITED -> refused(c, r);
            case UNAVAILABLE, DUPLICATE_ORDER, CANNOT_MODIFY -> new GatewayResult.NoAnswer<>(
                    "status_code " + c.code() + " (" + c.meaning() + ")");
        };
    }

    /** A status body as a charge: about {@code orderId}, signed, with a known state, amount and method. */
    private GatewayResult<Parsed> verified(String orderId, MidtransClient.Reply.Received r, ResponseCode code,
            Optional<ChargeChannel> channel) {
        JsonNode body = r.body();
        Optional<String> answeredOrder = r.text("order_id");
        if (answeredOrder.isEmpty() || !answeredOrder.get().equals(orderId)) {
            return new GatewayResult.NoAnswer<>("a status answer about another order ("
                    + answeredOrder.orElse("none") + ")");
        }
        String grossAmount = r.text("gross_amount").orElse(null);
        if (!client.signatureMatches(orderId, r.statusCode().orElseThrow(), grossAmount,
                r.text("signature_key").orElse(null))) {
            LOG.warn("Midtrans status of {}: signature_key missing or wrong (status_code {}); not trusted",
                    orderId, r.statusCode().orElseThrow());
            return new GatewayResult.NoAnswer<>("the status answer's signature_key is missing or wrong");
        }
        Optional<Charge.Status> status = ResponseCode.chargeStatus(code.code(),
                r.text("transaction_status").orElse(null), r.text("fraud_status").orElse(null),
                r.text("settlement_time").isPresent());
        if (code.kind() == ResponseCode.Kind.EXPIRED && status.isEmpty()) {
            status = Optional.of(Charge.Status.EXPIRED);
        }
        if (status.isEmpty()) {
            return new GatewayResult.NoAnswer<>("status_code " + code.code() + " with transaction_status "
                    + r.text("transaction_status").orElse("none") + " fraud_status "
                    + r.text("fraud_status").orElse("none"));
        }
        Optional<Money> amount = amount(body.get("gross_amount"));
        Optional<PaymentMethod> method = channel.map(ChargeChannel::method)
                .or(() -> methodOf(r.text("payment_type").orElse("")));
        if (amount.isEmpty() || method.isEmpty()) {
            return new GatewayResult.NoAnswer<>("a status answer without a whole gross_amount or a known "
                    + "payment_type");
        }
        String paymentType = r.text("payment_type").orElse("");
        Charge charge = new Charge(orderId, orderId, method.get(), amount.get(), status.get(), r.text("qr_string"),
                vaNumber(body), r.text("biller_code"), Optional.empty(), expiresAt(body, paymentType));
        return new GatewayResult.Answer<>(new Parsed(charge, r.text("transaction_id")));
    }

    // --- cancel ---------------------------------------------------------------------------------------------------

    @Override
    public GatewayResult<Charge> cancelCharge(String chargeId) {
        Objects.requireNonNull(chargeId, "chargeId");
        GatewayResult<Parsed> result = cancel(chargeId, Optional.empty());
        if (result instanceof GatewayResult.Refused<Parsed> r && r.error().is(GatewayError.CHARGE_NOT_FOUND)) {
            return cancelLink(chargeId);
        }
        return toCharge(result);
    }

    /**
     * {@code POST /v2/{id}/cancel}, then the signed status: 200 → the status (CANCELLED, or PAID when a payment won
     * the race); 412 (cannot modify, e.g. settled) and 407 (expired) → the status as it is.
     */
    private GatewayResult<Parsed> cancel(String orderId, Optional<ChargeChannel> channel) {
        MidtransClient.Reply reply = client.post("/v2/" + encode(orderId) + "/cancel", null, Optional.empty());
        if (!(reply instanceof MidtransClient.Reply.Received r)) {
            return new GatewayResult.NoAnswer<>("the cancel was not answered: " + ((MidtransClient.Reply.Lost) reply)
                    .reason());
        }
        Optional<ResponseCode> code = ResponseCode.of(r.statusCode().orElse(null));
        if (code.isEmpty()) {
            return new GatewayResult.NoAnswer<>("the cancel's answer has no known status_code (HTTP "
                    + r.httpStatus() + ")");
        }
        ResponseCode c = code.get();
        return switch (c.kind()) {
            case SUCCESS -> {
                GatewayResult<Parsed> after = status(orderId, channel);
                yield after instanceof GatewayResult.NoAnswer<Parsed> ? cancelledFrom(orderId, r, channel)
                        .<GatewayResult<Parsed>>map(GatewayResult.Answer::new).orElse(after) : after;
            }
            case CLOSED, CANNOT_MODIFY, EXPIRED -> status(orderId, channel);
            case NOT_FOUND -> new GatewayResult.Refused<>(new GatewayError(r.httpStatus(),
                    GatewayError.CHARGE_NOT_FOUND, "Midtrans has no transaction " + orderId));
            case REFUSED, RATE_LIMITED -> refused(c, r);
            case PENDING, DUPLICATE_ORDER, UNAVAILABLE -> new GatewayResult.NoAnswer<>("the cancel answered "
                    + c.code() + " (" + c.meaning() + ")");
        };
    }

    /**
     * A successful cancel's own answer as a CANCELLED charge, for when the status cannot be read right after it: a
     * cancel succeeds only on a charge nobody paid, so this unsigned answer can only say "no money was taken".
     */
    private Optional<Parsed> cancelledFrom(String orderId, MidtransClient.Reply.Received r,
            Optional<ChargeChannel> channel) {
        Optional<Money> amount = amount(r.body().get("gross_amount"));
        Optional<PaymentMethod> method = channel.map(ChargeChannel::method)
                .or(() -> methodOf(r.text("payment_type").orElse("")));
        if (!r.text("order_id").equals(Optional.of(orderId)) || amount.isEmpty() || method.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(new Charge(orderId, orderId, method.get(), amount.get(),
                Charge.Status.CANCELLED, Optional.empty(), vaNumber(r.body()), r.text("biller_code"),
                Optional.empty(), expiresAt(r.body(), r.text("payment_type").orElse(""))),
                r.text("transaction_id")));
    }

    // --- payment links --------------------------------------------------------------------------------------------

    private GatewayResult<Charge> createLink(ChargeRequest request) {
        String orderId = request.clientRef();
        byte[] body = ChargeBodies.paymentLink(request, LINK_EXPIRY);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant sentAt = clock.instant();
            MidtransClient.Reply reply = sendWithResends("/v1/payment-links", body,
                    IdempotencyKey.of(orderId, attempt));
            if (reply instanceof MidtransClient.Reply.Received r && !lost(reply)) {
                int http = r.httpStatus();
                Optional<String> url = r.text("payment_url");
                if (http / 100 == 2 && url.isPresent()) {
                    return new GatewayResult.Answer<>(new Charge(orderId, orderId, PaymentMethod.PAYMENT_LINK,
                            request.amount(), Charge.Status.PENDING, Optional.empty(), Optional.empty(), url,
                            sentAt.plus(LINK_EXPIRY)));
                }
                String message = errorMessages(r.body());
                switch (http) {
                    case 401 -> {
                        return new GatewayResult.Refused<>(new GatewayError(401, GatewayError.WRONG_KEY,
                                ResponseCode.UNAUTHORIZED.hint() + " (" + message + ")"));
                    }
                    case 400, 413 -> {
                        return new GatewayResult.Refused<>(new GatewayError(http, GatewayError.BAD_REQUEST,
                                "Midtrans refused the payment link: " + message));
                    }
                    case 402 -> {
                        return new GatewayResult.Refused<>(new GatewayError(http, GatewayError.NOT_SUPPORTED,
                                ResponseCode.NO_ACCESS.hint()));
                    }
                    case 429 -> {
                        return new GatewayResult.Refused<>(new GatewayError(http, GatewayError.RATE_LIMITED,
                                ResponseCode.RATE_LIMITED.hint()));
                    }
                    default -> {
                        // 409 "The Order ID ... has been taken" [S15], anything else: read the link.
                    }
                }
            }
            GatewayResult<Charge> found = linkStatus(orderId);
            if (found instanceof GatewayResult.Refused<Charge> refused
                    && refused.error().is(GatewayError.CHARGE_NOT_FOUND)) {
                continue;
            }
            return found;
        }
        return new GatewayResult.NoAnswer<>("no payment link " + orderId + " could be made; ask again with "
                + "findCharge");
    }

    /** {@code GET /v1/payment-links/{order_id}}: the link, PAID only through a purchase's verified status. */
    private GatewayResult<Charge> linkStatus(String orderId) {
        MidtransClient.Reply reply = client.get("/v1/payment-links/" + encode(orderId));
        if (!(reply instanceof MidtransClient.Reply.Received r)) {
            return new GatewayResult.NoAnswer<>(((MidtransClient.Reply.Lost) reply).reason());
        }
        if (r.httpStatus() == 404) {
            return new GatewayResult.Refused<>(new GatewayError(404, GatewayError.CHARGE_NOT_FOUND,
                    "Midtrans has no transaction or payment link " + orderId));
        }
        if (r.httpStatus() == 401) {
            return new GatewayResult.Refused<>(new GatewayError(401, GatewayError.WRONG_KEY,
                    ResponseCode.UNAUTHORIZED.hint()));
        }
        if (r.httpStatus() == 429) {
            return new GatewayResult.Refused<>(new GatewayError(429, GatewayError.RATE_LIMITED,
                    ResponseCode.RATE_LIMITED.hint()));
        }
        if (r.httpStatus() != 200 || !r.text("order_id").equals(Optional.of(orderId))) {
            return new GatewayResult.NoAnswer<>("the payment link answer is HTTP " + r.httpStatus()
                    + " without the link " + orderId);
        }
        JsonNode body = r.body();
        Optional<Money> amount = amount(body.get("gross_amount"));
        if (amount.isEmpty()) {
            return new GatewayResult.NoAnswer<>("the payment link " + orderId + " has no whole gross_amount");
        }
        Optional<String> url = r.text("payment_link_url").or(() -> r.text("payment_url"));
        Instant expiresAt = linkExpiry(body).orElse(clock.instant().plus(LINK_EXPIRY));
        Charge.Status status = clock.instant().isAfter(expiresAt) ? Charge.Status.EXPIRED : Charge.Status.PENDING;
        JsonNode purchases = body.get("purchases");
        List<String> pending = new ArrayList<>();
        if (purchases != null && purchases.isArray()) {
            for (JsonNode purchase : purchases) {
                String paymentStatus = MidtransClient.text(purchase, "payment_status").orElse("")
                        .toLowerCase(Locale.ROOT);
                Optional<String> purchaseOrder = MidtransClient.text(purchase, "order_id");
                if (purchaseOrder.isEmpty()) {
                    continue;
                }
                if (SETTLED.contains(paymentStatus)) {
                    GatewayResult<Parsed> verified = status(purchaseOrder.get(), Optional.empty());
                    if (!(verified instanceof GatewayResult.Answer<Parsed> a)) {
                        return new GatewayResult.NoAnswer<>("the paid purchase " + purchaseOrder.get()
                                + " of link " + orderId + " could not be verified: " + describe(verified));
                    }
                    Charge.Status purchaseStatus = a.value().charge().status();
                    if (purchaseStatus == Charge.Status.PAID || purchaseStatus == Charge.Status.REVERSED) {
                        status = purchaseStatus;
                        break;
                    }
                } else if (paymentStatus.equals("pending")) {
                    pending.add(purchaseOrder.get());
                }
            }
        }
        if (status != Charge.Status.PAID && status != Charge.Status.REVERSED && !pending.isEmpty()) {
            status = Charge.Status.PENDING;
        }
        return new GatewayResult.Answer<>(new Charge(orderId, orderId, PaymentMethod.PAYMENT_LINK, amount.get(),
                status, Optional.empty(), Optional.empty(), url, expiresAt));
    }

    /** Deletes a link nobody paid, and cancels a purchase still pending on it; a paid link stays PAID. */
    private GatewayResult<Charge> cancelLink(String orderId) {
        GatewayResult<Charge> before = linkStatus(orderId);
        if (!(before instanceof GatewayResult.Answer<Charge> a)) {
            return before;
        }
        Charge link = a.value();
        if (link.status() != Charge.Status.PENDING) {
            return before;
        }
        // Purchases already started live on as Core transactions: read them before the link goes.
        JsonNode purchases = linkPurchases(orderId);
        MidtransClient.Reply deleted = client.delete("/v1/payment-links/" + encode(orderId));
        if (!(deleted instanceof MidtransClient.Reply.Received d) || d.httpStatus() / 100 != 2) {
            return new GatewayResult.NoAnswer<>("the payment link " + orderId + " could not be deleted");
        }
        for (JsonNode purchase : purchases) {
            Optional<String> purchaseOrder = MidtransClient.text(purchase, "order_id");
            if (purchaseOrder.isPresent() && "pending".equalsIgnoreCase(
                    MidtransClient.text(purchase, "payment_status").orElse(""))) {
                GatewayResult<Parsed> c = cancel(purchaseOrder.get(), Optional.empty());
                if (c instanceof GatewayResult.Answer<Parsed> p && p.value().charge().status() == Charge.Status.PAID) {
                    return new GatewayResult.Answer<>(link.withStatus(Charge.Status.PAID));
                }
            }
        }
        return new GatewayResult.Answer<>(link.withStatus(Charge.Status.CANCELLED));
    }

    private JsonNode linkPurchases(String orderId) {
        MidtransClient.Reply reply = client.get("/v1/payment-links/" + encode(orderId));
        if (reply instanceof MidtransClient.Reply.Received r && r.body().has("purchases")
                && r.body().get("purchases").isArray()) {
            return r.body().get("purchases");
        }
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }

    // --- reading answers ------------------------------------------------------------------------------------------

    /** A {@code /v2/charge} answer (body 201): unsigned, but it is what to show; never PAID. */
    private Optional<Charge> fromChargeAnswer(ChargeRequest request, JsonNode body) {
        Optional<String> answeredOrder = MidtransClient.text(body, "order_id");
        if (answeredOrder.isPresent() && !answeredOrder.get().equals(request.clientRef())) {
            return Optional.empty();
        }
        Optional<Money> amount = amount(body.get("gross_amount"));
        if (amount.isPresent() && !amount.get().equals(request.amount())) {
            return Optional.empty();
        }
        Optional<String> qr = MidtransClient.text(body, "qr_string");
        Optional<String> url = Optional.empty();
        if (request.channel() == ChargeChannel.GOPAY) {
            url = action(body, "deeplink-redirect").or(() -> action(body, "generate-qr-code"));
        }
        Charge charge = new Charge(request.clientRef(), request.clientRef(), request.method(), request.amount(),
                Charge.Status.PENDING, qr, vaNumber(body), MidtransClient.text(body, "biller_code"), url,
                expiresAt(body, MidtransClient.text(body, "payment_type").orElse("")));
        return showable(charge, request.channel()) ? Optional.of(charge) : Optional.empty();
    }

    private static Optional<String> action(JsonNode body, String name) {
        JsonNode actions = body.get("actions");
        if (actions == null || !actions.isArray()) {
            return Optional.empty();
        }
        for (JsonNode action : actions) {
            if (MidtransClient.text(action, "name").equals(Optional.of(name))) {
                return MidtransClient.text(action, "url");
            }
        }
        return Optional.empty();
    }

    /** {@code va_numbers[0].va_number}, {@code permata_va_number} or a Mandiri {@code bill_key}. */
    private static Optional<String> vaNumber(JsonNode body) {
        JsonNode vas = body.get("va_numbers");
        if (vas != null && vas.isArray() && !vas.isEmpty()) {
            Optional<String> va = MidtransClient.text(vas.get(0), "va_number");
            if (va.isPresent()) {
                return va;
            }
        }
        return MidtransClient.text(body, "permata_va_number").or(() -> MidtransClient.text(body, "bill_key"));
    }

    /**
     * {@code expire_time} (charge) or {@code expiry_time} (status), GMT+7; absent: the transaction time (or now)
     * plus the documented default (15 min QRIS/GoPay [S4], 24 h VA [S25]).
     */
    private Instant expiresAt(JsonNode body, String paymentType) {
        for (String field : List.of("expiry_time", "expire_time")) {
            Optional<Instant> t = MidtransClient.text(body, field).flatMap(MidtransAcceptance::wib);
            if (t.isPresent()) {
                return t.get();
            }
        }
        Duration lifetime = switch (paymentType.toLowerCase(Locale.ROOT)) {
            case "bank_transfer", "permata", "echannel" -> VA_DEFAULT_EXPIRY;
            default -> QR_DEFAULT_EXPIRY;
        };
        Instant from = MidtransClient.text(body, "transaction_time").flatMap(MidtransAcceptance::wib)
                .orElse(clock.instant());
        return from.plus(lifetime);
    }

    static Optional<Instant> wib(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text.strip(), TIMESTAMP).toInstant(WIB));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A link's {@code expiry_start} ("2020-12-31 18:00 +0700", seconds optional) plus its duration and unit. */
    private static Optional<Instant> linkExpiry(JsonNode body) {
        Optional<String> start = MidtransClient.text(body, "expiry_start");
        JsonNode duration = body.get("expiry_duration");
        Optional<String> unit = MidtransClient.text(body, "expiry_unit");
        if (start.isEmpty() || duration == null || !duration.canConvertToLong() || unit.isEmpty()) {
            return Optional.empty();
        }
        Instant from = null;
        for (String pattern : List.of("yyyy-MM-dd HH:mm:ss Z", "yyyy-MM-dd HH:mm Z")) {
            try {
                from = OffsetDateTime.parse(start.get().strip(), DateTimeFormatter.ofPattern(pattern, Locale.ROOT))
                        .toInstant();
                break;
            } catch (DateTimeParseException e) {
                // the other pattern
            }
        }
        if (from == null) {
            return Optional.empty();
        }
        long n = duration.asLong();
        return switch (unit.get().toLowerCase(Locale.ROOT)) {
            case "minute", "minutes" -> Optional.of(from.plus(Duration.ofMinutes(n)));
            case "hour", "hours" -> Optional.of(from.plus(Duration.ofHours(n)));
            case "day", "days" -> Optional.of(from.plus(Duration.ofDays(n)));
            default -> Optional.empty();
        };
    }

    /** {@code "150000.00"} (answers) or {@code 150000}: whole rupiah only. */
    static Optional<Money> amount(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(node.asText().strip());
            return Optional.of(Money.of(value.longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<PaymentMethod> methodOf(String paymentType) {
        return switch (paymentType.toLowerCase(Locale.ROOT)) {
            case "qris" -> Optional.of(PaymentMethod.QRIS);
            case "gopay", "shopeepay" -> Optional.of(PaymentMethod.EWALLET);
            case "bank_transfer", "permata", "echannel" -> Optional.of(PaymentMethod.VIRTUAL_ACCOUNT);
            default -> Optional.empty();
        };
    }

    private static String errorMessages(JsonNode body) {
        JsonNode messages = body.get("error_messages");
        if (messages == null) {
            return MidtransClient.text(body, "status_message").orElse("no message");
        }
        return messages.isArray() ? String.join("; ", toList(messages)) : messages.asText();
    }

    private static List<String> toList(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static <T> GatewayResult<T> refused(ResponseCode code, MidtransClient.Reply.Received r) {
        String message = code.hint() + " (Midtrans " + code.code() + ": "
                + r.text("status_message").orElse(errorMessages(r.body())) + ")";
        return new GatewayResult.Refused<>(new GatewayError(r.httpStatus(),
                code.gatewayError().orElse(GatewayError.BAD_REQUEST), message));
    }

    private static GatewayResult<Charge> toCharge(GatewayResult<Parsed> result) {
        if (result instanceof GatewayResult.Answer<Parsed> a) {
            return new GatewayResult.Answer<>(a.value().charge());
        }
        if (result instanceof GatewayResult.Refused<Parsed> r) {
            return new GatewayResult.Refused<>(r.error());
        }
        return new GatewayResult.NoAnswer<>(((GatewayResult.NoAnswer<Parsed>) result).reason());
    }

    private static String describe(GatewayResult<?> result) {
        if (result instanceof GatewayResult.Refused<?> r) {
            return r.error().toString();
        }
        if (result instanceof GatewayResult.NoAnswer<?> n) {
            return n.reason();
        }
        return "answered";
    }

    private static String encode(String orderId) {
        return URLEncoder.encode(orderId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A verified charge and its Midtrans transaction_id. */
    private record Parsed(Charge charge, Optional<String> transactionId) {}

    @Override
    public String toString() {
        return "MidtransAcceptance[" + client + "]";
    }
}
