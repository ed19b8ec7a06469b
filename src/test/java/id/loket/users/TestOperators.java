package id.loket.users;

import java.time.Instant;

/** Operators as a signed-in session holds them, for tests of services that check roles. */
public final class TestOperators {

    private static final Instant CREATED = Instant.parse("2026-11-01T01:00:00Z");

    private TestOperators() {}

    public static Operator owner() {
        return new Operator(1, "sari", "Sari Wulandari", Role.OWNER, OperatorStatus.ACTIVE, CREATED);
    }

    public static Operator clerk() {
        return clerk("ani");
    }

    public static Operator clerk(String username) {
        return new Operator(2, username, "Clerk " + username, Role.CLERK, OperatorStatus.ACTIVE, CREATED);
    }

    /** An audit log in memory. */
    public static AuditService audit() {
        return new AuditService(new MemoryAuditStore(), java.time.Clock.systemUTC());
    }
}
