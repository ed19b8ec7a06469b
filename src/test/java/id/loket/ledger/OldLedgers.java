package id.loket.ledger;

import id.loket.core.JournalRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * Ledgers as an older Loket left them: the schema migrated only up to a given version, with cash payments
 * appended through the journal store (which needs nothing newer than V1).
 */
public final class OldLedgers {

    private OldLedgers() {}

    /** The newest schema version this Loket knows. */
    public static String newestVersion() {
        return LedgerSchema.fromClassPath().newestKnown().getVersion();
    }

    /** Creates {@code file} (and its folder) as a ledger at schema {@code version} holding {@code payments} entries. */
    public static void create(Path file, String version, int payments) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (SqliteConnections connections = new SqliteConnections(file.toAbsolutePath())) {
            Flyway.configure(OldLedgers.class.getClassLoader())
                    .dataSource(connections.writerDataSource())
                    .locations(LedgerSchema.LOCATION)
                    .target(version)
                    .load()
                    .migrate();
            connections.open();
            SqliteJournalStore journal = new SqliteJournalStore(connections);
            for (int i = 1; i <= payments; i++) {
                journal.append(Entries.payment(i), JournalRules.standard());
            }
        }
    }

    /** The newest schema version applied to {@code file}, read without changing it. */
    public static String schemaVersion(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection(SqliteConnections.immutableUrl(file.toAbsolutePath()));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM " + LedgerFormat.HISTORY_TABLE
                        + " WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "0";
        }
    }

    /**
     * Changes the amount of the first posting of entry {@code entryId} as someone with the file could: drops the
     * append-only trigger first. The ledger must be closed.
     */
    public static void tamperAmount(Path file, long entryId) throws SQLException {
        try (Connection c = DriverManager.getConnection(SqliteConnections.url(file.toAbsolutePath()));
                Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER posting_no_update");
            int changed = st.executeUpdate("UPDATE posting SET amount = amount + 1000 WHERE entry_id = " + entryId
                    + " AND line_no = 1");
            if (changed != 1) {
                throw new IllegalStateException("entry " + entryId + " has no first posting");
            }
        }
    }
}
