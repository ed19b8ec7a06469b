package id.loket.upstream.midtrans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.upstream.ProviderHttp;
import id.loket.upstream.ProviderUrls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Midtrans Core API (and Payment Link API) over HTTPS, one JSON request per call (research
 * payments-messaging.md §1.1). It only moves bytes: a call ends in a {@link Reply}, either {@link Reply.Received}
 * (an HTTP status and a JSON object) or {@link Reply.Lost} (no answer, a timeout, a body that is not a JSON object).
 * What the body's {@code status_code} means is {@link ResponseCode}'s business; this client never retries.
 *
 * <p>Auth is {@code Authorization: Basic base64(serverKey + ":")} [S1]. The server key is never logged and never
 * in {@link #toString()}. https only, except a simulator on this computer (loopback, judged from the URL alone).
 *
 * <p>Timeouts: {@code connectTimeout} bounds connecting, {@code readTimeout} the wait for the whole answer
 * (research §1.8 suggests ~30 s: the SDK's 10 s is short for a charge). Bodies are capped at 1 MiB.
 *
 * <p>Thread-safe and immutable; calls block the calling thread.
 */
public final class MidtransClient {

    public static final URI SANDBOX_URL = URI.create("https://api.sandbox.midtrans.com");
    public static final URI PRODUCTION_URL = URI.create("https://api.midtrans.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Sandbox server keys start with this [S1]. */
    public static final String SANDBOX_KEY_PREFIX = "SB-Mid-server-";

    private static final Logger LOG = LoggerFactory.getLogger(MidtransClient.class);
    private static final long MAX_ANSWER_BYTES = 1024L * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String USER_AGENT = "Loket/" + Optional.ofNullable(
            MidtransClient.class.getPackage().getImplementationVersion()).orElse("dev");

    /** What one call came to. */
    public sealed interface Reply permits Reply.Received, Reply.Lost {

        /** An answer: the HTTP status and the body, a JSON object. */
        record Received(int httpStatus, JsonNode body) implements Reply {
            public Received {
                Objects.requireNonNull(body, "body");
            }

            /** The body's {@code status_code} as text (Midtrans sends a string; a number is read too). */
            public Optional<String> statusCode() {
                JsonNode code = body.get("status_code");
                if (code == null || !(code.isTextual() || code.isIntegralNumber())) {
                    return Optional.empty();
                }
                String text = code.asText().strip();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }

            /** A text field, empty when absent, null or blank. */
            public Optional<String> text(String field) {
                return MidtransClient.text(body, field);
            }
        }

        /** Nothing usable came back: the outcome of the request is unknown. */
        record Lost(String reason) implements Reply {}
    }

    private final String baseUrl;
    /** Kept only to check signatures; never logged, never shown. */
    private final String serverKey;
    private final String authorization;
    private final boolean sandbox;
    private final ProviderHttp http;

    /**
     * @param baseUrl {@link #SANDBOX_URL}, {@link #PRODUCTION_URL} or a simulator's; {@code https://} unless the
     *     host is this computer (127.0.0.0/8, ::1, localhost)
     * @throws IllegalArgumentException saying why the URL or a timeout is refused, or for a blank key
     */
    public MidtransClient(URI baseUrl, String serverKey, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = checkBaseUrl(baseUrl);
        if (serverKey == null || serverKey.isBlank()) {
            throw new IllegalArgumentException("The Midtrans server key is empty");
        }
        String key = serverKey.strip();
        this.authorization = authorization(key);
        this.sandbox = key.startsWith(SANDBOX_KEY_PREFIX)
                || baseUrl.getHost().equalsIgnoreCase(SANDBOX_URL.getHost());
        // Never follows a redirect: it would send the key somewhere Midtrans did not say.
        this.http = new ProviderHttp(connectTimeout, readTimeout);
        this.serverKey = key;
    }

    /** With the default timeouts (connect 10 s, read 30 s). */
    public MidtransClient(URI baseUrl, String serverKey) {
        this(baseUrl, serverKey, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /** Whether this is Midtrans' sandbox: a sandbox key ({@code SB-Mid-server-...}) or the sandbox host. */
    public boolean isSandbox() {
        return sandbox;
    }

    /** The {@code Authorization} header value for a server key: {@code Basic base64(key + ":")} [S1]. */
    public static String authorization(String serverKey) {
        return "Basic " + Base64.getEncoder().encodeToString((serverKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** Checks a {@code signature_key} against this client's server key (never exposing the key). */
    boolean signatureMatches(String orderId, String statusCode, String grossAmount, String signatureKey) {
        return Signature.matches(orderId, statusCode, grossAmount, serverKey, signatureKey);
    }

    // --- the calls --------------------------------------------------------------------------------------------------

    public Reply get(String path) {
        return call("GET", path, null, Optional.empty());
    }

    /** A POST of {@code body} (null: no body), with an {@code Idempotency-Key} header when given. */
    public Reply post(String path, byte[] body, Optional<String> idempotencyKey) {
        return call("POST", path, body, idempotencyKey);
    }

    public Reply delete(String path) {
        return call("DELETE", path, null, Optional.empty());
    }

    private Reply call(String method, String path, byte[] body, Optional<String> idempotencyKey) {
        long started = System.nanoTime();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT);
        idempotencyKey.ifPresent(k -> builder.header("Idempotency-Key", k));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        builder.method(method, publisher);
        ProviderHttp.Exchange exchange = http.exchange(builder, MAX_ANSWER_BYTES);
        Reply reply = exchange.answered() ? read(exchange.status(), exchange.body())
                : new Reply.Lost(exchange.failure());
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (reply instanceof Reply.Received r) {
            LOG.info("Midtrans {} {}: HTTP {}, status_code {} ({} ms)", method, path, r.httpStatus(),
                    r.statusCode().orElse("-"), millis);
        } else {
            LOG.warn("Midtrans {} {}: no answer, {} ({} ms)", method, path, ((Reply.Lost) reply).reason(), millis);
        }
        return reply;
    }

    /** An HTTP answer as a reply: a JSON object, or lost (a proxy's HTML page, half a body, nothing). */
    static Reply read(int httpStatus, byte[] body) {
        if (body == null || body.length == 0) {
            return new Reply.Lost("HTTP " + httpStatus + " with an empty body");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                return new Reply.Lost("HTTP " + httpStatus + " with a body that is not a JSON object");
            }
            return new Reply.Received(httpStatus, node);
        } catch (IOException e) {
            return new Reply.Lost("HTTP " + httpStatus + " with a body that is not JSON");
        }
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    // --- construction -----------------------------------------------------------------------------------------------

    /** The base URL without a trailing slash, or why it is refused. */
    static String checkBaseUrl(URI baseUrl) {
        return ProviderUrls.checkBaseUrl(baseUrl, "Midtrans", SANDBOX_URL,
                "read the server key and change the answers");
    }

    /** The URL, the mode and the read timeout; never the key. */
    @Override
    public String toString() {
        return "MidtransClient[" + baseUrl + ", " + (sandbox ? "sandbox" : "production") + " key, read timeout "
                + ProviderHttp.describe(http.readTimeout()) + "]";
    }
}
