package id.loket.ledger;

import id.loket.journal.LedgerException;
import id.loket.journal.LedgerSnapshots;
import id.loket.journal.OpenedLedger;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups and restores of the live SQLite ledger.
 *
 * <p>A backup is SQLite's {@code VACUUM INTO}: a consistent copy of the last committed state, taken on a
 * read connection of its own while the counter goes on writing (WAL readers do not block the writer).
 *
 * <p>A restore replaces the file under the open ledger, so it needs the data directory to itself (the
 * exclusive hold of {@code loket.lock}), keeps the ledger it replaces under {@code backups/}, and swaps the
 * new file in with an atomic rename, after removing the old {@code -wal}/{@code -shm} (SQLite would otherwise
 * replay the old ledger's WAL onto the new file).
 */
public final class SqliteLedgerSnapshots implements LedgerSnapshots {

    static final String BACKUP_FOLDER = "backups";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteLedgerSnapshots.class);
    static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final SqliteConnections connections;
    private final DirectoryLock lock;
    private final LedgerSchema schema;
    private final Clock clock;

    SqliteLedgerSnapshots(SqliteConnections connections, DirectoryLock lock, LedgerSchema schema, Clock clock) {
        this.connections = connections;
        this.lock = lock;
        this.schema = schema;
        this.clock = clock;
    }

    @Override
    public void backupTo(Path target) {
        Path out = target.toAbsolutePath().normalize();
        if (Files.exists(out)) {
            throw new LedgerException(out + " already exists: choose a new file name (nothing was overwritten).");
        }
        connections.readAlone("back up the ledger to " + out, c -> vacuumInto(c, out));
        force(out, "the backup " + out);
    }

    @Override
    public OpenedLedger open(Path file) {
        return ReadOnlyLedger.open(file, schema);
    }

    @Override
    public Path replaceWith(Path source) {
        Path in = source.toAbsolutePath().normalize();
        Path ledger = connections.file();
        if (in.equals(ledger)) {
            throw new LedgerException(in + " is the live ledger itself: choose a backup file; nothing was changed.");
        }
        // The same checks as 'loket restore' made, again: the file may have changed since.
        open(in).close();
        try (DirectoryLock.Exclusive held = lock.exclusive()) {
            return connections.exclusively(() -> swapIn(in, ledger, held));
        }
    }

    private Path swapIn(Path in, Path ledger, DirectoryLock.Exclusive held) {
        if (!held.isHeld()) {
            throw new LedgerException("Lost the hold on " + ledger.getParent() + ": try again; nothing was changed.");
        }
        Path kept = keepCurrent(ledger);
        connections.closeConnections();
        Path temp = ledger.resolveSibling(ledger.getFileName() + ".restoring");
        try {
            Files.deleteIfExists(temp);
            Files.copy(in, temp);
            force(temp, "the copy of " + in);
            // The old ledger's WAL must not be replayed onto the new file. Closing the connections above has
            // already checkpointed and removed it unless a program outside Loket still holds the file open.
            Files.deleteIfExists(ledger.resolveSibling(ledger.getFileName() + "-wal"));
            Files.deleteIfExists(ledger.resolveSibling(ledger.getFileName() + "-shm"));
            Files.move(temp, ledger, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            LedgerException failure = new LedgerException("Cannot put " + in + " in place of the ledger ("
                    + e.getMessage() + "): check the disk has space and the data folder may be written;"
                    + " the ledger was left as it was (a copy is also kept at " + kept + ").", e);
            deleteAfterFailure(temp, failure);
            reopenAfterFailure(failure);
            throw failure;
        }
        forceDirectory(ledger.getParent());
        try {
            connections.migrateAndOpen(schema);
        } catch (RuntimeException e) {
            throw new LedgerException("The backup " + in + " is in place but the ledger cannot be opened ("
                    + e.getMessage() + "): restart Loket; the previous ledger is kept at " + kept + ".", e);
        }
        LOG.info("Restored the ledger {} from {}; the previous ledger is kept at {}", ledger, in, kept);
        return kept;
    }

    /** Copies the live ledger to {@code backups/ledger-before-restore-<time>.db} before it is replaced. */
    private Path keepCurrent(Path ledger) {
        Path folder = ledger.resolveSibling(BACKUP_FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LedgerException("Cannot create " + folder + " to keep the current ledger (" + e.getMessage()
                    + "): check the data folder may be written; nothing was changed.", e);
        }
        String stem = "ledger-before-restore-" + STAMP.format(clock.instant());
        Path kept = folder.resolve(stem + ".db");
        for (int n = 2; Files.exists(kept); n++) {
            kept = folder.resolve(stem + "-" + n + ".db");
        }
        Path target = kept;
        // On a connection of its own: SQLite refuses VACUUM on a connection with statements not yet reset,
        // and the writer keeps its prepared statements.
        connections.readAlone("keep a copy of the ledger at " + target, c -> vacuumInto(c, target));
        force(target, "the copy of the ledger at " + target);
        return target;
    }

    static Void vacuumInto(CachedConnection c, Path out) throws java.sql.SQLException {
        // Prepared afresh: the statement is used once per backup, and VACUUM is best not left half-stepped.
        try (PreparedStatement vacuum = c.raw().prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, out.toString());
            vacuum.execute();
        }
        return null;
    }

    /** VACUUM INTO does not sync its output; a backup that is not on disk is no backup. */
    static void force(Path file, String what) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new LedgerException("Cannot write " + what + " to disk (" + e.getMessage()
                    + "): check the disk has space, then try again.", e);
        }
    }

    /** Makes the rename itself durable where the OS allows syncing a directory (not on Windows). */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot sync directory {} ({}); the rename is left to the OS", dir, e.toString());
        }
    }

    private void reopenAfterFailure(LedgerException failure) {
        try {
            connections.open();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteAfterFailure(Path temp, LedgerException failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
