package id.loket.journal;

import id.loket.journal.LedgerMaintenance.BackupResult;
import id.loket.journal.LedgerMaintenance.RestoreResult;
import id.loket.users.AuditAction;
import id.loket.users.AuditService;
import id.loket.users.Operator;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Backup and restore as operators ask for them: {@link LedgerMaintenance} does the work; this adds who may (anyone
 * may back up, only the owner may restore) and the audit log. Screens and commands go through here.
 */
public final class BackupService {

    private final LedgerMaintenance maintenance;
    private final AuditService audit;

    public BackupService(LedgerMaintenance maintenance, AuditService audit) {
        this.maintenance = maintenance;
        this.audit = audit;
    }

    /**
     * A verified copy of the ledger ({@link LedgerMaintenance#backup}), audited.
     *
     * @param actor who asked; empty for a backup without a signed-in operator (a scheduled or scripted
     *     {@code loket backup}: a copy changes nothing)
     */
    public BackupResult backup(Optional<Operator> actor, Path target) {
        BackupResult result = maintenance.backup(target);
        audit.recordFor(actor.map(Operator::username), AuditAction.BACKUP, result.file().toString(),
                result.entries() + " entries, " + result.bytes() + " bytes, verified");
        return result;
    }

    /**
     * Replaces the ledger with a backup ({@link LedgerMaintenance#restore}). The audit entry is written afterwards,
     * into the restored ledger; the replaced ledger, with its own audit log, is kept where the result says.
     *
     * <p>The operators and the audit log live in the ledger, so they come back as the backup had them.
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public RestoreResult restore(Operator actor, Path source) {
        Objects.requireNonNull(actor, "actor");
        actor.requireOwner("restore a backup");
        RestoreResult result = maintenance.restore(source);
        audit.record(actor, AuditAction.RESTORE, source.toAbsolutePath().normalize().toString(), result.entries()
                + " entries restored; the previous ledger was kept at " + result.previousLedgerKeptAt());
        return result;
    }
}
