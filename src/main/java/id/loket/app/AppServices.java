package id.loket.app;

import id.loket.billing.BillingService;
import id.loket.billing.Gateway;
import id.loket.cli.CliServices;
import id.loket.core.BusinessCalendar;
import id.loket.core.JournalRules;
import id.loket.journal.JournalService;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.ledger.LedgerDatabase;
import id.loket.payment.PaymentService;
import id.loket.payment.RecoveryScheduler;
import id.loket.settings.SettingsService;
import id.loket.shift.ShiftService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root: every object of a running Loket, built with constructors, once, for one data
 * directory. The GUI and the CLI use the same instance shape, so a command and a screen always reach the same
 * services. Nothing here is static; closing it closes the ledger.
 */
public final class AppServices implements CliServices {

    private final DataDirectory directory;
    private final LedgerDatabase database;
    private final SettingsService settings;
    private final BusinessCalendar calendar;
    private final JournalService journal;
    private final LedgerMaintenance maintenance;
    private final GatewayFactory gateways;
    private final JournalRules rules;
    private final ShiftService shifts;
    private Gateway gateway;
    private BillingService billing;
    private PaymentService payments;
    private RecoveryScheduler recovery;

    private AppServices(DataDirectory directory, LedgerDatabase database, Map<String, String> overrides, Clock clock) {
        this.directory = directory;
        this.database = database;
        this.settings = new SettingsService(new PropertiesSettingsStore(directory.configFile(), overrides));
        this.calendar = new BusinessCalendar(clock);
        this.rules = JournalRules.standard();
        this.journal = new JournalService(database.journal(), rules);
        this.maintenance = new LedgerMaintenance(database.journal(), database.snapshots(), new LedgerVerifier(rules));
        this.gateways = new GatewayFactory(settings, directory.root(), clock);
        this.shifts = new ShiftService(database.shifts(), rules, calendar);
    }

    /**
     * Prepares the data directory, starts logging into it, opens (and migrates) the ledger and builds the
     * services.
     *
     * @param overrides settings given on the command line or in the environment for this run only
     * @throws StartupException or {@link id.loket.journal.LedgerException} with a message saying what to do
     */
    public static AppServices open(Path root, Map<String, String> overrides, Clock clock) {
        DataDirectory directory = DataDirectory.prepare(root);
        Logging.toFile(directory.logDirectory());
        LedgerDatabase database = LedgerDatabase.open(directory.ledgerFile());
        try {
            return new AppServices(directory, database, overrides, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
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
            billing = new BillingService(gateway());
        }
        return billing;
    }

    /** Paying bills; built on first use, like {@link #billing()}, with the same gateway. */
    public synchronized PaymentService payments() {
        if (payments == null) {
            payments = new PaymentService(database.payments(), gateway(), shifts, settings, rules, calendar);
        }
        return payments;
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

    public ShiftService shifts() {
        return shifts;
    }

    /** One gateway (and at most one embedded sandbox) for every service. */
    private synchronized Gateway gateway() {
        if (gateway == null) {
            gateway = gateways.create();
        }
        return gateway;
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
        synchronized (this) {
            scheduler = recovery;
        }
        try {
            if (scheduler != null) {
                scheduler.stop();
            }
            gateways.close();
        } finally {
            database.close();
        }
    }
}
