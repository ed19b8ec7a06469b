package id.loket.customers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A customer to register, already checked; the store gives the id. */
public record NewCustomer(String name, Nik nik, PhoneNumber phone, Optional<String> email, Optional<String> address,
        Instant createdAt) {

    public NewCustomer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nik, "nik");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The registered, unverified customer with the id the store gave. */
    public Customer withId(long id) {
        return new Customer(id, name, nik, phone, email, address, CustomerStatus.UNVERIFIED, createdAt,
                Optional.empty());
    }
}
