package id.loket.upstream.house.sim;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SandboxServer} runs: where it listens, which merchant and secret it accepts, where it keeps its
 * state, and the clock and lifetimes it judges expiry by (tests inject a clock they can move).
 *
 * <p>The host is bound as given. {@link #defaults} binds loopback only, because the sandbox holds a shared secret
 * that is public knowledge ({@link #DEFAULT_SECRET}); a non-loopback host is only used when a caller (the CLI,
 * passing what the user typed) sets one explicitly with {@link #withHost}.
 *
 * <p>{@link #toString()} masks the secret so options can be logged.
 */
public record SandboxOptions(
        String host,
        int port,
        String merchant,
        String secret,
        Path stateFile,
        boolean settleImmediately,
        Clock clock,
        Duration inquiryTtl,
        Duration chargeTtl,
        Duration otpTtl) {

    public static final String DEFAULT_MERCHANT = "LOKET-SANDBOX";
    public static final String DEFAULT_SECRET = "sandbox-secret";
    public static final String LOOPBACK_HOST = "127.0.0.1";

    public SandboxOptions {
        requireText(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, not " + port);
        }
        requireText(merchant, "merchant");
        requireText(secret, "secret");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(clock, "clock");
        requirePositive(inquiryTtl, "inquiryTtl");
        requirePositive(chargeTtl, "chargeTtl");
        requirePositive(otpTtl, "otpTtl");
    }

    /**
     * Loopback, a free port, the default merchant and secret, the current business day not settled yet, the system
     * clock, inquiries and charges valid 15 minutes, OTP codes 5 minutes.
     */
    public static SandboxOptions defaults(Path stateFile) {
        return new SandboxOptions(LOOPBACK_HOST, 0, DEFAULT_MERCHANT, DEFAULT_SECRET, stateFile, false,
                Clock.systemUTC(), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(5));
    }

    /** Binds {@code newHost} as given, even if it is reachable from the network (the caller decided so). */
    public SandboxOptions withHost(String newHost) {
        return new SandboxOptions(newHost, port, merchant, secret, stateFile, settleImmediately, clock, inquiryTtl,
                chargeTtl, otpTtl);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(host, newPort, merchant, secret, stateFile, settleImmediately, clock, inquiryTtl,
                chargeTtl, otpTtl);
    }

    public SandboxOptions withMerchant(String newMerchant, String newSecret) {
        return new SandboxOptions(host, port, newMerchant, newSecret, stateFile, settleImmediately, clock, inquiryTtl,
                chargeTtl, otpTtl);
    }

    public SandboxOptions withStateFile(Path newStateFile) {
        return new SandboxOptions(host, port, merchant, secret, newStateFile, settleImmediately, clock, inquiryTtl,
                chargeTtl, otpTtl);
    }

    /** Whether the settlement of the current (not yet closed) business day is served too. */
    public SandboxOptions withSettleImmediately(boolean settle) {
        return new SandboxOptions(host, port, merchant, secret, stateFile, settle, clock, inquiryTtl, chargeTtl,
                otpTtl);
    }

    public SandboxOptions withClock(Clock newClock) {
        return new SandboxOptions(host, port, merchant, secret, stateFile, settleImmediately, newClock, inquiryTtl,
                chargeTtl, otpTtl);
    }

    public SandboxOptions withInquiryTtl(Duration ttl) {
        return new SandboxOptions(host, port, merchant, secret, stateFile, settleImmediately, clock, ttl, chargeTtl,
                otpTtl);
    }

    public SandboxOptions withChargeTtl(Duration ttl) {
        return new SandboxOptions(host, port, merchant, secret, stateFile, settleImmediately, clock, inquiryTtl, ttl,
                otpTtl);
    }

    public SandboxOptions withOtpTtl(Duration ttl) {
        return new SandboxOptions(host, port, merchant, secret, stateFile, settleImmediately, clock, inquiryTtl,
                chargeTtl, ttl);
    }

    @Override
    public String toString() {
        return "SandboxOptions[host=" + host + ", port=" + port + ", merchant=" + merchant + ", secret=***"
                + ", stateFile=" + stateFile + ", settleImmediately=" + settleImmediately + ", clock=" + clock
                + ", inquiryTtl=" + inquiryTtl + ", chargeTtl=" + chargeTtl + ", otpTtl=" + otpTtl + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
