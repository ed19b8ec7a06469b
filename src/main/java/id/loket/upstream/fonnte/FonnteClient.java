package id.loket.upstream.fonnte;

import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.upstream.ProviderHttp;
import id.loket.upstream.ProviderUrls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
    private static final String USER_AGENT = "Loket/" + Optional.ofNullable(
            FonnteClient.class.getPackage().getImplementationVersion()).orElse("dev");

    private final String baseUrl;
    private final String token;
    private final ProviderHttp http;

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
        // Never follows a redirect: it would carry the token somewhere Fonnte did not say.
        this.http = new ProviderHttp(connectTimeout, readTimeout);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/send"))
                .header("Authorization", token)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        ProviderHttp.Exchange exchange = http.exchange(request, MAX_ANSWER_BYTES);
        int status = exchange.status();
        GatewayResult<MessageReceipt> result = exchange.answered() ? FonnteAnswers.send(exchange.body(), status)
                : new GatewayResult.NoAnswer<>(exchange.failure());
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

    /** The base URL without a trailing slash, or why it is refused. */
    static String checkBaseUrl(URI baseUrl) {
        return ProviderUrls.checkBaseUrl(baseUrl, "Fonnte", PRODUCTION_URL,
                "read the token and the customers' codes");
    }

    /** The URL and the token masked; never the token. */
    @Override
    public String toString() {
        return "FonnteClient[" + baseUrl + ", token " + maskToken(token) + ", read timeout "
                + ProviderHttp.describe(http.readTimeout()) + "]";
    }

    static String maskToken(String token) {
        return token.length() <= 4 ? "****" : "****" + token.substring(token.length() - 2);
    }
}
