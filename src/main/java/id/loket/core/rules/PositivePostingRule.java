package id.loket.core.rules;

import id.loket.core.JournalEntry;
import id.loket.core.JournalRule;
import id.loket.core.LedgerView;
import id.loket.core.Posting;
import id.loket.core.RuleViolation;
import java.util.Optional;

/**
 * Every posting carries a positive amount: the side says which way money moves, so a zero or negative
 * amount is always a mistake (and a negative one would let an entry hide a reversed flow).
 */
public final class PositivePostingRule implements JournalRule {

    @Override
    public String name() {
        return "PositivePosting";
    }

    @Override
    public Optional<RuleViolation> check(JournalEntry entry, LedgerView ledger) {
        for (Posting p : entry.postings()) {
            if (!p.amount().isPositive()) {
                return Optional.of(violation(
                        "posting to " + p.account() + " has amount " + p.amount().rupiah() + "; it must be above zero"));
            }
        }
        return Optional.empty();
    }
}
