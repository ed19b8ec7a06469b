package id.loket.core;

import java.util.Objects;

/**
 * A product of a prepaid biller: a token or credit denomination, or a ticket. {@code price} is what the customer
 * pays for it (the bill amount); {@code cost} what the biller network takes from the shop's deposit for it. At the
 * house gateway they are the same; at an aggregator the cost is its price list's and the price the owner's.
 */
public record Product(String code, String name, Money price, Money cost) {

    public Product {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(cost, "cost");
    }

    /** A product whose cost is its price (the house gateway's). */
    public Product(String code, String name, Money price) {
        this(code, name, price, price);
    }

    /** The same product at another selling price. */
    public Product withPrice(Money newPrice) {
        return new Product(code, name, newPrice, cost);
    }
}
