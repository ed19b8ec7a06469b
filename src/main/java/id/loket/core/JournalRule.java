package id.loket.core;

import java.util.Optional;

/**
 * One named invariant of the journal, checked before every append and again by {@code loket verify}.
 * Rules are pure: they look at the entry and, where they must, at the {@link LedgerView}.
 */
public interface JournalRule {

    /** A stable name that messages and the verify report use, e.g. {@code DebitsEqualCredits}. */
    String name();

    /** The violation, or empty when the entry keeps this rule. */
    Optional<RuleViolation> check(JournalEntry entry, LedgerView ledger);

    default RuleViolation violation(String message) {
        return new RuleViolation(name(), message);
    }
}
