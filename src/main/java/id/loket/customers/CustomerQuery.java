package id.loket.customers;

import java.util.Objects;
import java.util.Optional;

/**
 * What a search looks for, prepared by {@link CustomerService#search}: a customer matches when any present part
 * matches; a query with no part finds everyone.
 *
 * @param name a piece of the name, in any case
 * @param phoneDigits digits to find in the phone as stored ({@code +62…}), a leading 0 already turned into 62
 * @param nikDigits digits to find in the NIK
 * @param limit at most this many customers, by name
 */
public record CustomerQuery(Optional<String> name, Optional<String> phoneDigits, Optional<String> nikDigits,
        int limit) {

    public CustomerQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phoneDigits, "phoneDigits");
        Objects.requireNonNull(nikDigits, "nikDigits");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** Everyone, up to {@code limit}. */
    public static CustomerQuery everyone(int limit) {
        return new CustomerQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }
}
