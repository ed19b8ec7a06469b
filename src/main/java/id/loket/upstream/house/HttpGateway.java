package id.loket.upstream.house;

import id.loket.upstream.CappedBody;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.DepositBalance;
import id.loket.billing.BillerNetwork;
import id.loket.billing.Messenger;
import id.loket.billing.NetworkInfo;
import id.loket.billing.PaymentAcceptance;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.billing.SettlementSummary;
import id.loket.core.Biller;
import id.loket.core.PaymentMethod;
import id.loket.upstream.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway port over the Loket Gateway API v1 (docs/gateway-api.md; client notes in docs/gateway-client.md).
 *
 * <p>Every request is signed and every response verified. Anything that is not a verified answer (a timeout, a
 * refused or reset connection, a 5xx, a body that is not the promised JSON, a missing or wrong signature, a response
 * timestamp more than {@value Signatures#MAX_SKEW_SECONDS} s off this machine's clock) is
 * {@link GatewayResult.NoAnswer}: for a payment that means "unknown", never "failed". A verified 4xx is
 * {@link GatewayResult.Refused} with the gateway's code.
 *
 * <p><b>This adapter never retries.</b> A payment is sent once per call with {@code Idempotency-Key: client_ref};
 * whether to ask the status or send the same request again is the caller's decision. {@link #awaitPayment} only asks
 * the status.
 *
 * <p>Thread-safe: one {@link HttpClient} (HTTP/1.1, pooled connections) serves every caller; calls block the calling
 * thread, so keep them off the JavaFX thread.
 */
public final class HttpGateway implements BillerNetwork, PaymentAcceptance, Messenger {

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);

    /** No JSON answer of this protocol comes near this; anything larger is not an answer. */
    static final long MAX_JSON_BYTES = 4L * 1024 * 1024;
    /** A busy counter's day is a few thousand rows; this leaves room for years of growth. */
    static final long MAX_SETTLEMENT_FILE_BYTES = 256L * 1024 * 1024;

    private static final byte[] NO_BODY = new byte[0];
    private static final DateTimeFormatter RFC3339_UTC_SECONDS = DateTimeFormatter.ISO_INSTANT;

    private final GatewayConfig config;
    private final NetworkInfo info;
    private final Sleeper sleeper;
    private final HttpClient client;
    private final ObjectMapper json;
    /** A body may stall after its headers arrived, which the request timeout no longer covers. */
    private final Duration deadline;

    /** A client of a live house gateway that really waits between status checks. */
    public HttpGateway(GatewayConfig config) {
        this(config, Sleeper.SYSTEM);
    }

    /** @param sleeper waits between the status checks of {@link #awaitPayment} */
    public HttpGateway(GatewayConfig config, Sleeper sleeper) {
        this(config, sleeper, LIVE);
    }

    /** The house protocol as a live gateway: a signed settlement every day. */
    public static final NetworkInfo LIVE = new NetworkInfo("house", "Loket Gateway", NetworkInfo.Mode.LIVE, true);

    /** The embedded or standalone sandbox: training, no real money anywhere. */
    public static final NetworkInfo SANDBOX = new NetworkInfo("house", "Sandbox", NetworkInfo.Mode.SANDBOX, true);

    /**
     * @param sleeper waits between the status checks of {@link #awaitPayment}
     * @param info    what the counter shows of this gateway ({@link #LIVE} or {@link #SANDBOX})
     */
    public HttpGateway(GatewayConfig config, Sleeper sleeper, NetworkInfo info) {
        this.info = Objects.requireNonNull(info, "info");
        this.config = Objects.requireNonNull(config, "config");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                // A redirect's answer would be signed for another request, if at all.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = JsonMapper.builder()
                // Two values for one key in a signed answer is an ambiguity, not a choice to make silently.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.deadline = config.connectTimeout().plus(config.readTimeout()).plus(config.readTimeout());
    }

    // --- the port -----------------------------------------------------------------------------------------------

    @Override
    public NetworkInfo info() {
        return info;
    }

    /** The house gateway takes the charges too: the same network, the same mode. */
    @Override
    public NetworkInfo acceptanceInfo() {
        return info();
    }

    /** The house gateway sends the codes too: the same network, the same mode. */
    @Override
    public NetworkInfo messengerInfo() {
        return info();
    }

    @Override
    public GatewayResult<PaymentResult> paymentStatus(PaymentRequest request) {
        return paymentStatus(request.clientRef());
    }

    @Override
    public GatewayResult<PaymentResult> awaitPayment(PaymentRequest request, int maxChecks) {
        return awaitPayment(request.clientRef(), maxChecks);
    }

    @Override
    public GatewayResult<List<Biller>> billers() {
        return callJson("GET", "/v1/billers", NO_BODY, Map.of(), Answers::billers);
    }

    @Override
    public GatewayResult<Inquiry> inquire(InquiryRequest request) {
        ObjectNode body = json.createObjectNode()
                .put("biller", request.biller())
                .put("reference", request.reference())
                .put("product", request.product().orElse(null));
        return callJson("POST", "/v1/inquiries", bytes(body), Map.of(), Answers::inquiry);
    }

    /**
     * Sends the payment once, with {@code Idempotency-Key: client_ref}. A {@link GatewayResult.NoAnswer} means the
     * payment may or may not have been made: ask {@link #paymentStatus} (or send this same request again), never a
     * new client_ref.
     */
    @Override
    public GatewayResult<PaymentResult> pay(PaymentRequest request) {
        ObjectNode body = json.createObjectNode()
                .put("client_ref", request.clientRef())
                .put("inquiry_id", request.inquiryId())
                .put("amount", request.amount().rupiah())
                .put("method", sentMethod(request).name())
                .put("charge_id", request.chargeId().orElse(null));
        return callJson("POST", "/v1/payments", bytes(body), Map.of(Signatures.IDEMPOTENCY_HEADER, request.clientRef()),
                root -> Answers.payment(root, request.clientRef()));
    }

    /**
     * The method the house protocol is told. A non-cash payment without a charge of this gateway was taken by
     * another payment gateway (Midtrans): the protocol knows no other acquirer, so the money is the counter's to
     * pay from the deposit, as cash is.
     */
    private static PaymentMethod sentMethod(PaymentRequest request) {
        return request.method().isGatewayCharge() && request.chargeId().isEmpty() || request.method()
                == PaymentMethod.STATIC_QRIS ? PaymentMethod.CASH : request.method();
    }

    /** The house protocol's status call: {@code GET /v1/payments/{client_ref}}. */
    public GatewayResult<PaymentResult> paymentStatus(String clientRef) {
        return callJson("GET", "/v1/payments/" + segment(clientRef), NO_BODY, Map.of(),
                root -> Answers.payment(root, clientRef));
    }

    /**
     * Asks the status now, then after {@code pollInitialDelay}, then after {@code pollFactor} times as long each
     * time (at most {@code pollMaxDelay}), until SUCCESS or FAILED, a refusal (e.g. {@code payment_not_found}), or
     * {@code maxChecks} checks. A check that gets no answer counts and the checks go on. An interrupt ends the wait
     * early with the last result (and the thread's interrupt flag set).
     */
    public GatewayResult<PaymentResult> awaitPayment(String clientRef, int maxChecks) {
        if (maxChecks < 1) {
            throw new IllegalArgumentException("maxChecks must be at least 1, not " + maxChecks);
        }
        Duration delay = config.pollInitialDelay();
        for (int check = 1; ; check++) {
            GatewayResult<PaymentResult> result = paymentStatus(clientRef);
            boolean settled = result instanceof GatewayResult.Refused
                    || result instanceof GatewayResult.Answer<PaymentResult> a && a.value().isDefinitive();
            if (settled || check >= maxChecks) {
                return result;
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.info("Stopped waiting for payment {} after {} of {} checks: interrupted", clientRef, check,
                        maxChecks);
                return result;
            }
            Duration longer = delay.multipliedBy(config.pollFactor());
            delay = longer.compareTo(config.pollMaxDelay()) > 0 ? config.pollMaxDelay() : longer;
        }
    }

    @Override
    public GatewayResult<Charge> createCharge(ChargeRequest request) {
        ObjectNode body = json.createObjectNode()
                .put("client_ref", request.clientRef())
                .put("method", request.method().name())
                .put("amount", request.amount().rupiah());
        Answers.ChargeEcho asked = new Answers.ChargeEcho(request.clientRef(), request.method(), request.amount());
        return callJson("POST", "/v1/charges", bytes(body), Map.of(),
                root -> Answers.charge(root, Optional.of(asked)));
    }

    @Override
    public GatewayResult<Charge> charge(String chargeId) {
        return callJson("GET", "/v1/charges/" + segment(chargeId), NO_BODY, Map.of(), root -> {
            Charge charge = Answers.charge(root, Optional.empty());
            if (!charge.chargeId().equals(chargeId)) {
                throw new MalformedAnswerException("the answer is about another charge_id");
            }
            return charge;
        });
    }

    @Override
    public GatewayResult<DepositBalance> balance() {
        return callJson("GET", "/v1/balance", NO_BODY, Map.of(), Answers::balance);
    }

    /**
     * Fetches the signed summary, then streams the CSV into a temporary file beside {@code csvFile} while hashing
     * it. Only a file whose response signature verifies <em>and</em> whose SHA-256 equals the summary's
     * {@code file_sha256} is moved to {@code csvFile}. When the file cannot be trusted (a mismatch, a bad signature,
     * no complete answer) the result is {@link GatewayResult.NoAnswer} naming why and {@code csvFile} is deleted, so
     * nothing unverified is ever left there.
     *
     * @throws UncheckedIOException when this machine cannot write next to {@code csvFile}
     */
    @Override
    public GatewayResult<SettlementSummary> settlement(LocalDate day, Path csvFile) {
        String path = "/v1/settlements/" + day;
        GatewayResult<SettlementSummary> summaryResult =
                callJson("GET", path, NO_BODY, Map.of(), root -> Answers.settlementSummary(root, day));
        if (!(summaryResult instanceof GatewayResult.Answer<SettlementSummary> answer)) {
            return summaryResult;
        }
        SettlementSummary summary = answer.value();
        Path target = csvFile.toAbsolutePath();
        Path temp = createTempBeside(target);
        try {
            GatewayResult<SettlementSummary> fileResult = call("GET", path + "/file", NO_BODY,
                    Map.of("Accept", "text/csv, application/json"),
                    info -> info.statusCode() == 200
                            ? ResponseBodies.toFile(temp, MAX_SETTLEMENT_FILE_BYTES)
                            : ResponseBodies.inMemory(MAX_JSON_BYTES),
                    verified -> checkSettlementFile(verified, summary));
            if (fileResult instanceof GatewayResult.Answer) {
                moveInto(temp, target);
            } else {
                deleteIfExists(target);
            }
            return fileResult;
        } finally {
            deleteIfExists(temp);
        }
    }

    @Override
    public GatewayResult<OtpChallenge> requestOtp(String phone) {
        ObjectNode body = json.createObjectNode().put("phone", phone);
        return callJson("POST", "/v1/otp", bytes(body), Map.of(), Answers::otpChallenge);
    }

    @Override
    public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
        ObjectNode body = json.createObjectNode().put("code", code);
        return callJson("POST", "/v1/otp/" + segment(otpId) + "/verify", bytes(body), Map.of(),
                Answers::otpVerification);
    }

    @Override
    public String toString() {
        return "HttpGateway[" + config.baseUri() + ", merchant " + config.merchant() + "]";
    }

    // --- one call -----------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Parser<T> {
        T parse(JsonNode root) throws MalformedAnswerException;
    }

    @FunctionalInterface
    private interface Interpreter<T> {
        GatewayResult<T> interpret(Verified response);
    }

    /** A response whose signature and timestamp were checked. */
    private record Verified(int status, ResponseBodies.Body body, HttpHeaders headers) {}

    /** What one HTTP exchange came to: a verified response, or the reason there is none. */
    private record Exchange(Optional<Verified> verified, int status, String failure) {
        static Exchange verified(Verified v) {
            return new Exchange(Optional.of(v), v.status(), "");
        }

        static Exchange failed(int status, String reason) {
            return new Exchange(Optional.empty(), status, reason);
        }
    }

    private <T> GatewayResult<T> callJson(String method, String path, byte[] body, Map<String, String> headers,
            Parser<T> parser) {
        return call(method, path, body, headers, info -> ResponseBodies.inMemory(MAX_JSON_BYTES),
                verified -> interpret(verified, parser));
    }

    private <T> GatewayResult<T> call(String method, String path, byte[] body, Map<String, String> headers,
            HttpResponse.BodyHandler<ResponseBodies.Body> handler, Interpreter<T> interpreter) {
        long started = System.nanoTime();
        Exchange exchange = exchange(method, path, body, headers, handler);
        GatewayResult<T> result = exchange.verified().isPresent()
                ? interpreter.interpret(exchange.verified().get())
                : new GatewayResult.NoAnswer<>(exchange.failure());
        logOutcome(method, path, exchange, result, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return result;
    }

    private Exchange exchange(String method, String path, byte[] body, Map<String, String> headers,
            HttpResponse.BodyHandler<ResponseBodies.Body> handler) {
        URI uri = URI.create(config.baseUri() + path);
        String pathWithQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String timestamp = RFC3339_UTC_SECONDS.format(config.clock().instant().truncatedTo(ChronoUnit.SECONDS));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.readTimeout())
                .header("Accept", "application/json")
                .header(Signatures.MERCHANT_HEADER, config.merchant())
                .header(Signatures.TIMESTAMP_HEADER, timestamp)
                .header(Signatures.SIGNATURE_HEADER,
                        Signatures.signRequest(config.secret(), method, pathWithQuery, timestamp, body));
        headers.forEach(builder::setHeader);
        if (body.length > 0) {
            builder.header("Content-Type", "application/json; charset=utf-8");
        }
        builder.method(method, body.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));

        CompletableFuture<HttpResponse<ResponseBodies.Body>> pending = client.sendAsync(builder.build(), handler);
        HttpResponse<ResponseBodies.Body> response;
        try {
            response = pending.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return Exchange.failed(0, "no complete answer within " + seconds(deadline));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return Exchange.failed(0, "interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            Optional<ResponseBodies.LocalFileException> local = causeOf(e, ResponseBodies.LocalFileException.class);
            if (local.isPresent()) {
                throw local.get();
            }
            return Exchange.failed(0, describeFailure(e.getCause()));
        }
        return verify(response);
    }

    /**
     * The response signature covers status, timestamp and body; the timestamp bounds how long a captured answer
     * can be replayed. A response that fails either is treated as if it never came.
     */
    private Exchange verify(HttpResponse<ResponseBodies.Body> response) {
        int status = response.statusCode();
        Optional<String> timestamp = response.headers().firstValue(Signatures.TIMESTAMP_HEADER);
        Optional<String> signature = response.headers().firstValue(Signatures.SIGNATURE_HEADER);
        if (timestamp.isEmpty() || signature.isEmpty()) {
            return Exchange.failed(status, "the response signature did not verify: HTTP " + status + " without "
                    + (timestamp.isEmpty() ? Signatures.TIMESTAMP_HEADER : Signatures.SIGNATURE_HEADER)
                    + unverifiedClaim(response));
        }
        String expected = Signatures.signResponseForDigest(config.secret(), status, timestamp.get(),
                response.body().sha256Hex());
        if (!Signatures.matches(expected, signature.get())) {
            return Exchange.failed(status, "the response signature did not verify (HTTP " + status + ")"
                    + unverifiedClaim(response));
        }
        Instant stamped;
        try {
            stamped = Answers.instantOf(timestamp.get(), Signatures.TIMESTAMP_HEADER);
        } catch (MalformedAnswerException e) {
            return Exchange.failed(status, "the response timestamp is not an RFC 3339 time (HTTP " + status + ")");
        }
        Verified verified = new Verified(status, response.body(), response.headers());
        long skewMillis = Math.abs(Duration.between(config.clock().instant(), stamped).toMillis());
        if (skewMillis > Signatures.MAX_SKEW_SECONDS * 1000 && !isStaleTimestampRefusal(verified)) {
            return Exchange.failed(status, "the response timestamp " + timestamp.get() + " is " + skewMillis / 1000
                    + " s off this computer's clock (more than " + Signatures.MAX_SKEW_SECONDS
                    + " s): a replayed answer, or one of the clocks is wrong");
        }
        return Exchange.verified(verified);
    }

    /**
     * A correctly signed {@code 401 stale_timestamp} is the gateway saying our clock is off, which is exactly why
     * its own timestamp looks off to us; refusing it as "no answer" would hide the one useful diagnosis. The
     * signature still had to verify, so nobody without the secret can produce it.
     */
    private boolean isStaleTimestampRefusal(Verified v) {
        return v.status() == 401
                && v.body() instanceof ResponseBodies.InMemory m
                && readJson(m.bytes()).flatMap(Answers::errorCodeOf)
                        .filter(GatewayError.STALE_TIMESTAMP::equals).isPresent();
    }

    /**
     * What an unverifiable error answer claims (e.g. {@code bad_signature} when our secret is wrong), for the
     * reason text only: it cannot be trusted, so it never becomes a {@link GatewayResult.Refused}.
     */
    private String unverifiedClaim(HttpResponse<ResponseBodies.Body> response) {
        if (response.statusCode() < 400 || !(response.body() instanceof ResponseBodies.InMemory m)) {
            return "";
        }
        return readJson(m.bytes()).flatMap(Answers::errorCodeOf)
                .map(code -> "; it claims " + code + ", which cannot be trusted"
                        + (code.equals(GatewayError.BAD_SIGNATURE) || code.equals(GatewayError.UNKNOWN_MERCHANT)
                                ? " (check the merchant id and secret)"
                                : ""))
                .orElse("");
    }

    private <T> GatewayResult<T> interpret(Verified v, Parser<T> parser) {
        int status = v.status();
        if (!(v.body() instanceof ResponseBodies.InMemory m)) {
            return new GatewayResult.NoAnswer<>("an unexpected file answer (HTTP " + status + ")");
        }
        if (status == 200 || status == 201) {
            try {
                return new GatewayResult.Answer<>(parser.parse(parseObject(m.bytes())));
            } catch (MalformedAnswerException e) {
                return new GatewayResult.NoAnswer<>("a malformed answer (HTTP " + status + "): " + e.getMessage());
            }
        }
        if (status >= 400 && status < 500) {
            try {
                return new GatewayResult.Refused<>(Answers.error(status, parseObject(m.bytes())));
            } catch (MalformedAnswerException e) {
                return new GatewayResult.NoAnswer<>("a malformed error answer (HTTP " + status + "): "
                        + e.getMessage());
            }
        }
        if (status >= 500) {
            // Even a signed 5xx may come after the work was done: never definitive.
            String code = readJson(m.bytes()).flatMap(Answers::errorCodeOf).map(c -> " " + c).orElse("");
            return new GatewayResult.NoAnswer<>("the gateway failed: HTTP " + status + code);
        }
        return new GatewayResult.NoAnswer<>("an unexpected HTTP status " + status);
    }

    private GatewayResult<SettlementSummary> checkSettlementFile(Verified v, SettlementSummary summary) {
        if (v.body() instanceof ResponseBodies.Saved saved) {
            if (!saved.sha256Hex().equals(summary.fileSha256())) {
                return new GatewayResult.NoAnswer<>("the settlement file of " + summary.date() + " does not match "
                        + "its signed summary: SHA-256 " + saved.sha256Hex() + " (" + saved.size() + " bytes), "
                        + "the summary's file_sha256 is " + summary.fileSha256());
            }
            return new GatewayResult.Answer<>(summary);
        }
        // Not 200: an error answer (425 day_not_closed, 404 …) or a failure, read like any other.
        return interpret(v, root -> {
            throw new MalformedAnswerException("the settlement file answer is JSON, not the CSV file");
        });
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private JsonNode parseObject(byte[] bytes) throws MalformedAnswerException {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            // The location only: Jackson's message may quote the body, which can hold personal data.
            JsonLocation at = e.getLocation();
            throw new MalformedAnswerException("not JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new MalformedAnswerException("not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedAnswerException("not a JSON object");
        }
        return root;
    }

    /** For reason texts and log lines only: what a body says if it is a JSON object, else nothing. */
    private Optional<JsonNode> readJson(byte[] bytes) {
        try {
            return Optional.of(parseObject(bytes));
        } catch (MalformedAnswerException e) {
            LOG.trace("An error body is not a JSON object: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private byte[] bytes(ObjectNode body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree of strings and numbers always serializes", e);
        }
    }

    /** Percent-encodes one path segment (client_ref, charge_id, otp_id) so it cannot change the path. */
    static String segment(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("An empty id cannot name a resource");
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        String encoded = out.toString();
        if (encoded.equals(".") || encoded.equals("..")) {
            throw new IllegalArgumentException("'" + value + "' cannot name a resource");
        }
        return encoded;
    }

    private static String describeFailure(Throwable failure) {
        if (causeOf(failure, HttpConnectTimeoutException.class).isPresent()) {
            return "could not connect in time (connect timeout)";
        }
        if (causeOf(failure, HttpTimeoutException.class).isPresent()) {
            return "no answer in time (read timeout)";
        }
        Optional<CappedBody.TooLarge> tooLarge = causeOf(failure, CappedBody.TooLarge.class);
        if (tooLarge.isPresent()) {
            return "the answer was too large: " + tooLarge.get().getMessage();
        }
        Optional<ConnectException> refused = causeOf(failure, ConnectException.class);
        if (refused.isPresent()) {
            return "could not connect (" + Objects.requireNonNullElse(refused.get().getMessage(), "connection refused")
                    + ")";
        }
        Optional<IOException> io = causeOf(failure, IOException.class);
        if (io.isPresent()) {
            return "the connection failed (" + io.get().getClass().getSimpleName()
                    + (io.get().getMessage() == null ? "" : ": " + io.get().getMessage()) + ")";
        }
        return "the request failed (" + failure + ")";
    }

    private static <X extends Throwable> Optional<X> causeOf(Throwable t, Class<X> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void logOutcome(String method, String path, Exchange exchange, GatewayResult<?> result,
            long millis) {
        String status = exchange.status() == 0 ? "-" : Integer.toString(exchange.status());
        if (result instanceof GatewayResult.Answer) {
            boolean replayed = exchange.verified()
                    .flatMap(v -> v.headers().firstValue(Signatures.REPLAYED_HEADER))
                    .filter("true"::equalsIgnoreCase).isPresent();
            LOG.debug("{} {} -> {} in {} ms{}", method, path, status, millis, replayed ? " (replayed)" : "");
        } else if (result instanceof GatewayResult.Refused<?> refused) {
            LOG.info("{} {} -> {} {} in {} ms", method, path, status, refused.error().code(), millis);
        } else {
            LOG.warn("{} {} -> {} no answer in {} ms: {}", method, path, status, millis,
                    ((GatewayResult.NoAnswer<?>) result).reason());
        }
    }

    private static Path createTempBeside(Path target) {
        Path dir = target.getParent();
        try {
            return Files.createTempFile(dir, target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the settlement file in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void moveInto(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                LOG.debug("No atomic move in {}; moving plainly", target.getParent(), e);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the settlement file " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
