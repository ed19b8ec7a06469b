package id.loket.core;

import id.loket.core.rules.DebitsEqualCreditsRule;
import id.loket.core.rules.KnownAccountsRule;
import id.loket.core.rules.NonEmptyEntryRule;
import id.loket.core.rules.PositivePostingRule;
import id.loket.core.rules.ResolvesOpenPendingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The set of rules every journal entry must keep, checked together so a refusal names every broken rule. */
public final class JournalRules {

    private final List<JournalRule> rules;

    public JournalRules(List<JournalRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules of DESIGN.md: no empty entry, no zero or negative posting, debits equal credits, accounts exist, pending resolved once. */
    public static JournalRules standard() {
        return new JournalRules(List.of(
                new NonEmptyEntryRule(),
                new PositivePostingRule(),
                new DebitsEqualCreditsRule(),
                new KnownAccountsRule(),
                new ResolvesOpenPendingRule()));
    }

    public List<JournalRule> rules() {
        return rules;
    }

    public List<RuleViolation> check(JournalEntry entry, LedgerView ledger) {
        List<RuleViolation> violations = new ArrayList<>();
        for (JournalRule rule : rules) {
            Optional<RuleViolation> v = rule.check(entry, ledger);
            v.ifPresent(violations::add);
        }
        return violations;
    }

    /** @throws JournalRuleException naming every rule the entry breaks */
    public void enforce(JournalEntry entry, LedgerView ledger) {
        List<RuleViolation> violations = check(entry, ledger);
        if (!violations.isEmpty()) {
            throw new JournalRuleException(violations);
        }
    }
}
