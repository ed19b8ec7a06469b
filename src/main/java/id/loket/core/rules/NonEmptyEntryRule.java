package id.loket.core.rules;

import id.loket.core.JournalEntry;
import id.loket.core.JournalRule;
import id.loket.core.LedgerView;
import id.loket.core.RuleViolation;
import id.loket.core.Side;
import java.util.Optional;

/** An entry moves money from somewhere to somewhere: at least one debit and at least one credit. */
public final class NonEmptyEntryRule implements JournalRule {

    @Override
    public String name() {
        return "NonEmptyEntry";
    }

    @Override
    public Optional<RuleViolation> check(JournalEntry entry, LedgerView ledger) {
        if (entry.postings().isEmpty()) {
            return Optional.of(violation("the entry has no postings"));
        }
        boolean debit = entry.postings().stream().anyMatch(p -> p.side() == Side.DEBIT);
        boolean credit = entry.postings().stream().anyMatch(p -> p.side() == Side.CREDIT);
        if (!debit || !credit) {
            return Optional.of(violation("the entry needs at least one debit and one credit"));
        }
        return Optional.empty();
    }
}
