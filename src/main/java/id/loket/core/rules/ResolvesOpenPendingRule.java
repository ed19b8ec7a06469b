package id.loket.core.rules;

import id.loket.core.JournalEntry;
import id.loket.core.JournalRule;
import id.loket.core.LedgerView;
import id.loket.core.RuleViolation;
import java.util.Optional;

/**
 * A posting or voiding entry names a pending entry that is still open, and repeats its postings exactly;
 * so a reservation is resolved once, and only for what it reserved.
 */
public final class ResolvesOpenPendingRule implements JournalRule {

    @Override
    public String name() {
        return "ResolvesOpenPending";
    }

    @Override
    public Optional<RuleViolation> check(JournalEntry entry, LedgerView ledger) {
        if (!entry.kind().resolvesPending()) {
            return entry.pendingOf().isPresent()
                    ? Optional.of(violation("a " + entry.kind() + " entry cannot name a pending entry"))
                    : Optional.empty();
        }
        if (entry.pendingOf().isEmpty()) {
            return Optional.of(violation("a " + entry.kind() + " entry must name the pending entry it resolves"));
        }
        long pendingId = entry.pendingOf().getAsLong();
        Optional<JournalEntry> pending = ledger.openPending(pendingId);
        if (pending.isEmpty()) {
            return Optional.of(violation("entry " + pendingId + " is not an open pending entry"));
        }
        if (!pending.get().postings().equals(entry.postings())) {
            return Optional.of(violation("the postings differ from those of pending entry " + pendingId));
        }
        return Optional.empty();
    }
}
