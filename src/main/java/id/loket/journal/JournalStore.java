package id.loket.journal;

import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.RecordedEntry;

/** The append-only journal: the port the services write money events through. */
public interface JournalStore extends JournalReader {

    /**
     * Appends the entry durably, as one transaction: checks {@code rules} against the ledger as it is inside
     * that transaction, gives the entry the next id, chains its hash to the previous entry's, and updates the
     * stored balances. Returns only once the entry is on disk.
     *
     * @throws id.loket.core.JournalRuleException naming every rule the entry breaks; nothing was written
     * @throws LedgerException when the ledger cannot be written (disk full, file locked …); nothing was written
     */
    RecordedEntry append(JournalEntry entry, JournalRules rules);

    /**
     * A read-only view of the journal as it stands now, unchanged by appends that follow until it is closed:
     * what {@code verify} reads, so entries and stored balances are compared at one instant even while the
     * counter keeps taking payments.
     */
    OpenedLedger snapshot();
}
