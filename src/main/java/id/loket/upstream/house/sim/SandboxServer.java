package id.loket.upstream.house.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.loket.billing.GatewayError;
import id.loket.upstream.house.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox gateway: a real HTTP server speaking the Loket Gateway API v1 (docs/gateway-api.md) on its own
 * SQLite state, so the counter is always tested against the protocol and never against a mock of its own making.
 * It is the app's embedded default gateway and the {@code loket sandbox} standalone server.
 *
 * <p>This class is the transport: routing, the 64 KiB body limit, request authentication (merchant, timestamp
 * window, HMAC), response signing (every response, errors included), loopback-only {@code /sandbox/*} control
 * endpoints, and the armed {@link Faults}. What each endpoint means lives in {@link Inquiries}, {@link Payments},
 * {@link Charges}, {@link Otps}, {@link Settlements} and {@link HostedPaymentPage}.
 *
 * <p>Threads: a fixed pool of {@value #THREADS} handlers with an unbounded queue, so a burst of requests waits
 * rather than being refused, and a {@code timeout} fault can hold a handler without starving the rest.
 * {@link #close()} releases held exchanges, stops listening and closes the state file; it is safe to call twice.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);

    static final int MAX_BODY_BYTES = 64 * 1024;
    /** How much of an oversized body is read and dropped so the client can still read the 413. */
    private static final int DRAIN_LIMIT_BYTES = 1024 * 1024;
    static final int THREADS = 64;
    private static final int BACKLOG = 512;
    /** How long a {@code timeout} fault holds an exchange open (or until close). */
    static final Duration TIMEOUT_HOLD = Duration.ofSeconds(60);
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String CSV = "text/csv; charset=utf-8";

    /** What a handler answers: the status, the exact body bytes, their content type, extra headers. */
    private record Reply(int status, byte[] body, String contentType, Map<String, String> headers) {
        static Reply json(ObjectNode node) {
            return new Reply(200, Json.bytes(node), JSON, Map.of());
        }

        static Reply error(int status, String code, String message) {
            return new Reply(status, Json.bytes(Json.error(code, message)), JSON, Map.of());
        }
    }

    /** One matched request: path parameters (decoded), headers, the body, the armed fault if one applies. */
    private record Call(List<String> params, Headers headers, byte[] body, Optional<Faults.Fault> fault) {
        String param(int index) {
            return params.get(index);
        }

        ObjectNode json() {
            return Json.parseObject(body);
        }
    }

    @FunctionalInterface
    private interface Handler {
        Reply handle(Call call);
    }

    private record Route(String method, Pattern path, String endpoint, Handler handler) {}

    private final SandboxOptions options;
    private final HttpServer http;
    private final ExecutorService executor;
    private final SandboxState state;
    private final URI baseUri;
    private final Faults faults = new Faults();
    private final Inquiries inquiries;
    private final Charges charges;
    private final Payments payments;
    private final Otps otps;
    private final Settlements settlements;
    private final HostedPaymentPage page;
    private final List<Route> apiRoutes;
    private final List<Route> sandboxRoutes;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxServer(SandboxOptions options, SandboxState state, HttpServer http, ExecutorService executor) {
        this.options = options;
        this.state = state;
        this.http = http;
        this.executor = executor;
        this.baseUri = uriOf(http.getAddress());
        this.inquiries = new Inquiries(state, options.clock(), options.inquiryTtl());
        this.charges = new Charges(state, options.clock(), options.chargeTtl(), options.merchant(), baseUri);
        this.payments = new Payments(state, charges, options.clock());
        this.otps = new Otps(state, options.clock(), options.otpTtl());
        this.settlements = new Settlements(state, options.clock(), options.settleImmediately());
        this.page = new HostedPaymentPage(charges);
        this.apiRoutes = List.of(
                route("GET", "/v1/billers", "billers", c -> Reply.json(Inquiries.billers())),
                route("POST", "/v1/inquiries", "inquiries", c -> Reply.json(inquiries.inquire(c.json()))),
                route("POST", "/v1/payments", "payments", this::pay),
                route("GET", "/v1/payments/{}", "status", c -> Reply.json(payments.status(c.param(0)))),
                route("POST", "/v1/charges", "charges", c -> Reply.json(charges.create(c.json()))),
                route("GET", "/v1/charges/{}", "charges", c -> Reply.json(charges.get(c.param(0)))),
                route("GET", "/v1/balance", "balance", c -> Reply.json(balance())),
                route("GET", "/v1/settlements/{}", "settlements",
                        c -> Reply.json(settlements.settlement(c.param(0)).summary())),
                route("GET", "/v1/settlements/{}/file", "settlements",
                        c -> new Reply(200, settlements.settlement(c.param(0)).csv(), CSV, Map.of())),
                route("POST", "/v1/otp", "otp", c -> Reply.json(otps.request(c.json()))),
                route("POST", "/v1/otp/{}/verify", "otp", c -> Reply.json(otps.verify(c.param(0), c.json()))));
        this.sandboxRoutes = List.of(
                route("POST", "/sandbox/faults", "", c -> Reply.json(describe(faults.arm(c.json())))),
                route("GET", "/sandbox/faults", "", c -> Reply.json(faults.describe())),
                route("DELETE", "/sandbox/faults", "", c -> {
                    faults.clear();
                    return Reply.json(faults.describe());
                }),
                route("POST", "/sandbox/charges/{}/pay", "", c -> Reply.json(charges.pay(c.param(0),
                        c.body().length == 0 ? Optional.empty() : Json.optionalText(c.json(), "method")))),
                route("GET", "/sandbox/otp/{}", "", c -> Reply.json(otps.code(c.param(0)))),
                route("POST", "/sandbox/discrepancies", "", c -> Reply.json(settlements.addDiscrepancy(c.json()))),
                route("POST", "/sandbox/deposit", "", c -> Reply.json(topUp(c.json()))),
                route("GET", "/sandbox/payments", "", c -> Reply.json(payments.all())));
    }

    /**
     * Opens (or creates) the state file and starts listening.
     *
     * @throws IllegalStateException with a message naming the cause when the port is taken, the host cannot be
     *     bound, or the state file is unusable
     */
    public static SandboxServer start(SandboxOptions options) {
        disableNagle();
        SandboxState state = SandboxState.open(options.stateFile(), options.clock());
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.host()), options.port()),
                    BACKLOG);
        } catch (BindException e) {
            closeAfterFailure(state, e);
            throw new IllegalStateException("The sandbox cannot listen on " + options.host() + ":" + options.port()
                    + ": the port is already in use (or the address is not this machine's): " + e.getMessage(), e);
        } catch (IOException e) {
            closeAfterFailure(state, e);
            throw new IllegalStateException("The sandbox cannot listen on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), namedThreads());
        SandboxServer server = new SandboxServer(options, state, http, executor);
        http.createContext("/", server::handle);
        http.setExecutor(executor);
        http.start();
        InetAddress bound = http.getAddress().getAddress();
        if (!bound.isLoopbackAddress()) {
            LOG.warn("The sandbox gateway listens on {}, reachable from the network; its secret is a sandbox"
                    + " secret and /sandbox/* still answers loopback peers only", http.getAddress());
        }
        LOG.info("Sandbox gateway listening on {} (merchant {}, state {})", server.baseUri, options.merchant(),
                state.file());
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} (the bound address; a wildcard bind is reached through loopback). */
    public URI baseUri() {
        return baseUri;
    }

    public SandboxOptions options() {
        return options;
    }

    /**
     * The code "sent" by SMS under {@code otpId}, as {@code GET /sandbox/otp/{id}} shows it: for the app that embeds
     * the sandbox, whose counter shows the code in place of the SMS that never leaves.
     */
    public Optional<String> sentOtpCode(String otpId) {
        return state.otp(otpId).map(SandboxState.OtpRow::code);
    }

    /** Releases held exchanges, stops the HTTP server and its threads, closes the state file. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        http.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                LOG.warn("Sandbox handlers did not finish within 10 s of close; interrupted them");
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        state.close();
        LOG.info("Sandbox gateway on {} stopped", baseUri);
    }

    // ---- transport

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/v1/")) {
                handleApi(exchange, path);
            } else if (path.startsWith("/sandbox/")) {
                handleSandbox(exchange, path);
            } else if (path.startsWith("/pay/")) {
                handlePage(exchange, path);
            } else {
                send(exchange, Reply.error(404, GatewayError.NOT_FOUND, "No such path: " + path), false);
            }
        } catch (IOException e) {
            LOG.debug("Sandbox exchange {} {} ended: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.toString());
        } catch (RuntimeException e) {
            LOG.error("Sandbox failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                send(exchange, Reply.error(500, "internal_error", "The sandbox failed: " + e.getMessage()), false);
            } catch (IOException | RuntimeException again) {
                e.addSuppressed(again);
                LOG.debug("Could not report the failure to the client", again);
            }
        } finally {
            exchange.close();
        }
    }

    private void handleApi(HttpExchange exchange, String path) throws IOException {
        Optional<Matched> matched = match(apiRoutes, exchange, path);
        if (matched.isEmpty()) {
            return;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            send(exchange, Reply.error(413, GatewayError.BODY_TOO_LARGE, "The body is larger than "
                    + MAX_BODY_BYTES + " bytes"), false);
            return;
        }
        Optional<SandboxError> refused = authenticate(exchange, body);
        if (refused.isPresent()) {
            LOG.info("Sandbox refused {} {}: {}", exchange.getRequestMethod(), path, refused.get().code());
            send(exchange, Reply.error(refused.get().status(), refused.get().code(), refused.get().getMessage()),
                    false);
            return;
        }
        Route route = matched.get().route();
        Optional<Faults.Fault> fault = faults.take(route.endpoint());
        Faults.Kind kind = fault.map(Faults.Fault::kind).orElse(null);
        if (kind != null) {
            LOG.info("Sandbox fault {} on {} {}", kind.wireName(), exchange.getRequestMethod(), path);
        }
        if (kind == Faults.Kind.TIMEOUT) {
            // Nothing is done and nothing is said; closing the exchange unanswered drops the connection.
            await(TIMEOUT_HOLD.toMillis());
            return;
        }
        if (kind == Faults.Kind.HTTP_500) {
            send(exchange, Reply.error(500, "internal_error", "The gateway failed (sandbox fault http_500); nothing"
                    + " was done"), false);
            return;
        }
        if (kind == Faults.Kind.SLOW) {
            await(fault.get().delayMillis());
        }
        Reply reply = invoke(route, new Call(matched.get().params(), exchange.getRequestHeaders(), body, fault));
        if (kind == Faults.Kind.DROP_RESPONSE) {
            // The work is done; closing an exchange before any header is sent closes its socket unanswered.
            return;
        }
        if (kind == Faults.Kind.MALFORMED_JSON) {
            byte[] broken = ("{\"payment_id\": \"pay_" + "\u0000" + "<html>502 Bad Gateway</html>")
                    .getBytes(StandardCharsets.UTF_8);
            reply = new Reply(200, broken, JSON, Map.of());
        }
        send(exchange, reply, kind == Faults.Kind.BAD_SIGNATURE);
    }

    private void handleSandbox(HttpExchange exchange, String path) throws IOException {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            send(exchange, Reply.error(403, "forbidden", "The sandbox control endpoints answer this machine only"),
                    false);
            return;
        }
        Optional<Matched> matched = match(sandboxRoutes, exchange, path);
        if (matched.isEmpty()) {
            return;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            send(exchange, Reply.error(413, GatewayError.BODY_TOO_LARGE, "The body is larger than "
                    + MAX_BODY_BYTES + " bytes"), false);
            return;
        }
        send(exchange, invoke(matched.get().route(), new Call(matched.get().params(), exchange.getRequestHeaders(),
                body, Optional.empty())), false);
    }

    private void handlePage(HttpExchange exchange, String path) throws IOException {
        Matcher m = Pattern.compile("^/pay/([^/]+)$").matcher(path);
        if (!m.matches()) {
            send(exchange, Reply.error(404, GatewayError.NOT_FOUND, "No such path: " + path), false);
            return;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("POST")) {
            send(exchange, new Reply(405, Json.bytes(Json.error("method_not_allowed", method + " is not allowed"
                    + " here")), JSON, Map.of("Allow", "GET, POST")), false);
            return;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            send(exchange, Reply.error(413, GatewayError.BODY_TOO_LARGE, "The form is too large"), false);
            return;
        }
        String chargeId;
        try {
            chargeId = decode(m.group(1));
        } catch (SandboxError e) {
            send(exchange, Reply.error(e.status(), e.code(), e.getMessage()), false);
            return;
        }
        HostedPaymentPage.Page shown = method.equals("GET") ? page.show(chargeId) : page.submit(chargeId, body);
        send(exchange, new Reply(shown.status(), shown.html().getBytes(StandardCharsets.UTF_8), HTML, Map.of()),
                false);
    }

    private record Matched(Route route, List<String> params) {}

    /** The route for the path and method; answers 404 / 405 itself (and returns empty) when there is none. */
    private Optional<Matched> match(List<Route> routes, HttpExchange exchange, String path) throws IOException {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Matcher m = r.path().matcher(path);
            if (!m.matches()) {
                continue;
            }
            if (!r.method().equals(exchange.getRequestMethod())) {
                allowed.add(r.method());
                continue;
            }
            List<String> params = new ArrayList<>();
            try {
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(decode(m.group(i)));
                }
            } catch (SandboxError e) {
                send(exchange, Reply.error(e.status(), e.code(), e.getMessage()), false);
                return Optional.empty();
            }
            return Optional.of(new Matched(r, params));
        }
        if (allowed.isEmpty()) {
            send(exchange, Reply.error(404, GatewayError.NOT_FOUND, "No such endpoint: " + path), false);
        } else {
            send(exchange, new Reply(405, Json.bytes(Json.error("method_not_allowed", exchange.getRequestMethod()
                    + " is not allowed on " + path + "; use " + String.join(", ", allowed))), JSON,
                    Map.of("Allow", String.join(", ", allowed))), false);
        }
        return Optional.empty();
    }

    private Reply invoke(Route route, Call call) {
        try {
            return route.handler().handle(call);
        } catch (SandboxError e) {
            return Reply.error(e.status(), e.code(), e.getMessage());
        }
    }

    /**
     * The request's merchant, timestamp window and signature, checked in that order; empty when they hold. The
     * signature covers the raw path and query exactly as sent.
     */
    private Optional<SandboxError> authenticate(HttpExchange exchange, byte[] body) {
        Headers headers = exchange.getRequestHeaders();
        String merchant = headers.getFirst(Signatures.MERCHANT_HEADER);
        if (merchant == null || !merchant.equals(options.merchant())) {
            return Optional.of(new SandboxError(401, GatewayError.UNKNOWN_MERCHANT, "Unknown merchant '"
                    + merchant + "'"));
        }
        String timestamp = headers.getFirst(Signatures.TIMESTAMP_HEADER);
        Instant sent;
        try {
            sent = OffsetDateTime.parse(timestamp == null ? "" : timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.of(new SandboxError(401, GatewayError.STALE_TIMESTAMP, "The timestamp '" + timestamp
                    + "' is not RFC 3339"));
        }
        long skew = Math.abs(Duration.between(sent, options.clock().instant()).getSeconds());
        if (skew > Signatures.MAX_SKEW_SECONDS) {
            return Optional.of(new SandboxError(401, GatewayError.STALE_TIMESTAMP, "The timestamp is " + skew
                    + " s away from the gateway's clock (at most " + Signatures.MAX_SKEW_SECONDS + " s)"));
        }
        URI uri = exchange.getRequestURI();
        String pathWithQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String expected = Signatures.signRequest(options.secret(), exchange.getRequestMethod(), pathWithQuery,
                timestamp, body);
        if (!Signatures.matches(expected, headers.getFirst(Signatures.SIGNATURE_HEADER))) {
            return Optional.of(new SandboxError(401, GatewayError.BAD_SIGNATURE, "The signature does not verify"
                    + " (rc 41)"));
        }
        return Optional.empty();
    }

    /** The body, or null when it is over the limit (then up to {@link #DRAIN_LIMIT_BYTES} are read and dropped). */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length <= MAX_BODY_BYTES) {
            return body;
        }
        byte[] sink = new byte[8192];
        long drained = body.length;
        int n;
        while (drained < DRAIN_LIMIT_BYTES && (n = in.read(sink)) >= 0) {
            drained += n;
        }
        return null;
    }

    /** Sends {@code reply} signed (with a wrong key when {@code forge}, for the bad_signature fault). */
    private void send(HttpExchange exchange, Reply reply, boolean forge) throws IOException {
        String timestamp = Json.time(options.clock().instant());
        String key = forge ? options.secret() + "/forged" : options.secret();
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", reply.contentType());
        headers.set("Cache-Control", "no-store");
        headers.set(Signatures.TIMESTAMP_HEADER, timestamp);
        headers.set(Signatures.SIGNATURE_HEADER, Signatures.signResponse(key, reply.status(), timestamp,
                reply.body()));
        reply.headers().forEach(headers::set);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), head || reply.body().length == 0 ? -1 : reply.body().length);
        if (!head && reply.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    /** Waits up to {@code millis} but returns at once when the server closes, so a held fault never blocks close. */
    private void await(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- small endpoints

    private Reply pay(Call call) {
        OptionalInt pendingPolls = call.fault().filter(f -> f.kind() == Faults.Kind.PENDING)
                .map(f -> OptionalInt.of(f.polls())).orElse(OptionalInt.empty());
        Payments.Outcome outcome = payments.pay(call.json(),
                Optional.ofNullable(call.headers().getFirst(Signatures.IDEMPOTENCY_HEADER)), pendingPolls);
        return new Reply(outcome.status(), outcome.body(), JSON,
                outcome.replayed() ? Map.of(Signatures.REPLAYED_HEADER, "true") : Map.of());
    }

    private ObjectNode balance() {
        ObjectNode body = Json.object();
        body.put("balance", state.balance());
        body.put("as_of", Json.time(options.clock().instant()));
        return body;
    }

    private ObjectNode topUp(ObjectNode request) {
        long amount = Json.amount(request, "amount");
        long after = state.addMovement(options.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                amount, "TOPUP", Optional.empty());
        LOG.info("Sandbox deposit topped up by {} to {}", amount, after);
        ObjectNode body = Json.object();
        body.put("balance", after);
        body.put("as_of", Json.time(options.clock().instant()));
        return body;
    }

    private static ObjectNode describe(Faults.Fault fault) {
        ObjectNode body = Json.object();
        body.put("fault", fault.kind().wireName());
        body.put("endpoint", fault.endpoint().orElse(null));
        body.put("delay_ms", fault.delayMillis());
        body.put("polls", fault.polls());
        return body;
    }

    // ---- helpers

    /** A route whose {@code {}} segments capture one path segment each. */
    private static Route route(String method, String template, String endpoint, Handler handler) {
        String regex = "^" + template.replace("{}", "([^/]+)") + "$";
        return new Route(method, Pattern.compile(regex), endpoint, handler);
    }

    /** Percent-decodes one path segment; a '+' stays a '+' (it means space only in forms). */
    private static String decode(String rawSegment) {
        try {
            return URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SandboxError.badRequest("Malformed percent-escape in the path: " + rawSegment);
        }
    }

    private static URI uriOf(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip.isAnyLocalAddress() ? SandboxOptions.LOOPBACK_HOST : ip.getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort());
    }

    private static java.util.concurrent.ThreadFactory namedThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sandbox-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The JDK server flushes the headers and then writes the body: with Nagle's algorithm on, the body waits for
     * the client's delayed ACK of the headers, and every answer takes ~40 ms longer (measured: 50 ms against 2 ms).
     * The JDK reads this switch once, when its first HttpServer is created; a value set by the user is kept.
     */
    private static void disableNagle() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private static void closeAfterFailure(SandboxState state, Exception failure) {
        try {
            state.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
