package id.loket.users;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone who works Loket: the shop's owner or a clerk, as {@link UserService#signIn} hands them out. Services
 * that only an owner may use take the acting operator and call {@link #requireOwner} first, so a clerk is refused
 * whatever screen or command asked.
 *
 * <p>This is the operator's identity, not their credentials: password and activation hashes stay in the store
 * ({@link OperatorAccount}).
 *
 * @param username the sign-in name: lower case, 3 to 32 of {@code a-z 0-9 . _ -}; what payments and shifts record
 * @param displayName the name people read ("Ani Setiawati")
 */
public record Operator(long id, String username, String displayName, Role role, OperatorStatus status,
        Instant createdAt) {

    public Operator {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    /**
     * Refuses anyone but the owner. The one check every owner-only action makes, whatever service it lives in
     * (users, settings and fees, restore; reconciliation and its sign-off, issue 6, call it too).
     *
     * @param action what is attempted, in words that complete "only the owner may …" (e.g. "register a clerk")
     * @throws PermissionDeniedException naming the action, for a clerk
     */
    public void requireOwner(String action) {
        if (!isOwner()) {
            throw new PermissionDeniedException(username, action, "Only the owner may " + action + "; " + username
                    + " is a clerk. Ask the owner to do it; nothing was changed.");
        }
    }

    Operator withStatus(OperatorStatus newStatus) {
        return new Operator(id, username, displayName, role, newStatus, createdAt);
    }
}
