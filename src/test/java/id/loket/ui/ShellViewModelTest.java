package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.settings.SettingsService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's state without the toolkit: work that would go to other threads runs directly. */
class ShellViewModelTest {

    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;

    private final List<TestContexts> opened = new ArrayList<>();

    @AfterEach
    void closeLedgers() {
        opened.forEach(shop -> shop.ledger().close());
    }

    private ShellViewModel model(TestContexts shop) {
        return model(shop, DIRECT);
    }

    private ShellViewModel model(TestContexts shop, Executor background) {
        shop.ledgerIn(dir.resolve("shop" + opened.size()));
        opened.add(shop);
        return new ShellViewModel(shop.settingsService(), shop.maintenance(), shop.billing(), background, DIRECT,
                shop.session(DIRECT), shop.calendar(), "0.1.0", "/data/loket");
    }

    @Test
    void startsOnPayAndSwitchesSections() {
        ShellViewModel model = model(TestContexts.shop());
        assertThat(model.selectedSection().get()).isEqualTo(Section.PAY);

        model.select(Section.RECONCILIATION);

        assertThat(model.selectedSection().get()).isEqualTo(Section.RECONCILIATION);
    }

    @Test
    void saysTheLedgerIsBeingCheckedUntilTheCheckEnds() {
        Queue<Runnable> background = new ArrayDeque<>();
        ShellViewModel model = model(TestContexts.shop(), background::add);

        model.start();
        assertThat(model.ledgerStatusText().get()).isEqualTo("Memeriksa buku besar…");

        background.remove().run();
        assertThat(model.ledgerStatusText().get()).isEqualTo("Buku besar sehat · 3 entri");
        assertThat(model.ledgerStatus().get().state()).isEqualTo(LedgerStatus.State.SOUND);
    }

    @Test
    void namesTheFirstBadEntryOfATamperedLedger() {
        FakeJournalStore journal = FakeJournalStore.withPayments(5);
        journal.tamperWith(2);
        ShellViewModel model = model(TestContexts.shop().journal(journal));

        model.start();

        assertThat(model.ledgerStatus().get().state()).isEqualTo(LedgerStatus.State.BROKEN);
        assertThat(model.ledgerStatusText().get()).isEqualTo("Buku besar RUSAK: entri #2 — jalankan 'loket verify'");
    }

    @Test
    void saysWhyTheLedgerCouldNotBeChecked() {
        ShellViewModel model = model(TestContexts.shop().journal(
                FakeJournalStore.withPayments(1).failingReads("The ledger is locked by another Loket")));

        model.start();

        assertThat(model.ledgerStatus().get().state()).isEqualTo(LedgerStatus.State.UNCHECKED);
        assertThat(model.ledgerStatusText().get())
                .isEqualTo("Buku besar tidak dapat diperiksa: The ledger is locked by another Loket");
    }

    @Test
    void showsTheDepositWhenTheGatewayAnswers() {
        ShellViewModel model = model(TestContexts.shop());
        assertThat(model.gatewayStatusText().get()).isEqualTo("Menghubungi gateway…");

        model.start();

        assertThat(model.gatewayStatus().get().state()).isEqualTo(GatewayStatus.State.CONNECTED);
        assertThat(model.gatewayStatusText().get()).isEqualTo("Gateway tersambung · Deposit Rp 10.000.000");
        model.chooseLanguage(java.util.Locale.ENGLISH);
        assertThat(model.gatewayStatusText().get()).isEqualTo("Gateway connected · Deposit Rp 10,000,000");
    }

    @Test
    void saysSoWhenTheGatewayDoesNotAnswer() {
        ShellViewModel model = model(TestContexts.shop().gateway(new FakeGateway().silent()));

        model.start();

        assertThat(model.gatewayStatus().get().state()).isEqualTo(GatewayStatus.State.NO_ANSWER);
        assertThat(model.gatewayStatusText().get()).contains("tidak menjawab");
    }

    @Test
    void startsOnlyOnce() {
        ShellViewModel model = model(TestContexts.shop());
        model.start();

        assertThatThrownBy(model::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isSandboxWithoutARealGateway() {
        assertThat(model(TestContexts.shop()).sandbox()).isTrue();
        assertThat(model(TestContexts.shop().settings(
                new InMemorySettingsStore().with("gateway.url", "https://gateway.example.id"))).sandbox()).isFalse();
    }

    @Test
    void speaksIndonesianUnlessEnglishWasChosen() {
        ShellViewModel model = model(TestContexts.shop());
        assertThat(model.language().get()).isEqualTo(SettingsService.INDONESIAN);
        assertThat(model.bundle().get().getString("section.pay.name")).isEqualTo("Bayar");

        ShellViewModel english = model(TestContexts.shop().settings(new InMemorySettingsStore().with("ui.language", "en")));
        assertThat(english.language().get()).isEqualTo(SettingsService.ENGLISH);
        assertThat(english.versionText().get()).isEqualTo("Loket 0.1.0");
    }

    @Test
    void switchingTheLanguageChangesTheTextsSavesTheChoiceAndKeepsTheSection() {
        InMemorySettingsStore store = new InMemorySettingsStore();
        ShellViewModel model = model(TestContexts.shop().settings(store));
        model.start();
        model.select(Section.HISTORY);

        model.chooseLanguage(SettingsService.ENGLISH);

        assertThat(model.language().get()).isEqualTo(SettingsService.ENGLISH);
        assertThat(model.bundle().get().getString("section.pay.name")).isEqualTo("Pay");
        assertThat(model.ledgerStatusText().get()).isEqualTo("Ledger sound · 3 entries");
        assertThat(model.dataDirectoryText().get()).isEqualTo("Data folder: /data/loket");
        assertThat(model.selectedSection().get()).isEqualTo(Section.HISTORY);
        assertThat(store.get("ui.language")).contains("en");
        assertThat(model.notice().get()).isEmpty();
    }

    @Test
    void saysSoWhenTheLanguageChoiceCannotBeSaved() {
        ShellViewModel model = model(TestContexts.shop().settings(
                new InMemorySettingsStore().failingWrites("disk full")));

        model.chooseLanguage(SettingsService.ENGLISH);

        assertThat(model.language().get()).isEqualTo(SettingsService.ENGLISH);
        assertThat(model.notice().get()).isEqualTo("The language choice was not saved: disk full");
    }

    @Test
    void refusesALanguageLoketIsNotTranslatedInto() {
        ShellViewModel model = model(TestContexts.shop());

        assertThatThrownBy(() -> model.chooseLanguage(Locale.JAPANESE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySectionHasItsOwnShortcutsAndPayAndHistoryHaveTheFKeysOfTheDesign() {
        Set<KeyCombination> seen = new HashSet<>();
        for (Section section : Section.values()) {
            for (KeyCombination shortcut : section.shortcuts()) {
                assertThat(seen.add(shortcut)).as("%s used twice", shortcut).isTrue();
            }
        }
        assertThat(Section.PAY.shortcutText()).isEqualTo("F2, Ctrl+1");
        assertThat(Section.HISTORY.shortcutText()).isEqualTo("F3, Ctrl+2");
        assertThat(Section.SETTINGS.shortcutText()).isEqualTo("Ctrl+7");
    }
}
