package id.loket.core;

/**
 * Two-phase entries, after TigerBeetle's pending transfers: a payment that leaves the counter reserves its
 * amount ({@link #PENDING}); a definitive SUCCESS posts that reservation ({@link #POST_PENDING}) and a
 * definitive FAILED voids it ({@link #VOID_PENDING}). Both resolving kinds repeat the postings of the pending
 * entry they resolve, so balances fold without looking anything up.
 */
public enum EntryKind {
    /** An ordinary entry, posted at once. */
    POSTED,
    /** A reservation: counts in the pending balances only. */
    PENDING,
    /** Moves a reservation from the pending into the posted balances. */
    POST_PENDING,
    /** Releases a reservation. */
    VOID_PENDING;

    public boolean resolvesPending() {
        return this == POST_PENDING || this == VOID_PENDING;
    }
}
