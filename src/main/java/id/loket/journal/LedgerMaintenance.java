package id.loket.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Integrity check, backup and restore of the ledger: what {@code loket verify}, {@code loket backup} and
 * {@code loket restore} do, and what the app's status bar reports.
 *
 * <p>A backup is only kept once it verifies; a restore only replaces the ledger with a file that verifies,
 * and keeps the ledger it replaces. Neither ever overwrites an existing file.
 */
public final class LedgerMaintenance {

    private final JournalStore journal;
    private final LedgerSnapshots snapshots;
    private final LedgerVerifier verifier;

    public LedgerMaintenance(JournalStore journal, LedgerSnapshots snapshots, LedgerVerifier verifier) {
        this.journal = journal;
        this.snapshots = snapshots;
        this.verifier = verifier;
    }

    /** Verifies the ledger as it stands at one instant; appends may go on meanwhile. */
    public VerifyReport verify() {
        try (OpenedLedger now = journal.snapshot()) {
            return verifier.verify(now);
        }
    }

    public record BackupResult(Path file, long entries, long bytes) {}

    public record RestoreResult(long entries, Path previousLedgerKeptAt) {}

    /**
     * Writes a verified, consistent copy of the ledger to {@code target}.
     *
     * @throws LedgerException when the target exists, cannot be written, or the copy does not verify
     */
    public BackupResult backup(Path target) {
        Path out = target.toAbsolutePath().normalize();
        if (Files.exists(out)) {
            throw new LedgerException(out + " already exists: choose a new file name (nothing was overwritten).");
        }
        Path dir = out.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new LedgerException("Folder " + dir + " does not exist: create it or choose another place.");
        }
        Path part = dir.resolve(out.getFileName() + ".part");
        deleteQuietly(part);
        try {
            snapshots.backupTo(part);
            VerifyReport report;
            try (OpenedLedger copy = snapshots.open(part)) {
                report = verifier.verify(copy);
            }
            if (!report.sound()) {
                throw new LedgerException("The backup copy does not verify (" + report.problems().get(0)
                        + "): run 'loket verify' on the ledger; no backup was kept.");
            }
            long bytes = Files.size(part);
            try {
                // No ATOMIC_MOVE: with it, Linux rename(2) and Windows MoveFileEx replace a file that appeared
                // at the target while the copy was made. A plain move in the same folder is still a rename,
                // and refuses an existing target.
                Files.move(part, out);
            } catch (FileAlreadyExistsException e) {
                throw new LedgerException(out + " already exists: choose a new file name (nothing was overwritten).");
            }
            return new BackupResult(out, report.entries(), bytes);
        } catch (IOException e) {
            throw new LedgerException("Cannot write the backup to " + out + ": " + e.getMessage()
                    + ". Check the disk has space and the folder is writable.", e);
        } finally {
            deleteQuietly(part);
        }
    }

    /**
     * Replaces the ledger with the backup in {@code source}, once the backup is shown to be a sound Loket
     * ledger.
     *
     * @throws LedgerException when the file is not a verified Loket ledger, or the ledger is in use
     */
    public RestoreResult restore(Path source) {
        Path in = source.toAbsolutePath().normalize();
        VerifyReport report;
        try (OpenedLedger backup = snapshots.open(in)) {
            report = verifier.verify(backup);
        }
        if (!report.sound()) {
            throw new LedgerException(in + " is a Loket ledger but does not verify (" + report.problems().get(0)
                    + "): choose another backup; the current ledger was left as it is.");
        }
        Path kept = snapshots.replaceWith(in);
        return new RestoreResult(report.entries(), kept);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Only a leftover ".part" file; the backup's outcome is already decided and reported.
            file.toFile().deleteOnExit();
        }
    }
}
