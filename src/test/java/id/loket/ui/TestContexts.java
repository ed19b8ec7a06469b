package id.loket.ui;

import id.loket.billing.BillingService;
import id.loket.core.BusinessCalendar;
import id.loket.core.JournalRules;
import id.loket.journal.JournalStore;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.ledger.LedgerDatabase;
import id.loket.payment.PaymentService;
import id.loket.settings.SettingsService;
import id.loket.shift.ShiftService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * Test-data builder for the UI's collaborators: a sandbox shop in Indonesian with a sound three-entry ledger,
 * changed only where a test's point lies. Payments and shifts are real services over a ledger file in the
 * test's own folder (the status bar's ledger check reads the fake journal, so its figures stay fixed).
 */
final class TestContexts {

    private InMemorySettingsStore settings = new InMemorySettingsStore();
    private JournalStore journal = FakeJournalStore.withPayments(3);
    private FakeGateway gateway = new FakeGateway();
    private ReceiptDesk receipts = (clientRef, reprint) -> new ReceiptDesk.Printout(
            ReceiptDesk.Printout.Kind.SAVED_NO_PRINTER, "/tmp/" + clientRef + ".pdf");
    private final BusinessCalendar calendar = new BusinessCalendar(Clock.systemUTC());
    private LedgerDatabase ledger;

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

    TestContexts receipts(ReceiptDesk desk) {
        this.receipts = desk;
        return this;
    }

    /** Opens the ledger of payments and shifts in {@code dir} (a test's {@code @TempDir}); close it after the test. */
    TestContexts ledgerIn(Path dir) {
        this.ledger = LedgerDatabase.open(dir.resolve("ledger.db"));
        return this;
    }

    LedgerDatabase ledger() {
        if (ledger == null) {
            throw new IllegalStateException("Call ledgerIn(@TempDir) first.");
        }
        return ledger;
    }

    BusinessCalendar calendar() {
        return calendar;
    }

    ShiftService shifts() {
        return new ShiftService(ledger().shifts(), JournalRules.standard(), calendar);
    }

    PaymentService payments() {
        return new PaymentService(ledger().payments(), gateway, shifts(), settingsService(), JournalRules.standard(),
                calendar);
    }

    CounterSession session(Executor background) {
        return new CounterSession("sari", shifts(), background, Runnable::run);
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

    /** The window's context, its ledger of payments and shifts in {@code dir} (unless {@link #ledgerIn} chose one). */
    UiContext context(Executor background, Path dir) {
        if (ledger == null) {
            ledgerIn(dir);
        }
        return new UiContext(settingsService(), maintenance(), billing(), payments(), shifts(), receipts, calendar, "sari",
                background, "0.1.0-test", "/home/kasir/.local/share/loket");
    }
}
