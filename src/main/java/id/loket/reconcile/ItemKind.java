package id.loket.reconcile;

/**
 * How one payment (or the deposit) of a business day compares between the ledger and the gateway's settlement
 * (DESIGN.md, "Reconciliation"). Stored by name: add kinds at will, never rename one.
 */
public enum ItemKind {
    /** Both sides have the payment, with the same status and amounts. Counted, not stored as an item. */
    MATCHED(false),
    /** Both sides have the payment and agree on its status, but not on the bill amount or the admin fee. */
    AMOUNT_MISMATCH(true),
    /** Both sides have the payment, one as a success and the other as failed or reversed. */
    STATUS_MISMATCH(true),
    /** The ledger has a successful (or still open) payment the settlement does not list, on this day or the next. */
    MISSING_AT_GATEWAY(true),
    /** The settlement lists a payment the ledger never made. */
    MISSING_IN_LEDGER(true),
    /** A payment the ledger held as suspect, settled by this run according to the settlement (correcting entries). */
    RESOLVED_SUSPECT(false),
    /**
     * A payment the ledger dates on one business day and the gateway settled on the neighbouring one (around
     * midnight): one timing difference, nothing to correct.
     */
    TIMING_DIFFERENCE(false),
    /** Opening deposit + the day's movements in the ledger ≠ the gateway's closing deposit. */
    BALANCE_MISMATCH(true),
    /**
     * A network without a statement did not answer the re-check of a payment (timeout, rate limit, asked less than a
     * minute ago): the run is partial and the next one asks again.
     */
    NOT_CHECKED(true),
    /**
     * The ledger took a non-cash charge as paid, and the gateway's signed status says it is not (unpaid, reversed,
     * unknown, another amount): the shop may not have this money.
     */
    CHARGE_NOT_CONFIRMED(true),
    /**
     * The gateway took the customer's money for a charge whose bill was not paid (paid after the clerk cancelled, or
     * after the counter stopped): booked as owed back; the owner refunds the customer.
     */
    REFUND_DUE(true),
    /**
     * Paid to the shop's own static QRIS and confirmed by the clerk on sight: no gateway confirms it, so the owner
     * ticks it off against the bank's record (resolves it with a note).
     */
    STATIC_QRIS_TO_TICK_OFF(true);

    private final boolean needsReview;

    ItemKind(boolean needsReview) {
        this.needsReview = needsReview;
    }

    /** Whether the owner has to look at it (and resolve it with a note) before the day can be signed off. */
    public boolean needsReview() {
        return needsReview;
    }
}
