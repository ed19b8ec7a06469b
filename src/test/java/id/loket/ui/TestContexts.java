package id.loket.ui;

import id.loket.billing.BillingService;
import id.loket.core.JournalRules;
import id.loket.journal.JournalStore;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.settings.SettingsService;
import java.util.concurrent.Executor;

/**
 * Test-data builder for the UI's collaborators: a sandbox shop in Indonesian with a sound three-entry ledger,
 * changed only where a test's point lies.
 */
final class TestContexts {

    private InMemorySettingsStore settings = new InMemorySettingsStore();
    private JournalStore journal = FakeJournalStore.withPayments(3);
    private FakeGateway gateway = new FakeGateway();

    private TestContexts() {}

    static TestContexts shop() {
        return new TestContexts();
    }

    TestContexts settings(InMemorySettingsStore store) {
        this.settings = store;
        return this;
    }

    TestContexts journal(JournalStore store) {
        this.journal = store;
        return this;
    }

    TestContexts gateway(FakeGateway fake) {
        this.gateway = fake;
        return this;
    }

    BillingService billing() {
        return new BillingService(gateway);
    }

    SettingsService settingsService() {
        return new SettingsService(settings);
    }

    LedgerMaintenance maintenance() {
        return new LedgerMaintenance(journal, new NoSnapshots(), new LedgerVerifier(JournalRules.standard()));
    }

    UiContext context(Executor background) {
        return new UiContext(settingsService(), maintenance(), billing(), background, "0.1.0-test", "/home/kasir/.local/share/loket");
    }
}
