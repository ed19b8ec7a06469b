package id.loket.upstream.house;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny gateway for the client's tests: it checks each request's merchant, timestamp and signature the way the
 * protocol says (and records what it found), answers from canned {@link Reply replies}, and signs them with
 * {@link Signatures} — or misbehaves on request (wrong or missing signature, shifted timestamp, no answer at all).
 */
public final class StubGateway implements AutoCloseable {

    static final String MERCHANT = "M-STUB-01";
    static final String SECRET = "stub-secret-5f1c0a";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Function<Recorded, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Clock clock = Clock.systemUTC();

    private StubGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubGateway start() {
        return new StubGateway();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public GatewayConfig config() {
        return GatewayConfig.of(baseUri(), MERCHANT, SECRET);
    }

    /** Answers {@code method path} with the replies in turn; the last one repeats. */
    public StubGateway on(String method, String path, Reply... replies) {
        List<Reply> queue = List.of(replies);
        AtomicInteger next = new AtomicInteger();
        return on(method, path, request -> queue.get(Math.min(next.getAndIncrement(), queue.size() - 1)));
    }

    StubGateway on(String method, String path, Function<Recorded, Reply> responder) {
        routes.put(method + " " + path, responder);
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("Expected one request, the stub got " + requests.size() + ": " + requests);
        }
        return requests.get(0);
    }

