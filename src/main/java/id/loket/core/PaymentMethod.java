package id.loket.core;

/**
 * How the customer pays the counter. Cash goes into the drawer; the rest are charges taken through the gateway
 * (QRIS, virtual account, e-wallet, hosted payment link) or the counter's own EDC terminal (debit card: the
 * clerk types the approval code; the app never sees card numbers), or the shop's own static QRIS (the clerk
 * confirms the money arrived).
 */
public enum PaymentMethod {
    CASH,
    DEBIT_CARD,
    QRIS,
    VIRTUAL_ACCOUNT,
    EWALLET,
    PAYMENT_LINK,
    /**
     * The shop's own static QRIS made dynamic with the amount: the customer pays the shop's bank directly and the
     * clerk confirms it on sight of the bank's notification; no gateway confirms it.
     */
    STATIC_QRIS;

    /** Whether the gateway takes this payment from the customer as a charge the counter waits for. */
    public boolean isGatewayCharge() {
        return this == QRIS || this == VIRTUAL_ACCOUNT || this == EWALLET || this == PAYMENT_LINK;
    }
}
