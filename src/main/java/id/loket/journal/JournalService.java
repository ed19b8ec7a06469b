package id.loket.journal;

import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.RecordedEntry;

/** Writes money events to the journal under the standard rules. Later use cases (payments, shifts) post through it. */
public final class JournalService {

    private final JournalStore store;
    private final JournalRules rules;

    public JournalService(JournalStore store, JournalRules rules) {
        this.store = store;
        this.rules = rules;
    }

    /**
     * @throws id.loket.core.JournalRuleException naming every broken rule; nothing was written
     * @throws LedgerException when the ledger cannot be written; nothing was written
     */
    public RecordedEntry post(JournalEntry entry) {
        return store.append(entry, rules);
    }
}
