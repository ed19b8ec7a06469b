package id.loket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import id.loket.core.JournalRules;
import id.loket.core.RecordedEntry;
import id.loket.journal.LedgerException;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.OpenedLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a ledger of an older schema keeps a copy of it in backups/ before migrating it; no copy, no migration. */
class LedgerDatabaseUpgradeTest {

    private static final String NEWEST = OldLedgers.newestVersion();
    private static final LedgerVerifier VERIFIER = new LedgerVerifier(JournalRules.standard());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T03:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path ledger() {
        return dir.resolve("ledger.db");
    }

    private Path expectedCopy() {
        return dir.resolve("backups/before-upgrade-v4-to-v" + NEWEST + "-20261123T031500Z.db").toAbsolutePath();
    }

    @Test
    void aLedgerAtV4IsCopiedIntoBackupsAndThenMigrated() throws Exception {
        OldLedgers.create(ledger(), "4", 5);

        List<RecordedEntry> live;
        try (LedgerDatabase db = LedgerDatabase.open(ledger(), CLOCK)) {
            assertThat(db.migration()).isEqualTo(new SchemaMigration(Optional.of("4"), NEWEST,
                    Optional.of(expectedCopy())));
            assertThat(db.migration().upgraded()).isTrue();
            assertThat(db.migration().newLedger()).isFalse();
            assertThat(db.journal().schemaVersion()).isEqualTo(NEWEST);
            live = SqliteJournalStoreTest.readAll(db.journal());
            assertThat(live).hasSize(5);

            try (OpenedLedger copy = db.snapshots().open(expectedCopy())) {
                assertThat(copy.schemaVersion()).isEqualTo("4");
                assertThat(SqliteJournalStoreTest.readAll(copy)).isEqualTo(live);
                assertThat(VERIFIER.verify(copy).sound()).isTrue();
            }
        }
        assertThat(OldLedgers.schemaVersion(expectedCopy())).isEqualTo("4");
        assertThat(OldLedgers.schemaVersion(ledger())).isEqualTo(NEWEST);
        try (var files = Files.list(dir.resolve("backups"))) {
            assertThat(files).containsExactly(expectedCopy());
        }
    }

    @Test
    void theCopyBeforeTheUpgradeCanBeRestoredAndIsMigratedAgain() throws Exception {
        OldLedgers.create(ledger(), "4", 3);
        try (LedgerDatabase db = LedgerDatabase.open(ledger(), CLOCK)) {
            db.journal().append(Entries.payment(4), JournalRules.standard());
            LedgerMaintenance maintenance = new LedgerMaintenance(db.journal(), db.snapshots(), VERIFIER);

            LedgerMaintenance.RestoreResult restored = maintenance.restore(db.migration().copyBeforeUpgrade().orElseThrow());

            assertThat(restored.entries()).isEqualTo(3);
            assertThat(db.journal().entryCount()).isEqualTo(3);
            assertThat(db.journal().schemaVersion()).isEqualTo(NEWEST);
            assertThat(maintenance.verify().sound()).isTrue();
        }
        try (var files = Files.list(dir.resolve("backups"))) {
            // The copy before the upgrade and the ledger the restore replaced; the restore itself made no copy.
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(expectedCopy().getFileName().toString(),
                            "ledger-before-restore-20261123T031500Z.db");
        }
    }

    @Test
    void aNewLedgerGetsNoCopy() {
        try (LedgerDatabase db = LedgerDatabase.open(ledger(), CLOCK)) {
            assertThat(db.migration()).isEqualTo(new SchemaMigration(Optional.empty(), NEWEST, Optional.empty()));
            assertThat(db.migration().newLedger()).isTrue();
            assertThat(db.migration().upgraded()).isFalse();
        }
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aLedgerAlreadyAtTheNewestSchemaGetsNoCopy() {
        try (LedgerDatabase db = LedgerDatabase.open(ledger(), CLOCK)) {
            db.journal().append(Entries.payment(1), JournalRules.standard());
        }
        try (LedgerDatabase db = LedgerDatabase.open(ledger(), CLOCK)) {
            assertThat(db.migration()).isEqualTo(SchemaMigration.unchanged(NEWEST));
            assertThat(db.migration().upgraded()).isFalse();
            assertThat(db.migration().newLedger()).isFalse();
        }
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void aCopyMadeInTheSameSecondAsAnotherGetsItsOwnName() throws Exception {
        OldLedgers.create(ledger(), "4", 1);
        Files.createDirectories(expectedCopy().getParent());
        Files.writeString(expectedCopy(), "an earlier copy");

        try (LedgerDatabase db = LedgerDatabase.open(ledger(), CLOCK)) {
            assertThat(db.migration().copyBeforeUpgrade()).contains(dir.resolve(
                    "backups/before-upgrade-v4-to-v" + NEWEST + "-20261123T031500Z-2.db").toAbsolutePath());
        }
        assertThat(Files.readString(expectedCopy())).isEqualTo("an earlier copy");
    }

    @Test
    void whenTheBackupsFolderIsAFileTheLedgerIsNeitherCopiedNorMigrated() throws Exception {
        OldLedgers.create(ledger(), "4", 3);
        Files.writeString(dir.resolve("backups"), "not a folder");
        byte[] before = Files.readAllBytes(ledger());

        assertThatThrownBy(() -> LedgerDatabase.open(ledger(), CLOCK))
                .isInstanceOf(LedgerException.class)
                .hasMessageStartingWith("Cannot keep a copy of the ledger " + ledger().toAbsolutePath()
                        + " before upgrading its schema from v4 to v" + NEWEST + " (")
                .hasMessageContaining(dir.resolve("backups").toAbsolutePath() + " exists and is not a folder")
                .hasMessageContaining("free disk space and make sure " + dir.resolve("backups").toAbsolutePath()
                        + " is a folder Loket may write, then start Loket again")
                .hasMessageEndingWith("The ledger was not upgraded and was left as it was.");

        assertThat(Files.readAllBytes(ledger())).isEqualTo(before);
        assertThat(OldLedgers.schemaVersion(ledger())).isEqualTo("4");

        // Once the folder is there, the next start copies and migrates.
        Files.delete(dir.resolve("backups"));
        try (LedgerDatabase db = LedgerDatabase.open(ledger(), CLOCK)) {
            assertThat(db.migration().copyBeforeUpgrade()).contains(expectedCopy());
            assertThat(db.journal().entryCount()).isEqualTo(3);
        }
    }

    @Test
    void whenTheBackupsFolderCannotBeWrittenTheLedgerIsNeitherCopiedNorMigrated() throws Exception {
        OldLedgers.create(ledger(), "4", 3);
        Path backups = Files.createDirectory(dir.resolve("backups"));
        assumeThat(backups.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeThat(Files.isWritable(backups)).as("not root: root writes into a read-only folder").isFalse();
            byte[] before = Files.readAllBytes(ledger());

            assertThatThrownBy(() -> LedgerDatabase.open(ledger(), CLOCK))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageStartingWith("Cannot keep a copy of the ledger")
                    .hasMessageEndingWith("The ledger was not upgraded and was left as it was.");

            assertThat(Files.readAllBytes(ledger())).isEqualTo(before);
            assertThat(OldLedgers.schemaVersion(ledger())).isEqualTo("4");
            try (var files = Files.list(backups)) {
                assertThat(files).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
