package id.loket.upstream.midtrans.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a {@link MidtransSimulator} behaves. Start from {@link #defaults()} and change with the {@code with...}
 * methods.
 *
 * @param port the loopback port; 0 = any free port
 * @param serverKey the server key Basic auth must carry ({@value #DEFAULT_SERVER_KEY} by default: a sandbox key)
 * @param merchantId the {@code merchant_id} in answers
 * @param clock drives transaction times and expiry
 * @param disabledPaymentTypes payment types answered 402 ("not activated"), e.g. {@code gopay}
 * @param notFound how an unknown order is answered (HTTP 200 + body 404, a real HTTP 404, or alternating)
 * @param idempotencyTtl how long a successful answer is replayed for the same {@code Idempotency-Key} (5 min [S2])
 * @param timeoutHold how long a {@code timeout} fault holds the answer (or until the simulator closes)
 */
public record MidtransSimulatorOptions(int port, String serverKey, String merchantId, Clock clock,
        Set<String> disabledPaymentTypes, NotFound notFound, Duration idempotencyTtl, Duration timeoutHold) {

    public static final String DEFAULT_SERVER_KEY = "SB-Mid-server-loket-simulator";
    public static final String DEFAULT_MERCHANT_ID = "G000000001";

    /** The two forms of "transaction doesn't exist" seen from Midtrans (research §1.1). */
    public enum NotFound {
        /** HTTP 200 with body {@code "status_code":"404"}. */
        BODY_404,
        /** A real HTTP 404 (with the same body). */
        HTTP_404,
        /** One, then the other (the default, so every client meets both). */
        ALTERNATE
    }

    public MidtransSimulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        if (serverKey == null || serverKey.isBlank()) {
            throw new IllegalArgumentException("serverKey must not be blank");
        }
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(clock, "clock");
        disabledPaymentTypes = disabledPaymentTypes.stream().map(t -> t.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(notFound, "notFound");
        Objects.requireNonNull(idempotencyTtl, "idempotencyTtl");
        Objects.requireNonNull(timeoutHold, "timeoutHold");
    }

    /** Any free port, the default sandbox key, the system clock, everything activated, 404s alternating. */
    public static MidtransSimulatorOptions defaults() {
        return new MidtransSimulatorOptions(0, DEFAULT_SERVER_KEY, DEFAULT_MERCHANT_ID, Clock.systemUTC(), Set.of(),
                NotFound.ALTERNATE, Duration.ofMinutes(5), Duration.ofSeconds(60));
    }

    public MidtransSimulatorOptions withPort(int newPort) {
        return new MidtransSimulatorOptions(newPort, serverKey, merchantId, clock, disabledPaymentTypes, notFound,
                idempotencyTtl, timeoutHold);
    }

    public MidtransSimulatorOptions withServerKey(String newKey) {
        return new MidtransSimulatorOptions(port, newKey, merchantId, clock, disabledPaymentTypes, notFound,
                idempotencyTtl, timeoutHold);
    }

    public MidtransSimulatorOptions withClock(Clock newClock) {
        return new MidtransSimulatorOptions(port, serverKey, merchantId, newClock, disabledPaymentTypes, notFound,
                idempotencyTtl, timeoutHold);
    }

    /** Payment types (as {@code payment_type} names them: qris, gopay, bank_transfer, permata, echannel) → 402. */
    public MidtransSimulatorOptions withDisabledPaymentTypes(Set<String> types) {
        return new MidtransSimulatorOptions(port, serverKey, merchantId, clock, types, notFound, idempotencyTtl,
                timeoutHold);
    }

    public MidtransSimulatorOptions withNotFound(NotFound newNotFound) {
        return new MidtransSimulatorOptions(port, serverKey, merchantId, clock, disabledPaymentTypes, newNotFound,
                idempotencyTtl, timeoutHold);
    }

    public MidtransSimulatorOptions withTimeoutHold(Duration hold) {
        return new MidtransSimulatorOptions(port, serverKey, merchantId, clock, disabledPaymentTypes, notFound,
                idempotencyTtl, hold);
    }
}
