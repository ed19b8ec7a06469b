package id.loket.users;

import java.time.Instant;
import java.util.Optional;

/**
 * An operator as the owner's list shows them: who, and whether they are locked or still have an activation code
 * waiting (and until when).
 */
public record OperatorSummary(Operator operator, Optional<Instant> lockedUntil, Optional<Instant> activationExpiresAt,
        int failedSignIns) {}
