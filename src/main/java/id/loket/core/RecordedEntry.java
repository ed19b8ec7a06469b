package id.loket.core;

import java.util.Objects;

/**
 * A journal entry as the store holds it: its id (1, 2, 3 … in append order), the hash of the entry before
 * it and its own hash, {@code hash = SHA-256(previousHash ‖ canonical entry)} (see {@link EntryHash}).
 */
public record RecordedEntry(long id, JournalEntry entry, String previousHash, String hash) {

    public RecordedEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
