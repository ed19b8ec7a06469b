package id.loket.reconcile;

import id.loket.core.Money;
import java.util.Objects;

/**
 * The deposit check of a day: the gateway's opening balance plus the day's movements as the ledger knows them
 * (top-ups recorded, minus every successful payment of the day) should equal the gateway's closing balance.
 */
public record BalanceCheck(Money opening, Money movements, Money closing) {

    public BalanceCheck {
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(movements, "movements");
        Objects.requireNonNull(closing, "closing");
    }

    /** The closing balance the ledger expects. */
    public Money expectedClosing() {
        return opening.plus(movements);
    }

    /** Gateway closing − expected closing: positive when the gateway holds more than the ledger explains. */
    public Money difference() {
        return closing.minus(expectedClosing());
    }

    public boolean ok() {
        return difference().isZero();
    }
}
