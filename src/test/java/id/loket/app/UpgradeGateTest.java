package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.loket.core.JournalRules;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.VerifyReport;
import id.loket.ledger.LedgerDatabase;
import id.loket.ledger.OldLedgers;
import id.loket.ledger.SchemaMigration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The upgrade gate: verifies the ledger on the first start of a new version, and refuses a ledger that does not verify. */
class UpgradeGateTest {

    private static final String NEWEST = OldLedgers.newestVersion();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T03:15:00Z"), ZoneOffset.UTC);
    private static final VerifyReport SOUND = new VerifyReport(7, OptionalLong.empty(), List.of());

    @TempDir
    Path dir;

    private final AtomicInteger verifications = new AtomicInteger();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Logger gateLogger;
    private Level levelBefore;

    @BeforeEach
    void captureTheLog() {
        gateLogger = (Logger) LoggerFactory.getLogger(UpgradeGate.class);
        levelBefore = gateLogger.getLevel();
        gateLogger.setLevel(Level.INFO);
        log.start();
        gateLogger.addAppender(log);
    }

    @AfterEach
    void releaseTheLog() {
        gateLogger.detachAppender(log);
        gateLogger.setLevel(levelBefore);
    }

    private Supplier<VerifyReport> counted(Supplier<VerifyReport> verify) {
        return () -> {
            verifications.incrementAndGet();
            return verify.get();
        };
    }

    private UpgradeGate gate(String version) {
        return new UpgradeGate(dir, version);
    }

    private Path marker() {
        return dir.resolve(UpgradeGate.MARKER_FILE);
    }

    private void marker(String version) throws Exception {
        Files.writeString(marker(), version + "\n", StandardCharsets.UTF_8);
    }

    private String markerText() throws Exception {
        return Files.readString(marker(), StandardCharsets.UTF_8).strip();
    }

    private List<String> infoLines() {
        return log.list.stream().filter(e -> e.getLevel() == Level.INFO).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static LedgerMaintenance maintenance(LedgerDatabase db) {
        return new LedgerMaintenance(db.journal(), db.snapshots(), new LedgerVerifier(JournalRules.standard()));
    }

    @Test
    void aFirstStartOnANewLedgerWritesTheMarkerWithoutVerifying() throws Exception {
        UpgradeGate.Outcome outcome = gate("0.1.1").check(new SchemaMigration(Optional.empty(), NEWEST, Optional.empty()),
                counted(() -> SOUND));

        assertThat(outcome.kind()).isEqualTo(UpgradeGate.Kind.FIRST_START);
        assertThat(verifications).hasValue(0);
        assertThat(markerText()).isEqualTo("0.1.1");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(marker());
        }
    }

    @Test
    void theSameVersionWithTheSameSchemaDoesNothing() throws Exception {
        marker("0.1.1");
        FileTime written = Files.getLastModifiedTime(marker());

        UpgradeGate.Outcome outcome = gate("0.1.1").check(SchemaMigration.unchanged(NEWEST), counted(() -> SOUND));

        assertThat(outcome.kind()).isEqualTo(UpgradeGate.Kind.NOT_AN_UPGRADE);
        assertThat(outcome.refused()).isFalse();
        assertThat(verifications).hasValue(0);
        assertThat(Files.getLastModifiedTime(marker())).isEqualTo(written);
        assertThat(infoLines()).isEmpty();
    }

