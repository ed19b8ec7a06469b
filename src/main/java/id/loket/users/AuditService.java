package id.loket.users;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit log (issue 5): sign-ins and their failures, lockouts, changes to operators, fees and settings, reprints,
 * backups and restores, and (issue 6) reconciliation sign-offs. Append-only; only the owner reads it.
 *
 * <p>Callers record after the action succeeded (a refused action is only recorded when the refusal itself matters,
 * as a failed sign-in does). Never pass a password or an activation code in a subject or detail.
 */
public final class AuditService {

    private final AuditStore store;
    private final Clock clock;

    public AuditService(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records what {@code actor} did. */
    public AuditEntry record(Operator actor, AuditAction action, String subject, String detail) {
        Objects.requireNonNull(actor, "actor");
        return store.append(clock.instant(), Optional.of(actor.username()), action, subject(subject), detail);
    }

    /**
     * Records something done, or tried, without a signed-in operator: a backup from the command line, a sign-in
     * under a name (given as {@code operator} when it names an account).
     */
    public AuditEntry recordFor(Optional<String> operator, AuditAction action, String subject, String detail) {
        return store.append(clock.instant(), operator, action, subject(subject), detail);
    }

    /** Records that {@code actor} printed or wrote the receipt of {@code clientRef} again (the screens and commands call it). */
    public AuditEntry recordReprint(Operator actor, String clientRef) {
        return record(actor, AuditAction.REPRINT, clientRef, "receipt printed again");
    }

    /**
     * The entries {@code query} selects, oldest first.
     *
     * @throws PermissionDeniedException for a clerk
     */
    public List<AuditEntry> search(Operator actor, AuditQuery query) {
        actor.requireOwner("read the audit log");
        return store.find(query);
    }

    private static Optional<String> subject(String subject) {
        return Optional.ofNullable(subject).map(String::strip).filter(s -> !s.isEmpty());
    }
}
