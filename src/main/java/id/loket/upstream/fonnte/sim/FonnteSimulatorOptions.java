package id.loket.upstream.fonnte.sim;

import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a {@link FonnteSimulator} runs. It always binds loopback ({@code 127.0.0.1}): the token below is public.
 *
 * @param port 0 picks a free port
 * @param token the one device token the simulator accepts (others: {@code token invalid})
 * @param quota how many messages the device may still send (one per target); empty = no limit. At 0 every send is
 *     {@code insufficient quota}
 * @param failureHttpStatus the HTTP status of a {@code status:false} answer: 200, as clients report of the real
 *     service, or e.g. 400 to prove that a client keys on {@code status}, not on HTTP
 * @param clock stamps the messages
 */
public record FonnteSimulatorOptions(int port, String token, OptionalLong quota, int failureHttpStatus, Clock clock) {

    public static final String DEFAULT_TOKEN = "loket-fonnte-simulator";

    public FonnteSimulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) to 65535, not " + port);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        Objects.requireNonNull(quota, "quota");
        if (quota.isPresent() && quota.getAsLong() < 0) {
            throw new IllegalArgumentException("quota must not be negative");
        }
        if (failureHttpStatus < 200 || failureHttpStatus > 599) {
            throw new IllegalArgumentException("failureHttpStatus must be an HTTP status, not " + failureHttpStatus);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** A free port, token {@value #DEFAULT_TOKEN}, no quota limit, failures with HTTP 200, the system clock. */
    public static FonnteSimulatorOptions defaults() {
        return new FonnteSimulatorOptions(0, DEFAULT_TOKEN, OptionalLong.empty(), 200, Clock.systemUTC());
    }

    public FonnteSimulatorOptions withPort(int newPort) {
        return new FonnteSimulatorOptions(newPort, token, quota, failureHttpStatus, clock);
    }

    public FonnteSimulatorOptions withToken(String newToken) {
        return new FonnteSimulatorOptions(port, newToken, quota, failureHttpStatus, clock);
    }

    public FonnteSimulatorOptions withQuota(long messages) {
        return new FonnteSimulatorOptions(port, token, OptionalLong.of(messages), failureHttpStatus, clock);
    }

    public FonnteSimulatorOptions withFailureHttpStatus(int status) {
        return new FonnteSimulatorOptions(port, token, quota, status, clock);
    }

    public FonnteSimulatorOptions withClock(Clock newClock) {
        return new FonnteSimulatorOptions(port, token, quota, failureHttpStatus, newClock);
    }
}