    /** What was wrong with the requests' merchant, timestamp or signature; empty when every one was right. */
    List<String> requestProblems() {
        return requests.stream().map(Recorded::problem).filter(p -> !p.isEmpty()).toList();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** One request as the stub received it. {@code problem} is empty when it was signed right. */
    record Recorded(String method, String pathWithQuery, Headers headers, byte[] body, String problem) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return method + " " + pathWithQuery + (problem.isEmpty() ? "" : " (" + problem + ")");
        }
    }

    /** A canned answer and how to misbehave with it. */
    public static final class Reply {
        public enum Signing { GOOD, WRONG, NO_SIGNATURE, NO_TIMESTAMP }

        final int status;
        final byte[] body;
        final String contentType;
        final Signing signing;
        final Duration timestampShift;
        final boolean hang;
        final Map<String, String> headers;
        /** The bytes the signature is computed over: the body, unless it was swapped after signing. */
        final byte[] signedBody;

        private Reply(int status, byte[] body, String contentType, Signing signing, Duration timestampShift,
                boolean hang, Map<String, String> headers) {
            this(status, body, body, contentType, signing, timestampShift, hang, headers);
        }

        private Reply(int status, byte[] body, byte[] signedBody, String contentType, Signing signing,
                Duration timestampShift, boolean hang, Map<String, String> headers) {
            this.status = status;
            this.body = body;
            this.signedBody = signedBody;
            this.contentType = contentType;
            this.signing = signing;
            this.timestampShift = timestampShift;
            this.hang = hang;
            this.headers = headers;
        }

        static Reply json(int status, String json) {
            return new Reply(status, json.getBytes(StandardCharsets.UTF_8), "application/json", Signing.GOOD,
                    Duration.ZERO, false, Map.of());
        }

        public static Reply ok(String json) {
            return json(200, json);
        }

        public static Reply error(int status, String code, String message) {
            return json(status, "{\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message + "\"}}");
        }

        public static Reply bytes(int status, byte[] body, String contentType) {
            return new Reply(status, body, contentType, Signing.GOOD, Duration.ZERO, false, Map.of());
        }

        /** Never answers (until the stub is closed). */
        static Reply hang() {
            return new Reply(200, new byte[0], "application/json", Signing.GOOD, Duration.ZERO, true, Map.of());
        }

        public Reply signed(Signing how) {
            return new Reply(status, body, signedBody, contentType, how, timestampShift, hang, headers);
        }

        Reply timestampShiftedBy(Duration shift) {
            return new Reply(status, body, signedBody, contentType, signing, shift, hang, headers);
        }

        /** Carries {@code other} under the signature computed for this reply's body, as a middlebox would. */
        Reply withBodySwappedAfterSigning(byte[] other) {
            return new Reply(status, other, signedBody, contentType, signing, timestampShift, hang, headers);
        }

        Reply header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, signedBody, contentType, signing, timestampShift, hang,
                    Map.copyOf(more));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            String pathWithQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String method = exchange.getRequestMethod();
            Recorded recorded = new Recorded(method, pathWithQuery, exchange.getRequestHeaders(), body,
                    checkRequest(method, pathWithQuery, exchange.getRequestHeaders(), body));
            requests.add(recorded);
            Reply reply;
            if (!recorded.problem().isEmpty()) {
                reply = Reply.error(401, recorded.problem().startsWith("stale") ? "stale_timestamp" : "bad_signature",
                        recorded.problem());
            } else {
                reply = Optional.ofNullable(routes.get(method + " " + uri.getRawPath()))
                        .map(r -> r.apply(recorded))
                        .orElseGet(() -> Reply.error(404, "not_found", "no route " + method + " " + uri.getRawPath()));
            }
            if (reply.hang) {
                try {
                    // Held until the stub closes: the client must give up on its own read timeout.
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            send(exchange, reply);
        }
    }

    private String checkRequest(String method, String pathWithQuery, Headers headers, byte[] body) {
        String merchant = headers.getFirst(Signatures.MERCHANT_HEADER);
        String timestamp = headers.getFirst(Signatures.TIMESTAMP_HEADER);
        String signature = headers.getFirst(Signatures.SIGNATURE_HEADER);
        if (!MERCHANT.equals(merchant)) {
            return "unknown merchant " + merchant;
        }
        if (timestamp == null || signature == null) {
            return "missing timestamp or signature";
        }
        if (!timestamp.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
            return "timestamp is not RFC 3339 UTC seconds: " + timestamp;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(timestamp, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return "timestamp unreadable: " + e.getMessage();
        }
        if (Math.abs(Duration.between(clock.instant(), at).getSeconds()) > Signatures.MAX_SKEW_SECONDS) {
            return "stale timestamp " + timestamp;
        }
        if (!signature.matches("[0-9a-f]{64}")) {
            return "signature is not lowercase hex: " + signature;
        }
        String expected = Signatures.signRequest(SECRET, method, pathWithQuery, timestamp, body);
        if (!Signatures.matches(expected, signature)) {
            return "bad signature";
        }
        return "";
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        Headers out = exchange.getResponseHeaders();
        out.set("Content-Type", reply.contentType);
        reply.headers.forEach(out::set);
        String timestamp = DateTimeFormatter.ISO_INSTANT.format(
                clock.instant().plus(reply.timestampShift).truncatedTo(ChronoUnit.SECONDS));
        String signature = Signatures.signResponse(SECRET, reply.status, timestamp, reply.signedBody);
        switch (reply.signing) {
            case GOOD -> {
                out.set(Signatures.TIMESTAMP_HEADER, timestamp);
                out.set(Signatures.SIGNATURE_HEADER, signature);
            }
            case WRONG -> {
                out.set(Signatures.TIMESTAMP_HEADER, timestamp);
                out.set(Signatures.SIGNATURE_HEADER, Signatures.signResponse("not-the-secret", reply.status,
                        timestamp, reply.signedBody));
            }
            case NO_SIGNATURE -> out.set(Signatures.TIMESTAMP_HEADER, timestamp);
            case NO_TIMESTAMP -> out.set(Signatures.SIGNATURE_HEADER, signature);
        }
        exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
        if (reply.body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(reply.body);
            }
        }
    }

    /** Bytes with one byte changed, as a tampering middlebox would leave them. */
    public static byte[] flipOneByte(byte[] bytes, int index) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        copy[index] ^= 0x01;
        return copy;
    }
}
