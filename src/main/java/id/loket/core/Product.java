package id.loket.core;

import java.util.Objects;

/** A product of a prepaid biller: a token or credit denomination, or a ticket; {@code price} is the bill amount. */
public record Product(String code, String name, Money price) {

    public Product {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
    }
}
