package id.loket.ledger;

import id.loket.core.Account;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.RecordedEntry;
import id.loket.journal.LedgerException;
import id.loket.journal.OpenedLedger;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The live ledger frozen at one instant: a read-only connection holding one read transaction. In WAL mode the
 * transaction's first read fixes the snapshot, and appends committed afterwards stay invisible to it, so the
 * journal and the stored balances read through it always belong together. Closing it ends the transaction;
 * until then the WAL cannot be checkpointed past it, so keep snapshots short.
 */
final class LiveSnapshot implements OpenedLedger {

    private final Path file;
    private final CachedConnection connection;
    private final ReentrantLock gate = new ReentrantLock();
    private final SqliteJournalReader reader;
    private boolean closed;

    private LiveSnapshot(Path file, CachedConnection connection) {
        this.file = file;
        this.connection = connection;
        this.reader = new SqliteJournalReader(file, new Access());
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
            try {
                connection.close();
            } catch (SQLException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
        return new LiveSnapshot(file, connection);
    }

    @Override
    public long entryCount() {
        return reader.entryCount();
    }

    @Override
    public void forEachEntry(Consumer<RecordedEntry> consumer) {
        reader.forEachEntry(consumer);
    }

    @Override
    public Map<AccountCode, AccountBalance> storedBalances() {
        return reader.storedBalances();
    }

    @Override
    public List<Account> accounts() {
        return reader.accounts();
    }

    @Override
    public String schemaVersion() {
        return reader.schemaVersion();
    }

    @Override
    public void close() {
        gate.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Statement s = connection.raw().createStatement()) {
                s.execute("ROLLBACK");
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw SqliteErrors.onRead("close a snapshot of the ledger", file, e);
        } finally {
            gate.unlock();
        }
    }

    /** Every read on the snapshot's own connection, one at a time. */
    private final class Access implements SqliteJournalReader.ReadAccess {

        @Override
        public <T> T read(String action, SqlWork<T> work) {
            gate.lock();
            try {
                if (closed) {
                    throw new LedgerException("A snapshot of " + file + " was used after it was closed.");
                }
                return work.run(connection);
            } catch (SQLException e) {
                connection.forgetStatements(e);
                throw SqliteErrors.onRead(action, file, e);
            } finally {
                gate.unlock();
            }
        }

        @Override
        public <T> T readLong(String action, SqlWork<T> work) {
            return read(action, work);
        }
    }
}
