package id.loket.core;

/** An account of the chart of accounts, with the kind that says which side increases it. */
public record Account(AccountCode code, AccountType type, String name) {

    public enum AccountType {
        ASSET,
        LIABILITY,
        EQUITY,
        INCOME,
        EXPENSE
    }
}
