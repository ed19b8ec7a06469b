package id.loket.core;

import java.util.Objects;

/** One line of a journal entry: an amount on one side of one account. */
public record Posting(AccountCode account, Side side, Money amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
    }

    public static Posting debit(AccountCode account, Money amount) {
        return new Posting(account, Side.DEBIT, amount);
    }

    public static Posting credit(AccountCode account, Money amount) {
        return new Posting(account, Side.CREDIT, amount);
    }
}
