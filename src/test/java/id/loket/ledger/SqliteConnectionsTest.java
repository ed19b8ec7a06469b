package id.loket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.JournalRules;
import id.loket.journal.LedgerException;
import id.loket.journal.LedgerVerifier;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class SqliteConnectionsTest {

    private static final JournalRules RULES = JournalRules.standard();

    @TempDir
    Path dir;

    @Test
    void theWriterRunsInWalModeWithFullSyncForeignKeysAndABusyTimeout() {
        try (SqliteConnections connections = openConnections()) {
            assertThat(pragma(connections, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(connections, "synchronous")).isEqualTo("2");
            assertThat(pragma(connections, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(connections, "busy_timeout")).isEqualTo("5000");
            assertThat(pragma(connections, "application_id")).isEqualTo(String.valueOf(LedgerFormat.APPLICATION_ID));
        }
    }

    @Test
    void aFullDiskRefusesTheAppendSayingWhatToDoAndWritesNothing() {
        try (SqliteConnections connections = openConnections()) {
            SqliteJournalStore journal = new SqliteJournalStore(connections);
            journal.append(Entries.payment(1), RULES);
            // SQLite's page limit stands in for a full disk: the write fails with SQLITE_FULL either way.
            long pages = connections.write("test", c -> {
                try (ResultSet rs = c.prepare("PRAGMA page_count").executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            connections.write("test", c -> {
                c.execute("PRAGMA max_page_count = " + pages);
                return null;
            });

            assertThatThrownBy(() -> {
                for (int i = 2; i < 10_000; i++) {
                    journal.append(Entries.payment(i), RULES);
                }
            }).isInstanceOf(LedgerException.class)
                    .hasMessageStartingWith("The disk is full: free space, then try again; nothing was written");
            long written = journal.entryCount();
            assertThat(new LedgerVerifier(RULES).verify(journal).sound()).isTrue();

            connections.write("test", c -> {
                c.execute("PRAGMA max_page_count = 1073741823");
                return null;
            });
            assertThat(journal.append(Entries.payment(10_000), RULES).id()).isEqualTo(written + 1);
        }
    }

    @Test
    void sqliteFailuresBecomeAdviceTheOwnerCanActOn() {
        Path file = dir.resolve("ledger.db");

        assertThat(SqliteErrors.onWrite("write the journal entry", file,
                new SQLiteException("[SQLITE_BUSY] database is locked", SQLiteErrorCode.SQLITE_BUSY)))
                .hasMessageContaining("is busy (another Loket program is using it). Try again in a moment;"
                        + " nothing was written.");
        assertThat(SqliteErrors.onRead("read the journal", file,
                new SQLiteException("[SQLITE_CORRUPT] malformed", SQLiteErrorCode.SQLITE_CORRUPT)))
                .hasMessageContaining("is damaged").hasMessageContaining("restore a backup with 'loket restore'");
        assertThat(SqliteErrors.onWrite("write the journal entry", file,
                new SQLiteException("[SQLITE_READONLY] readonly", SQLiteErrorCode.SQLITE_READONLY)))
                .hasMessageContaining("cannot be opened or written");
        assertThat(SqliteErrors.onWrite("write the journal entry", file,
                new SQLiteException("[SQLITE_IOERR_FSYNC] disk I/O error", SQLiteErrorCode.SQLITE_IOERR_FSYNC)))
                .hasMessageContaining("the disk reported an error");
        assertThat(SqliteErrors.onWrite("write", file, new SQLException("odd")))
                .hasCauseInstanceOf(SQLException.class).hasMessageContaining("odd");
    }

    private SqliteConnections openConnections() {
        SqliteConnections connections = new SqliteConnections(dir.resolve("ledger.db"));
        connections.migrateAndOpen(LedgerSchema.fromClassPath());
        return connections;
    }

    private static String pragma(SqliteConnections connections, String name) {
        return connections.write("read a pragma", c -> {
            try (ResultSet rs = c.prepare("PRAGMA " + name).executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
