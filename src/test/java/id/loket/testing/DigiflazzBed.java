package id.loket.testing;

import id.loket.billing.BillingService;
import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.PaymentAcceptance;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.BusinessCalendar;
import id.loket.core.ClientRefs;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.RecordedEntry;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.VerifyReport;
import id.loket.ledger.LedgerDatabase;
import id.loket.payment.MemorySettings;
import id.loket.payment.PaymentService;
import id.loket.settings.SettingsService;
import id.loket.shift.Shift;
import id.loket.shift.ShiftService;
import id.loket.upstream.digiflazz.DigiflazzClient;
import id.loket.upstream.digiflazz.DigiflazzCredentials;
import id.loket.upstream.digiflazz.DigiflazzNetwork;
import id.loket.upstream.digiflazz.sim.DigiflazzSimulator;
import id.loket.upstream.digiflazz.sim.SimulatedTransaction;
import id.loket.upstream.digiflazz.sim.SimulatorOptions;
import id.loket.users.TestOperators;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A counter on Digiflazz, wired as the app wires it ({@code GatewayFactory}, {@code AppServices}), for the Digiflazz
 * contract and service tests: the {@link DigiflazzSimulator} on loopback, the real {@link DigiflazzClient} with the
 * development key ({@code testing: true}), a {@link DigiflazzNetwork} whose price list is kept in the bed's folder,
 * and, built on first use, a real ledger file, settings in memory, shifts, a {@link BillingService} priced by the
 * owner's markups and a {@link PaymentService}.
 *
 * <p>One {@link TestClock} standing at {@link #START} drives the simulator, the network and the services, so the
 * one-minute re-check rule, the five-minute price-list rule and business days pass by {@link #advance} alone. HTTP
 * timeouts stay real.
 */
public final class DigiflazzBed implements AutoCloseable {

    /** 10:00 WIB on Monday 7 December 2026. */
    public static final Instant START = Instant.parse("2026-12-07T03:00:00Z");
    public static final String CLERK = "sari";
    public static final JournalRules RULES = JournalRules.standard();
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Patient, so a busy build machine is no failure; tests of timeouts build their own client. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    /** Just over Digiflazz's one minute between two calls about the same transaction. */
    public static final Duration OVER_A_MINUTE = Duration.ofSeconds(61);

    private final Path dir;
    private final TestClock clock;
    private final DigiflazzSimulator simulator;
    private final BusinessCalendar calendar;
    private final ClientRefs refs = new ClientRefs(new SecureRandom());
    private final DigiflazzNetwork network;

    private LedgerDatabase ledger;
    private SettingsService settings;
    private ShiftService shifts;
    private BillingService billing;
    private PaymentService payments;

    private DigiflazzBed(Path dir, Instant start, UnaryOperator<SimulatorOptions.Builder> options) {
        this.dir = dir;
        this.clock = TestClock.at(start);
        this.calendar = new BusinessCalendar(clock);
        this.simulator = DigiflazzSimulator.start(options.apply(SimulatorOptions.builder().clock(clock)).build());
        this.network = network(client(credentials(), READ_TIMEOUT));
    }

    /** A default simulator (Rp 1.000.000 deposit, HTTP 400 on failures, loopback whitelisted) at {@link #START}. */
    public static DigiflazzBed start(Path dir) {
        return start(dir, o -> o);
    }

    public static DigiflazzBed start(Path dir, UnaryOperator<SimulatorOptions.Builder> options) {
        return new DigiflazzBed(dir, START, options);
    }

    /** As {@link #start(Path, UnaryOperator)}, with the clock at {@code start}. */
    public static DigiflazzBed startAt(Path dir, Instant start, UnaryOperator<SimulatorOptions.Builder> options) {
        return new DigiflazzBed(dir, start, options);
    }

    // ---- Digiflazz ---------------------------------------------------------------------------------------------

    public DigiflazzSimulator simulator() {
        return simulator;
    }

    /** The account the simulator knows, in development mode. */
    public DigiflazzCredentials credentials() {
        return new DigiflazzCredentials(SimulatorOptions.DEFAULT_USERNAME, SimulatorOptions.DEFAULT_DEVELOPMENT_KEY,
                true);
    }

    public DigiflazzClient client(DigiflazzCredentials credentials, Duration readTimeout) {
        return new DigiflazzClient(simulator.baseUri(), credentials, CONNECT_TIMEOUT, readTimeout);
    }

    /** The bed's network (the one the services use). */
    public DigiflazzNetwork network() {
        return network;
    }

    /** Another network over {@code client}, keeping its price list in the same file (as after a restart). */
    public DigiflazzNetwork network(DigiflazzClient client) {
        return new DigiflazzNetwork(client, true, priceListFile(), clock);
    }

    public Path priceListFile() {
        return dir.resolve("digiflazz-pricelist.json");
    }

    /** The transactions the simulator holds under {@code refId} (superseded ones included). */
    public List<SimulatedTransaction> transactionsOf(String refId) {
        return simulator.transactions().stream().filter(t -> t.refId().equals(refId)).toList();
    }

    // ---- time and references -----------------------------------------------------------------------------------

    public TestClock clock() {
        return clock;
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    public LocalDate today() {
        return calendar.today();
    }

    public void advance(Duration by) {
        clock.advance(by);
    }

    /** A new client_ref of today's business day ({@code LKT-20261207-…}), as the counter makes them. */
    public String newRef() {
        return refs.next(today());
    }

    public String refOn(LocalDate day) {
        return refs.next(day);
    }

    // ---- the services --------------------------------------------------------------------------------------------

    public synchronized LedgerDatabase ledger() {
        if (ledger == null) {
            ledger = LedgerDatabase.open(dir.resolve("ledger.db"));
        }
        return ledger;
    }

    public synchronized SettingsService settings() {
        if (settings == null) {
            settings = new SettingsService(new MemorySettings(), TestOperators.audit());
        }
        return settings;
    }

    public synchronized ShiftService shifts() {
        if (shifts == null) {
            shifts = new ShiftService(ledger().shifts(), RULES, calendar);
        }
        return shifts;
    }

    /**
     * The catalog and look-ups as the app builds them: the owner's prices from the settings (set markups before the
     * first use: the service keeps the catalog it priced), a new client_ref of today with every inquiry.
     */
    public synchronized BillingService billing() {
        if (billing == null) {
            SettingsService prices = settings();
            billing = new BillingService(network,
                    (biller, product) -> prices.sellingPrice(biller.category(), product.code(), product.cost()),
                    this::newRef);
        }
        return billing;
    }

    public synchronized PaymentService payments() {
        if (payments == null) {
            payments = new PaymentService(ledger().payments(), network, NO_CHARGES, shifts(), settings(), RULES,
                    calendar, refs, PaymentService.DEFAULT_SENT_GRACE);
        }
        return payments;
    }

    public Shift openShift(long openingFloat) {
        return shifts().open(CLERK, Money.of(openingFloat));
    }

    public AccountBalance balance(AccountCode account) {
        return ledger().journal().storedBalances().getOrDefault(account, AccountBalance.empty(account));
    }

    /** The journal entries about {@code reference} (a client_ref), in order. */
    public List<RecordedEntry> entriesOf(String reference) {
        List<RecordedEntry> found = new ArrayList<>();
        ledger().journal().forEachEntry(e -> {
            if (e.entry().reference().equals(reference)) {
                found.add(e);
            }
        });
        return found;
    }

    /** What {@code loket verify} checks: the hash chain, the rules and the balances. */
    public VerifyReport verify() {
        return new LedgerVerifier(RULES).verify(ledger().journal());
    }

    /** Payment acceptance for a counter that takes cash only: every charge is refused. */
    public static final PaymentAcceptance NO_CHARGES = new PaymentAcceptance() {
        @Override
        public GatewayResult<Charge> createCharge(ChargeRequest request) {
            return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.NOT_SUPPORTED,
                    "this test counter takes cash only"));
        }

        @Override
        public GatewayResult<Charge> charge(String chargeId) {
            return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.CHARGE_NOT_FOUND,
                    "this test counter takes cash only"));
        }
    };

    @Override
    public void close() {
        try {
            if (ledger != null) {
                ledger.close();
            }
        } finally {
            simulator.close();
        }
    }
}
