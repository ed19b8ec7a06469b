package id.loket.shift;

import id.loket.core.Money;
import java.util.Objects;

/** How many payments, and how much money in all. */
public record Tally(int count, Money total) {

    public static final Tally NONE = new Tally(0, Money.ZERO);

    public Tally {
        Objects.requireNonNull(total, "total");
    }

    public Tally plus(Money amount) {
        return new Tally(Math.addExact(count, 1), total.plus(amount));
    }
}
