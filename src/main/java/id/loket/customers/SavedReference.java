package id.loket.customers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bill the customer pays again and again (their PLN meter, their mother's PDAM account): picking the customer at
 * the counter offers these.
 *
 * @param label what the customer calls it ("Rumah", "Kos Ibu"), if they gave a name
 */
public record SavedReference(long customerId, String billerCode, String reference, Optional<String> label,
        Instant savedAt) {

    public SavedReference {
        Objects.requireNonNull(billerCode, "billerCode");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(savedAt, "savedAt");
    }
}
