package id.loket.core;

/** A journal rule an entry breaks: the rule's name and what is wrong, in words an owner can act on. */
public record RuleViolation(String rule, String message) {

    @Override
    public String toString() {
        return rule + ": " + message;
    }
}
