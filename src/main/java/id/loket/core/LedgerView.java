package id.loket.core;

import java.util.Optional;

/**
 * What the journal rules may ask of the ledger an entry is about to join. Stores answer it from inside the
 * write transaction, so the answer cannot change between the check and the append.
 */
public interface LedgerView {

    boolean accountExists(AccountCode account);

    /** The pending entry with this id, if there is one that is still unresolved. */
    Optional<JournalEntry> openPending(long entryId);
}
