package id.loket.payment;

import id.loket.core.ClientRefs;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.BillingService;
import id.loket.testing.AllUpstreams;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.Biller;
import id.loket.core.BusinessCalendar;
import id.loket.core.EntryKind;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.RecordedEntry;
import id.loket.upstream.house.GatewayConfig;
import id.loket.upstream.house.HttpGateway;
import id.loket.upstream.house.sim.SandboxOptions;
import id.loket.upstream.house.sim.SandboxServer;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.VerifyReport;
import id.loket.ledger.LedgerDatabase;
import id.loket.settings.SettingsService;
import id.loket.shift.Shift;
import id.loket.shift.ShiftService;
import id.loket.testing.SandboxAdmin;
import id.loket.testing.TestClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A counter wired as the app wires it, for service tests: the real sandbox gateway over loopback (its clock movable),
 * the signed HTTP client with a short read timeout (so a {@code timeout} fault costs two seconds), a real ledger
 * file, shifts and payments. Built with {@link #in(Path)} and the builder's options.
 */
public final class PaymentTestBed implements AutoCloseable {

    public static final String CLERK = "sari";
    public static final String POSTPAID_REF = "512345678901";
    public static final JournalRules RULES = JournalRules.standard();
    static final Duration PATIENT_CONNECT = Duration.ofSeconds(20);
    static final Duration COUNTER_READ_TIMEOUT = Duration.ofSeconds(2);

    private final TestClock sandboxClock = TestClock.realTime();
    private final TestClock appClock = TestClock.realTime();
    private final SandboxServer sandbox;
    private final SandboxAdmin control;
    /** The test's own calls (look-ups, draining the deposit): patient, so a busy build machine is no failure. */
    private final HttpGateway http;
    /** The services' client: short enough that a {@code timeout} fault costs little, long enough for a loaded CI. */
    private final HttpGateway counter;
    private final LedgerDatabase ledger;
    private final SettingsService settings = new SettingsService(new MemorySettings(),
            id.loket.users.TestOperators.audit());
    private final BusinessCalendar calendar = new BusinessCalendar(appClock);
    private final BillingService billing;
    private final ShiftService shifts;
    private final PaymentService payments;
    private final Path dir;
    private id.loket.reconcile.ReconciliationService reconciliation;

    private PaymentTestBed(Builder b) {
        dir = b.dir;
        sandbox = SandboxServer.start(b.sandboxOptions.apply(SandboxOptions.defaults(b.dir.resolve("sandbox.db"))
                .withClock(sandboxClock)));
        try {
            control = new SandboxAdmin(sandbox.baseUri());
            // Requests are stamped by the counter's clock: a test that moves both clocks keeps them in step.
            GatewayConfig config = GatewayConfig.of(sandbox.baseUri(), SandboxOptions.DEFAULT_MERCHANT,
                    SandboxOptions.DEFAULT_SECRET).withClock(appClock);
            http = new HttpGateway(config.withTimeouts(PATIENT_CONNECT, GatewayConfig.DEFAULT_READ_TIMEOUT));
            counter = new HttpGateway(config.withTimeouts(PATIENT_CONNECT, COUNTER_READ_TIMEOUT));
            ledger = LedgerDatabase.open(b.dir.resolve("ledger.db"));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        AllUpstreams gateway = b.gateway.apply(new id.loket.testing.HouseUpstreams(counter));
        billing = new BillingService(http);
        shifts = new ShiftService(ledger.shifts(), RULES, calendar);
        payments = new PaymentService(ledger.payments(), gateway,
                b.acceptance == null ? gateway : b.acceptance.apply(appClock), shifts, settings, RULES, calendar,
                new ClientRefs(new SecureRandom()), b.sentGrace);
    }

    public static Builder in(Path dir) {
        return new Builder(dir);
    }

    /** Options of the bed. */
    public static final class Builder {
        private final Path dir;
        private UnaryOperator<SandboxOptions> sandboxOptions = o -> o;
        private UnaryOperator<AllUpstreams> gateway = g -> g;
        private Duration sentGrace = PaymentService.DEFAULT_SENT_GRACE;
        private java.util.function.Function<java.time.Clock, id.loket.billing.PaymentAcceptance> acceptance;

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder sandbox(UnaryOperator<SandboxOptions> tweak) {
            this.sandboxOptions = tweak;
            return this;
        }

        /** Wraps the gateway the services use (the HTTP client), e.g. to simulate a crash around a call. */
        public Builder gateway(UnaryOperator<AllUpstreams> wrap) {
            this.gateway = wrap;
            return this;
        }

        /** Another payment gateway for non-cash money (Midtrans), built with the counter's clock. */
        public Builder acceptance(java.util.function.Function<java.time.Clock, id.loket.billing.PaymentAcceptance>
                gateway) {
            this.acceptance = gateway;
            return this;
        }

        public Builder sentGrace(Duration grace) {
            this.sentGrace = grace;
            return this;
        }

        public PaymentTestBed start() {
            return new PaymentTestBed(this);
        }
    }

    // ---- the counter -------------------------------------------------------------------------------------------

    public PaymentService payments() {
        return payments;
    }

    /** Bills and the catalog, through the patient client (as the app's screens use it). */
    public BillingService billing() {
        return billing;
    }

    public ShiftService shifts() {
        return shifts;
    }

    public SettingsService settings() {
        return settings;
    }

    /** Where the sandbox listens, for callers that drive it directly (benchmarks). */
    public java.net.URI sandboxUri() {
        return sandbox.baseUri();
    }

    /**
     * Reconciliation over this bed's ledger and the sandbox (the patient client), audited into the ledger;
     * settlement files under {@code settlements/} of the bed's folder.
     */
    public synchronized id.loket.reconcile.ReconciliationService reconciliation() {
        if (reconciliation == null) {
            reconciliation = new id.loket.reconcile.ReconciliationService(ledger.reconciliation(), http, payments,
                    new id.loket.journal.JournalService(ledger.journal(), RULES),
                    new id.loket.users.AuditService(ledger.audit(), appClock), calendar, dir.resolve("settlements"));
        }
        return reconciliation;
    }

    public SandboxAdmin sandbox() {
        return control;
    }

    public LedgerDatabase ledger() {
        return ledger;
    }

    public TestClock sandboxClock() {
        return sandboxClock;
    }

    public TestClock appClock() {
        return appClock;
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The gateway client itself, bypassing any wrapper (for the test's own calls). */
    public HttpGateway gateway() {
        return http;
    }

    public Shift openShift(long openingFloat) {
        return shifts.open(CLERK, Money.of(openingFloat));
    }

    public Biller biller(String code) {
        return billing.billers().orThrow().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
    }

    public Inquiry inquire(String biller, String reference, Optional<String> product) {
        return billing.inquire(biller, reference, product).orThrow();
    }

    /** A payment of {@code reference} at {@code biller} to make: see {@link PayOrder}. */
    public PayOrder order(String biller, String reference) {
        return new PayOrder(this, biller, reference);
    }

    /** A postpaid PLN bill of the usual test reference. */
    public PayOrder plnBill() {
        return order("PLN_POSTPAID", POSTPAID_REF);
    }

    /**
     * Spends the gateway deposit, with Rp 1.000.000 electricity tokens bought outside the counter, until less than
     * {@code left} (at most the price of one such token) remains.
     */
    public void drainDepositBelow(Money left) {
        Money balance = http.balance().orThrow().balance();
        while (!balance.isLessThan(left)) {
            Inquiry token = http.inquire(new InquiryRequest("PLN_PREPAID", "12345678901", Optional.of("PLN1000")))
                    .orThrow();
            PaymentResult r = http.pay(new PaymentRequest("DRAIN-" + UUID.randomUUID(), token.inquiryId(),
                    token.total(), PaymentMethod.CASH, Optional.empty())).orThrow();
            assertThat(r.status()).isEqualTo(PaymentResult.Status.SUCCESS);
            balance = r.depositBalance().orElseThrow();
        }
    }

    // ---- the books ---------------------------------------------------------------------------------------------

    public AccountBalance balance(AccountCode account) {
        return ledger.journal().storedBalances().getOrDefault(account, AccountBalance.empty(account));
    }

    /** The journal entries about {@code reference} (a client_ref, or {@code shift-N}), in order. */
    public List<RecordedEntry> entriesOf(String reference) {
        List<RecordedEntry> found = new ArrayList<>();
        ledger.journal().forEachEntry(e -> {
            if (e.entry().reference().equals(reference)) {
                found.add(e);
            }
        });
        return found;
    }

    public List<EntryKind> kindsOf(String reference) {
        return entriesOf(reference).stream().map(e -> e.entry().kind()).toList();
    }

    public void assertSound() {
        VerifyReport report = new LedgerVerifier(RULES).verify(ledger.journal());
        assertThat(report.problems()).isEmpty();
        assertThat(report.sound()).isTrue();
    }

    @Override
    public void close() {
        try {
            ledger.close();
        } finally {
            sandbox.close();
        }
    }
}
