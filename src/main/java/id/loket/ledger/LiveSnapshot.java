package id.loket.ledger;

import id.loket.journal.LedgerException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The live ledger frozen at one instant: a read-only connection holding one read transaction. In WAL mode the
 * transaction's first read fixes the snapshot, and appends committed afterwards stay invisible to it, so the
 * journal and the stored balances read through it always belong together. Closing it ends the transaction;
 * until then the WAL cannot be checkpointed past it, so keep snapshots short.
 */
final class LiveSnapshot extends OneConnectionLedger {

    private LiveSnapshot(Path file, CachedConnection connection) {
        super(file, connection);
    }

    static LiveSnapshot open(SqliteConnections connections) {
        Path file = connections.file();
        CachedConnection connection = connections.openReader();
        try (Statement s = connection.raw().createStatement()) {
            s.execute("BEGIN");
            // The first read fixes the snapshot; without it the transaction would start at the first real read.
            s.executeQuery("SELECT count(*) FROM journal_entry").close();
        } catch (SQLException e) {
            LedgerException failure = SqliteErrors.onRead("take a snapshot of the ledger", file, e);
            closeAfterFailure(connection, failure);
            throw failure;
        }
        return new LiveSnapshot(file, connection);
    }

    /** Ends the read transaction, which lets the WAL be checkpointed past the snapshot again. */
    @Override
    void beforeClose(CachedConnection connection) throws SQLException {
        try (Statement s = connection.raw().createStatement()) {
            s.execute("ROLLBACK");
        }
    }
}
