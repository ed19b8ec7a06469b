package id.loket.ledger;

import id.loket.journal.LedgerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A ledger file other than the live one (a backup), opened read-only and immutable: inspecting it writes
 * nothing into it or next to it. Opening it checks, in order, that it is SQLite, complete, Loket's, not from a
 * newer Loket, and passes SQLite's integrity check; only then can {@code loket verify} look at its entries.
 */
final class ReadOnlyLedger extends OneConnectionLedger {

    private static final String DAMAGED_ADVICE = "choose another backup; nothing was changed.";

    private ReadOnlyLedger(Path file, CachedConnection connection) {
        super(file, connection);
    }

    @Override
    void beforeClose(CachedConnection connection) {
        // Nothing to end: the file was opened immutable and read without a transaction of our own.
    }

    /**
     * @throws LedgerException when the file is missing, not SQLite, incomplete, not Loket's, from a newer Loket
     *     or damaged; the message says which and what to do
     */
    static ReadOnlyLedger open(Path requested, LedgerSchema schema) {
        Path file = requested.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new LedgerException(file + " does not exist or is not a file: check the path; nothing was changed.");
        }
        if (!LedgerFormat.requireSqliteOrAbsent(file, LedgerFormat.Role.BACKUP)) {
            throw new LedgerException(file + " is empty, not a Loket ledger: "
                    + LedgerFormat.Role.BACKUP.notLoketAdvice());
        }
        LedgerFormat.requireComplete(file, DAMAGED_ADVICE);
        CachedConnection connection;
        try {
            connection = new CachedConnection(
                    SqliteConnections.readerConfig().createConnection(SqliteConnections.immutableUrl(file)));
        } catch (SQLException e) {
            throw damaged(file, e);
        }
        try {
            LedgerFormat.Probe probe = LedgerFormat.probe(connection);
            if (probe.isEmptyDatabase()) {
                throw new LedgerException(file + " is an empty SQLite database, not a Loket ledger: "
                        + LedgerFormat.Role.BACKUP.notLoketAdvice());
            }
            LedgerFormat.requireLoket(file, probe, LedgerFormat.Role.BACKUP);
            schema.requireKnown(file, probe.appliedVersions(), LedgerFormat.Role.BACKUP);
            requireIntact(file, connection);
            return new ReadOnlyLedger(file, connection);
        } catch (SQLException e) {
            LedgerException failure = damaged(file, e);
            closeAfterFailure(connection, failure);
            throw failure;
        } catch (RuntimeException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
    }

    private static void requireIntact(Path file, CachedConnection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (ResultSet rs = connection.prepare("PRAGMA integrity_check(3)").executeQuery()) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        if (!problems.equals(List.of("ok"))) {
            throw new LedgerException(file + " is damaged or incomplete (SQLite's integrity check says: "
                    + String.join("; ", problems) + "): " + DAMAGED_ADVICE);
        }
    }

    private static LedgerException damaged(Path file, SQLException e) {
        return new LedgerException(file + " is damaged or incomplete (" + e.getMessage() + "): " + DAMAGED_ADVICE, e);
    }
}
