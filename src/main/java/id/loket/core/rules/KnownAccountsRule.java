package id.loket.core.rules;

import id.loket.core.JournalEntry;
import id.loket.core.JournalRule;
import id.loket.core.LedgerView;
import id.loket.core.Posting;
import id.loket.core.RuleViolation;
import java.util.Optional;

/** Every posting names an account that exists in the ledger's chart of accounts. */
public final class KnownAccountsRule implements JournalRule {

    @Override
    public String name() {
        return "KnownAccounts";
    }

    @Override
    public Optional<RuleViolation> check(JournalEntry entry, LedgerView ledger) {
        for (Posting p : entry.postings()) {
            if (!ledger.accountExists(p.account())) {
                return Optional.of(violation("account " + p.account() + " does not exist"));
            }
        }
        return Optional.empty();
    }
}
