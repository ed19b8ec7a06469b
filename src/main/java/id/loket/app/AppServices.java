package id.loket.app;

import id.loket.billing.BillingService;
import id.loket.billing.ConnectionTest;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.cli.CliServices;
import id.loket.core.ReceiptData;
import id.loket.customers.CustomerService;
import id.loket.customers.SentCodes;
import id.loket.payment.Payment;
import id.loket.payment.Shop;
import id.loket.report.PaperWidth;
import id.loket.report.PrintOutcome;
import id.loket.report.ReceiptPrinter;
import id.loket.report.ReceiptRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import id.loket.core.BusinessCalendar;
import id.loket.core.JournalRules;
import id.loket.journal.BackupService;
import id.loket.journal.JournalService;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.ledger.LedgerDatabase;
import id.loket.ledger.SchemaMigration;
import id.loket.core.ClientRefs;
import id.loket.payment.PaymentService;
import id.loket.payment.RecoveryScheduler;
import id.loket.reconcile.ReconciliationScheduler;
import id.loket.reconcile.ReconciliationService;
import id.loket.report.OwnerReports;
import id.loket.settings.SettingsService;
import id.loket.shift.ShiftService;
import id.loket.users.ActivationCodes;
import id.loket.users.AuditService;
import id.loket.users.PasswordHasher;
import id.loket.users.PasswordPolicy;
import id.loket.users.UserService;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root: every object of a running Loket, built with constructors, once, for one data
 * directory. The GUI and the CLI use the same instance shape, so a command and a screen always reach the same
 * services. Nothing here is static; closing it closes the ledger.
 */
public final class AppServices implements CliServices {

    /**
     * An operator and testing knob: how long recovery leaves a SENT payment alone, in whole seconds (default
     * {@link PaymentService#DEFAULT_SENT_GRACE}). Lowering it lets a {@code loket recover} run straight after a crash
     * settle the payments the crashed process left SENT; only set it when no other Loket process still waits for
     * an answer on the same data directory (the crash test sets 0).
     */
    static final String SENT_GRACE_ENV = "LOKET_RECOVERY_SENT_GRACE_SECONDS";

    private final Duration sentGrace;
    private final DataDirectory directory;
    private final LedgerDatabase database;
    private final SettingsService settings;
    private final BusinessCalendar calendar;
    private final JournalService journal;
    private final LedgerMaintenance maintenance;
    private final GatewayFactory gateways;
    private id.loket.report.ReceiptMessages receiptMessages;
    private final JournalRules rules;
    private final ShiftService shifts;
    private final AuditService audit;
    private final UserService users;
    private final BackupService backups;
    private final Clock clock;
    /** One maker of client_refs for look-ups and payments alike. */
    private final ClientRefs clientRefs = new ClientRefs(new SecureRandom());
    private Upstreams upstreams;
    private CustomerService customers;
    private BillingService billing;
    private PaymentService payments;
    private RecoveryScheduler recovery;
    private ReceiptRenderer renderer;
    private ReceiptPrinter receipts;
    private ReconciliationService reconciliation;
    private OwnerReports ownerReports;
    private ReconciliationScheduler reconciliationSchedule;

    private AppServices(DataDirectory directory, LedgerDatabase database, Map<String, String> overrides, Clock clock,
            Duration sentGrace) {
        this.sentGrace = sentGrace;
        this.directory = directory;
        this.database = database;
        this.audit = new AuditService(database.audit(), clock);
        this.settings = new SettingsService(new PropertiesSettingsStore(directory.configFile(), overrides), audit);
        SecureRandom random = new SecureRandom();
        this.users = new UserService(database.operators(), audit, settings, new PasswordPolicy(),
                new PasswordHasher(random), new ActivationCodes(random), clock);
        this.calendar = new BusinessCalendar(clock);
        this.rules = JournalRules.standard();
        this.journal = new JournalService(database.journal(), rules);
        this.maintenance = new LedgerMaintenance(database.journal(), database.snapshots(), new LedgerVerifier(rules));
        this.backups = new BackupService(maintenance, audit);
        this.gateways = new GatewayFactory(settings, directory.root(), clock);
        this.shifts = new ShiftService(database.shifts(), rules, calendar);
        this.clock = clock;
    }

