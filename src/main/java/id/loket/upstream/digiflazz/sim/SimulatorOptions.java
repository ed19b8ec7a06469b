package id.loket.upstream.digiflazz.sim;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link DigiflazzSimulator} runs. It always binds loopback ({@code 127.0.0.1}); nothing here can change
 * that, because the keys below are public knowledge.
 *
 * @param port 0 picks a free port
 * @param username the only username the simulator knows (others answer rc 42)
 * @param developmentKey the key for {@code "testing": true} calls
 * @param productionKey the key for calls without {@code testing}
 * @param startingDeposit the deposit in whole rupiah when the simulator starts
 * @param httpStatusOnError the HTTP status of an answer whose {@code status} is {@code Gagal}: 400 (what one
 *     integrator reported of the real service) or 200
 * @param pendingDelay a Pending turns final only on a re-check made at least this long after it was created (and,
 *     when a webhook goes out for it, by itself this long after creation, in real time)
 * @param pendingChecks ... and not before its {@code pendingChecks}-th re-check (1 = the first)
 * @param clock the time the simulator judges dates, the 90-day rule, the same-day rule and rate limits by
 * @param whitelistedIps the client addresses allowed; any other gets rc 45 on every call. Empty = nobody
 * @param priceListLimit whether the price-list rate limit (rc 83) applies
 * @param webhookUrl the static webhook ("Atur Koneksi > API > Webhook"); loopback only
 * @param webhookSecret the webhook secret; when present, webhooks carry {@code X-Hub-Signature}
 * @param webhookId the id {@code /v1/report/hooks/{id}/pings} answers for
 */
public record SimulatorOptions(
        int port,
        String username,
        String developmentKey,
        String productionKey,
        long startingDeposit,
        int httpStatusOnError,
        Duration pendingDelay,
        int pendingChecks,
        Clock clock,
        List<String> whitelistedIps,
        boolean priceListLimit,
        Optional<URI> webhookUrl,
        Optional<String> webhookSecret,
        String webhookId) {

    public static final String DEFAULT_USERNAME = "loketuser";
    public static final String DEFAULT_DEVELOPMENT_KEY = "dev-11111111-2222-3333-4444-555555555555";
    public static final String DEFAULT_PRODUCTION_KEY = "prod-99999999-8888-7777-6666-555555555555";
    public static final long DEFAULT_DEPOSIT = 1_000_000L;
    public static final String DEFAULT_WEBHOOK_ID = "11aaabbb";
    /** IPv4 and IPv6 loopback: whatever address the client's loopback connection comes from. */
    public static final List<String> LOOPBACK = List.of("127.0.0.1", "::1");

    public SimulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, not " + port);
        }
        requireText(username, "username");
        requireText(developmentKey, "developmentKey");
        requireText(productionKey, "productionKey");
        if (developmentKey.equals(productionKey)) {
            throw new IllegalArgumentException("the development and production keys must differ");
        }
        if (startingDeposit < 0) {
            throw new IllegalArgumentException("startingDeposit must not be negative");
        }
        if (httpStatusOnError != 200 && httpStatusOnError != 400) {
            throw new IllegalArgumentException("httpStatusOnError must be 200 or 400, not " + httpStatusOnError);
        }
        Objects.requireNonNull(pendingDelay, "pendingDelay");
        if (pendingDelay.isNegative()) {
            throw new IllegalArgumentException("pendingDelay must not be negative");
        }
        if (pendingChecks < 1) {
            throw new IllegalArgumentException("pendingChecks must be at least 1");
        }
        Objects.requireNonNull(clock, "clock");
        whitelistedIps = List.copyOf(whitelistedIps);
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        requireText(webhookId, "webhookId");
    }

    /**
     * A free loopback port, {@code loketuser} with the default keys, Rp 1.000.000 of deposit, HTTP 400 on
     * failures, a Pending final at its first re-check, the system clock, loopback whitelisted, the price-list
     * limit on, no webhook.
     */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(0, DEFAULT_USERNAME, DEFAULT_DEVELOPMENT_KEY, DEFAULT_PRODUCTION_KEY,
                DEFAULT_DEPOSIT, 400, Duration.ZERO, 1, Clock.systemUTC(), LOOPBACK, true, Optional.empty(),
                Optional.empty(), DEFAULT_WEBHOOK_ID);
    }

    public static Builder builder() {
        return new Builder(defaults());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public SimulatorOptions withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    public SimulatorOptions withClock(Clock newClock) {
        return toBuilder().clock(newClock).build();
    }

    public SimulatorOptions withHttpStatusOnError(int status) {
        return toBuilder().httpStatusOnError(status).build();
    }

    /** Every call answers rc 45, as from a counter whose IP is not whitelisted. */
    public SimulatorOptions notWhitelisted() {
        return toBuilder().whitelistedIps(List.of()).build();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** Changes some options of a copy; {@link #build()} checks them together. */
    public static final class Builder {
        private int port;
        private String username;
        private String developmentKey;
        private String productionKey;
        private long startingDeposit;
        private int httpStatusOnError;
        private Duration pendingDelay;
        private int pendingChecks;
        private Clock clock;
        private List<String> whitelistedIps;
        private boolean priceListLimit;
        private Optional<URI> webhookUrl;
        private Optional<String> webhookSecret;
        private String webhookId;

        private Builder(SimulatorOptions o) {
            port = o.port;
            username = o.username;
            developmentKey = o.developmentKey;
            productionKey = o.productionKey;
            startingDeposit = o.startingDeposit;
            httpStatusOnError = o.httpStatusOnError;
            pendingDelay = o.pendingDelay;
            pendingChecks = o.pendingChecks;
            clock = o.clock;
            whitelistedIps = o.whitelistedIps;
            priceListLimit = o.priceListLimit;
            webhookUrl = o.webhookUrl;
            webhookSecret = o.webhookSecret;
            webhookId = o.webhookId;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder username(String value) {
            username = value;
            return this;
        }

        public Builder developmentKey(String value) {
            developmentKey = value;
            return this;
        }

        public Builder productionKey(String value) {
            productionKey = value;
            return this;
        }

        public Builder startingDeposit(long value) {
            startingDeposit = value;
            return this;
        }

        public Builder httpStatusOnError(int value) {
            httpStatusOnError = value;
            return this;
        }

        public Builder pendingDelay(Duration value) {
            pendingDelay = value;
            return this;
        }

        public Builder pendingChecks(int value) {
            pendingChecks = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder whitelistedIps(List<String> value) {
            whitelistedIps = value;
            return this;
        }

        public Builder priceListLimit(boolean value) {
            priceListLimit = value;
            return this;
        }

        /** The static webhook and its secret ({@code null} secret: webhooks are not signed). */
        public Builder webhook(URI url, String secret) {
            webhookUrl = Optional.of(url);
            webhookSecret = Optional.ofNullable(secret);
            return this;
        }

        /** Only a secret: {@code cb_url} callbacks are signed with it too. */
        public Builder webhookSecret(String secret) {
            webhookSecret = Optional.ofNullable(secret);
            return this;
        }

        public Builder webhookId(String value) {
            webhookId = value;
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(port, username, developmentKey, productionKey, startingDeposit,
                    httpStatusOnError, pendingDelay, pendingChecks, clock, whitelistedIps, priceListLimit,
                    webhookUrl, webhookSecret, webhookId);
        }
    }
}
