package id.loket.core;

/** What a biller bills for; the gateway may add categories, which Loket then shows as {@link #OTHER}. */
public enum BillerCategory {
    ELECTRICITY,
    WATER,
    PHONE,
    TICKET,
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