    /**
     * Prepares the data directory, starts logging into it, opens (and migrates) the ledger and builds the
     * services.
     *
     * @param overrides settings given on the command line or in the environment for this run only
     * @param sentGrace how long recovery leaves a SENT payment alone (see {@link #SENT_GRACE_ENV})
     * @throws StartupException or {@link id.loket.journal.LedgerException} with a message saying what to do
     */
    public static AppServices open(Path root, Map<String, String> overrides, Clock clock, Duration sentGrace) {
        DataDirectory directory = DataDirectory.prepare(root);
        Logging.toFile(directory.logDirectory());
        LedgerDatabase database = LedgerDatabase.open(directory.ledgerFile());
        try {
            return new AppServices(directory, database, overrides, clock, sentGrace);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** What opening the ledger did to its schema (the upgrade gate reads it). */
    public SchemaMigration migration() {
        return database.migration();
    }

    @Override
    public Path dataDirectory() {
        return directory.root();
    }

    @Override
    public LedgerMaintenance maintenance() {
        return maintenance;
    }

    /** Built on first use, so commands that never reach the gateway never start the embedded sandbox. */
    @Override
    public synchronized BillingService billing() {
        if (billing == null) {
            billing = new BillingService(upstreams().network(),
                    (biller, product) -> settings.sellingPrice(biller.category(), product.code(), product.cost()),
                    () -> clientRefs.next(calendar.today()));
        }
        return billing;
    }

    /** Paying bills; built on first use, like {@link #billing()}, with the same gateway. */
    @Override
    public synchronized PaymentService payments() {
        if (payments == null) {
            payments = new PaymentService(database.payments(), upstreams().network(), upstreams().acceptance(),
                    shifts, settings, rules, calendar, clientRefs, sentGrace, customers());
            if (!upstreams().network().info().hasStatement()) {
                // The deposit is proved from snapshots (no statement): the first one before the first payment.
                reconciliation().snapshotIfNone();
            }
        }
        return payments;
    }

    /** Nightly reconciliation against the gateway's settlement; built on first use, with the same gateway. */
    @Override
    public synchronized ReconciliationService reconciliation() {
        if (reconciliation == null) {
            reconciliation = new ReconciliationService(database.reconciliation(), upstreams().network(), payments(),
                    journal, audit, calendar, directory.root().resolve("settlements"));
        }
        return reconciliation;
    }

    /**
     * Reconciles on start (the days not done yet) and each day at the owner's time, once {@link
     * ReconciliationScheduler#start() started}; stopped by {@link #close()}.
     */
    public synchronized ReconciliationScheduler reconciliationSchedule() {
        if (reconciliationSchedule == null) {
            reconciliationSchedule = new ReconciliationScheduler(reconciliation(), settings::reconcileTime, calendar,
                    results -> { });
        }
        return reconciliationSchedule;
    }

    /** The owner's reports (reconciliation, daily recap); built on first use. */
    @Override
    public synchronized OwnerReports ownerReports() {
        if (ownerReports == null) {
            ownerReports = new OwnerReports(reconciliation(), settings);
        }
        return ownerReports;
    }

    /** Regular customers and their SMS verification; built on first use, with the same gateway. */
    @Override
    public synchronized CustomerService customers() {
        if (customers == null) {
            customers = new CustomerService(database.customers(), upstreams().messenger(),
                    "house".equals(settings.messenger()) ? this::sandboxOtpCode : SentCodes.NONE, clock);
        }
        return customers;
    }

    /** The embedded sandbox sends no SMS: the counter shows the code it "sent" instead. */
    private synchronized Optional<String> sandboxOtpCode(String otpId) {
        return gateways.sandboxOtpCode(otpId);
    }

    /** The value of {@link #SENT_GRACE_ENV}: absent or blank means the default; otherwise whole seconds, 0 or more. */
    static Duration sentGrace(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return PaymentService.DEFAULT_SENT_GRACE;
        }
        try {
            long value = Long.parseLong(seconds.strip());
            if (value >= 0) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException e) {
            // refused below, with the message that says what is expected
        }
        throw new IllegalArgumentException(SENT_GRACE_ENV + " must be a whole number of seconds (0 or more), not '"
                + seconds + "': fix or unset it.");
    }

    /**
     * Asks the gateway about open payments on start and every three minutes once {@link RecoveryScheduler#start()
     * started}; stopped by {@link #close()}.
     */
    public synchronized RecoveryScheduler recovery() {
        if (recovery == null) {
            recovery = new RecoveryScheduler(payments());
        }
        return recovery;
    }

    /** Built on first use: compiling the receipt templates takes a second or two. */
    private synchronized ReceiptPrinter receipts() {
        if (receipts == null) {
            renderer = new ReceiptRenderer();
            receipts = new ReceiptPrinter(renderer, directory.root().resolve("receipts"));
        }
        return receipts;
    }

    /** Compiles the receipt templates now (in the background at start), so the first receipt prints at once. */
    public void prepareReceipts() {
        receipts();
        renderer.compileTemplates();
    }

    private ReceiptData receiptOf(String clientRef) {
        Payment payment = payments().find(clientRef).orElseThrow(() -> new IllegalArgumentException(
                "There is no payment " + clientRef + ": see 'loket payments'."));
        return payments().receipt(clientRef, new Shop(settings.shopName(), settings.shopAddress()), payment.clerk());
    }

    /**
     * Prints the receipt of {@code clientRef} to the printer of the settings (a PDF file when there is none).
     *
     * @throws IllegalArgumentException when there is no such payment
     */
    public PrintOutcome print(String clientRef, boolean reprint) {
        ReceiptData receipt = receiptOf(clientRef);
        return receipts().print(reprint ? receipt.asReprint() : receipt, settings.receiptPrinter(),
                PaperWidth.ofMillimetres(settings.receiptPaperMillimetres()));
    }

    @Override
    public String printReceipt(String clientRef, boolean reprint) {
        PrintOutcome outcome = print(clientRef, reprint);
        if (outcome instanceof PrintOutcome.Printed printed) {
            return "printed on " + printed.printer();
        }
        if (outcome instanceof PrintOutcome.SavedAsPdf saved) {
            return "saved as PDF " + saved.path() + (saved.reason() == PrintOutcome.Reason.NO_PRINTER_CONFIGURED
                    ? " (no printer is set in the settings)"
                    : " (the printer " + settings.receiptPrinter().orElse("") + " is not installed)");
        }
        return "NOT printed (" + ((PrintOutcome.Failed) outcome).reason() + "): reprint it with 'loket receipt'";
    }

    @Override
    public Path writeReceipt(String clientRef, Path file) {
        Path out = file.toAbsolutePath().normalize();
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " already exists: choose a new file name (nothing was overwritten).");
        }
        receipts();
        byte[] pdf = renderer.pdf(receiptOf(clientRef).asReprint(),
                PaperWidth.ofMillimetres(settings.receiptPaperMillimetres()));
        try {
            Files.write(out, pdf, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + out + " (" + e.getMessage()
                    + "): check the folder exists and the disk has space.", e);
        }
        return out;
    }

    @Override
    public ShiftService shifts() {
        return shifts;
    }

    /** Operators: first run, sign-in and lockout, clerks' registration and activation (owner-only parts checked there). */
    @Override
    public UserService users() {
        return users;
    }

    /** The audit log: recorded by the services; {@link AuditService#recordReprint} for reprints; read by the owner. */
    @Override
    public AuditService audit() {
        return audit;
    }

    /** Backup (anyone) and restore (the owner), audited. */
    @Override
    public BackupService backups() {
        return backups;
    }

    /**
     * Settings' "Test connection": a Digiflazz account entered but not saved is tried with a throw-away client;
     * the house network is asked for its deposit as it runs.
     */
    public ConnectionTest connectionTest() {
        return account -> "digiflazz".equals(account.network()) ? gateways.testDigiflazz(account)
                : new GatewayResult.Refused<>(new GatewayError(0, GatewayError.NOT_SUPPORTED,
                        "The training sandbox needs no account: there is nothing to test."));
    }

    /** Settings' "Test connection" for the payment gateway and the messenger, with values not saved yet. */
    public id.loket.billing.UpstreamChecks upstreamChecks() {
        return gateways.checks();
    }

    /** Receipts sent to a customer's WhatsApp by the configured messenger, or offered as {@code wa.me} links. */
    public synchronized id.loket.report.ReceiptMessages receiptMessages() {
        if (receiptMessages == null) {
            receiptMessages = new id.loket.report.ReceiptMessages(payments(), upstreams().messenger(),
                    () -> new Shop(settings.shopName(), settings.shopAddress()));
        }
        return receiptMessages;
    }

    /** One set of upstreams (and at most one embedded sandbox) for every service. */
    private synchronized Upstreams upstreams() {
        if (upstreams == null) {
            upstreams = gateways.create();
        }
        return upstreams;
    }

    public SettingsService settings() {
        return settings;
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    public JournalService journal() {
        return journal;
    }

    @Override
    public void close() {
        RecoveryScheduler scheduler;
        ReconciliationScheduler nightly;
        synchronized (this) {
            scheduler = recovery;
            nightly = reconciliationSchedule;
        }
        try {
            if (nightly != null) {
                nightly.stop();
            }
            if (scheduler != null) {
                scheduler.stop();
            }
            gateways.close();
        } finally {
            database.close();
        }
    }
}
