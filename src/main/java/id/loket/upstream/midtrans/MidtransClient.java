package id.loket.upstream.midtrans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.upstream.CappedBody;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
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
    private final Duration readTimeout;
    private final Duration deadline;
    private final HttpClient http;

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
        requirePositive(connectTimeout, "connectTimeout");
        this.readTimeout = requirePositive(readTimeout, "readTimeout");
        this.deadline = connectTimeout.plus(readTimeout);
        this.serverKey = key;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                // A redirect would send the key somewhere Midtrans did not say.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
                .timeout(readTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT);
        idempotencyKey.ifPresent(k -> builder.header("Idempotency-Key", k));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        builder.method(method, publisher);
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(builder.build(),
                CappedBody.handler(MAX_ANSWER_BYTES));
        Reply reply;
        try {
            HttpResponse<byte[]> response = pending.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            reply = read(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            reply = new Reply.Lost("no complete answer within " + describe(deadline));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            reply = new Reply.Lost("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            reply = new Reply.Lost(describeFailure(e.getCause()));
        }
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

    private String describeFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge) {
                return t.getMessage();
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "could not connect within the connect timeout";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer within " + describe(readTimeout);
            }
            if (t instanceof ConnectException) {
                return "could not connect (" + t.getClass().getSimpleName() + ")";
            }
        }
        return "the connection failed: " + (failure == null ? "unknown" : failure.getClass().getSimpleName());
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    // --- construction -----------------------------------------------------------------------------------------------

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
        return duration;
    }

    /** The base URL without a trailing slash, or why it is refused. */
    static String checkBaseUrl(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The Midtrans URL must not carry a user name or password");
        }
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "The Midtrans URL must be absolute with a host, like " + SANDBOX_URL + ": " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("The Midtrans URL must not have a query or fragment: " + baseUrl);
        }
        String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (!isLoopback(baseUrl.getHost())) {
                throw new IllegalArgumentException("The Midtrans URL must use https:// (" + baseUrl + "): over plain "
                        + "http:// anyone on the way could read the server key and change the answers; http:// is "
                        + "allowed only for a simulator on this computer (127.0.0.1, ::1, localhost)");
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException("The Midtrans URL must use https://, not " + scheme + ": " + baseUrl);
        }
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** From the URL alone: a DNS answer could say anything. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        Matcher ipv4 = IPV4.matcher(h);
        if (!ipv4.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(ipv4.group(i)) > 255) {
                return false;
            }
        }
        return ipv4.group(1).equals("127");
    }

    /** The URL, the mode and the read timeout; never the key. */
    @Override
    public String toString() {
        return "MidtransClient[" + baseUrl + ", " + (sandbox ? "sandbox" : "production") + " key, read timeout "
                + describe(readTimeout) + "]";
    }
}
