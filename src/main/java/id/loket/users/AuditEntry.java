package id.loket.users;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit log. Never holds a password or an activation code.
 *
 * @param operator who acted (for sign-ins: who tried); empty when nobody was signed in (a backup from the command
 *     line, a sign-in under a name that does not exist)
 * @param subject what the action was about: the operator registered, the setting changed, the receipt reprinted
 */
public record AuditEntry(long id, Instant at, Optional<String> operator, AuditAction action, Optional<String> subject,
        String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }
}
