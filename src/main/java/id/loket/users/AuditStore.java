package id.loket.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the audit log is kept (the ledger file, append-only); the port {@link AuditService} uses. */
public interface AuditStore {

    /** Appends one entry durably; the store gives it the next id. */
    AuditEntry append(Instant at, Optional<String> operator, AuditAction action, Optional<String> subject,
            String detail);

    /** The entries the query selects, oldest first. */
    List<AuditEntry> find(AuditQuery query);
}
