package id.loket.core;

/**
 * The exact way a customer pays a gateway charge: the payment method plus, for virtual accounts and e-wallets, the
 * bank or wallet. The command line names them ({@code --method VA_BCA}); the ledger keeps the method and the
 * channel. A gateway that does not distinguish banks (the house sandbox) takes only the method.
 */
public enum ChargeChannel {
    QRIS(PaymentMethod.QRIS, "qris"),
    GOPAY(PaymentMethod.EWALLET, "gopay"),
    VA_BCA(PaymentMethod.VIRTUAL_ACCOUNT, "bca"),
    VA_BNI(PaymentMethod.VIRTUAL_ACCOUNT, "bni"),
    VA_BRI(PaymentMethod.VIRTUAL_ACCOUNT, "bri"),
    VA_PERMATA(PaymentMethod.VIRTUAL_ACCOUNT, "permata"),
    MANDIRI_BILL(PaymentMethod.VIRTUAL_ACCOUNT, "mandiri"),
    LINK(PaymentMethod.PAYMENT_LINK, "link");

    private final PaymentMethod method;
    private final String code;

    ChargeChannel(PaymentMethod method, String code) {
        this.method = method;
        this.code = code;
    }

    /** The payment method this channel is a way of. */
    public PaymentMethod method() {
        return method;
    }

    /** The bank or wallet in lower case ({@code bca}, {@code gopay}), or the method's own name for QRIS and links. */
    public String code() {
        return code;
    }

    /** The channel a method uses when none is chosen: QRIS, BCA for a virtual account, GoPay, a payment link. */
    public static ChargeChannel defaultFor(PaymentMethod method) {
        return switch (method) {
            case QRIS -> QRIS;
            case VIRTUAL_ACCOUNT -> VA_BCA;
            case EWALLET -> GOPAY;
            case PAYMENT_LINK -> LINK;
            default -> throw new IllegalArgumentException(method + " is not taken through a gateway charge");
        };
    }
}
