package id.loket.ledger;

import id.loket.journal.LedgerException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is using a data directory, through byte-range locks on {@code loket.lock} next to the ledger. Every open
 * ledger holds a <em>shared</em> lock on one byte (its slot, chosen at random); a restore needs the directory
 * to itself and locks every other byte <em>exclusively</em>.
 *
 * <p>Why slots and not one shared lock on one range: Java refuses a second lock on an overlapping range in
 * the same JVM ({@link OverlappingFileLockException}) even when both are shared, so two ledgers opened in one
 * process (a test, or the app plus an in-process tool) could not both hold the same range. With one byte each
 * they coexist; the restorer's exclusive ranges {@code [0, slot)} and {@code (slot, end]} leave out its own
 * byte, so it need not let go of the directory while it checks for others, and overlap with any other holder,
 * in this JVM (an {@code OverlappingFileLockException}) or in another process ({@code tryLock} returns
 * null). Two processes that drew the same slot would not see each other; with 2^62 slots that chance is not
 * worth a design.
 *
 * <p>Caveat of POSIX locks: closing <em>any</em> channel on {@code loket.lock} releases every lock this process
 * holds on it at the OS level, so a process should keep one ledger per data directory open at a time
 * (the app does); Java's own lock table keeps the in-process checks right regardless.
 */
final class DirectoryLock implements AutoCloseable {

    static final String FILE_NAME = "loket.lock";

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLock.class);
    private static final int SLOT_ATTEMPTS = 4;
    private static final long SLOT_RANGE = 1L << 62;

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock shared;

    private DirectoryLock(Path lockFile, FileChannel channel, FileLock shared) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.shared = shared;
    }

    /**
     * Takes a shared hold on the directory of {@code lockFile}.
     *
     * @throws LedgerException when a restore holds the directory, or the lock file cannot be created
     */
    static DirectoryLock shared(Path lockFile) {
        FileChannel channel = openChannel(lockFile);
        try {
            for (int attempt = 0; attempt < SLOT_ATTEMPTS; attempt++) {
                long slot = 1 + ThreadLocalRandom.current().nextLong(SLOT_RANGE - 1);
                try {
                    FileLock lock = channel.tryLock(slot, 1, true);
                    if (lock == null) {
                        throw restoring(lockFile);
                    }
                    return new DirectoryLock(lockFile, channel, lock);
                } catch (OverlappingFileLockException sameJvm) {
                    // Either this JVM is restoring into the directory, or (astronomically rarely) another
                    // ledger of this JVM drew the same slot: a fresh slot tells the two apart.
                    LOG.debug("Slot {} of {} is held in this process; trying another", slot, lockFile);
                }
            }
            throw restoring(lockFile);
        } catch (IOException e) {
            closeAfterFailure(channel, e);
            throw new LedgerException("Cannot lock " + lockFile + " (" + e.getMessage()
                    + "): check that the data folder may be written; nothing was changed.", e);
        } catch (RuntimeException e) {
            closeAfterFailure(channel, e);
            throw e;
        }
    }

    /**
     * Takes the directory for this holder alone, for as long as the returned hold is open.
     *
     * @throws LedgerException "Loket is running on this data directory" when any other holder exists
     */
    Exclusive exclusive() {
        long slot = shared.position();
        FileLock below = null;
        try {
            below = channel.tryLock(0, slot, false);
            FileLock above = below == null ? null : channel.tryLock(slot + 1, Long.MAX_VALUE - (slot + 1), false);
            if (above == null) {
                release(below);
                throw running();
            }
            return new Exclusive(below, above);
        } catch (OverlappingFileLockException sameJvm) {
            release(below);
            throw running();
        } catch (IOException e) {
            release(below);
            throw new LedgerException("Cannot lock " + lockFile + " (" + e.getMessage()
                    + "): check that the data folder may be written; nothing was changed.", e);
        }
    }

    @Override
    public void close() {
        try {
            if (shared.isValid()) {
                shared.release();
            }
            channel.close();
        } catch (IOException e) {
            // Closing the channel drops the lock anyway; nothing the caller could do about it.
            LOG.warn("Could not release {} cleanly: {}", lockFile, e.toString());
        }
    }

    /** An exclusive hold on the directory; closing it goes back to the shared hold. */
    final class Exclusive implements AutoCloseable {
        private final FileLock below;
        private final FileLock above;

        private Exclusive(FileLock below, FileLock above) {
            this.below = below;
            this.above = above;
        }

        /** Whether both ranges are still locked (they stop being when the channel closes). */
        boolean isHeld() {
            return below.isValid() && above.isValid();
        }

        @Override
        public void close() {
            release(below);
            release(above);
        }
    }

    private LedgerException running() {
        return new LedgerException("Loket is running on this data directory (" + lockFile.getParent()
                + "): close it first; nothing was changed.");
    }

    private static LedgerException restoring(Path lockFile) {
        return new LedgerException("A backup is being restored into " + lockFile.getParent()
                + ": wait until it finishes, then try again; nothing was changed.");
    }

    private void release(FileLock lock) {
        if (lock == null || !lock.isValid()) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            // The lock goes when the channel closes at the latest; the directory is only held a bit longer.
            LOG.warn("Could not release a lock on {}: {}", lockFile, e.toString());
        }
    }

    private static FileChannel openChannel(Path lockFile) {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LedgerException("Cannot create or open " + lockFile + " (" + e.getMessage()
                    + "): check that the data folder exists and may be written; nothing was changed.", e);
        }
    }

    private static void closeAfterFailure(FileChannel channel, Exception failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
