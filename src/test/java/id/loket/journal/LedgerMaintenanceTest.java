package id.loket.journal;

import static id.loket.core.AccountCode.CASH_DRAWER;
import static id.loket.core.AccountCode.OWNER_EQUITY;
import static id.loket.core.EntryBuilder.entry;
import static id.loket.core.EntryBuilder.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.JournalRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerMaintenanceTest {

    @TempDir
    Path dir;

    private final JournalRules rules = JournalRules.standard();
    private final InMemoryJournal live = InMemoryJournal.standard();
    private FakeSnapshots snapshots;
    private LedgerMaintenance maintenance;

    @BeforeEach
    void threeEntryLedger() {
        live.append(entry().debit(CASH_DRAWER, 500_000).credit(OWNER_EQUITY, 500_000).build(), rules);
        live.append(payment(152_500).pending().build(), rules);
        live.append(payment(152_500).postsPending(2).build(), rules);
        snapshots = new FakeSnapshots(live);
        maintenance = new LedgerMaintenance(live, snapshots, new LedgerVerifier(rules));
    }

    @Test
    void verifyChecksTheLiveLedger() {
        assertThat(maintenance.verify().sound()).isTrue();
        live.tamperEntry(2, e -> payment(1).pending().build());
        assertThat(maintenance.verify().firstBadEntry()).hasValue(2);
    }

    @Test
    void backupWritesAVerifiedCopyAndLeavesNoPartFile() throws IOException {
        Path target = dir.resolve("loket-2025-03-14.db");
        LedgerMaintenance.BackupResult result = maintenance.backup(target);
        assertThat(result.file()).isEqualTo(target.toAbsolutePath().normalize());
        assertThat(result.entries()).isEqualTo(3);
        assertThat(result.bytes()).isEqualTo(Files.size(target)).isPositive();
        assertThat(Files.readString(target)).isEqualTo(FakeSnapshots.CONTENT);
        assertThat(snapshots.opened).hasSize(1).allSatisfy(j -> assertThat(j.closeCount()).isEqualTo(1));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void backupRefusesAnExistingTargetAndLeavesItAsItWas() throws IOException {
        Path target = dir.resolve("existing.db");
        Files.writeString(target, "the owner's earlier backup");
        assertThatThrownBy(() -> maintenance.backup(target))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("already exists")
                .hasMessageContaining("nothing was overwritten");
        assertThat(Files.readString(target)).isEqualTo("the owner's earlier backup");
        assertThat(snapshots.backups).isEmpty();
    }

    @Test
    void backupRefusesATargetThatAppearsWhileTheCopyIsMade() throws IOException {
        // Another backup (or the owner) creates the file after the first check: it must still not be replaced.
        Path target = dir.resolve("race.db");
        snapshots.duringBackup = part -> write(target, "written meanwhile");
        assertThatThrownBy(() -> maintenance.backup(target))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("already exists");
        assertThat(Files.readString(target)).isEqualTo("written meanwhile");
        assertThat(dir.resolve("race.db.part")).doesNotExist();
    }

    @Test
    void backupRefusesAFolderThatDoesNotExist() {
        Path target = dir.resolve("missing").resolve("loket.db");
        assertThatThrownBy(() -> maintenance.backup(target))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("does not exist");
        assertThat(snapshots.backups).isEmpty();
    }

    @Test
    void backupWhoseCopyDoesNotVerifyIsNotKept() {
        snapshots.damageCopies = copy -> copy.tamperEntry(3, e -> payment(999).postsPending(2).build());
        Path target = dir.resolve("bad.db");
        assertThatThrownBy(() -> maintenance.backup(target))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("does not verify")
                .hasMessageContaining("entry 3");
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("bad.db.part")).doesNotExist();
        assertThat(snapshots.opened).allSatisfy(j -> assertThat(j.closeCount()).isEqualTo(1));
    }

    @Test
    void restoreReplacesTheLedgerWithASoundBackup() {
        Path backup = dir.resolve("good.db");
        snapshots.files.put(backup.toAbsolutePath().normalize(), live.copy());
        LedgerMaintenance.RestoreResult result = maintenance.restore(backup);
        assertThat(result.entries()).isEqualTo(3);
        assertThat(result.previousLedgerKeptAt()).isEqualTo(FakeSnapshots.KEPT);
        assertThat(snapshots.replacedWith).containsExactly(backup.toAbsolutePath().normalize());
    }

    @Test
    void restoreRefusesABackupThatDoesNotVerifyAndLeavesTheLedger() {
        Path backup = dir.resolve("tampered.db");
        InMemoryJournal tampered = live.copy();
        tampered.dropEntry(2);
        snapshots.files.put(backup.toAbsolutePath().normalize(), tampered);
        assertThatThrownBy(() -> maintenance.restore(backup))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("does not verify")
                .hasMessageContaining("the current ledger was left as it is");
        assertThat(snapshots.replacedWith).isEmpty();
        assertThat(tampered.closeCount()).isEqualTo(1);
        assertThat(live.entryCount()).isEqualTo(3);
    }

    @Test
    void restoreRefusesAFileThatIsNotALedger() {
        assertThatThrownBy(() -> maintenance.restore(dir.resolve("holiday-photo.jpg")))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("not a Loket ledger");
        assertThat(snapshots.replacedWith).isEmpty();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ledger files as a map from path to journal: a backup writes a few bytes to the path and registers a copy
     * of the live journal there; opening a path hands back the journal registered for it.
     */
    static final class FakeSnapshots implements LedgerSnapshots {
        static final String CONTENT = "SQLite format 3 (fake)";
        static final Path KEPT = Path.of("/data/loket-ledger.replaced.db");

        private final InMemoryJournal live;
        final Map<Path, InMemoryJournal> files = new HashMap<>();
        final List<Path> backups = new ArrayList<>();
        final List<InMemoryJournal> opened = new ArrayList<>();
        final List<Path> replacedWith = new ArrayList<>();
        Consumer<Path> duringBackup = part -> { };
        Consumer<InMemoryJournal> damageCopies = copy -> { };

        FakeSnapshots(InMemoryJournal live) {
            this.live = live;
        }

        @Override
        public void backupTo(Path target) {
            if (Files.exists(target)) {
                throw new LedgerException(target + " exists");
            }
            backups.add(target);
            write(target, CONTENT);
            InMemoryJournal copy = live.copy();
            damageCopies.accept(copy);
            files.put(target.toAbsolutePath().normalize(), copy);
            duringBackup.accept(target);
        }

        @Override
        public OpenedLedger open(Path file) {
            InMemoryJournal journal = files.get(file.toAbsolutePath().normalize());
            if (journal == null) {
                throw new LedgerException(file + " is not a Loket ledger: choose a backup made by 'loket backup'");
            }
            opened.add(journal);
            return journal;
        }

        @Override
        public Path replaceWith(Path source) {
            replacedWith.add(source);
            return KEPT;
        }
    }
}
