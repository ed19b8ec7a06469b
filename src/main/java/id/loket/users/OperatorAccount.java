package id.loket.users;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator as the store keeps them: identity, credentials (bcrypt hashes only) and the sign-in failure count
 * that drives the lockout. Only {@link UserService} and the store see it; {@link #toString()} leaves the hashes
 * out, so a log line never carries one.
 *
 * @param failedSignIns wrong passwords (or activation codes) since the last successful sign-in or lock
 * @param lockedUntil the instant a lockout ends; in the past once it has
 */
public record OperatorAccount(Operator operator, Optional<String> passwordHash, Optional<String> activationHash,
        Optional<Instant> activationExpiresAt, int failedSignIns, Optional<Instant> lockedUntil) {

    public OperatorAccount {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(activationHash, "activationHash");
        Objects.requireNonNull(activationExpiresAt, "activationExpiresAt");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        if (activationHash.isPresent() != activationExpiresAt.isPresent()) {
            throw new IllegalArgumentException("An activation code needs its expiry, and only one");
        }
        if (failedSignIns < 0) {
            throw new IllegalArgumentException("failedSignIns < 0");
        }
    }

    /** A newly registered operator who signs in only after activating with the code. */
    static OperatorAccount pending(Operator operator, String activationHash, Instant expiresAt) {
        return new OperatorAccount(operator, Optional.empty(), Optional.of(activationHash), Optional.of(expiresAt), 0,
                Optional.empty());
    }

    /** A newly created operator with a password (the owner at first run). */
    static OperatorAccount active(Operator operator, String passwordHash) {
        return new OperatorAccount(operator, Optional.of(passwordHash), Optional.empty(), Optional.empty(), 0,
                Optional.empty());
    }

    public String username() {
        return operator.username();
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil.filter(now::isBefore).isPresent();
    }

    OperatorAccount withFailure(Instant now, int limit, java.time.Duration lockFor) {
        int failed = failedSignIns + 1;
        if (failed >= limit) {
            return new OperatorAccount(operator, passwordHash, activationHash, activationExpiresAt, 0,
                    Optional.of(now.plus(lockFor)));
        }
        return new OperatorAccount(operator, passwordHash, activationHash, activationExpiresAt, failed, lockedUntil);
    }

    OperatorAccount signedIn() {
        return new OperatorAccount(operator, passwordHash, activationHash, activationExpiresAt, 0, Optional.empty());
    }

    OperatorAccount activated(String newPasswordHash) {
        return new OperatorAccount(operator.withStatus(OperatorStatus.ACTIVE), Optional.of(newPasswordHash),
                Optional.empty(), Optional.empty(), 0, Optional.empty());
    }

    OperatorAccount withPassword(String newPasswordHash) {
        return new OperatorAccount(operator, Optional.of(newPasswordHash), activationHash, activationExpiresAt, 0,
                Optional.empty());
    }

    OperatorAccount reset(String newActivationHash, Instant expiresAt) {
        return new OperatorAccount(operator.withStatus(OperatorStatus.PENDING_ACTIVATION), Optional.empty(),
                Optional.of(newActivationHash), Optional.of(expiresAt), 0, Optional.empty());
    }

    OperatorAccount disabled() {
        return new OperatorAccount(operator.withStatus(OperatorStatus.DISABLED), passwordHash, Optional.empty(),
                Optional.empty(), failedSignIns, lockedUntil);
    }

    @Override
    public String toString() {
        return "OperatorAccount[" + operator + ", password " + (passwordHash.isPresent() ? "set" : "none")
                + ", activation " + activationExpiresAt.map(i -> "until " + i).orElse("none") + ", failedSignIns "
                + failedSignIns + ", lockedUntil " + lockedUntil.map(Instant::toString).orElse("-") + "]";
    }
}
