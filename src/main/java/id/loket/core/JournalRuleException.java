package id.loket.core;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an entry breaks one or more journal rules; nothing was written. */
public final class JournalRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleViolation> violations;

    public JournalRuleException(List<RuleViolation> violations) {
        super("Journal entry refused: "
                + violations.stream().map(RuleViolation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
