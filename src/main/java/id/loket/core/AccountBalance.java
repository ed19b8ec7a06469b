package id.loket.core;

/**
 * Running totals of one account, kept apart by phase as TigerBeetle does: what is posted, and what is
 * reserved by pending entries not yet posted or voided.
 */
public record AccountBalance(
        AccountCode account, Money debitsPosted, Money creditsPosted, Money debitsPending, Money creditsPending) {

    public static AccountBalance empty(AccountCode account) {
        return new AccountBalance(account, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
    }

    /** Posted debits minus posted credits (positive for an asset with money in it). */
    public Money postedNet() {
        return debitsPosted.minus(creditsPosted);
    }

    /** The balance once every open reservation is posted. */
    public Money netIncludingPending() {
        return postedNet().plus(debitsPending).minus(creditsPending);
    }

    /** Applies one posting of an entry of the given kind. */
    public AccountBalance apply(EntryKind kind, Posting p) {
        Money a = p.amount();
        boolean debit = p.side() == Side.DEBIT;
        return switch (kind) {
            case POSTED -> debit
                    ? new AccountBalance(account, debitsPosted.plus(a), creditsPosted, debitsPending, creditsPending)
                    : new AccountBalance(account, debitsPosted, creditsPosted.plus(a), debitsPending, creditsPending);
            case PENDING -> debit
                    ? new AccountBalance(account, debitsPosted, creditsPosted, debitsPending.plus(a), creditsPending)
                    : new AccountBalance(account, debitsPosted, creditsPosted, debitsPending, creditsPending.plus(a));
            case POST_PENDING -> debit
                    ? new AccountBalance(account, debitsPosted.plus(a), creditsPosted, debitsPending.minus(a), creditsPending)
                    : new AccountBalance(account, debitsPosted, creditsPosted.plus(a), debitsPending, creditsPending.minus(a));
            case VOID_PENDING -> debit
                    ? new AccountBalance(account, debitsPosted, creditsPosted, debitsPending.minus(a), creditsPending)
                    : new AccountBalance(account, debitsPosted, creditsPosted, debitsPending, creditsPending.minus(a));
        };
    }
}
