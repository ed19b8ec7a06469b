package id.loket.core;

import java.util.regex.Pattern;

/**
 * The code of a ledger account: a lower-case base name, optionally qualified, e.g. {@code gateway_deposit}
 * or {@code cash_drawer:shift-42} (one cash drawer account per shift).
 */
public record AccountCode(String value) implements Comparable<AccountCode> {

    private static final Pattern VALID = Pattern.compile("[a-z][a-z_]*(:[A-Za-z0-9_-]+)?");

    public static final AccountCode CASH_DRAWER = new AccountCode("cash_drawer");
    public static final AccountCode GATEWAY_DEPOSIT = new AccountCode("gateway_deposit");
    public static final AccountCode CUSTOMER_CLEARING = new AccountCode("customer_clearing");
    public static final AccountCode ADMIN_FEE_INCOME = new AccountCode("admin_fee_income");
    public static final AccountCode REFUNDS_DUE = new AccountCode("refunds_due");
    public static final AccountCode OWNER_EQUITY = new AccountCode("owner_equity");
    /** The shop's own (static) QRIS: money the customer paid straight to the shop's bank, confirmed by the clerk. */
    public static final AccountCode QRIS_STATIC = new AccountCode("qris_static");

    public AccountCode {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an account code: '" + value + "'");
        }
    }

    public static AccountCode of(String value) {
        return new AccountCode(value);
    }

    /** A qualified account under this base, e.g. {@code CASH_DRAWER.qualified("shift-42")}. */
    public AccountCode qualified(String qualifier) {
        return new AccountCode(base() + ":" + qualifier);
    }

    /** The base name without its qualifier. */
    public String base() {
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    @Override
    public int compareTo(AccountCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
