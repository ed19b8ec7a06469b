package id.loket.ledger;

import id.loket.core.Account;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.RecordedEntry;
import id.loket.journal.LedgerException;
import id.loket.journal.OpenedLedger;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A ledger read through one connection of its own, behind one lock: a backup being inspected
 * ({@link ReadOnlyLedger}) or a snapshot of the live ledger ({@link LiveSnapshot}). The same reading code as the
 * live store, so {@code verify} checks each of them exactly alike.
 */
abstract class OneConnectionLedger implements OpenedLedger {

    private final Path file;
    private final CachedConnection connection;
    private final ReentrantLock gate = new ReentrantLock();
    private final SqliteJournalReader reader;
    private boolean closed;

    OneConnectionLedger(Path file, CachedConnection connection) {
        this.file = file;
        this.connection = connection;
        this.reader = new SqliteJournalReader(file, new OwnAccess());
    }

    /** Runs just before the connection closes, e.g. to end a read transaction. */
    abstract void beforeClose(CachedConnection connection) throws SQLException;

    @Override
    public final long entryCount() {
        return reader.entryCount();
    }

    @Override
    public final void forEachEntry(Consumer<RecordedEntry> consumer) {
        reader.forEachEntry(consumer);
    }

    @Override
    public final Map<AccountCode, AccountBalance> storedBalances() {
        return reader.storedBalances();
    }

    @Override
    public final List<Account> accounts() {
        return reader.accounts();
    }

    @Override
    public final String schemaVersion() {
        return reader.schemaVersion();
    }

    @Override
    public final void close() {
        gate.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                beforeClose(connection);
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw SqliteErrors.onRead("close " + file, file, e);
        } finally {
            gate.unlock();
        }
    }

    static void closeAfterFailure(CachedConnection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Every read on the one connection, one at a time. */
    private final class OwnAccess implements SqliteJournalReader.ReadAccess {

        @Override
        public <T> T read(String action, SqlWork<T> work) {
            gate.lock();
            try {
                if (closed) {
                    throw new LedgerException(file + " was closed: open it again.");
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