    @Test
    void anOlderMarkerMeansAnUpgrade_TheLedgerIsVerifiedAndTheMarkerWritten() throws Exception {
        OldLedgers.create(dir.resolve("ledger.db"), "4", 3);
        marker("0.1.0");

        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"), CLOCK)) {
            Path copy = dir.resolve("backups/before-upgrade-v4-to-v" + NEWEST + "-20261123T031500Z.db").toAbsolutePath();
            UpgradeGate.Outcome outcome = gate("0.1.1").check(db.migration(), counted(maintenance(db)::verify));

            assertThat(outcome.kind()).isEqualTo(UpgradeGate.Kind.UPGRADED);
            assertThat(verifications).hasValue(1);
            assertThat(outcome.report().orElseThrow().entries()).isEqualTo(3);
            String line = "Upgraded from 0.1.0 to 0.1.1: schema v4 -> v" + NEWEST
                    + ", ledger verified (3 entries), copy before the upgrade: " + copy;
            assertThat(outcome.message()).isEqualTo(line);
            assertThat(infoLines()).contains(line);
        }
        assertThat(markerText()).isEqualTo("0.1.1");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }

        // The next start of the same version is no upgrade.
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"), CLOCK)) {
            assertThat(gate("0.1.1").check(db.migration(), counted(maintenance(db)::verify)).kind())
                    .isEqualTo(UpgradeGate.Kind.NOT_AN_UPGRADE);
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void noMarkerBesideAnExistingLedgerIsAnUpgradeFromBeforeTheGate() throws Exception {
        UpgradeGate.Outcome outcome = gate("0.1.1").check(SchemaMigration.unchanged(NEWEST), counted(() -> SOUND));

        assertThat(outcome.kind()).isEqualTo(UpgradeGate.Kind.UPGRADED);
        assertThat(verifications).hasValue(1);
        assertThat(outcome.message()).isEqualTo("Upgraded from an earlier Loket to 0.1.1: schema v" + NEWEST
                + " unchanged, ledger verified (7 entries), no copy before the upgrade (none was needed)");
        assertThat(markerText()).isEqualTo("0.1.1");
    }

    @Test
    void aSchemaMigratedInThisOpenIsVerifiedEvenWhenTheMarkerMatches() throws Exception {
        marker("0.1.1");
        Path copy = dir.resolve("backups/before-upgrade-v4-to-v5-20261123T031500Z.db");

        UpgradeGate.Outcome outcome = gate("0.1.1").check(
                new SchemaMigration(Optional.of("4"), "5", Optional.of(copy)), counted(() -> SOUND));

        assertThat(outcome.kind()).isEqualTo(UpgradeGate.Kind.UPGRADED);
        assertThat(verifications).hasValue(1);
        assertThat(outcome.message()).isEqualTo("Upgraded the ledger of Loket 0.1.1: schema v4 -> v5, ledger verified"
                + " (7 entries), copy before the upgrade: " + copy);
    }

    @Test
    void aLedgerThatDoesNotVerifyAfterTheUpgradeIsRefusedAndTheMarkerLeftAsItWas() throws Exception {
        Path ledger = dir.resolve("ledger.db");
        OldLedgers.create(ledger, "4", 3);
        OldLedgers.tamperAmount(ledger, 2);
        marker("0.1.0");
        Path copy = dir.resolve("backups/before-upgrade-v4-to-v" + NEWEST + "-20261123T031500Z.db").toAbsolutePath();

        try (LedgerDatabase db = LedgerDatabase.open(ledger, CLOCK)) {
            UpgradeGate gate = gate("0.1.1");
            UpgradeGate.Outcome outcome = gate.check(db.migration(), counted(maintenance(db)::verify));

            assertThat(outcome.kind()).isEqualTo(UpgradeGate.Kind.REFUSED);
            assertThat(outcome.refused()).isTrue();
            assertThat(outcome.report().orElseThrow().firstBadEntry()).hasValue(2);
            String problem = "entry 2 was altered after it was written (its hash does not match its contents)";
            assertThat(outcome.message())
                    .startsWith("Buku besar tidak lolos pemeriksaan setelah pembaruan ke Loket 0.1.1: " + problem + ".")
                    .contains("Salinan buku besar dari sebelum pembaruan: " + copy)
                    .contains("\n\nThe ledger did not verify after the upgrade to Loket 0.1.1: " + problem
                            + ". The counter stays closed while the ledger is broken.\n"
                            + "The copy of the ledger from before the upgrade: " + copy + "\n"
                            + "Close this window and run 'loket verify' to see every problem. If the ledger was sound"
                            + " before the upgrade, the shop owner restores that copy with"
                            + " 'loket --user OWNER --password-stdin restore --from \"" + copy + "\"'");
            assertThat(log.list).anySatisfy(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.ERROR);
                assertThat(e.getFormattedMessage()).contains("0.1.0 to 0.1.1", problem, copy.toString());
            });

            // At the window's start the refusal is a StartupException, which shows the error window.
            assertThatThrownBy(() -> gate.admit(db.migration(), maintenance(db)::verify))
                    .isInstanceOf(StartupException.class)
                    .hasMessage(outcome.message());
        }
        assertThat(markerText()).isEqualTo("0.1.0");

        // The next start, the same version: the ledger is migrated already, but the marker still says 0.1.0.
        try (LedgerDatabase db = LedgerDatabase.open(ledger, CLOCK)) {
            assertThat(db.migration().upgraded()).isFalse();
            UpgradeGate.Outcome again = gate("0.1.1").check(db.migration(), counted(maintenance(db)::verify));
            assertThat(again.kind()).isEqualTo(UpgradeGate.Kind.REFUSED);
            // The copy from the start that migrated is still named.
            assertThat(again.message()).contains("The copy of the ledger from before the upgrade: " + copy);
        }
        assertThat(markerText()).isEqualTo("0.1.0");
    }

    @Test
    void aRefusalWithoutACopyPointsAtTheBackupsFolder() throws Exception {
        marker("0.1.0");
        VerifyReport broken = new VerifyReport(9, OptionalLong.of(4),
                List.of("entry 4 does not chain to the entry before it (previous hash differs)"));

        UpgradeGate.Outcome outcome = gate("0.1.1").check(SchemaMigration.unchanged(NEWEST), () -> broken);

        assertThat(outcome.kind()).isEqualTo(UpgradeGate.Kind.REFUSED);
        assertThat(outcome.message())
                .contains("cadangan ada di " + dir.resolve("backups"))
                .contains("There is no copy from before this upgrade (one is made only when the ledger's schema"
                        + " changes); backups are in " + dir.resolve("backups") + ".")
                .contains("'loket --user OWNER --password-stdin restore --from FILE'");
        assertThat(markerText()).isEqualTo("0.1.0");
    }

    @Test
    void aCopyKeptBeforeTheMarkerWasWrittenBelongsToAnEarlierUpgrade() throws Exception {
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Path old = Files.writeString(backups.resolve("before-upgrade-v3-to-v4-20250101T000000Z.db"), "old");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        marker("0.1.0");

        UpgradeGate.Outcome outcome = gate("0.1.1").check(SchemaMigration.unchanged(NEWEST), () -> SOUND);

        assertThat(outcome.message()).endsWith("no copy before the upgrade (none was needed)");
    }

    @Test
    void throughTheCompositionRoot_AnUpgradedDataDirectoryPassesTheGate() throws Exception {
        Path home = dir.resolve("home");
        OldLedgers.create(home.resolve("ledger.db"), "4", 2);

        try (AppServices services = AppServices.open(home, Map.of(), CLOCK, Duration.ZERO)) {
            assertThat(services.migration().before()).contains("4");
            assertThat(services.migration().copyBeforeUpgrade()).isPresent();
            UpgradeGate.Outcome outcome = new UpgradeGate(services.dataDirectory(), "0.1.1")
                    .admit(services.migration(), services.maintenance()::verify);
            assertThat(outcome.kind()).isEqualTo(UpgradeGate.Kind.UPGRADED);
            assertThat(outcome.report().orElseThrow().entries()).isEqualTo(2);
        }
        assertThat(Files.readString(home.resolve(UpgradeGate.MARKER_FILE)).strip()).isEqualTo("0.1.1");
    }
}
