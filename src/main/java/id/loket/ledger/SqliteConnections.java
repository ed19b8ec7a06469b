package id.loket.ledger;

import id.loket.journal.LedgerException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The live ledger's connections: one writer (SQLite allows one writer at a time anyway, and one connection
 * behind one lock makes "single writer" true inside this process too), one reader for short queries, and
 * fresh read-only connections for long reads (a whole-journal stream, a backup) so those hold no lock that
 * the counter screen waits on.
 *
 * <p>A restore swaps the file under the connections: {@link #exclusively} waits for every operation in flight
 * (they run under the read side of a lifecycle lock), lets the caller close and reopen, and only then lets
 * new operations in.
 */
final class SqliteConnections implements AutoCloseable {

    private static final int BUSY_TIMEOUT_MILLIS = 5000;
    private static final long EXCLUSIVE_WAIT_SECONDS = 30;

    private final Path file;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final ReentrantLock writeGate = new ReentrantLock();
    private final ReentrantLock readGate = new ReentrantLock();
    private CachedConnection writer;
    private CachedConnection reader;
    private boolean closed;

    SqliteConnections(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * The settings every writing connection gets: WAL so readers never block the writer, {@code synchronous=FULL}
     * so a commit is on disk before it returns (in WAL mode: one fsync of the WAL per commit), foreign keys on.
     */
    static SQLiteConfig writerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // Ids are ours (last id + 1); sqlite-jdbc would otherwise prepare and run "SELECT last_insert_rowid()"
        // after every INSERT, a fifth of an append's time, and leave it open (which blocks VACUUM INTO).
        config.setGetGeneratedKeys(false);
        return config;
    }

    /** Read-only connections to the live ledger: they cannot change it whatever SQL runs on them. */
    static SQLiteConfig readerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config;
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file;
    }

    /**
     * A URI filename that opens {@code file} read-only and immutable: SQLite then takes no locks and creates no
     * {@code -wal}/{@code -shm} next to it, so inspecting a backup leaves its folder exactly as it was.
     */
    static String immutableUrl(Path file) {
        return "jdbc:sqlite:" + file.toUri() + "?mode=ro&immutable=1";
    }

    /**
     * Makes the file a current ledger and opens the connections: refuses a file that is not a Loket ledger or
     * is from a newer Loket (looking at it through a read-only connection, so a refused file stays as it
     * was), then runs the migrations. Keeps no copy of an older ledger before migrating it (a restore, whose
     * source file is itself the copy).
     */
    void migrateAndOpen(LedgerSchema schema) {
        migrateAndOpen(schema, Optional.empty());
    }

    /**
     * As {@link #migrateAndOpen(LedgerSchema)}; when the file is an existing ledger at an older schema and
     * {@code copies} is given, first keeps a copy of it ({@link BeforeUpgradeCopy}) and migrates only once the
     * copy is on disk.
     *
     * @return what was done to the schema
     * @throws LedgerException when the copy cannot be kept (the ledger is then left as it was)
     */
    SchemaMigration migrateAndOpen(LedgerSchema schema, Optional<BeforeUpgradeCopy> copies) {
        MigrationVersion before = null;
        if (LedgerFormat.requireSqliteOrAbsent(file, LedgerFormat.Role.LIVE)) {
            LedgerFormat.Probe probe;
            try (CachedConnection c = new CachedConnection(readerConfig().createConnection(url(file)))) {
                probe = LedgerFormat.probe(c);
            } catch (SQLException e) {
                throw SqliteErrors.onRead("open the ledger", file, e);
            }
            LedgerFormat.requireLoket(file, probe, LedgerFormat.Role.LIVE);
            before = schema.requireKnown(file, probe.appliedVersions(), LedgerFormat.Role.LIVE);
        }
        MigrationVersion after = schema.newestKnown();
        Optional<Path> copy = Optional.empty();
        if (before != null && before.compareTo(after) < 0 && copies.isPresent()) {
            copy = Optional.of(copies.get().keep(file, before, after));
        }
        if (before == null || before.compareTo(after) < 0) {
            schema.migrate(file, writerDataSource());
        }
        open();
        return new SchemaMigration(Optional.ofNullable(before).map(MigrationVersion::getVersion), after.getVersion(),
                copy);
    }

    /** Writing connections for Flyway, with the same settings as the writer. */
    DataSource writerDataSource() {
        SQLiteDataSource dataSource = new SQLiteDataSource(writerConfig());
        dataSource.setUrl(url(file));
        return dataSource;
    }

    /** Opens the writer and the reader; the file must already be a migrated ledger. */
    void open() {
        lifecycle.writeLock().lock();
        try {
            CachedConnection newWriter = new CachedConnection(writerConfig().createConnection(url(file)));
            try {
                reader = new CachedConnection(readerConfig().createConnection(url(file)));
            } catch (SQLException e) {
                closeAfterFailure(newWriter, e);
                throw e;
            }
            writer = newWriter;
            closed = false;
        } catch (SQLException e) {
            throw SqliteErrors.onRead("open the ledger", file, e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Runs {@code work} on the writer, alone. The work manages its own transaction. */
    <T> T write(String action, SqlWork<T> work) {
        lifecycle.readLock().lock();
        try {
            writeGate.lock();
            CachedConnection connection = requireOpen(writer);
            try {
                return work.run(connection);
            } catch (SQLException e) {
                connection.forgetStatements(e);
                throw SqliteErrors.onWrite(action, file, e);
            } finally {
                writeGate.unlock();
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} on the writer, alone, inside one {@code BEGIN IMMEDIATE} transaction: committed when the work
     * returns, rolled back when it throws (and the failure rethrown). For stores that change their own rows and
     * append journal entries ({@link SqliteJournalStore#appendWithin}) as one unit.
     */
    <T> T transaction(String action, SqlWork<T> work) {
        return write(action, c -> {
            c.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(c);
                c.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            }
        });
    }

    /**
     * Ends a failed transaction. A statement of its own, not a cached one: the failure may have left the cached
     * statements unusable (see {@link CachedConnection#forgetStatements}).
     */
    static void rollback(CachedConnection c, Throwable failure) {
        try (Statement statement = c.raw().createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite has already rolled back after some errors (a full disk, an I/O error) and then says "no
            // transaction is active"; the first failure is the one to report, this one travels with it.
            failure.addSuppressed(e);
        }
    }

    /** Runs a short read on the shared reader. */
    <T> T read(String action, SqlWork<T> work) {
        lifecycle.readLock().lock();
        try {
            readGate.lock();
            CachedConnection connection = requireOpen(reader);
            try {
                return work.run(connection);
            } catch (SQLException e) {
                connection.forgetStatements(e);
                throw SqliteErrors.onRead(action, file, e);
            } finally {
                readGate.unlock();
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Runs a long read on a connection of its own, closed afterwards. */
    <T> T readAlone(String action, SqlWork<T> work) {
        lifecycle.readLock().lock();
        try {
            requireOpen(reader);
            try (CachedConnection own = new CachedConnection(readerConfig().createConnection(url(file)))) {
                return work.run(own);
            } catch (SQLException e) {
                throw SqliteErrors.onRead(action, file, e);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** A new read-only connection to the live ledger, owned (and closed) by the caller. */
    CachedConnection openReader() {
        lifecycle.readLock().lock();
        try {
            requireOpen(reader);
            return new CachedConnection(readerConfig().createConnection(url(file)));
        } catch (SQLException e) {
            throw SqliteErrors.onRead("open a reading connection", file, e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Runs {@code body} with no other operation in flight and none starting; the body may {@link #closeConnections}
     * and {@link #open} again.
     *
     * @throws LedgerException when operations in flight do not finish in time
     */
    <T> T exclusively(Supplier<T> body) {
        boolean locked;
        try {
            locked = lifecycle.writeLock().tryLock(EXCLUSIVE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("Interrupted while waiting for the ledger " + file
                    + " to be free; nothing was changed.", e);
        }
        if (!locked) {
            throw new LedgerException("The ledger " + file + " is busy with a long operation (a verify or a"
                    + " backup): try again when it has finished; nothing was changed.");
        }
        try {
            return body.get();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Closes the writer and the reader; operations fail with "closed" until {@link #open} runs again. */
    void closeConnections() {
        lifecycle.writeLock().lock();
        try {
            SQLException failure = null;
            // The reader first: the last connection to close checkpoints the WAL into the file.
            for (CachedConnection c : new CachedConnection[] {reader, writer}) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (SQLException e) {
                        if (failure == null) {
                            failure = e;
                        } else {
                            failure.addSuppressed(e);
                        }
                    }
                }
            }
            reader = null;
            writer = null;
            closed = true;
            if (failure != null) {
                throw SqliteErrors.onRead("close the ledger", file, failure);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        closeConnections();
    }

    private CachedConnection requireOpen(CachedConnection connection) {
        if (closed || connection == null) {
            throw new LedgerException("The ledger " + file + " is closed: restart Loket.");
        }
        return connection;
    }

    private static void closeAfterFailure(CachedConnection connection, SQLException failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
