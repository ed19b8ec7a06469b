package id.loket.core;

/**
 * What a biller bills for, as the counter groups billers; a network's own categories are mapped onto these, and
 * any Loket does not know is shown as {@link #OTHER}.
 */
public enum BillerCategory {
    ELECTRICITY,
    WATER,
    PHONE,
    TICKET,
    INTERNET,
    TV,
    BPJS,
    EMONEY,
    FINANCE,
    TAX,
    GAS,
    GAME,
    OTHER;

    public static BillerCategory parse(String text) {
        for (BillerCategory c : values()) {
            if (c.name().equals(text)) {
                return c;
            }
        }
        return OTHER;
    }
}
