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
    private id.loket.users.AuditService audit;
    private id.loket.users.UserService users;
    private id.loket.customers.CustomerService customers;
    private id.loket.reconcile.ReconciliationService reconciliation;
    private ReportDesk reports = new FakeReportDesk();
    private FakeAccess access = new FakeAccess().with("sari", "sari-counter-2026");
    private java.time.Duration idleLock = java.time.Duration.ZERO;
    /** For screens' tests that never press Settings' "Test connection". */
    static final id.loket.billing.ConnectionTest NO_CONNECTION_TEST = account -> new id.loket.billing.GatewayResult
            .Refused<>(new id.loket.billing.GatewayError(0, id.loket.billing.GatewayError.CONFIGURATION_ERROR,
                    "This window was opened without a connection test."));

    private id.loket.billing.ConnectionTest connectionTest = account -> new id.loket.billing.GatewayResult.NoAnswer<>(
            "this test gave Settings no connection test");

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

    TestContexts access(FakeAccess operators) {
        this.access = operators;
        return this;
    }

    FakeAccess access() {
        return access;
    }

    TestContexts idleLock(java.time.Duration after) {
        this.idleLock = after;
        return this;
    }

    /** What Settings' "Test connection" answers. */
    TestContexts connectionTest(id.loket.billing.ConnectionTest test) {
        this.connectionTest = test;
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
        return new PaymentService(ledger().payments(), gateway, gateway, shifts(), settingsService(), JournalRules.standard(),
                calendar);
    }

    /** The audit log of this test's ledger. */
    id.loket.users.AuditService audit() {
        if (audit == null) {
            audit = new id.loket.users.AuditService(ledger().audit(), Clock.systemUTC());
        }
        return audit;
    }

    /** Operators in this test's ledger (real bcrypt, real rules). */
    id.loket.users.UserService users() {
        if (users == null) {
            java.security.SecureRandom random = new java.security.SecureRandom();
            users = new id.loket.users.UserService(ledger().operators(), audit(), settingsService(),
                    new id.loket.users.PasswordPolicy(), new id.loket.users.PasswordHasher(random),
                    new id.loket.users.ActivationCodes(random), Clock.systemUTC());
        }
        return users;
    }

    /** Customers in this test's ledger, verified through the fake gateway. */
    id.loket.customers.CustomerService customers() {
        if (customers == null) {
            customers = new id.loket.customers.CustomerService(ledger().customers(), gateway,
                    id.loket.customers.SentCodes.NONE, Clock.systemUTC());
        }
        return customers;
    }

    /** Reconciliation over this test's ledger and the fake gateway (whose settlement is what the test set). */
    id.loket.reconcile.ReconciliationService reconciliation() {
        if (reconciliation == null) {
            reconciliation = new id.loket.reconcile.ReconciliationService(ledger().reconciliation(), gateway,
                    payments(), new id.loket.journal.JournalService(ledger().journal(), JournalRules.standard()),
                    audit(), calendar, ledger().file().resolveSibling("settlements"));
        }
        return reconciliation;
    }

    TestContexts reports(ReportDesk desk) {
        this.reports = desk;
        return this;
    }

    CounterSession session(Executor background) {
        return new CounterSession("sari", shifts(), background, Runnable::run);
    }

    BillingService billing() {
        return new BillingService(gateway);
    }

    SettingsService settingsService() {
        return new SettingsService(settings, id.loket.users.TestOperators.audit());
    }

    LedgerMaintenance maintenance() {
        return new LedgerMaintenance(journal, new NoSnapshots(), new LedgerVerifier(JournalRules.standard()));
    }

    /** The window's context, its ledger of payments and shifts in {@code dir} (unless {@link #ledgerIn} chose one). */
    UiContext context(Executor background, Path dir) {
        return contextFor(new Access.SignedIn("sari", "Sari", false), background, dir);
    }

    /** The window's context for whoever signed in at the door. */
    UiContext contextFor(Access.SignedIn who, Executor background, Path dir) {
        if (ledger == null) {
            ledgerIn(dir);
        }
        return new UiContext(settingsService(), maintenance(), billing(), payments(), shifts(), receipts, users(),
                audit(), customers(), reconciliation(), reports, calendar, who, access, idleLock, background, "0.1.0-test",
                "/home/kasir/.local/share/loket", connectionTest);
    }
}
