package id.loket.core.rules;

import id.loket.core.JournalEntry;
import id.loket.core.JournalRule;
import id.loket.core.LedgerView;
import id.loket.core.Money;
import id.loket.core.RuleViolation;
import id.loket.core.Side;
import java.util.Optional;

/** Double entry: the debits of an entry add up to exactly its credits. */
public final class DebitsEqualCreditsRule implements JournalRule {

    @Override
    public String name() {
        return "DebitsEqualCredits";
    }

    @Override
    public Optional<RuleViolation> check(JournalEntry entry, LedgerView ledger) {
        Money debits;
        Money credits;
        try {
            debits = entry.total(Side.DEBIT);
            credits = entry.total(Side.CREDIT);
        } catch (ArithmeticException overflow) {
            return Optional.of(violation("the postings add up to more than a long can hold"));
        }
        if (!debits.equals(credits)) {
            return Optional.of(violation(
                    "debits " + debits.rupiah() + " do not equal credits " + credits.rupiah()));
        }
        return Optional.empty();
    }
}
