package id.loket.upstream.house;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link HttpGateway} reaches one gateway: where, as which merchant, with which shared secret, how long it
 * waits, which clock stamps the requests, and how {@link HttpGateway#awaitPayment} backs off between status checks.
 *
 * <p>The secret is never part of {@link #toString()}, so a config can be logged.
 *
 * @param baseUri          the gateway's root, e.g. {@code https://h2h.example.co.id} or {@code http://127.0.0.1:8700};
 *                         plain {@code http://} is accepted only for a loopback host (127.0.0.0/8, ::1, localhost)
 * @param merchant         the merchant id sent as {@code X-Loket-Merchant}
 * @param secret           the shared HMAC secret
 * @param connectTimeout   how long to wait for a connection (default 5 s)
 * @param readTimeout      how long to wait for an answer once the request is sent (default 15 s)
 * @param clock            stamps requests and judges the age of responses
 * @param pollInitialDelay the wait after the first status check (default 1 s)
 * @param pollFactor       each later wait is this many times the previous one (default 2)
 * @param pollMaxDelay     no wait is longer than this (default 30 s)
 */
public record GatewayConfig(
        URI baseUri,
        String merchant,
        String secret,
        Duration connectTimeout,
        Duration readTimeout,
        Clock clock,
        Duration pollInitialDelay,
        int pollFactor,
        Duration pollMaxDelay) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_POLL_INITIAL_DELAY = Duration.ofSeconds(1);
    public static final int DEFAULT_POLL_FACTOR = 2;
    public static final Duration DEFAULT_POLL_MAX_DELAY = Duration.ofSeconds(30);

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    public GatewayConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pollInitialDelay, "pollInitialDelay");
        Objects.requireNonNull(pollMaxDelay, "pollMaxDelay");
        baseUri = checkedBaseUri(baseUri);
        if (merchant.isBlank()) {
            throw new IllegalArgumentException("The gateway merchant id is empty");
        }
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("The gateway secret is empty");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(pollInitialDelay, "pollInitialDelay");
        requirePositive(pollMaxDelay, "pollMaxDelay");
        if (pollFactor < 1) {
            throw new IllegalArgumentException("pollFactor must be at least 1, not " + pollFactor);
        }
        if (pollMaxDelay.compareTo(pollInitialDelay) < 0) {
            throw new IllegalArgumentException("pollMaxDelay " + pollMaxDelay + " is shorter than pollInitialDelay "
                    + pollInitialDelay);
        }
    }

    /** A config with the default timeouts (5 s connect, 15 s read), the system UTC clock and backoff 1 s ×2 ≤ 30 s. */
    public static GatewayConfig of(URI baseUri, String merchant, String secret) {
        return new GatewayConfig(baseUri, merchant, secret, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                Clock.systemUTC(), DEFAULT_POLL_INITIAL_DELAY, DEFAULT_POLL_FACTOR, DEFAULT_POLL_MAX_DELAY);
    }

    public GatewayConfig withTimeouts(Duration newConnectTimeout, Duration newReadTimeout) {
        return new GatewayConfig(baseUri, merchant, secret, newConnectTimeout, newReadTimeout, clock,
                pollInitialDelay, pollFactor, pollMaxDelay);
    }

    public GatewayConfig withReadTimeout(Duration newReadTimeout) {
        return withTimeouts(connectTimeout, newReadTimeout);
    }

    public GatewayConfig withClock(Clock newClock) {
        return new GatewayConfig(baseUri, merchant, secret, connectTimeout, readTimeout, newClock,
                pollInitialDelay, pollFactor, pollMaxDelay);
    }

    public GatewayConfig withPollBackoff(Duration initialDelay, int factor, Duration maxDelay) {
        return new GatewayConfig(baseUri, merchant, secret, connectTimeout, readTimeout, clock,
                initialDelay, factor, maxDelay);
    }

    public GatewayConfig withCredentials(String newMerchant, String newSecret) {
        return new GatewayConfig(baseUri, newMerchant, newSecret, connectTimeout, readTimeout, clock,
                pollInitialDelay, pollFactor, pollMaxDelay);
    }

    /** Everything but the secret. */
    @Override
    public String toString() {
        return "GatewayConfig[baseUri=" + baseUri + ", merchant=" + merchant + ", secret=(hidden)"
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", clock=" + clock
                + ", poll=" + pollInitialDelay + " x" + pollFactor + " <= " + pollMaxDelay + "]";
    }

    /**
     * Checks the scheme and host and drops a trailing slash, so paths can be appended. A plain-HTTP gateway off
     * this machine would let anyone on the way read the merchant's traffic and answer in the gateway's name until
     * the signature check; loopback never leaves the machine, which is why the sandbox may speak plain HTTP.
     */
    private static URI checkedBaseUri(URI uri) {
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new IllegalArgumentException("The gateway URL must be absolute, like https://host/ (got " + uri + ")");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("The gateway URL has no host: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "The gateway URL must not carry user info, a query or a fragment: " + uri);
        }
        if (scheme.equals("http")) {
            if (!isLoopback(host)) {
                throw new IllegalArgumentException("The gateway at " + host + " must be reached over https:// "
                        + "(plain http:// is only allowed to this machine: 127.0.0.1, ::1, localhost)");
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException("The gateway URL must start with https:// (got " + uri + ")");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** Loopback by its name or literal address alone: no DNS lookup, which a hostile resolver could answer. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        var v4 = IPV4.matcher(h);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(v4.group(1)) == 127;
        }
        if (h.startsWith("[") && h.endsWith("]") && h.contains(":")) {
            try {
                // A literal with ':' is parsed, never looked up.
                InetAddress address = InetAddress.getByName(h.substring(1, h.length() - 1));
                return address instanceof Inet6Address && address.isLoopbackAddress();
            } catch (UnknownHostException e) {
                // Not an address at all, so not loopback: the caller refuses plain HTTP to it.
                return false;
            }
        }
        return false;
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + d);
        }
    }
}
