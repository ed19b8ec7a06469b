package id.loket.users;

import id.loket.core.JournalRules;
import id.loket.journal.BackupService;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.ledger.LedgerDatabase;
import id.loket.payment.MemorySettings;
import id.loket.settings.SettingsService;
import id.loket.testing.TestClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/**
 * The operators' services wired as the app wires them, over a real ledger file in a test's folder and a clock the
 * test moves: {@link #reopen()} closes the ledger and opens it again, as a restart does.
 */
public final class UsersTestBed implements AutoCloseable {

    public static final String SHOP = "Toko Sari";
    public static final String OWNER = "sari";
    public static final String OWNER_PASSWORD = "kopi hujan sepeda lampu";
    public static final String CLERK_PASSWORD = "gerobak biru menari pelan";
    /** 09:00 WIB. */
    public static final Instant START = Instant.parse("2026-11-22T02:00:00Z");

    /** bcrypt cost of the services under test: 4 keeps hundreds of hashes quick (production's 12 is tested apart). */
    static final int FAST_COST = 4;

    private final Path dir;
    private final int cost;
    private final TestClock clock = TestClock.at(START);
    private final MemorySettings settingsStore = new MemorySettings();
    private final PasswordPolicy policy = new PasswordPolicy();
    private final SecureRandom random = new SecureRandom();
    private LedgerDatabase ledger;
    private AuditService audit;
    private SettingsService settings;
    private UserService users;
    private BackupService backups;

    private UsersTestBed(Path dir, int cost) {
        this.dir = dir;
        this.cost = cost;
        open();
    }

    public static UsersTestBed in(Path dir) {
        return new UsersTestBed(dir, FAST_COST);
    }

    /** As {@link #in}, hashing with the app's own cost ({@link PasswordHasher#COST}). */
    public static UsersTestBed withProductionCost(Path dir) {
        return new UsersTestBed(dir, PasswordHasher.COST);
    }

    /** Set up with the shop {@value #SHOP} and its owner {@value #OWNER}; the owner as signed in. */
    public Operator setUp() {
        return users.setUp(SHOP, OWNER, "Sari Wulandari", OWNER_PASSWORD);
    }

    /** Registers and activates a clerk (the owner acting); the clerk as signed in. */
    public Operator activeClerk(Operator owner, String username) {
        Activation activation = users.registerClerk(owner, username, "Clerk " + username);
        users.activate(username, activation.code(), CLERK_PASSWORD);
        return users.signIn(username, CLERK_PASSWORD);
    }

    public void reopen() {
        ledger.close();
        open();
    }

    private void open() {
        ledger = LedgerDatabase.open(dir.resolve("ledger.db"));
        audit = new AuditService(ledger.audit(), clock);
        settings = new SettingsService(settingsStore, audit);
        users = new UserService(ledger.operators(), audit, settings, policy, new PasswordHasher(random, cost),
                new ActivationCodes(random), clock);
        backups = new BackupService(new LedgerMaintenance(ledger.journal(), ledger.snapshots(),
                new LedgerVerifier(JournalRules.standard())), audit);
    }

    public void advance(Duration by) {
        clock.advance(by);
    }

    public TestClock clock() {
        return clock;
    }

    public Path dir() {
        return dir;
    }

    public LedgerDatabase ledger() {
        return ledger;
    }

    public AuditService audit() {
        return audit;
    }

    public SettingsService settings() {
        return settings;
    }

    public UserService users() {
        return users;
    }

    public BackupService backups() {
        return backups;
    }

    public OperatorAccount stored(String username) {
        return ledger.operators().find(username).orElseThrow();
    }

    @Override
    public void close() {
        ledger.close();
    }
}
