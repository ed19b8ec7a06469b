package id.loket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.JournalRules;
import id.loket.core.RecordedEntry;
import id.loket.journal.LedgerException;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.OpenedLedger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupAndRestoreTest {

    private static final JournalRules RULES = JournalRules.standard();
    private static final LedgerVerifier VERIFIER = new LedgerVerifier(RULES);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T16:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileAnotherThreadAppendsVerifiesAndRestoresIntoAnotherDataDirectory() throws Exception {
        Path backup = dir.resolve("backup.db");
        LedgerMaintenance.BackupResult result;
        long total;
        try (LedgerDatabase live = LedgerDatabase.open(dir.resolve("live/ledger.db"), CLOCK)) {
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong written = new AtomicLong();
                CountDownLatch someWritten = new CountDownLatch(20);
                CountDownLatch moreWrittenAfterBackup = new CountDownLatch(1);
                AtomicLong target = new AtomicLong(Long.MAX_VALUE);
                Future<?> appending = writer.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        live.journal().append(Entries.payment(i), RULES);
                        long n = written.incrementAndGet();
                        someWritten.countDown();
                        if (n >= target.get()) {
                            moreWrittenAfterBackup.countDown();
                        }
                    }
                    return null;
                });
                assertThat(someWritten.await(60, TimeUnit.SECONDS)).isTrue();
                long before = written.get();

                result = maintenance(live).backup(backup);

                target.set(written.get() + 10);
                assertThat(moreWrittenAfterBackup.await(60, TimeUnit.SECONDS)).isTrue();
                stop.set(true);
                appending.get(60, TimeUnit.SECONDS);
                total = live.journal().entryCount();
                assertThat(result.entries()).isGreaterThanOrEqualTo(before).isLessThan(total);
            } finally {
                writer.shutdownNow();
            }
            assertThat(maintenance(live).verify().sound()).isTrue();
        }
        assertThat(result.file()).isEqualTo(backup.toAbsolutePath());
        assertThat(result.bytes()).isEqualTo(Files.size(backup));

        try (LedgerDatabase other = LedgerDatabase.open(dir.resolve("other/ledger.db"), CLOCK)) {
            LedgerMaintenance.RestoreResult restored = maintenance(other).restore(backup);

            assertThat(restored.entries()).isEqualTo(result.entries());
            assertThat(restored.previousLedgerKeptAt())
                    .isEqualTo(dir.resolve("other/backups/ledger-before-restore-20250314T163000Z.db").toAbsolutePath())
                    .exists();
            assertThat(other.journal().entryCount()).isEqualTo(result.entries());
            assertThat(maintenance(other).verify().sound()).isTrue();
            RecordedEntry next = other.journal().append(Entries.payment(9999), RULES);
            assertThat(next.id()).isEqualTo(result.entries() + 1);
            assertThat(maintenance(other).verify().sound()).isTrue();
        }
    }

    @Test
    void restoringIntoTheSameLedgerKeepsTheReplacedOneUnderBackups() {
        Path backup = dir.resolve("backup.db");
        try (LedgerDatabase live = LedgerDatabase.open(dir.resolve("ledger.db"), CLOCK)) {
            appendPayments(live, 3);
            maintenance(live).backup(backup);
            appendPayments(live, 4);

            LedgerMaintenance.RestoreResult restored = maintenance(live).restore(backup);

            assertThat(live.journal().entryCount()).isEqualTo(3);
            assertThat(maintenance(live).verify().sound()).isTrue();
            try (OpenedLedger kept = live.snapshots().open(restored.previousLedgerKeptAt())) {
                assertThat(kept.entryCount()).isEqualTo(7);
                assertThat(VERIFIER.verify(kept).sound()).isTrue();
            }
            // A second restore in the same second does not overwrite the first kept copy.
            Path keptAgain = maintenance(live).restore(backup).previousLedgerKeptAt();
            assertThat(keptAgain).isNotEqualTo(restored.previousLedgerKeptAt());
            assertThat(restored.previousLedgerKeptAt()).exists();
        }
    }

    @Test
    void aTruncatedBackupIsRefusedByRestoreAndTheLiveLedgerIsUnchanged() throws IOException {
        Path backup = dir.resolve("backup.db");
        Path cut = dir.resolve("cut.db");
        try (LedgerDatabase live = LedgerDatabase.open(dir.resolve("live/ledger.db"), CLOCK)) {
            appendPayments(live, 200);
            maintenance(live).backup(backup);
            byte[] whole = Files.readAllBytes(backup);
            Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
            List<RecordedEntry> before = SqliteJournalStoreTest.readAll(live.journal());

            assertThatThrownBy(() -> maintenance(live).restore(cut))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining(cut + " is damaged or incomplete (")
                    .hasMessageEndingWith("choose another backup; nothing was changed.");

            assertThat(SqliteJournalStoreTest.readAll(live.journal())).isEqualTo(before);
            assertThat(maintenance(live).verify().sound()).isTrue();
            assertThat(dir.resolve("live/backups")).doesNotExist();
        }
    }

    @Test
    void aBackupWithADamagedPageIsRefusedByRestore() throws IOException {
        Path backup = dir.resolve("backup.db");
        try (LedgerDatabase live = LedgerDatabase.open(dir.resolve("live/ledger.db"), CLOCK)) {
            appendPayments(live, 200);
            maintenance(live).backup(backup);
            long rootPage = journalRootPage(backup);
            byte[] bytes = Files.readAllBytes(backup);
            // Overwrite most of the journal's root page: the header still says the file is whole.
            int page = 4096;
            int start = (int) ((rootPage - 1) * page);
            Arrays.fill(bytes, start + 8, start + page, (byte) 0x5A);
            Files.write(backup, bytes);

            assertThatThrownBy(() -> maintenance(live).restore(backup))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("is damaged or incomplete");
            assertThat(live.journal().entryCount()).isEqualTo(200);
        }
    }

    @Test
    void aBackupToAnExistingFileIsRefusedAndTheFileIsUnchanged() throws IOException {
        Path existing = dir.resolve("laporan.db");
        byte[] content = "do not overwrite me".getBytes(StandardCharsets.UTF_8);
        Files.write(existing, content);
        try (LedgerDatabase live = LedgerDatabase.open(dir.resolve("live/ledger.db"), CLOCK)) {
            appendPayments(live, 2);

            assertThatThrownBy(() -> maintenance(live).backup(existing))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("already exists");
            assertThatThrownBy(() -> live.snapshots().backupTo(existing))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("already exists");
        }
        assertThat(Files.readAllBytes(existing)).isEqualTo(content);
    }

    @Test
    void aRestoreIsRefusedWhileAnotherLedgerInThisProcessHoldsTheDirectory() {
        Path file = dir.resolve("live/ledger.db");
        Path backup = dir.resolve("backup.db");
        try (LedgerDatabase live = LedgerDatabase.open(file, CLOCK)) {
            appendPayments(live, 2);
            maintenance(live).backup(backup);
            appendPayments(live, 1);
            try (LedgerDatabase other = LedgerDatabase.open(file, CLOCK)) {
                assertThatThrownBy(() -> maintenance(live).restore(backup))
                        .isInstanceOf(LedgerException.class)
                        .hasMessageContaining("Loket is running on this data directory")
                        .hasMessageEndingWith("close it first; nothing was changed.");

                assertThat(other.journal().entryCount()).isEqualTo(3);
                assertThat(live.journal().append(Entries.payment(4), RULES).id()).isEqualTo(4);
                assertThat(dir.resolve("live/backups")).doesNotExist();
            }
            assertThat(maintenance(live).restore(backup).entries()).isEqualTo(2);
            assertThat(live.journal().entryCount()).isEqualTo(2);
        }
    }

    @Test
    void aRestoreIsRefusedWhileAnotherProcessHoldsTheDirectory() throws Exception {
        Path file = dir.resolve("live/ledger.db");
        Path backup = dir.resolve("backup.db");
        try (LedgerDatabase live = LedgerDatabase.open(file, CLOCK)) {
            appendPayments(live, 2);
            maintenance(live).backup(backup);
            appendPayments(live, 1);

            Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HoldLedgerMain.class.getName(), file.toString())
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.startsWith("ready"));
                assertThat(line).as("the other process opened the ledger").isEqualTo("ready 3");

                assertThatThrownBy(() -> maintenance(live).restore(backup))
                        .isInstanceOf(LedgerException.class)
                        .hasMessageContaining("Loket is running on this data directory");
                assertThat(live.journal().entryCount()).isEqualTo(3);

                holder.getOutputStream().close();
                assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                holder.destroy();
            }
            assertThat(maintenance(live).restore(backup).entries()).isEqualTo(2);
        }
    }

    @Test
    void aLedgerCannotBeOpenedWhileARestoreHoldsTheDirectory() {
        Path lockFile = dir.resolve(DirectoryLock.FILE_NAME);
        try (DirectoryLock restorer = DirectoryLock.shared(lockFile);
                DirectoryLock.Exclusive held = restorer.exclusive()) {
            assertThat(held.isHeld()).isTrue();
            assertThatThrownBy(() -> DirectoryLock.shared(lockFile))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("A backup is being restored into");
        }
        try (DirectoryLock again = DirectoryLock.shared(lockFile);
                DirectoryLock.Exclusive held = again.exclusive()) {
            assertThat(held.isHeld()).isTrue();
        }
    }

    @Test
    void restoringAFileThatIsNotALedgerIsRefusedAndNothingIsKept() throws IOException {
        Path notLedger = dir.resolve("notes.txt");
        Files.writeString(notLedger, "catatan kasir");
        try (LedgerDatabase live = LedgerDatabase.open(dir.resolve("live/ledger.db"), CLOCK)) {
            appendPayments(live, 1);

            assertThatThrownBy(() -> maintenance(live).restore(notLedger))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("is not a Loket ledger (not an SQLite database)");
            assertThatThrownBy(() -> live.snapshots().replaceWith(notLedger))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("is not a Loket ledger");
            assertThat(live.journal().entryCount()).isEqualTo(1);
            assertThat(dir.resolve("live/backups")).doesNotExist();
        }
    }

    private static void appendPayments(LedgerDatabase db, int count) {
        long start = db.journal().entryCount();
        for (int i = 0; i < count; i++) {
            db.journal().append(Entries.payment((int) start + i), RULES);
        }
    }

    private static LedgerMaintenance maintenance(LedgerDatabase db) {
        return new LedgerMaintenance(db.journal(), db.snapshots(), VERIFIER);
    }

    /** The page where the journal_entry table's b-tree starts, read before the file is damaged. */
    private static long journalRootPage(Path file) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(
                        "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'journal_entry'")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the schema of " + file, e);
        }
    }
}
