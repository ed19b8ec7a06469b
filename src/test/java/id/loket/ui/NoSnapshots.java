package id.loket.ui;

import id.loket.journal.LedgerSnapshots;
import id.loket.journal.OpenedLedger;
import java.nio.file.Path;

/** The shell never backs up or restores; a call here is a test failure with a clear message. */
final class NoSnapshots implements LedgerSnapshots {

    @Override
    public void backupTo(Path target) {
        throw new AssertionError("The shell does not back up the ledger");
    }

    @Override
    public OpenedLedger open(Path file) {
        throw new AssertionError("The shell does not open other ledgers");
    }

    @Override
    public Path replaceWith(Path source) {
        throw new AssertionError("The shell does not restore the ledger");
    }
}
