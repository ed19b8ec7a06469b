package id.loket.ledger;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What opening the ledger did to its schema: the version the file had ({@code before}, empty for a new ledger),
 * the version it has now ({@code after}), and the copy kept in {@code backups/} before an existing ledger was
 * migrated (present exactly when {@link #upgraded()}).
 */
public record SchemaMigration(Optional<String> before, String after, Optional<Path> copyBeforeUpgrade) {

    public SchemaMigration {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(copyBeforeUpgrade, "copyBeforeUpgrade");
    }

    /** A ledger that already held a schema was opened and left at its version. */
    public static SchemaMigration unchanged(String version) {
        return new SchemaMigration(Optional.of(version), version, Optional.empty());
    }

    /** The file was new (absent, empty, or an SQLite database without tables): it became a ledger now. */
    public boolean newLedger() {
        return before.isEmpty();
    }

    /** An existing ledger was migrated to a newer schema in this open. */
    public boolean upgraded() {
        return before.isPresent() && !before.get().equals(after);
    }
}
