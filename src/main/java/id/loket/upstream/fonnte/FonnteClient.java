package id.loket.upstream.fonnte;

import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.upstream.CappedBody;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Fonnte's {@code POST {url}/send} over HTTPS (docs.fonnte.com/api-send-message; research §4.1): one form POST per
 * text, header {@code Authorization: <device token>} (no "Bearer"), fields {@code target}, {@code message} and
 * {@code countryCode=62}. The answer is read by {@link FonnteAnswers}.
 *
 * <p><b>No retries.</b> A timeout may still have queued the text; whether to send again is the caller's call (a
 * receipt sent twice is harmless, an OTP is a new code anyway).
 *
 * <p>Timeouts: {@code connectTimeout} bounds connecting, {@code readTimeout} the wait for the headers, and the whole
 * call ends after both at the latest. Answers are capped at 64 KiB.
 *
 * <p>Each call logs one line: the masked number, the length of the text, the outcome, the HTTP status and the time
 * taken. The token is never logged, nor the text (it may carry a one-time code or a prepaid token).
 *
 * <p>Thread-safe; calls block the calling thread.
 */
public final class FonnteClient {

    public static final URI PRODUCTION_URL = URI.create("https://api.fonnte.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    /** Fonnte's own default turns a leading 0 into 62; the number is normalised before anyway. */
    static final String COUNTRY_CODE = "62";

    private static final Logger LOG = LoggerFactory.getLogger(FonnteClient.class);
    private static final long MAX_ANSWER_BYTES = 64L * 1024;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final String USER_AGENT = "Loket/" + Optional.ofNullable(
            FonnteClient.class.getPackage().getImplementationVersion()).orElse("dev");

    private final String baseUrl;
    private final String token;
    private final Duration readTimeout;
    private final Duration deadline;
    private final HttpClient http;

    /** With the default timeouts (10 s to connect, 20 s for the answer). */
    public FonnteClient(URI baseUrl, String token) {
        this(baseUrl, token, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * @param baseUrl {@link #PRODUCTION_URL} or a simulator's; {@code https://} unless the host is this computer
     *     (127.0.0.0/8, ::1, localhost, judged from the URL alone)
     * @param token the device token from the Fonnte dashboard
     * @throws IllegalArgumentException saying why the URL or the token is refused, or for a timeout not positive
     */
    public FonnteClient(URI baseUrl, String token, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = checkBaseUrl(baseUrl);
        String t = Objects.requireNonNull(token, "token").strip();
        if (t.isEmpty() || t.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("The Fonnte token is empty or has characters a token never has"
                    + " (spaces, line breaks): copy it again from the Fonnte dashboard");
        }
        this.token = t;
        requirePositive(connectTimeout, "connectTimeout");
        this.readTimeout = requirePositive(readTimeout, "readTimeout");
        this.deadline = connectTimeout.plus(readTimeout);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                // A redirect would carry the token somewhere Fonnte did not say.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends {@code message} to {@code target}.
     *
     * @param target the number as Fonnte takes it, digits with the country code ({@link IndonesianMobile})
     */
    public GatewayResult<MessageReceipt> send(String target, String message) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        long started = System.nanoTime();
        String form = "target=" + encode(target) + "&message=" + encode(message) + "&countryCode=" + COUNTRY_CODE;
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/send"))
                .timeout(readTimeout)
                .header("Authorization", token)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        int status = 0;
        GatewayResult<MessageReceipt> result;
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, CappedBody.handler(MAX_ANSWER_BYTES));
        try {
            HttpResponse<byte[]> response = pending.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            status = response.statusCode();
            result = FonnteAnswers.send(response.body(), status);
        } catch (TimeoutException e) {
            pending.cancel(true);
            result = new GatewayResult.NoAnswer<>("no complete answer within " + describe(deadline));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            result = new GatewayResult.NoAnswer<>("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            result = new GatewayResult.NoAnswer<>(describeFailure(e.getCause()));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String to = IndonesianMobile.mask(target);
        if (result instanceof GatewayResult.Answer<MessageReceipt> a) {
            LOG.info("Fonnte /send to {} ({} chars): id {} {}, HTTP {} in {} ms", to, message.length(),
                    a.value().messageId(), a.value().status(), status, millis);
        } else if (result instanceof GatewayResult.Refused<MessageReceipt> r) {
            LOG.warn("Fonnte /send to {} ({} chars): refused {}, HTTP {} in {} ms", to, message.length(),
                    r.error().code(), status, millis);
        } else if (result instanceof GatewayResult.NoAnswer<MessageReceipt> n) {
            LOG.warn("Fonnte /send to {} ({} chars): no answer: {}, in {} ms", to, message.length(), n.reason(),
                    millis);
        }
        return result;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
            throw new IllegalArgumentException("The Fonnte URL must not carry a user name or password");
        }
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("The Fonnte URL must be absolute with a host, like " + PRODUCTION_URL
                    + ": " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("The Fonnte URL must not have a query or fragment: " + baseUrl);
        }
        String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (!isLoopback(baseUrl.getHost())) {
                throw new IllegalArgumentException("The Fonnte URL must use https:// (" + baseUrl + "): over plain"
                        + " http:// anyone on the way could read the token and the customers' codes; http:// is"
                        + " allowed only for a simulator on this computer (127.0.0.1, ::1, localhost)");
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException("The Fonnte URL must use https://, not " + scheme + ": " + baseUrl);
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

    /** The URL and the token masked; never the token. */
    @Override
    public String toString() {
        return "FonnteClient[" + baseUrl + ", token " + maskToken(token) + ", read timeout " + describe(readTimeout)
                + "]";
    }

    static String maskToken(String token) {
        return token.length() <= 4 ? "****" : "****" + token.substring(token.length() - 2);
    }
}
