package id.loket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.JournalRules;
import id.loket.journal.LedgerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loket refuses, without changing them, files that are not its ledger or that a newer Loket wrote. */
class LedgerFileChecksTest {

    /** The newest migration this Loket has; the tests hold whatever migrations later issues add. */
    private static final String NEWEST = LedgerSchema.fromClassPath().newestKnown().getVersion();
    /** A version no Loket has yet. */
    private static final String FUTURE = "999.1";

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftByteForByteUnchanged() throws IOException {
        Path file = dir.resolve("ledger.db");
        byte[] content = "tanggal,jumlah\n2025-03-14,152500\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);

        assertThatThrownBy(() -> LedgerDatabase.open(file))
                .isInstanceOf(LedgerException.class)
                .hasMessage(file + " is not a Loket ledger (not an SQLite database): move it away or point"
                        + " --data-dir elsewhere; nothing was changed");

        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(dir).isDirectoryContaining(p -> p.equals(file)).isDirectoryNotContaining(p -> !p.equals(file));
    }

    @Test
    void aFileShorterThanTheSqliteHeaderIsRefused() throws IOException {
        Path file = dir.resolve("ledger.db");
        Files.write(file, new byte[] {'S', 'Q', 'L'});

        assertThatThrownBy(() -> LedgerDatabase.open(file)).hasMessageContaining("not an SQLite database");
        assertThat(Files.readAllBytes(file)).containsExactly('S', 'Q', 'L');
    }

    @Test
    void anSqliteDatabaseOfAnotherProgramIsRefusedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve("ledger.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE customers (name TEXT)");
            st.executeUpdate("INSERT INTO customers VALUES ('Budi')");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> LedgerDatabase.open(file))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("is not a Loket ledger (an SQLite database of another program")
                .hasMessageContaining("nothing was changed");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void anEmptyFileBecomesANewLedger() throws IOException {
        Path file = dir.resolve("ledger.db");
        Files.createFile(file);

        try (LedgerDatabase db = LedgerDatabase.open(file)) {
            db.journal().append(Entries.payment(1), JournalRules.standard());
            assertThat(db.journal().entryCount()).isEqualTo(1);
        }
    }

    @Test
    void aMissingDataFolderIsCreated() {
        Path file = dir.resolve("a/b/ledger.db");

        try (LedgerDatabase db = LedgerDatabase.open(file)) {
            assertThat(db.file()).isEqualTo(file.toAbsolutePath());
            assertThat(db.journal().entryCount()).isZero();
        }
    }

    @Test
    void aLedgerFromANewerSchemaIsRefusedAndNotMigrated() throws Exception {
        Path file = dir.resolve("ledger.db");
        try (LedgerDatabase db = LedgerDatabase.open(file)) {
            db.journal().append(Entries.payment(1), JournalRules.standard());
        }
        pretendNewerLoketMigrated(file);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> LedgerDatabase.open(file))
                .isInstanceOf(LedgerException.class)
                .hasMessage(file + " was written by a newer Loket (schema " + FUTURE + ", this version knows " + NEWEST
                        + "): install the"
                        + " newer Loket or restore a backup; nothing was changed.");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(historyVersions(file)).startsWith("1", "2").endsWith(NEWEST, FUTURE);
    }

    @Test
    void aBackupFromANewerSchemaIsRefusedWhenOpened() throws Exception {
        Path backup = dir.resolve("backup.db");
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            db.snapshots().backupTo(backup);
            pretendNewerLoketMigrated(backup);

            assertThatThrownBy(() -> db.snapshots().open(backup))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("was written by a newer Loket (schema " + FUTURE + ", this version knows "
                            + NEWEST + ")");
        }
    }

    @Test
    void aMissingBackupIsRefusedNamingThePath() {
        Path missing = dir.resolve("nope.db");
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            assertThatThrownBy(() -> db.snapshots().open(missing))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining(missing + " does not exist");
        }
    }

    @Test
    void openingABackupLeavesNothingNextToIt() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("with space #1"));
        Path backup = folder.resolve("backup.db");
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            db.journal().append(Entries.payment(1), JournalRules.standard());
            db.snapshots().backupTo(backup);
            byte[] before = Files.readAllBytes(backup);

            try (var opened = db.snapshots().open(backup)) {
                assertThat(opened.entryCount()).isEqualTo(1);
            }

            assertThat(Files.readAllBytes(backup)).isEqualTo(before);
            try (var listing = Files.list(folder)) {
                assertThat(listing).containsExactly(backup);
            }
        }
    }

    private static void pretendNewerLoketMigrated(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success)"
                    + " VALUES ((SELECT MAX(installed_rank) + 1 FROM flyway_schema_history), '" + FUTURE + "',"
                    + " 'a future table', 'SQL', 'V999_1__a_future_table.sql', 12345, 'loket', 3, 1)");
        }
    }

    private static List<String> historyVersions(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT version FROM flyway_schema_history ORDER BY installed_rank")) {
            List<String> versions = new java.util.ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            return versions;
        }
    }
}
