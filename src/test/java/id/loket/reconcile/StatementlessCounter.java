package id.loket.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.BillingService;
import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.PaymentAcceptance;
import id.loket.core.Biller;
import id.loket.core.BusinessCalendar;
import id.loket.core.ClientRefs;
import id.loket.core.EntryKind;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.RecordedEntry;
import id.loket.journal.JournalService;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.VerifyReport;
import id.loket.ledger.LedgerDatabase;
import id.loket.payment.MemorySettings;
import id.loket.payment.Payment;
import id.loket.payment.PaymentService;
import id.loket.settings.SettingsService;
import id.loket.shift.ShiftService;
import id.loket.testing.TestClock;
import id.loket.upstream.digiflazz.DigiflazzClient;
import id.loket.upstream.digiflazz.DigiflazzCredentials;
import id.loket.upstream.digiflazz.DigiflazzNetwork;
import id.loket.upstream.digiflazz.sim.DigiflazzSimulator;
import id.loket.upstream.digiflazz.sim.SimulatedTransaction;
import id.loket.upstream.digiflazz.sim.SimulatorOptions;
import id.loket.users.AuditService;
import id.loket.users.Operator;
import id.loket.users.TestOperators;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A counter wired as the app wires it when Digiflazz is the biller network (issue 13): the Digiflazz simulator on
 * loopback, the real signed client and adapter, a real ledger file, shifts, payments and reconciliation with no
 * pause between re-checks. Everything runs on one {@link TestClock} standing at 10:00 WIB on {@link #DAY} until the
 * test moves it, so the adapter's once-a-minute rule and the end of the business day pass without waiting.
 */
final class StatementlessCounter implements AutoCloseable {

    /** The business day the payments are made on. */
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    /** 10:00 WIB on {@link #DAY}. */
    static final Instant MORNING = Instant.parse("2026-03-10T03:00:00Z");
    /** 00:30 WIB on the day after {@link #DAY}: the day is over. */
    static final Instant AFTER_MIDNIGHT = Instant.parse("2026-03-10T17:30:00Z");
    static final String CLERK = "sari";
    static final JournalRules RULES = JournalRules.standard();
    /** Short, so an armed {@code timeout} fault costs a second or two. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    static final String PLN_POSTPAID = "530000000001";
    static final String PLN_METER = "12345678901";
    /** A meter number ending in 9: the token goes Pending, then Sukses at its re-check. */
    static final String PLN_METER_PENDING = "12345678909";
    static final String XL_SUKSES = "087800001230";
    static final String XL_GAGAL = "087800001232";
    static final String XL_PENDING_GAGAL = "087800001234";

    /**
     * What every instant of the drill carries below the second. The default has all nine digits, as the JDK's clock on
     * Linux gives them; see {@link #start(Path, UnaryOperator, Duration)}.
     */
    static final Duration NANOS = Duration.ofNanos(123_456_789);

    final TestClock clock;
    final BusinessCalendar calendar;
    private final Duration fraction;
    final DigiflazzSimulator sim;
    final DigiflazzNetwork network;
    final LedgerDatabase ledger;
    final BillingService billing;
    final ShiftService shifts;
    final PaymentService payments;
    final JournalService journal;
    final AuditService audit;
    final ReconciliationService reconciliation;
    final Operator owner = TestOperators.owner();

    private StatementlessCounter(Path dir, UnaryOperator<SimulatorOptions.Builder> simOptions, Duration fraction) {
        this.fraction = fraction;
        clock = TestClock.at(MORNING.plus(fraction));
        calendar = new BusinessCalendar(clock);
        sim = DigiflazzSimulator.start(simOptions.apply(SimulatorOptions.builder().clock(clock)).build());
        try {
            DigiflazzClient client = new DigiflazzClient(sim.baseUri(), new DigiflazzCredentials(
                    SimulatorOptions.DEFAULT_USERNAME, SimulatorOptions.DEFAULT_DEVELOPMENT_KEY, true),
                    Duration.ofSeconds(5), READ_TIMEOUT);
            network = new DigiflazzNetwork(client, true, dir.resolve("digiflazz-pricelist.json"), clock);
            ledger = LedgerDatabase.open(dir.resolve("ledger.db"), clock);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        ClientRefs refs = new ClientRefs(new SecureRandom());
        billing = new BillingService(network, id.loket.billing.PriceBook.AT_COST, () -> refs.next(calendar.today()));
        shifts = new ShiftService(ledger.shifts(), RULES, calendar);
        audit = new AuditService(ledger.audit(), clock);
        SettingsService settings = new SettingsService(new MemorySettings(), audit);
        payments = new PaymentService(ledger.payments(), network, NO_ACCEPTANCE, shifts, settings, RULES, calendar,
                refs, PaymentService.DEFAULT_SENT_GRACE);
        journal = new JournalService(ledger.journal(), RULES);
        reconciliation = new ReconciliationService(ledger.reconciliation(), network, payments, journal, audit,
                calendar, dir.resolve("settlements"), Duration.ZERO, millis -> {
                    throw new AssertionError("no pause expected with a zero spacing");
                });
    }

    static StatementlessCounter start(Path dir) {
        return start(dir, b -> b);
    }

    static StatementlessCounter start(Path dir, UnaryOperator<SimulatorOptions.Builder> simOptions) {
        return new StatementlessCounter(dir, simOptions, NANOS);
    }

    /**
     * @param fraction what every instant of the drill carries below the second ({@link Duration#ZERO}: whole
     *     seconds, as {@link Instant#toString()} then prints no fraction at all)
     */
    static StatementlessCounter start(Path dir, UnaryOperator<SimulatorOptions.Builder> simOptions,
            Duration fraction) {
        return new StatementlessCounter(dir, simOptions, fraction);
    }

    /** Cash payments only: no charge is ever started. */
    private static final PaymentAcceptance NO_ACCEPTANCE = new PaymentAcceptance() {
        @Override
        public GatewayResult<Charge> createCharge(ChargeRequest request) {
            throw new AssertionError("no non-cash charge in these drills");
        }

        @Override
        public GatewayResult<Charge> charge(String chargeId) {
            throw new AssertionError("no non-cash charge in these drills");
        }
    };

    // ---- the counter's day -------------------------------------------------------------------------------------

    void openShift() {
        shifts.open(CLERK, Money.of(1_000_000));
    }

    /** Moves the shared clock: the simulator, the adapter, the ledger and the services see the same time. */
    void advance(Duration by) {
        clock.advance(by);
    }

    /** Past midnight WIB of {@link #DAY}. */
    void afterMidnight() {
        clock.set(AFTER_MIDNIGHT.plus(fraction));
    }

    /** A PLN postpaid bill looked up and paid in cash; a few seconds pass first. */
    Payment payPostpaid(String customerNo) {
        advance(Duration.ofSeconds(5));
        Biller biller = billing.sku("pln").orElseThrow().biller();
        Inquiry inquiry = billing.inquire(biller.code(), customerNo, Optional.empty()).orThrow();
        return payments.payCash(CLERK, biller, inquiry, Money.of(1_000_000));
    }

    /** A prepaid product ({@code sku}) sold in cash to {@code number}; a few seconds pass first. */
    Payment payPrepaid(String sku, String number) {
        advance(Duration.ofSeconds(5));
        BillingService.SkuMatch match = billing.sku(sku).orElseThrow();
        Inquiry inquiry = billing.inquire(match.biller().code(), number, Optional.of(sku)).orThrow();
        return payments.payCash(CLERK, match.biller(), inquiry, Money.of(1_000_000));
    }

    /** The usual day: a PLN postpaid bill, a PLN token and an XL pulsa, all Sukses. */
    List<Payment> ordinaryDay() {
        List<Payment> day = new ArrayList<>();
        day.add(payPostpaid(PLN_POSTPAID));
        day.add(payPrepaid("pln20", PLN_METER));
        day.add(payPrepaid("xld10", XL_SUKSES));
        return day;
    }

    // ---- reconciling -------------------------------------------------------------------------------------------

    RunResult.Reconciled reconcile() {
        return reconcile(DAY);
    }

    RunResult.Reconciled reconcile(LocalDate day) {
        RunResult result = reconciliation.reconcile(day, RunTrigger.COMMAND, Optional.empty());
        assertThat(result).isInstanceOf(RunResult.Reconciled.class);
        return (RunResult.Reconciled) result;
    }

    // ---- looking -----------------------------------------------------------------------------------------------

    Payment payment(String clientRef) {
        return payments.find(clientRef).orElseThrow();
    }

    SimulatedTransaction atSimulator(String clientRef) {
        return sim.transaction(clientRef).orElseThrow();
    }

    /** How often the simulator was asked about {@code clientRef} after it was made. */
    int checks(String clientRef) {
        return atSimulator(clientRef).checks();
    }

    long journalEntries() {
        AtomicLong n = new AtomicLong();
        ledger.journal().forEachEntry(e -> n.incrementAndGet());
        return n.get();
    }

    List<EntryKind> kindsOf(String reference) {
        List<EntryKind> kinds = new ArrayList<>();
        ledger.journal().forEachEntry((RecordedEntry e) -> {
            if (e.entry().reference().equals(reference)) {
                kinds.add(e.entry().kind());
            }
        });
        return kinds;
    }

    void assertSound() {
        VerifyReport report = new LedgerVerifier(RULES).verify(ledger.journal());
        assertThat(report.problems()).isEmpty();
        assertThat(report.sound()).isTrue();
    }

    @Override
    public void close() {
        try {
            ledger.close();
        } finally {
            sim.close();
        }
    }
}
