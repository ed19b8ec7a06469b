package id.loket.ledger;

import id.loket.journal.LedgerException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a consistent copy of an existing ledger before its schema is migrated, as
 * {@code backups/before-upgrade-v4-to-v5-<UTC time>.db} next to it, so an upgrade that goes wrong can be undone
 * with {@code loket restore --from} that copy.
 *
 * <p>The copy is SQLite's {@code VACUUM INTO} on a read-only connection of its own (the backup machinery of
 * {@link SqliteLedgerSnapshots}), written under a {@code .part} name, synced, checked for completeness and only
 * then renamed; a copy that cannot be made stops the migration.
 */
final class BeforeUpgradeCopy {

    private static final Logger LOG = LoggerFactory.getLogger(BeforeUpgradeCopy.class);

    private final Clock clock;

    BeforeUpgradeCopy(Clock clock) {
        this.clock = clock;
    }

    /**
     * Copies {@code ledger} (at schema {@code from}) into the {@code backups} folder beside it.
     *
     * @return the copy
     * @throws LedgerException when the copy cannot be written; the ledger is left as it was
     */
    Path keep(Path ledger, MigrationVersion from, MigrationVersion to) {
        Path folder = ledger.resolveSibling(SqliteLedgerSnapshots.BACKUP_FOLDER);
        String stem = "before-upgrade-v" + from + "-to-v" + to + "-" + SqliteLedgerSnapshots.STAMP.format(clock.instant());
        Path part = null;
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(stem + ".db");
            for (int n = 2; Files.exists(target); n++) {
                target = folder.resolve(stem + "-" + n + ".db");
            }
            part = folder.resolve(target.getFileName() + ".part");
            Files.deleteIfExists(part);
            try (CachedConnection c = new CachedConnection(
                    SqliteConnections.readerConfig().createConnection(SqliteConnections.url(ledger)))) {
                SqliteLedgerSnapshots.vacuumInto(c, part);
            }
            SqliteLedgerSnapshots.force(part, "the copy " + part);
            LedgerFormat.requireComplete(part, "the copy was not written whole");
            // A plain move in the same folder is a rename that refuses an existing target.
            Files.move(part, target);
            SqliteLedgerSnapshots.forceDirectory(folder);
            LOG.info("Kept a copy of the ledger before upgrading its schema from v{} to v{}: {}", from, to, target);
            return target;
        } catch (IOException | SQLException | LedgerException e) {
            LedgerException failure = new LedgerException("Cannot keep a copy of the ledger " + ledger
                    + " before upgrading its schema from v" + from + " to v" + to + " (" + describe(e)
                    + "). Loket copies the ledger into " + folder + " before changing it: free disk space and make"
                    + " sure " + folder + " is a folder Loket may write, then start Loket again. The ledger was not"
                    + " upgraded and was left as it was.", e);
            deleteAfterFailure(part, failure);
            throw failure;
        }
    }

    private static String describe(Exception e) {
        if (e instanceof FileAlreadyExistsException) {
            return e.getMessage() + " exists and is not a folder";
        }
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        if (e instanceof IOException) {
            // A file system exception's message is often only the path: its kind says what went wrong.
            return e.getClass().getSimpleName().replace("Exception", "") + (message.isEmpty() ? "" : ": " + message);
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }

    private static void deleteAfterFailure(Path part, LedgerException failure) {
        if (part == null) {
            return;
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
