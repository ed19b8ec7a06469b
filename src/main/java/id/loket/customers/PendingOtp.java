package id.loket.customers;

import java.time.Instant;
import java.util.Objects;

/**
 * The last code sent to a customer's phone, kept so that the code can be typed later (another command, another
 * screen) and checked with the gateway under the same {@code otpId}.
 */
public record PendingOtp(long customerId, String otpId, Instant requestedAt, Instant expiresAt) {

    public PendingOtp {
        Objects.requireNonNull(otpId, "otpId");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
