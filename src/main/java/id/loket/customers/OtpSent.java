package id.loket.customers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A code was sent to the customer's phone.
 *
 * @param sandboxCode the code itself, when the gateway is the sandbox, which sends no SMS and shows the code instead;
 *     always empty with a real gateway
 */
public record OtpSent(Customer customer, Instant expiresAt, Optional<String> sandboxCode) {

    public OtpSent {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(sandboxCode, "sandboxCode");
    }
}
