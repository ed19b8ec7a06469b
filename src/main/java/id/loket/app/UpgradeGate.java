package id.loket.app;

import id.loket.journal.VerifyReport;
import id.loket.ledger.SchemaMigration;
import id.loket.ui.Bundles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start of the window after an upgrade: the counter opens only on a ledger that verifies.
 *
 * <p>The version that last passed is kept in {@value #MARKER_FILE} in the data directory. It is an upgrade when
 * that version differs from the running one, when there is no marker but the ledger already existed (a ledger of
 * a Loket from before the gate), or when opening the ledger migrated its schema. Then the ledger is verified:
 * sound, the marker is written and the upgrade is logged; unsound, the start is refused with a message (in both
 * languages) that names the first problem, the copy kept before the upgrade and what to do, and the marker is
 * left as it was so the next start checks again. A first start on a new ledger only writes the marker; any other
 * start costs one small file read. See docs/decisions/0010-upgrade-gate.md.
 */
final class UpgradeGate {

    static final String MARKER_FILE = "last-started-version";

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeGate.class);
    private static final String BACKUP_FOLDER = "backups";
    private static final String COPY_PREFIX = "before-upgrade-";

    private final Path dataDirectory;
    private final String version;

    /**
     * @param dataDirectory where the marker and the {@code backups} folder are
     * @param version the running Loket's version
     */
    UpgradeGate(Path dataDirectory, String version) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.version = Objects.requireNonNull(version, "version");
    }

    /** What the gate decided. */
    enum Kind {
        /** No marker and a new ledger: the marker was written, nothing verified. */
        FIRST_START,
        /** The same version as last time, schema unchanged: nothing done. */
        NOT_AN_UPGRADE,
        /** An upgrade whose ledger verified: the marker was written. */
        UPGRADED,
        /** An upgrade whose ledger did not verify: the counter must not open; the marker was not written. */
        REFUSED
    }

    /**
     * @param message for {@link Kind#UPGRADED} the line logged; for {@link Kind#REFUSED} what to tell the owner (in
     *     Indonesian, then English); otherwise empty
     * @param report the verification's report, when the gate verified
     */
    record Outcome(Kind kind, String message, Optional<VerifyReport> report) {

        boolean refused() {
            return kind == Kind.REFUSED;
        }
    }

    /**
     * As {@link #check}, for the window's start.
     *
     * @throws StartupException with the outcome's message when the gate refuses
     */
    Outcome admit(SchemaMigration migration, Supplier<VerifyReport> verify) {
        Outcome outcome = check(migration, verify);
        if (outcome.refused()) {
            throw new StartupException(outcome.message());
        }
        return outcome;
    }

    /**
     * Decides whether this start is an upgrade and, if so, verifies the ledger.
     *
     * @param migration what opening the ledger did to its schema
     * @param verify verifies the ledger (called only for an upgrade)
     */
    Outcome check(SchemaMigration migration, Supplier<VerifyReport> verify) {
        Marker marker = readMarker();
        if (marker.absent() && migration.newLedger()) {
            writeMarker();
            LOG.info("First start of Loket {} on a new ledger", version);
            return new Outcome(Kind.FIRST_START, "", Optional.empty());
        }
        if (marker.version().filter(version::equals).isPresent() && !migration.upgraded()) {
            return new Outcome(Kind.NOT_AN_UPGRADE, "", Optional.empty());
        }
        String from = marker.version().orElse("an earlier Loket");
        LOG.info("Upgrade from {} to {}{}: verifying the ledger before the counter opens", from, version,
                migration.upgraded() ? " (schema v" + migration.before().orElseThrow() + " -> v" + migration.after() + ")" : "");
        VerifyReport report = verify.get();
        Optional<Path> copy = migration.copyBeforeUpgrade().or(() -> newestCopySince(marker.written()));
        if (!report.sound()) {
            String message = refusal(report, copy);
            LOG.error("Upgraded from {} to {} but the ledger does not verify ({} problem(s), the first: {}); the"
                    + " counter stays closed. Copy before the upgrade: {}", from, version, report.problems().size(),
                    report.problems().get(0), copy.map(Path::toString).orElse("none"));
            return new Outcome(Kind.REFUSED, message, Optional.of(report));
        }
        boolean written = writeMarker();
        String summary = (from.equals(version) ? "Upgraded the ledger of Loket " + version : "Upgraded from " + from
                + " to " + version) + ": "
                + (migration.upgraded()
                        ? "schema v" + migration.before().orElseThrow() + " -> v" + migration.after()
                        : "schema v" + migration.after() + " unchanged")
                + ", ledger verified (" + report.entries() + " entries), "
                + copy.map(p -> "copy before the upgrade: " + p).orElse("no copy before the upgrade (none was needed)")
                + (written ? "" : "; the next start checks again");
        LOG.info(summary);
        return new Outcome(Kind.UPGRADED, summary, Optional.of(report));
    }

    Path markerFile() {
        return dataDirectory.resolve(MARKER_FILE);
    }

    private String refusal(VerifyReport report, Optional<Path> copy) {
        String problem = report.problems().get(0);
        String key = copy.isPresent() ? "upgrade.unsound" : "upgrade.unsound.noCopy";
        String where = copy.orElse(dataDirectory.resolve(BACKUP_FOLDER)).toString();
        StringBuilder text = new StringBuilder();
        for (Locale language : Bundles.LANGUAGES) {
            ResourceBundle bundle = Bundles.load(language);
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append(Bundles.format(bundle, language, key, version, problem, where));
        }
        return text.toString();
    }

    /** The marker: the version that last passed, and when it was written. */
    private record Marker(Optional<String> version, Optional<FileTime> written) {

        boolean absent() {
            return version.isEmpty();
        }
    }

    private Marker readMarker() {
        Path file = markerFile();
        try {
            FileTime written = Files.getLastModifiedTime(file);
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return new Marker(Optional.of("an unknown version"), Optional.of(written));
            }
            return new Marker(Optional.of(text), Optional.of(written));
        } catch (NoSuchFileException e) {
            return new Marker(Optional.empty(), Optional.empty());
        } catch (IOException e) {
            // Unreadable: treat it as an upgrade from an unknown version, which verifies (the safe side).
            LOG.warn("Cannot read {} ({}); checking the ledger as after an upgrade", file, e.toString());
            return new Marker(Optional.of("an unknown version"), Optional.empty());
        }
    }

    /**
     * Writes the running version into the marker: a temporary file, synced, then renamed over the old marker, so
     * the marker is always whole. A marker that cannot be written only means the next start checks again.
     *
     * @return whether it was written
     */
    private boolean writeMarker() {
        Path file = markerFile();
        Path temp = null;
        try {
            temp = Files.createTempFile(dataDirectory, MARKER_FILE + "-", ".tmp");
            Files.writeString(temp, version + System.lineSeparator(), StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot write {} ({}); the next start checks the ledger again", file, e.toString());
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    temp.toFile().deleteOnExit();
                }
            }
            return false;
        }
    }

    /**
     * The newest copy kept before a schema upgrade since the marker was written: the upgrade may have migrated the
     * ledger in an earlier run (a {@code loket} command run before the window).
     */
    private Optional<Path> newestCopySince(Optional<FileTime> markerWritten) {
        Path folder = dataDirectory.resolve(BACKUP_FOLDER);
        Path newest = null;
        FileTime newestTime = null;
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, COPY_PREFIX + "*.db")) {
            for (Path copy : copies) {
                FileTime time = Files.getLastModifiedTime(copy);
                if (markerWritten.map(m -> time.compareTo(m) >= 0).orElse(true)
                        && (newestTime == null || time.compareTo(newestTime) > 0)) {
                    newest = copy;
                    newestTime = time;
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot look for copies in {} ({})", folder, e.toString());
        }
        return Optional.ofNullable(newest);
    }
}
