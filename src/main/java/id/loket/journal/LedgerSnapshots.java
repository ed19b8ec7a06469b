package id.loket.journal;

import java.nio.file.Path;

/** Whole-file operations on the ledger: consistent copies, inspection of other files, replacement. */
public interface LedgerSnapshots {

    /**
     * Writes a consistent copy of the live ledger to {@code target} (which must not exist) while other
     * connections may go on writing; the copy holds every entry committed before it started.
     */
    void backupTo(Path target);

    /**
     * Opens a ledger file read-only.
     *
     * @throws LedgerException when the file is missing, not SQLite, not a Loket ledger, from a newer schema
     *     than this version of Loket knows, or damaged (truncated, failing SQLite's integrity check)
     */
    OpenedLedger open(Path file);

    /**
     * Replaces the live ledger with the contents of {@code source}, keeping a copy of the ledger it replaces.
     * Needs the ledger to itself: refuses while Loket runs elsewhere on the same data directory.
     *
     * @return where the replaced ledger was kept
     */
    Path replaceWith(Path source);
}
