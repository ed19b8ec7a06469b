package id.loket.customers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A regular customer of the shop. The record's {@code toString()} shows the NIK and phone masked (see {@link Nik}),
 * so a customer in a log line gives nothing away.
 *
 * @param verifiedAt when the phone was verified by the SMS code; present exactly when {@code status} is VERIFIED
 */
public record Customer(
        long id,
        String name,
        Nik nik,
        PhoneNumber phone,
        Optional<String> email,
        Optional<String> address,
        CustomerStatus status,
        Instant createdAt,
        Optional<Instant> verifiedAt) {

    public Customer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nik, "nik");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        if ((status == CustomerStatus.VERIFIED) != verifiedAt.isPresent()) {
            throw new IllegalArgumentException("A customer has a verification time exactly when VERIFIED: " + status
                    + ", " + verifiedAt);
        }
    }

    public boolean isVerified() {
        return status == CustomerStatus.VERIFIED;
    }

    /** The same customer, verified at {@code at}. */
    public Customer verified(Instant at) {
        return new Customer(id, name, nik, phone, email, address, CustomerStatus.VERIFIED, createdAt, Optional.of(at));
    }
}
