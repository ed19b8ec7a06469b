package id.loket.ledger;

import id.loket.journal.LedgerException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteDataSource;

/**
 * The ledger's schema: the Flyway migrations in {@code db/migration} on the class path, and the newest
 * version among them.
 *
 * <p>Flyway 10+ ignores applied migrations it does not know ("future" ones) by default, so on its own it would
 * happily run an old Loket against a ledger a newer Loket has reshaped. {@link #requireKnown} refuses that
 * before anything is migrated.
 *
 * <p>The newest version is also written down here ({@link #NEWEST}, kept equal to the migrations by a test), so a
 * start on a ledger that is already current needs no Flyway at all: scanning the class path for migrations and
 * Flyway's own start-up (it loads some 900 classes, Jackson among them) were a third of the window's cold start
 * (docs/benchmarks.md, installers).
 */
final class LedgerSchema {

    static final String LOCATION = "classpath:db/migration";

    private final ClassLoader classLoader;
    private final MigrationVersion newestKnown;

    private LedgerSchema(ClassLoader classLoader, MigrationVersion newestKnown) {
        this.classLoader = classLoader;
        this.newestKnown = newestKnown;
    }

    /** The newest migration in {@code db/migration}: raise it with every new migration (a test checks). */
    static final String NEWEST = "7";

    /** The schema of this Loket: its migrations on the class path, the newest being {@link #NEWEST}. */
    static LedgerSchema fromClassPath() {
        return new LedgerSchema(LedgerSchema.class.getClassLoader(), MigrationVersion.fromVersion(NEWEST));
    }

    /**
     * The newest version among the migrations Flyway finds on the class path (against an in-memory database, so
     * no file is touched); what {@link #NEWEST} must say.
     */
    static MigrationVersion scanNewest() {
        ClassLoader loader = LedgerSchema.class.getClassLoader();
        SQLiteDataSource memory = new SQLiteDataSource();
        memory.setUrl("jdbc:sqlite::memory:");
        MigrationVersion newest = null;
        try {
            for (MigrationInfo info : configure(loader, memory).info().all()) {
                MigrationVersion version = info.getVersion();
                if (version != null && (newest == null || version.compareTo(newest) > 0)) {
                    newest = version;
                }
            }
        } catch (FlywayException e) {
            throw new LedgerException("This Loket cannot read its own ledger migrations (" + e.getMessage()
                    + "): reinstall Loket.", e);
        }
        if (newest == null) {
            throw new LedgerException("This Loket has no ledger migrations on its class path (" + LOCATION
                    + "): reinstall Loket.");
        }
        return newest;
    }

    MigrationVersion newestKnown() {
        return newestKnown;
    }

    /**
     * Refuses a ledger that a newer Loket has migrated past what this version knows.
     *
     * @return the newest schema version applied to the ledger, {@code null} when none is (a new ledger)
     */
    MigrationVersion requireKnown(Path file, List<String> appliedVersions, LedgerFormat.Role role) {
        MigrationVersion newestApplied = null;
        for (String text : appliedVersions) {
            MigrationVersion version;
            try {
                version = MigrationVersion.fromVersion(text);
            } catch (FlywayException e) {
                throw new LedgerException(file + " has an unreadable schema version '" + text
                        + "' (it was altered outside Loket): restore a backup; nothing was changed.", e);
            }
            if (newestApplied == null || version.compareTo(newestApplied) > 0) {
                newestApplied = version;
            }
        }
        if (newestApplied != null && newestApplied.compareTo(newestKnown) > 0) {
            throw new LedgerException(file + " was written by a newer Loket (schema " + newestApplied
                    + ", this version knows " + newestKnown + "): " + role.newerAdvice() + "; nothing was changed.");
        }
        return newestApplied;
    }

    /** Brings the ledger behind {@code dataSource} up to the newest schema. */
    void migrate(Path file, DataSource dataSource) {
        try {
            configure(classLoader, dataSource).migrate();
        } catch (FlywayException e) {
            SQLException sql = sqlCause(e);
            if (sql != null) {
                throw SqliteErrors.translate("update the ledger's schema", file, sql, "the ledger was left as it was");
            }
            throw new LedgerException("Cannot update the schema of " + file + " (" + e.getMessage()
                    + "): restore a backup with 'loket restore', or report this; the ledger was left as it was.", e);
        }
    }

    private static Flyway configure(ClassLoader loader, DataSource dataSource) {
        return Flyway.configure(loader)
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
