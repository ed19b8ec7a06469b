package id.loket.ledger;

import id.loket.customers.CustomerStore;
import id.loket.journal.JournalStore;
import id.loket.journal.LedgerException;
import id.loket.journal.LedgerSnapshots;
import id.loket.payment.PaymentStore;
import id.loket.reconcile.ReconciliationStore;
import id.loket.shift.ShiftStore;
import id.loket.users.AuditStore;
import id.loket.users.OperatorStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The live ledger file, opened for the app's lifetime: the one place that opens it, so the checks that keep
 * a wrong file from being touched run every time. {@link #open} refuses (and leaves byte for byte as it was) a
 * file that is not SQLite, an SQLite file of another program, or a ledger from a newer Loket; otherwise it
 * migrates the schema (after keeping a copy of a ledger it upgrades) and holds a shared lock on the data
 * directory until {@link #close}, so a restore elsewhere cannot pull the file away.
 */
public final class LedgerDatabase implements AutoCloseable {

    private final Path file;
    private final DirectoryLock lock;
    private final SqliteConnections connections;
    private final SqliteJournalStore journal;
    private final SqliteLedgerSnapshots snapshots;
    private final SqlitePaymentStore payments;
    private final SqliteShiftStore shifts;
    private final SqliteOperatorStore operators;
    private final SqliteAuditStore audit;
    private final SqliteCustomerStore customers;
    private final SqliteReconciliationStore reconciliation;
    private final SchemaMigration migration;

    private LedgerDatabase(Path file, DirectoryLock lock, SqliteConnections connections, LedgerSchema schema,
            Clock clock, SchemaMigration migration) {
        this.file = file;
        this.migration = migration;
        this.lock = lock;
        this.connections = connections;
        this.journal = new SqliteJournalStore(connections);
        this.snapshots = new SqliteLedgerSnapshots(connections, lock, schema, clock);
        this.payments = new SqlitePaymentStore(connections, journal);
        this.shifts = new SqliteShiftStore(connections, journal);
        this.operators = new SqliteOperatorStore(connections);
        this.audit = new SqliteAuditStore(connections);
        this.customers = new SqliteCustomerStore(connections);
        this.reconciliation = new SqliteReconciliationStore(connections);
    }

    /**
     * Opens (creating if need be) the ledger at {@code ledgerFile}, migrated to the newest schema. An existing
     * ledger at an older schema is first copied to {@code backups/before-upgrade-v<old>-to-v<new>-<time>.db}
     * beside it ({@link #migration()} says where); no copy, no migration.
     *
     * @throws LedgerException naming what is wrong and what to do: not a Loket ledger, from a newer Loket, a
     *     restore running on the directory, a disk or permission problem, no room for the copy before an upgrade
     */
    public static LedgerDatabase open(Path ledgerFile) {
        return open(ledgerFile, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that names the copies kept before an upgrade and by a restore. */
    public static LedgerDatabase open(Path ledgerFile, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Path file = ledgerFile.toAbsolutePath().normalize();
        Path folder = file.getParent();
        // Refuse a foreign file before anything else, the lock file included, is created next to it.
        LedgerFormat.requireSqliteOrAbsent(file, LedgerFormat.Role.LIVE);
        createFolder(folder);
        DirectoryLock lock = DirectoryLock.shared(folder.resolve(DirectoryLock.FILE_NAME));
        try {
            LedgerSchema schema = LedgerSchema.fromClassPath();
            SqliteConnections connections = new SqliteConnections(file);
            SchemaMigration migration = connections.migrateAndOpen(schema, Optional.of(new BeforeUpgradeCopy(clock)));
            return new LedgerDatabase(file, lock, connections, schema, clock, migration);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The journal: appends and reads. */
    public JournalStore journal() {
        return journal;
    }

    /** Payments, their events and their journal entries, written together. */
    public PaymentStore payments() {
        return payments;
    }

    /** Shifts, their drawer accounts and their journal entries, written together. */
    public ShiftStore shifts() {
        return shifts;
    }

    /** Registered customers, their pending SMS codes and saved references. */
    public CustomerStore customers() {
        return customers;
    }

    /** Reconciliation runs, items, resolutions and sign-offs, and the reads a run compares. */
    public ReconciliationStore reconciliation() {
        return reconciliation;
    }

    /** Operators (owner and clerks), their password hashes and lockouts. */
    public OperatorStore operators() {
        return operators;
    }

    /** The audit log, append-only. */
    public AuditStore audit() {
        return audit;
    }

    /** Backups of this ledger, inspection of other ledger files, and restore. */
    public LedgerSnapshots snapshots() {
        return snapshots;
    }

    /** What {@link #open} did to the schema: the version before and after, and the copy kept before an upgrade. */
    public SchemaMigration migration() {
        return migration;
    }

    /** The ledger file (absolute). */
    public Path file() {
        return file;
    }

    /** Closes the connections (SQLite checkpoints the WAL into the file) and lets go of the data directory. */
    @Override
    public void close() {
        try {
            connections.close();
        } finally {
            lock.close();
        }
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LedgerException("Cannot create the data folder " + folder + " (" + e.getMessage()
                    + "): choose another --data-dir, or check its permissions.", e);
        }
    }
}
