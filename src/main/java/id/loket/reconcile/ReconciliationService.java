package id.loket.reconcile;

import id.loket.billing.BillerNetwork;
import id.loket.billing.PaymentRequest;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.PaymentResult;
import id.loket.billing.SettlementSummary;
import id.loket.core.AccountCode;
import id.loket.core.BusinessCalendar;
import id.loket.core.JournalEntry;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.Posting;
import id.loket.journal.JournalService;
import id.loket.payment.ChargeConfirmation;
import id.loket.payment.Payment;
import id.loket.payment.PaymentCriteria;
import id.loket.payment.PaymentService;
import id.loket.reconcile.ReconciliationStore.LedgerPayment;
import id.loket.reconcile.SettlementRow.SettlementStatus;
import id.loket.users.AuditAction;
import id.loket.users.AuditService;
import id.loket.users.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly reconciliation of the ledger against the gateway's settlement (DESIGN.md, "Reconciliation";
 * issue 6): runs a day, keeps its runs and items, takes the resolutions and the owner's sign-off, records deposit
 * top-ups, and adds a day's payments up for the daily recap.
 *
 * <p><b>A run</b> fetches the signed summary and the file (the gateway client checks the file's SHA-256 against
 * the summary), reads the file strictly ({@link SettlementFile}), and merges it, sorted by client_ref, with the
 * ledger's payments of the day streamed in the same order — so a day of a million payments needs neither side
 * in a hash map. A ledger payment the file does not list is looked for in the next day's settlement (or, when that
 * day is not closed yet, asked about) before it is called missing: a payment made just before midnight that the
 * gateway settled just after it is one {@link ItemKind#TIMING_DIFFERENCE}. A suspect the file decides is settled
 * through {@link PaymentService#settleBySettlement} — new journal entries, never an UPDATE of one. Nothing is
 * written before the comparison is complete; a bad file fails the run with its reason and touches nothing.
 *
 * <p><b>Re-running a day</b> is idempotent: it compares again, stores a new run whose {@code changes} say what
 * differs from the previous one ("no change" when nothing does), and corrects nothing twice (a payment settled by
 * an earlier run is still reported as {@link ItemKind#RESOLVED_SUSPECT}). Resolutions belong to the day, not to
 * a run, so they carry over.
 */
public final class ReconciliationService {

    /** How many past days the catch-up on start looks at. */
    public static final int CATCH_UP_DAYS = 14;
    public static final String NO_CHANGE = "no change";
    /**
     * How a run's {@code changes} start when it could not compare the whole day: the day has not ended, or some
     * payments could not be re-checked. Such a day stays due: the catch-up runs it again.
     */
    public static final String PARTIAL = "partial: ";
    /** The {@code changes} of a day's first reconciled run. */
    public static final String FIRST_RUN = "first run";
    static final String TOP_UP_PREFIX = "TOPUP-";

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationService.class);
    private static final DateTimeFormatter TOP_UP_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmssSSS",
            Locale.ROOT).withZone(BusinessCalendar.WIB);

    private final ReconciliationStore store;
    private final BillerNetwork gateway;
    private final PaymentService payments;
    private final JournalService journal;
    private final AuditService audit;
    private final BusinessCalendar calendar;
    private final Path settlementFolder;
    /** One run at a time in this process: two runs of a day would both correct its suspects. */
    private final ReentrantLock running = new ReentrantLock();

    /**
     * @param settlementFolder where the settlement files are kept ({@code <day>.csv}, replaced by a re-run)
     */
    public ReconciliationService(ReconciliationStore store, BillerNetwork gateway, PaymentService payments,
            JournalService journal, AuditService audit, BusinessCalendar calendar, Path settlementFolder) {
        this(store, gateway, payments, journal, audit, calendar, settlementFolder, DEFAULT_RECHECK_SPACING,
                Thread::sleep);
    }

    /** Waits between two re-checks; {@link Thread#sleep(long)} in production. */
    @FunctionalInterface
    public interface Pacer {
        void pause(long millis) throws InterruptedException;
    }

    /** Between two re-checks of a statement-less network: Digiflazz documents no pace but the same-transaction
     * minute; a fifth of a second keeps a night's 2,000 re-checks polite and under seven minutes. */
    public static final java.time.Duration DEFAULT_RECHECK_SPACING = java.time.Duration.ofMillis(200);

    private final java.time.Duration recheckSpacing;
    private final Pacer pacer;

    /**
     * @param recheckSpacing the wait between two re-checks when the network has no statement
     * @param pacer          how it waits
     */
    public ReconciliationService(ReconciliationStore store, BillerNetwork gateway, PaymentService payments,
            JournalService journal, AuditService audit, BusinessCalendar calendar, Path settlementFolder,
            java.time.Duration recheckSpacing, Pacer pacer) {
        this.recheckSpacing = Objects.requireNonNull(recheckSpacing, "recheckSpacing");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.store = Objects.requireNonNull(store, "store");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.settlementFolder = Objects.requireNonNull(settlementFolder, "settlementFolder");
    }

    // ---- running ---------------------------------------------------------------------------------------------

    /** Reconciles {@code day}; see the class comment. */
    public RunResult reconcile(LocalDate day, RunTrigger trigger, Optional<String> operator) {
        return reconcile(day, trigger, operator, Progress.NONE, new Cancellation());
    }

    /**
     * Reconciles {@code day}, telling {@code progress} how far it is and stopping (writing nothing) when
     * {@code cancellation} is cancelled before the writing starts.
     *
     * @throws RunCancelledException when cancelled
     * @throws ReconciliationException when another run is going on in this process, or the day is not over yet
     */
    public RunResult reconcile(LocalDate day, RunTrigger trigger, Optional<String> operator, Progress progress,
            Cancellation cancellation) {
        Objects.requireNonNull(day, "day");
        if (!running.tryLock()) {
            throw new ReconciliationException("Another reconciliation run is going on; wait for it to finish.");
        }
        try {
            return run(day, trigger, operator, progress, cancellation);
        } finally {
            running.unlock();
        }
    }

    /**
     * The past days to reconcile: the last {@value #CATCH_UP_DAYS} at most (never before the ledger's first day),
     * without a reconciled run yet, oldest first.
     */
    public List<LocalDate> dueDays() {
        LocalDate today = calendar.today();
        LocalDate window = today.minusDays(CATCH_UP_DAYS);
        // From the ledger's first day, or the first day a run was tried (a failed run is retried).
        Optional<LocalDate> first = store.firstBusinessDay();
        Optional<LocalDate> firstTried = store.latestRuns(window, today.minusDays(1)).stream()
                .map(ReconciliationRun::day).min(Comparator.naturalOrder());
        if (firstTried.isPresent() && (first.isEmpty() || firstTried.get().isBefore(first.get()))) {
            first = firstTried;
        }
        if (first.isEmpty()) {
            return List.of();
        }
        LocalDate from = first.get().isAfter(window) ? first.get() : window;
        Set<LocalDate> done = new HashSet<>();
        for (ReconciliationRun r : store.latestReconciledRuns(from, today.minusDays(1))) {
            if (!r.changes().startsWith(PARTIAL)) {
                done.add(r.day());
            }
        }
        List<LocalDate> due = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(today); d = d.plusDays(1)) {
            if (!done.contains(d)) {
                due.add(d);
            }
        }
        return due;
    }

    /**
     * Runs every {@link #dueDays() due day}, oldest first, stopping at the first day the gateway has not closed;
     * a day that fails is stored failed and the next one is tried.
     */
    public List<RunResult> catchUp(RunTrigger trigger, Progress progress, Cancellation cancellation) {
        List<RunResult> results = new ArrayList<>();
        for (LocalDate day : dueDays()) {
            RunResult result = reconcile(day, trigger, Optional.empty(), progress, cancellation);
            results.add(result);
            if (result instanceof RunResult.NotDue) {
                break;
            }
        }
        return results;
    }

    private RunResult run(LocalDate day, RunTrigger trigger, Optional<String> operator, Progress progress,
            Cancellation cancellation) {
        if (!day.isBefore(calendar.today().plusDays(1))) {
            throw new ReconciliationException("The business day " + day + " has not begun yet (today is "
                    + calendar.today() + " WIB).");
        }
        Instant started = calendar.now();
        if (!gateway.info().hasStatement()) {
            return new Rechecks(day, trigger, operator, progress, cancellation, started).run();
        }
        progress.update(0, -1, "fetch");
        Path file = settlementFolder.resolve(day + ".csv");
        Fetched fetched = fetch(day, file);
        if (fetched.notDue()) {
            return new RunResult.NotDue(day, fetched.failure().orElseThrow());
        }
        if (fetched.failure().isPresent()) {
            return failed(day, started, trigger, operator, fetched.failure().get());
        }
        cancellation.check();
        SettlementSummary summary = fetched.summary().orElseThrow();
        SettlementFile settlement;
        try {
            settlement = SettlementFile.read(file, summary, calendar, cancellation, progress);
        } catch (SettlementFileException e) {
            return failed(day, started, trigger, operator, e.getMessage());
        }
        cancellation.check();

        Optional<ReconciliationRun> previous = latestReconciled(day);
        // The suspects an earlier run settled, with the status the ledger had then: reported the same way again.
        Map<String, String> settledBefore = new java.util.HashMap<>();
        previous.ifPresent(p -> store.items(p.id()).stream()
                .filter(i -> i.kind() == ItemKind.RESOLVED_SUSPECT && i.clientRef().isPresent())
                .forEach(i -> settledBefore.put(i.clientRef().get(), i.ledgerStatus().orElse(""))));

        Comparison comparison = compare(day, settlement, settledBefore, progress, cancellation);
        cancellation.check();

        // From here on the run writes: settle the suspects the file decided, then store the run.
        progress.update(0, comparison.toSettle.size(), "store");
        List<Draft> drafts = new ArrayList<>(comparison.drafts);
        for (Draft d : comparison.toSettle) {
            drafts.add(settleSuspect(day, d));
        }
        drafts.addAll(chargeDrafts(day, cancellation));
        Money movements = store.topUps(day).minus(comparison.spent);
        BalanceCheck balance = new BalanceCheck(summary.openingBalance(), movements, summary.closingBalance());
        if (!balance.ok()) {
            Money diff = balance.difference();
            drafts.add(new Draft(ItemKind.BALANCE_MISMATCH, Optional.empty(), Optional.of(balance.expectedClosing()),
                    Optional.of(balance.closing()), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), "The gateway's closing deposit is " + balance.closing().rupiah() + " but the"
                    + " opening " + balance.opening().rupiah() + " plus the day's movements in the ledger "
                    + movements.rupiah() + " make " + balance.expectedClosing().rupiah() + " (difference "
                    + diff.rupiah() + (diff.isPositive() ? ": a deposit top-up not recorded in Loket?" : ": money"
                    + " taken from the deposit that the ledger does not know about") + ")"));
        }
        drafts.sort(Comparator.comparing((Draft d) -> d.kind().ordinal()).thenComparing(d -> d.clientRef().orElse("")));
        List<ReconciliationItem> items = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            items.add(drafts.get(i).item(i + 1));
        }
        Map<String, Resolution> resolutions = store.resolutions(day);
        int open = (int) items.stream().filter(i -> i.kind().needsReview() && !resolutions.containsKey(i.key()))
                .count();
        String changes = previous.map(p -> changes(store.items(p.id()), p, items, comparison.matched, balance))
                .orElse(FIRST_RUN);
        ReconciliationRun run = store.saveRun(new ReconciliationRun(0, day, started, calendar.now(), trigger,
                operator, RunOutcome.RECONCILED, Optional.empty(), comparison.matched, settlement.size(),
                comparison.ledgerCount, summary.totalAmount().plus(summary.totalAdminFee()), Optional.of(balance),
                items.size(), open, changes), items);
        LOG.info("Reconciled {}: {} matched, {} items ({} open), deposit {}, {}", day, run.matched(), items.size(),
                open, balance.ok() ? "balanced" : "off by " + balance.difference().rupiah(), changes);
        progress.update(1, 1, "store");
        return new RunResult.Reconciled(run, withResolutions(store.items(run.id()), resolutions));
    }

    private record Fetched(Optional<SettlementSummary> summary, Optional<String> failure, boolean notDue) {}

    private Fetched fetch(LocalDate day, Path file) {
        try {
            Files.createDirectories(settlementFolder);
        } catch (IOException e) {
            return new Fetched(Optional.empty(), Optional.of("Cannot create the folder " + settlementFolder
                    + " for settlement files: " + e.getMessage()), false);
        }
        GatewayResult<SettlementSummary> result;
        try {
            result = gateway.settlement(day, file);
        } catch (UncheckedIOException e) {
            return new Fetched(Optional.empty(), Optional.of("Cannot write the settlement file " + file + ": "
                    + e.getMessage()), false);
        }
        if (result instanceof GatewayResult.Answer<SettlementSummary> answer) {
            return new Fetched(Optional.of(answer.value()), Optional.empty(), false);
        }
        if (result instanceof GatewayResult.Refused<SettlementSummary> refused) {
            if (refused.error().is(GatewayError.DAY_NOT_CLOSED)) {
                return new Fetched(Optional.empty(), Optional.of("The gateway has not closed " + day + " yet ("
                        + refused.error().message() + ")"), true);
            }
            return new Fetched(Optional.empty(), Optional.of("The gateway refused the settlement of " + day + ": "
                    + refused.error().code() + " (" + refused.error().message() + ")"), false);
        }
        return new Fetched(Optional.empty(), Optional.of("No trustworthy settlement of " + day + ": "
                + ((GatewayResult.NoAnswer<SettlementSummary>) result).reason()), false);
    }

    private RunResult failed(LocalDate day, Instant started, RunTrigger trigger, Optional<String> operator,
            String reason) {
        LOG.warn("Reconciliation of {} failed: {} (the ledger is untouched; the next run tries again)", day, reason);
        ReconciliationRun run = store.saveRun(new ReconciliationRun(0, day, started, calendar.now(), trigger,
                operator, RunOutcome.FAILED, Optional.of(reason), 0, 0, 0, Money.ZERO, Optional.empty(), 0, 0,
                "failed"), List.of());
        return new RunResult.Failed(run);
    }

    // ---- networks without a statement (Digiflazz) ---------------------------------------------------------------

    /**
     * A run against a network that gives no day's statement: each of the day's payments that reached the network is
     * re-checked with its own reference (the identical request; the adapter keeps the provider's pace and window),
     * paced by {@code recheckSpacing}, its answer kept at once ({@link ReconciliationStore#addRecheck}) so a run cut
     * short by a crash or a cancel resumes without asking again for what was already final. Payments the network
     * refused before creating anything are not re-checked: re-sending a prepaid purchase would make it. The deposit
     * is proved from balance snapshots: the previous snapshot, plus the top-ups recorded since, less what the
     * payments sent since took (successes and those still pending), plus what failed since among those pending at
     * the previous snapshot, must make the balance read now. A day not yet over can be reconciled too; its run is
     * {@link #PARTIAL}, as is one with payments the network did not answer about.
     */
    private final class Rechecks {
        private final LocalDate day;
        private final RunTrigger trigger;
        private final Optional<String> operator;
        private final Progress progress;
        private final Cancellation cancellation;
        private final Instant started;
        private final Comparison c = new Comparison();
        private long answered;
        private Money settledCost = Money.ZERO;
        private int notChecked;
        private int stillPending;
        /** The day's payments that reached the network, in the order they were made, with their answers. */
        private final List<Payment> made = new ArrayList<>();
        private final Map<String, ReconciliationStore.Recheck> answers = new java.util.HashMap<>();
        /** This run's live answers, by client_ref: a suspect settled by one keeps what it said (a token). */
        private final Map<String, PaymentResult> live = new java.util.HashMap<>();

        Rechecks(LocalDate day, RunTrigger trigger, Optional<String> operator, Progress progress,
                Cancellation cancellation, Instant started) {
            this.day = day;
            this.trigger = trigger;
            this.operator = operator;
            this.progress = progress;
            this.cancellation = cancellation;
            this.started = started;
        }

        RunResult run() {
            List<LedgerPayment> listed = new ArrayList<>();
            store.eachLedgerPayment(day, listed::add);
            Optional<ReconciliationRun> previous = latestReconciled(day);
            Map<String, String> settledBefore = new java.util.HashMap<>();
            previous.ifPresent(p -> store.items(p.id()).stream()
                    .filter(i -> i.kind() == ItemKind.RESOLVED_SUSPECT && i.clientRef().isPresent())
                    .forEach(i -> settledBefore.put(i.clientRef().get(), i.ledgerStatus().orElse(""))));
            int done = 0;
            boolean asked = false;
            for (LedgerPayment lp : listed) {
                progress.update(done++, listed.size(), "recheck");
                // After the progress callback, which is where a screen's Cancel is heard.
                cancellation.check();
                c.ledgerCount++;
                Payment p = payments.find(lp.clientRef()).orElseThrow();
                Optional<ReconciliationStore.Recheck> answer = store.latestFinalRecheck(p.clientRef());
                if (answer.isEmpty()) {
                    if (asked) {
                        pace();
                    }
                    answer = recheck(p);
                    asked = true;
                }
                made.add(p);
                answer.ifPresent(a -> answers.put(p.clientRef(), a));
                classify(lp, p, answer, settledBefore);
            }
            progress.update(listed.size(), listed.size(), "recheck");
            cancellation.check();

            progress.update(0, c.toSettle.size(), "store");
            List<Draft> drafts = new ArrayList<>(c.drafts);
            for (Draft d : c.toSettle) {
                drafts.add(settleByRecheck(d));
            }
            drafts.addAll(chainGaps());
            drafts.addAll(chargeDrafts(day, cancellation));
            List<String> notes = new ArrayList<>();
            Optional<BalanceCheck> balance = proveDeposit(notes);
            balance.filter(b -> !b.ok()).ifPresent(b -> drafts.add(new Draft(ItemKind.BALANCE_MISMATCH,
                    Optional.empty(), Optional.of(b.expectedClosing()), Optional.of(b.closing()), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), "The deposit at " + gateway.info()
                    .displayName() + " is " + b.closing().rupiah() + " but the last snapshot " + b.opening().rupiah()
                    + " plus the movements the ledger knows since " + b.movements().rupiah() + " make "
                    + b.expectedClosing().rupiah() + " (difference " + b.difference().rupiah()
                    + (b.difference().isPositive() ? ": a top-up not recorded in Loket?" : ": money taken from the"
                    + " deposit that the ledger does not know about") + ")")));
            drafts.sort(Comparator.comparing((Draft d) -> d.kind().ordinal())
                    .thenComparing(d -> d.clientRef().orElse("")));
            List<ReconciliationItem> items = new ArrayList<>(drafts.size());
            for (int i = 0; i < drafts.size(); i++) {
                items.add(drafts.get(i).item(i + 1));
            }
            Map<String, Resolution> resolutions = store.resolutions(day);
            int open = (int) items.stream().filter(i -> i.kind().needsReview()
                    && !resolutions.containsKey(i.key())).count();
            boolean dayOver = calendar.now().isAfter(calendar.endOf(day)) || calendar.now().equals(calendar.endOf(day));
            String changes = previous.map(p -> statementlessChanges(store.items(p.id()), p, items, c.matched))
                    .orElse(FIRST_RUN);
            List<String> partial = new ArrayList<>();
            if (!dayOver) {
                partial.add("the day has not ended");
            }
            if (notChecked > 0) {
                partial.add(notChecked + " payment(s) not re-checked: run it again later");
            }
            if (stillPending > 0) {
                partial.add(stillPending + " payment(s) still pending at " + gateway.info().displayName());
            }
            if (!partial.isEmpty()) {
                changes = PARTIAL + String.join(", ", partial) + "; " + changes;
            }
            if (!notes.isEmpty()) {
                changes = changes + "; " + String.join("; ", notes);
            }
            ReconciliationRun run = store.saveRun(new ReconciliationRun(0, day, started, calendar.now(), trigger,
                    operator, RunOutcome.RECONCILED, Optional.empty(), c.matched, answered, c.ledgerCount,
                    settledCost, balance, items.size(), open, changes), items);
            LOG.info("Reconciled {} by re-checking {} payments at {}: {} matched, {} items ({} open), deposit {}, {}",
                    day, c.ledgerCount, gateway.info().displayName(), run.matched(), items.size(), open,
                    balance.map(b -> b.ok() ? "proved" : "off by " + b.difference().rupiah()).orElse("not proved"),
                    changes);
            progress.update(1, 1, "store");
            return new RunResult.Reconciled(run, withResolutions(store.items(run.id()), resolutions));
        }

        private void pace() {
            if (recheckSpacing.isZero()) {
                return;
            }
            try {
                pacer.pause(recheckSpacing.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelledException();
            }
        }

        /** Asks the network about {@code p} once and keeps its answer; empty when it gave none. */
        private Optional<ReconciliationStore.Recheck> recheck(Payment p) {
            GatewayResult<PaymentResult> result = gateway.paymentStatus(payments.requestTo(p));
            if (result instanceof GatewayResult.Answer<PaymentResult> a) {
                PaymentResult r = a.value();
                live.put(p.clientRef(), r);
                ReconciliationStore.Recheck kept = new ReconciliationStore.Recheck(p.clientRef(), calendar.now(),
                        r.status().name(), r.rc(), r.message(), r.cost(), r.depositBalance());
                store.addRecheck(kept);
                return Optional.of(kept);
            }
            if (result instanceof GatewayResult.Refused<PaymentResult> refused
                    && refused.error().is(GatewayError.PAYMENT_NOT_FOUND)) {
                ReconciliationStore.Recheck kept = new ReconciliationStore.Recheck(p.clientRef(), calendar.now(),
                        "NOT_FOUND", refused.error().code(), refused.error().message(), Optional.empty(),
                        Optional.empty());
                store.addRecheck(kept);
                return Optional.of(kept);
            }
            LOG.info("Re-check of {} gave no answer ({}); it is asked again at the next run", p.clientRef(), result);
            return Optional.empty();
        }

        private void classify(LedgerPayment lp, Payment p, Optional<ReconciliationStore.Recheck> answer,
                Map<String, String> settledBefore) {
            Money cost = p.amounts().cost();
            Optional<Money> price = answer.flatMap(ReconciliationStore.Recheck::price);
            Draft base = new Draft(ItemKind.MATCHED, Optional.of(p.clientRef()), Optional.of(cost), price,
                    Optional.of(p.state().name()), answer.map(ReconciliationStore.Recheck::status),
                    Optional.of(lp.biller()), Optional.of(lp.reference()), "");
            if (answer.isEmpty()) {
                notChecked++;
                c.drafts.add(base.as(ItemKind.NOT_CHECKED, gateway.info().displayName() + " did not answer the"
                        + " re-check; the next run asks again"));
                return;
            }
            answered++;
            ReconciliationStore.Recheck r = answer.get();
            boolean open = isOpen(p.state());
            String network = gateway.info().displayName();
            switch (r.status()) {
                case "PENDING" -> {
                    stillPending++;
                    c.drafts.add(open
                            ? base.as(ItemKind.TIMING_DIFFERENCE, "Still pending at " + network + " (rc " + r.rc()
                                    + "): settled when it answers")
                            : base.as(ItemKind.STATUS_MISMATCH, "The ledger has it " + p.state() + ", " + network
                                    + " still says pending (rc " + r.rc() + ")"));
                }
                case "SUCCESS" -> {
                    settledCost = settledCost.plus(price.orElse(cost));
                    if (!open && p.state() != PaymentState.SUCCESS) {
                        c.drafts.add(base.as(ItemKind.STATUS_MISMATCH, "The ledger has it " + p.state() + ", "
                                + network + " says it succeeded (rc " + r.rc() + "): its cost left the deposit"));
                        return;
                    }
                    boolean otherPrice = price.isPresent() && !price.get().equals(cost);
                    // Reported alike by the run that settles a suspect and by every later run: the settlement as
                    // RESOLVED_SUSPECT, a price other than the ledger's cost as AMOUNT_MISMATCH.
                    if (open) {
                        c.toSettle.add(base.as(ItemKind.RESOLVED_SUSPECT, SettlementStatus.SUCCESS.name()));
                    } else if (settledBefore.containsKey(p.clientRef())) {
                        c.drafts.add(settledEarlier(base, p, settledBefore));
                    }
                    if (otherPrice) {
                        // As the run that settled it saw the ledger, so a re-run reports the same item.
                        Draft seen = settledBefore.containsKey(p.clientRef())
                                ? new Draft(base.kind(), base.clientRef(), base.ledgerAmount(), base.gatewayAmount(),
                                        Optional.of(settledBefore.get(p.clientRef())), base.gatewayStatus(),
                                        base.biller(), base.reference(), "")
                                : base;
                        c.drafts.add(seen.as(ItemKind.AMOUNT_MISMATCH, "The ledger booked a cost of "
                                + cost.rupiah() + ", " + network + " took " + price.get().rupiah()
                                + " from the deposit"));
                    } else if (!open && !settledBefore.containsKey(p.clientRef())) {
                        c.matched++;
                    }
                }
                default -> {
                    // FAILED, or NOT_FOUND: the network holds no successful purchase under this reference.
                    if (open) {
                        c.toSettle.add(base.as(ItemKind.RESOLVED_SUSPECT, SettlementStatus.FAILED.name()));
                    } else if (p.state() == PaymentState.SUCCESS) {
                        c.drafts.add(base.as(ItemKind.STATUS_MISMATCH, "The ledger has it SUCCESS, " + network
                                + " says " + ("NOT_FOUND".equals(r.status()) ? "it does not know it" : "it failed")
                                + " (rc " + r.rc() + " " + r.message() + ")"));
                    } else if (settledBefore.containsKey(p.clientRef())) {
                        c.drafts.add(settledEarlier(base, p, settledBefore));
                    } else {
                        c.matched++;
                    }
                }
            }
        }

        private Draft settledEarlier(Draft base, Payment p, Map<String, String> settledBefore) {
            return new Draft(ItemKind.RESOLVED_SUSPECT, base.clientRef(), base.ledgerAmount(), base.gatewayAmount(),
                    Optional.of(settledBefore.get(p.clientRef())), base.gatewayStatus(), base.biller(),
                    base.reference(), "The ledger held it " + settledBefore.get(p.clientRef()) + "; settled "
                    + p.state() + " by an earlier run of this day");
        }

        /** Settles a suspect as its re-check said, with the live answer's outcome when this run heard it. */
        private Draft settleByRecheck(Draft d) {
            String ref = d.clientRef().orElseThrow();
            String network = gateway.info().displayName();
            String reason = "settled by the reconciliation of " + day + ": " + network + " answered " + d.detail()
                    + " to its re-check";
            try {
                PaymentResult answer = live.get(ref);
                Payment settled = answer != null && answer.isDefinitive()
                        ? payments.settleByAnswer(ref, answer, reason)
                        : payments.settleBySettlement(ref, d.detail().equals(SettlementStatus.SUCCESS.name()), reason);
                return d.as(ItemKind.RESOLVED_SUSPECT, "The ledger held it " + d.ledgerStatus().orElse("?") + "; "
                        + network + " answered " + d.detail() + " to its re-check: now " + settled.state());
            } catch (RuntimeException e) {
                LOG.warn("Could not settle suspect payment {} from its re-check", ref, e);
                return d.as(ItemKind.STATUS_MISMATCH, "The ledger holds it " + d.ledgerStatus().orElse("?") + "; "
                        + network + " answered " + d.detail() + ", but it could not be settled now ("
                        + e.getMessage() + "); run the day again");
            }
        }

        /**
         * The running balance the network reports with each purchase ({@code buyer_last_saldo}: the deposit right
         * after it was made; a re-check repeats it), read in the order Loket made the purchases: between two
         * successive successful purchases with no top-up recorded between them, the balance falls by the second
         * one's price. Where it fell by more, something Loket does not know took the difference from the deposit
         * (a purchase made elsewhere with this account): one BALANCE_MISMATCH at the purchase after the gap. A rise
         * is left to the deposit proof (a refund of a failed purchase, a top-up).
         */
        private List<Draft> chainGaps() {
            List<Payment> ordered = new ArrayList<>(made);
            ordered.sort(Comparator.comparing(Payment::createdAt).thenComparing(Payment::clientRef));
            List<Draft> gaps = new ArrayList<>();
            for (int i = 1; i < ordered.size(); i++) {
                Payment a = ordered.get(i - 1);
                Payment b = ordered.get(i);
                ReconciliationStore.Recheck ra = answers.get(a.clientRef());
                ReconciliationStore.Recheck rb = answers.get(b.clientRef());
                if (ra == null || rb == null || !"SUCCESS".equals(ra.status()) || !"SUCCESS".equals(rb.status())
                        || ra.lastSaldo().isEmpty() || rb.lastSaldo().isEmpty()
                        || store.topUpsBetween(a.createdAt(), b.createdAt()).isPositive()) {
                    continue;
                }
                Money price = rb.price().orElse(b.amounts().cost());
                Money expected = ra.lastSaldo().get().minus(price);
                Money gap = expected.minus(rb.lastSaldo().get());
                if (gap.isPositive()) {
                    gaps.add(new Draft(ItemKind.BALANCE_MISMATCH, Optional.of(b.clientRef()), Optional.of(expected),
                            rb.lastSaldo(), Optional.of(b.state().name()), Optional.of(rb.status()),
                            Optional.of(b.bill().billerCode()), Optional.of(b.bill().reference()), "The running"
                            + " balance " + gateway.info().displayName() + " reported fell by " + gap.rupiah()
                            + " more than this purchase's price since " + a.clientRef() + " ("
                            + ra.lastSaldo().get().rupiah() + " − " + price.rupiah() + " = " + expected.rupiah()
                            + ", reported " + rb.lastSaldo().get().rupiah() + "): a purchase Loket does not know"
                            + " of, made with this account in between?"));
                }
            }
            return gaps;
        }

        /** Reads the deposit now, keeps it as a snapshot, and proves it from the previous one. */
        private Optional<BalanceCheck> proveDeposit(List<String> notes) {
            GatewayResult<id.loket.billing.DepositBalance> read = gateway.balance();
            if (!(read instanceof GatewayResult.Answer<id.loket.billing.DepositBalance> answer)) {
                notes.add("deposit not read (" + read + "): not proved this run");
                return Optional.empty();
            }
            String network = gateway.info().id();
            Optional<ReconciliationStore.DepositSnapshot> before = store.latestSnapshot(network);
            Instant now = calendar.now();
            ReconciliationStore.DepositSnapshot snapshot = store.addSnapshot(network, now, answer.value().balance(),
                    openSentRefs());
            if (before.isEmpty()) {
                notes.add("first deposit snapshot (" + snapshot.balance().rupiah() + "): the deposit is proved from"
                        + " the next run on");
                return Optional.empty();
            }
            ReconciliationStore.DepositSnapshot prev = before.get();
            Money movements = store.topUpsBetween(prev.takenAt(), now);
            for (String ref : store.paymentsCreatedBetween(prev.takenAt(), now)) {
                Payment p = payments.find(ref).orElseThrow();
                if (p.state() == PaymentState.SUCCESS || isOpen(p.state())) {
                    // What the network says it took, where a re-check told: a price other than the ledger's cost
                    // is then one AMOUNT_MISMATCH, not a deposit gap as well.
                    movements = movements.minus(store.latestFinalRecheck(ref)
                            .filter(r -> "SUCCESS".equals(r.status())).flatMap(ReconciliationStore.Recheck::price)
                            .orElse(p.amounts().cost()));
                }
            }
            for (String ref : prev.openRefs()) {
                Optional<Payment> p = payments.find(ref);
                // Open at the snapshot, failed since: Digiflazz gave its cost back, unless it refused it outright
                // (no answer with a transaction, no re-check: nothing was ever taken).
                if (p.isPresent() && p.get().state() == PaymentState.FAILED && (p.get().outcome().isPresent()
                        || store.latestFinalRecheck(ref).isPresent())) {
                    movements = movements.plus(p.get().amounts().cost());
                }
            }
            return Optional.of(new BalanceCheck(prev.balance(), movements, snapshot.balance()));
        }

    }

    /** The payments sent and not settled (SENT, SUSPECT): Digiflazz has taken their cost, or may have. */
    private Set<String> openSentRefs() {
        Set<String> open = new HashSet<>();
        for (String ref : store.openPaymentRefs()) {
            payments.find(ref).filter(p -> isOpen(p.state())).ifPresent(p -> open.add(ref));
        }
        return open;
    }

    /** What differs from the previous run; the deposit is read anew each run, so only whether it held counts. */
    private static String statementlessChanges(List<ReconciliationItem> before, ReconciliationRun previous,
            List<ReconciliationItem> after, long matched) {
        String changes = changes(before, previous, after, matched, previous.balance().orElse(null));
        return changes.replace("; deposit check changed", "").replace("deposit check changed", NO_CHANGE);
    }

    /**
     * Reads the network's deposit once and keeps it as the first snapshot, when the network has no statement and
     * no snapshot was taken yet: the deposit is then proved from the first payment on. Quiet when it cannot be read.
     */
    public void snapshotIfNone() {
        if (gateway.info().hasStatement() || store.latestSnapshot(gateway.info().id()).isPresent()) {
            return;
        }
        GatewayResult<id.loket.billing.DepositBalance> read = gateway.balance();
        if (read instanceof GatewayResult.Answer<id.loket.billing.DepositBalance> answer) {
            store.addSnapshot(gateway.info().id(), calendar.now(), answer.value().balance(), openSentRefs());
            LOG.info("First deposit snapshot at {}: {}", gateway.info().displayName(), answer.value().balance());
        } else {
            LOG.info("No first deposit snapshot at {} ({}); the first reconciliation run takes it",
                    gateway.info().displayName(), read);
        }
    }

    // ---- non-cash money --------------------------------------------------------------------------------------

    /**
     * Confirms the day's non-cash money (DESIGN.md: "Non-cash charges are confirmed by their signed status"): each
     * charge's status read from the payment gateway against the ledger, and each payment to the shop's own static
     * QRIS listed for the owner to tick off.
     */
    private List<Draft> chargeDrafts(LocalDate day, Cancellation cancellation) {
        List<Draft> drafts = new ArrayList<>();
        List<Payment> nonCash = payments.search(PaymentCriteria.any().onDay(day).byMethods(PaymentMethod.QRIS,
                PaymentMethod.VIRTUAL_ACCOUNT, PaymentMethod.EWALLET, PaymentMethod.PAYMENT_LINK,
                PaymentMethod.STATIC_QRIS).limitedTo(Integer.MAX_VALUE));
        for (Payment p : nonCash) {
            cancellation.check();
            ChargeConfirmation confirmation = payments.confirmCharge(p.clientRef());
            ItemKind kind = switch (confirmation.outcome()) {
                case NOT_CONFIRMED -> ItemKind.CHARGE_NOT_CONFIRMED;
                case OWED_BACK -> ItemKind.REFUND_DUE;
                case TO_TICK_OFF -> ItemKind.STATIC_QRIS_TO_TICK_OFF;
                case NOT_CHECKED -> ItemKind.NOT_CHECKED;
                case CONFIRMED, NOTHING_TAKEN, NOT_A_CHARGE -> null;
            };
            if (kind == null) {
                continue;
            }
            Payment now = payments.find(p.clientRef()).orElse(p);
            drafts.add(new Draft(kind, Optional.of(p.clientRef()), Optional.of(p.amounts().gatewayTotal()),
                    Optional.empty(), Optional.of(now.state().name()), confirmation.gatewayStatus(),
                    Optional.of(p.bill().billerCode()), Optional.of(p.bill().reference()), p.method() + ": "
                    + confirmation.detail()));
        }
        return drafts;
    }

    // ---- comparing -------------------------------------------------------------------------------------------

    /** An item before it has its run and line. */
    private record Draft(ItemKind kind, Optional<String> clientRef, Optional<Money> ledgerAmount,
            Optional<Money> gatewayAmount, Optional<String> ledgerStatus, Optional<String> gatewayStatus,
            Optional<String> biller, Optional<String> reference, String detail) {

        ReconciliationItem item(int lineNo) {
            return new ReconciliationItem(0, lineNo, kind, clientRef, ledgerAmount, gatewayAmount, ledgerStatus,
                    gatewayStatus, biller, reference, detail, Optional.empty());
        }

        Draft as(ItemKind newKind, String newDetail) {
            return new Draft(newKind, clientRef, ledgerAmount, gatewayAmount, ledgerStatus, gatewayStatus, biller,
                    reference, newDetail);
        }
    }

    private static final class Comparison {
        final List<Draft> drafts = new ArrayList<>();
        /** Suspects the file decided: settled once the comparison is complete. */
        final List<Draft> toSettle = new ArrayList<>();
        long matched;
        long ledgerCount;
        /** The ledger's successful payments that belong to the day: what left the deposit. */
        Money spent = Money.ZERO;
    }

    private Comparison compare(LocalDate day, SettlementFile settlement, Map<String, String> settledBefore,
            Progress progress,
            Cancellation cancellation) {
        Comparison c = new Comparison();
        SettlementRow[] rows = settlement.rows();
        List<LedgerPayment> ledgerOnly = new ArrayList<>();
        List<SettlementRow> fileOnly = new ArrayList<>();
        int[] cursor = {0};
        long total = rows.length;
        store.eachLedgerPayment(day, p -> {
            c.ledgerCount++;
            if ((c.ledgerCount & 0xFFFF) == 0) {
                cancellation.check();
                progress.update(cursor[0], total, "compare");
            }
            while (cursor[0] < rows.length && rows[cursor[0]].clientRef().compareTo(p.clientRef()) < 0) {
                fileOnly.add(rows[cursor[0]++]);
            }
            if (cursor[0] < rows.length && rows[cursor[0]].clientRef().equals(p.clientRef())) {
                pair(c, p, rows[cursor[0]++], settledBefore, false);
            } else {
                ledgerOnly.add(p);
            }
        });
        while (cursor[0] < rows.length) {
            fileOnly.add(rows[cursor[0]++]);
        }
        progress.update(total, total, "compare");

        // Rows the ledger has on another day (or not at all).
        List<Long> needDetails = new ArrayList<>();
        List<SettlementRow> missingInLedger = new ArrayList<>();
        for (SettlementRow row : fileOnly) {
            Optional<LedgerPayment> elsewhere = store.ledgerPayment(row.clientRef());
            if (elsewhere.isPresent()) {
                pair(c, elsewhere.get(), row, settledBefore, true);
            } else {
                missingInLedger.add(row);
                needDetails.add(row.lineNo());
            }
        }
        Map<Long, String[]> details = settlement.details(needDetails);
        for (SettlementRow row : missingInLedger) {
            String[] d = details.getOrDefault(row.lineNo(), new String[] {"", "", ""});
            c.drafts.add(new Draft(ItemKind.MISSING_IN_LEDGER, Optional.of(row.clientRef()), Optional.empty(),
                    Optional.of(Money.of(row.total())), Optional.empty(), Optional.of(row.status().name()),
                    nonEmpty(d[1]), nonEmpty(d[2]), "The gateway settled " + row.status() + " payment " + d[0]
                    + " that the ledger does not have"));
        }

        // Payments of the day the file does not list: the next day's settlement, or the gateway, may know them.
        if (!ledgerOnly.isEmpty()) {
            Neighbour next = neighbour(day.plusDays(1));
            for (LedgerPayment p : ledgerOnly) {
                cancellation.check();
                unlisted(c, day, p, next, settledBefore);
            }
        }
        return c;
    }

    /** Compares a payment both sides have. {@code otherDay}: the ledger dates it on another business day. */
    private void pair(Comparison c, LedgerPayment p, SettlementRow row, Map<String, String> settledBefore,
            boolean otherDay) {
        boolean gatewaySuccess = row.status() == SettlementStatus.SUCCESS;
        Money ledgerAmount = p.gatewayAmount();
        Money gatewayAmount = Money.of(row.total());
        boolean sameAmounts = p.billAmount().rupiah() == row.amount() && p.gatewayFee().rupiah() == row.adminFee();
        Draft base = new Draft(ItemKind.MATCHED, Optional.of(p.clientRef()), Optional.of(ledgerAmount),
                Optional.of(gatewayAmount), Optional.of(p.state().name()), Optional.of(row.status().name()),
                Optional.of(p.biller()), Optional.of(p.reference()), "");
        // What left the deposit, as the ledger knows it: its successes (whatever the file says), and the suspects
        // the file settles as successes.
        if (p.state() == PaymentState.SUCCESS || (isOpen(p.state()) && gatewaySuccess)) {
            c.spent = c.spent.plus(ledgerAmount);
        }
        if (isOpen(p.state())) {
            c.toSettle.add(base.as(ItemKind.RESOLVED_SUSPECT, row.status().name()));
            return;
        }
        boolean ledgerSuccess = p.state() == PaymentState.SUCCESS;
        if (ledgerSuccess != gatewaySuccess) {
            c.drafts.add(base.as(ItemKind.STATUS_MISMATCH, "The ledger has it " + p.state() + ", the gateway settled"
                    + " it " + row.status()));
            return;
        }
        if (!sameAmounts) {
            c.drafts.add(base.as(ItemKind.AMOUNT_MISMATCH, "The ledger sent bill " + p.billAmount().rupiah()
                    + " + admin fee " + p.gatewayFee().rupiah() + ", the gateway settled bill " + row.amount()
                    + " + admin fee " + row.adminFee()));
            return;
        }
        if (settledBefore.containsKey(p.clientRef())) {
            Draft was = new Draft(ItemKind.RESOLVED_SUSPECT, base.clientRef(), base.ledgerAmount(),
                    base.gatewayAmount(), Optional.of(settledBefore.get(p.clientRef())), base.gatewayStatus(),
                    base.biller(), base.reference(), "The ledger held it " + settledBefore.get(p.clientRef())
                    + "; settled " + p.state() + " by an earlier run of this day");
            c.drafts.add(was);
            return;
        }
        if (otherDay) {
            c.drafts.add(base.as(ItemKind.TIMING_DIFFERENCE, "Made on " + p.businessDay() + " (ledger), settled on "
                    + calendar.dayOf(row.paidAt()) + " by the gateway"));
            return;
        }
        c.matched++;
    }

    private static boolean isOpen(PaymentState state) {
        return state == PaymentState.SENT || state == PaymentState.SUSPECT;
    }

    /** The next day's settlement, when the gateway has closed it; else the payment status endpoint is asked. */
    private record Neighbour(LocalDate day, Optional<SettlementFile> file) {}

    private Neighbour neighbour(LocalDate next) {
        if (!next.isBefore(calendar.today().plusDays(1))) {
            return new Neighbour(next, Optional.empty());
        }
        Path file = settlementFolder.resolve(next + ".neighbour.csv");
        try {
            GatewayResult<SettlementSummary> result = gateway.settlement(next, file);
            if (result instanceof GatewayResult.Answer<SettlementSummary> answer) {
                return new Neighbour(next, Optional.of(SettlementFile.read(file, answer.value(), calendar,
                        new Cancellation(), Progress.NONE)));
            }
            LOG.info("The settlement of {} is not available ({}); asking about unlisted payments one by one", next,
                    result);
        } catch (SettlementFileException | UncheckedIOException e) {
            LOG.info("The settlement of {} cannot be used to look for unlisted payments ({}); asking one by one",
                    next, e.getMessage());
        }
        return new Neighbour(next, Optional.empty());
    }

    private void unlisted(Comparison c, LocalDate day, LedgerPayment p, Neighbour next,
            Map<String, String> settledBefore) {
        Optional<SettlementRow> there = next.file().flatMap(f -> f.find(p.clientRef()));
        if (there.isPresent()) {
            SettlementRow row = there.get();
            if (isOpen(p.state())) {
                // Decided, but on the next day: that day's run settles it.
                c.drafts.add(new Draft(ItemKind.TIMING_DIFFERENCE, Optional.of(p.clientRef()),
                        Optional.of(p.gatewayAmount()), Optional.of(Money.of(row.total())),
                        Optional.of(p.state().name()), Optional.of(row.status().name()), Optional.of(p.biller()),
                        Optional.of(p.reference()), "Made on " + day + ", settled " + row.status() + " on "
                        + next.day() + " by the gateway (that day's run settles it)"));
                return;
            }
            Comparison probe = new Comparison();
            pair(probe, p, row, settledBefore, true);
            for (Draft d : probe.drafts) {
                c.drafts.add(d.kind() == ItemKind.TIMING_DIFFERENCE ? d.as(d.kind(), "Made on " + day
                        + " (ledger), settled on " + next.day() + " by the gateway") : d);
            }
            return;
        }
        if (next.file().isEmpty()) {
            Optional<Draft> asked = askGateway(day, p);
            if (asked.isPresent()) {
                c.drafts.add(asked.get());
                return;
            }
        }
        if (p.state() == PaymentState.FAILED) {
            return; // failed, and the gateway settled nothing for it: no money moved on either side
        }
        if (p.state() == PaymentState.SUCCESS) {
            c.spent = c.spent.plus(p.gatewayAmount());
        }
        c.drafts.add(new Draft(ItemKind.MISSING_AT_GATEWAY, Optional.of(p.clientRef()),
                Optional.of(p.gatewayAmount()), Optional.empty(), Optional.of(p.state().name()), Optional.empty(),
                Optional.of(p.biller()), Optional.of(p.reference()), "The ledger has it " + p.state()
                + " but the gateway settled it neither on " + day + " nor on " + next.day()));
    }

    /** When the next day is not closed yet: the gateway's word on a payment it may settle then. */
    private Optional<Draft> askGateway(LocalDate day, LedgerPayment p) {
        GatewayResult<PaymentResult> status = gateway.paymentStatus(PaymentRequest.statusOf(p.clientRef()));
        if (!(status instanceof GatewayResult.Answer<PaymentResult> answer)) {
            return Optional.empty();
        }
        PaymentResult r = answer.value();
        if (r.status() == PaymentResult.Status.PENDING) {
            return Optional.of(new Draft(ItemKind.TIMING_DIFFERENCE, Optional.of(p.clientRef()),
                    Optional.of(p.gatewayAmount()), Optional.empty(), Optional.of(p.state().name()),
                    Optional.of("PENDING"), Optional.of(p.biller()), Optional.of(p.reference()),
                    "Still pending at the gateway: it will be settled on a later day"));
        }
        Optional<LocalDate> settledOn = r.paidAt().map(calendar::dayOf);
        if (settledOn.isPresent() && settledOn.get().isAfter(day)) {
            return Optional.of(new Draft(ItemKind.TIMING_DIFFERENCE, Optional.of(p.clientRef()),
                    Optional.of(p.gatewayAmount()), Optional.empty(), Optional.of(p.state().name()),
                    Optional.of(r.status().name()), Optional.of(p.biller()), Optional.of(p.reference()),
                    "Made on " + day + ", settled " + r.status() + " on " + settledOn.get() + " by the gateway"
                    + " (not closed yet)"));
        }
        return Optional.empty();
    }

    private Draft settleSuspect(LocalDate day, Draft d) {
        String ref = d.clientRef().orElseThrow();
        boolean success = d.detail().equals(SettlementStatus.SUCCESS.name());
        try {
            Payment settled = payments.settleBySettlement(ref, success, "settled by the reconciliation of " + day
                    + ": the gateway's settlement lists it " + d.detail());
            return d.as(ItemKind.RESOLVED_SUSPECT, "The ledger held it " + d.ledgerStatus().orElse("?")
                    + "; the settlement lists it " + d.detail() + ": now " + settled.state());
        } catch (RuntimeException e) {
            LOG.warn("Could not settle suspect payment {} from the settlement of {}", ref, day, e);
            return d.as(ItemKind.STATUS_MISMATCH, "The ledger holds it " + d.ledgerStatus().orElse("?")
                    + "; the settlement lists it " + d.detail() + ", but it could not be settled now ("
                    + e.getMessage() + "); run the day again");
        }
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** What differs from the previous run of the day, in a sentence. */
    private static String changes(List<ReconciliationItem> before, ReconciliationRun previous,
            List<ReconciliationItem> after, long matched, BalanceCheck balance) {
        Map<String, String> was = new TreeMap<>();
        for (ReconciliationItem i : before) {
            was.put(label(i), signature(i));
        }
        Map<String, String> now = new TreeMap<>();
        for (ReconciliationItem i : after) {
            now.put(label(i), signature(i));
        }
        List<String> parts = new ArrayList<>();
        List<String> added = now.keySet().stream().filter(k -> !was.containsKey(k)).toList();
        List<String> gone = was.keySet().stream().filter(k -> !now.containsKey(k)).toList();
        List<String> changed = now.keySet().stream().filter(k -> was.containsKey(k) && !was.get(k).equals(now.get(k)))
                .toList();
        if (!added.isEmpty()) {
            parts.add(added.size() + " new (" + String.join(", ", added) + ")");
        }
        if (!gone.isEmpty()) {
            parts.add(gone.size() + " gone (" + String.join(", ", gone) + ")");
        }
        if (!changed.isEmpty()) {
            parts.add(changed.size() + " changed (" + String.join(", ", changed) + ")");
        }
        if (matched != previous.matched()) {
            parts.add("matched " + previous.matched() + " → " + matched);
        }
        if (previous.balance().map(b -> !b.equals(balance)).orElse(true)) {
            parts.add("deposit check changed");
        }
        return parts.isEmpty() ? NO_CHANGE : String.join("; ", parts);
    }

    /** How an item is named in {@code changes}: its kind and client_ref, or "deposit". */
    private static String label(ReconciliationItem i) {
        return i.kind() + " " + i.clientRef().orElse("deposit");
    }

    private static String signature(ReconciliationItem i) {
        return i.ledgerAmount() + "|" + i.gatewayAmount() + "|" + i.ledgerStatus() + "|" + i.gatewayStatus();
    }

    /** The shop's business day now (WIB). */
    public LocalDate today() {
        return calendar.today();
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** Each day in {@code [from, to]}, newest first, with its status. */
    public List<DaySummary> days(LocalDate from, LocalDate to) {
        Map<LocalDate, ReconciliationRun> latest = new LinkedHashMap<>();
        for (ReconciliationRun r : store.latestRuns(from, to)) {
            latest.put(r.day(), r);
        }
        List<DaySummary> days = new ArrayList<>();
        for (LocalDate d = to; !d.isBefore(from); d = d.minusDays(1)) {
            days.add(latest.containsKey(d) ? day(d) : new DaySummary(d, DayStatus.NOT_RUN, Optional.empty(), 0,
                    Optional.empty()));
        }
        return days;
    }

    /** One day's status: from its latest reconciled run (a failed re-run does not undo a reconciled day). */
    public DaySummary day(LocalDate day) {
        List<ReconciliationRun> runs = store.runs(day);
        Optional<ReconciliationRun> reconciled = runs.stream().filter(ReconciliationRun::reconciled).findFirst();
        if (reconciled.isEmpty()) {
            return new DaySummary(day, runs.isEmpty() ? DayStatus.NOT_RUN : DayStatus.FAILED,
                    runs.stream().findFirst(), 0, Optional.empty());
        }
        ReconciliationRun run = reconciled.get();
        Map<String, Resolution> resolutions = store.resolutions(day);
        int open = (int) store.items(run.id()).stream()
                .filter(i -> i.kind().needsReview() && !resolutions.containsKey(i.key())).count();
        Optional<SignOff> signOff = signOffCovering(runs, store.signOffs(day));
        DayStatus status = signOff.isPresent() ? DayStatus.SIGNED_OFF
                : open > 0 ? DayStatus.OPEN_ITEMS : DayStatus.READY;
        return new DaySummary(day, status, Optional.of(run), open, signOff);
    }

    /** The sign-off of the latest reconciled run, or of an earlier one the later runs did not change. */
    private static Optional<SignOff> signOffCovering(List<ReconciliationRun> runsNewestFirst, List<SignOff> signOffs) {
        Map<Long, SignOff> byRun = new java.util.HashMap<>();
        signOffs.forEach(s -> byRun.put(s.runId(), s));
        for (ReconciliationRun r : runsNewestFirst) {
            if (!r.reconciled()) {
                continue;
            }
            if (byRun.containsKey(r.id())) {
                return Optional.of(byRun.get(r.id()));
            }
            if (!r.changes().equals(NO_CHANGE)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The runs of a day, newest first. */
    public List<ReconciliationRun> runs(LocalDate day) {
        return store.runs(day);
    }

    public Optional<ReconciliationRun> run(long runId) {
        return store.run(runId);
    }

    /** A run's items in order, each with the day's resolution of it if there is one. */
    public List<ReconciliationItem> items(long runId) {
        ReconciliationRun run = requireRun(runId);
        return withResolutions(store.items(runId), store.resolutions(run.day()));
    }

    private Optional<ReconciliationRun> latestReconciled(LocalDate day) {
        return store.runs(day).stream().filter(ReconciliationRun::reconciled).findFirst();
    }

    private static List<ReconciliationItem> withResolutions(List<ReconciliationItem> items,
            Map<String, Resolution> resolutions) {
        List<ReconciliationItem> result = new ArrayList<>(items.size());
        for (ReconciliationItem i : items) {
            Resolution r = i.kind().needsReview() ? resolutions.get(i.key()) : null;
            result.add(r == null ? i : new ReconciliationItem(i.runId(), i.lineNo(), i.kind(), i.clientRef(),
                    i.ledgerAmount(), i.gatewayAmount(), i.ledgerStatus(), i.gatewayStatus(), i.biller(),
                    i.reference(), i.detail(), Optional.of(r)));
        }
        return result;
    }

    private ReconciliationRun requireRun(long runId) {
        return store.run(runId).orElseThrow(() -> new ReconciliationException("There is no reconciliation run "
                + runId + "."));
    }

    /** The CSV export's columns. */
    public static final List<String> CSV_HEADER = List.of("business_day", "run_id", "line_no", "kind", "client_ref",
            "biller", "reference", "ledger_amount", "gateway_amount", "ledger_status", "gateway_status", "detail",
            "resolved_by", "resolved_at", "note");

    /**
     * Writes the items of run {@code runId}, with their resolutions, as CSV (RFC 4180, header row). {@code out} is
     * closed afterwards when it is {@link java.io.Closeable}.
     */
    public void writeCsv(long runId, Appendable out) throws IOException {
        ReconciliationRun run = requireRun(runId);
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(out,
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(CSV_HEADER);
            for (ReconciliationItem i : items(runId)) {
                printer.printRecord(run.day(), run.id(), i.lineNo(), i.kind(), i.clientRef().orElse(""),
                        i.biller().orElse(""), i.reference().orElse(""),
                        i.ledgerAmount().map(m -> Long.toString(m.rupiah())).orElse(""),
                        i.gatewayAmount().map(m -> Long.toString(m.rupiah())).orElse(""),
                        i.ledgerStatus().orElse(""), i.gatewayStatus().orElse(""), i.detail(),
                        i.resolution().map(Resolution::operator).orElse(""),
                        i.resolution().map(r -> r.at().toString()).orElse(""),
                        i.resolution().map(Resolution::note).orElse(""));
            }
        }
    }

    // ---- review ----------------------------------------------------------------------------------------------

    /**
     * Resolves item {@code lineNo} of run {@code runId} with a note (what was found, what was done); the
     * resolution holds for the same item in later runs of the day. Audited.
     *
     * @throws ReconciliationException for an unknown run or item, an item that needs no review, or an empty note
     */
    public ReconciliationItem resolve(Operator operator, long runId, int lineNo, String note) {
        Objects.requireNonNull(operator, "operator");
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new ReconciliationException("Write a note saying what was found and what was done.");
        }
        ReconciliationRun run = requireRun(runId);
        ReconciliationItem item = store.items(runId).stream().filter(i -> i.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> new ReconciliationException("Run " + runId + " has no item " + lineNo + "."));
        if (!item.kind().needsReview()) {
            throw new ReconciliationException("A " + item.kind() + " item needs no resolution.");
        }
        Resolution resolution = new Resolution(operator.username(), calendar.now(), text);
        store.addResolution(run.day(), item.key(), resolution);
        audit.record(operator, AuditAction.RECONCILIATION_ITEM_RESOLVED, run.day() + " " + item.key(), text);
        return withResolutions(List.of(item), Map.of(item.key(), resolution)).get(0);
    }

    /**
     * The owner signs a day's reconciled run off: every item that needs review is resolved. Audited.
     *
     * @throws id.loket.users.PermissionDeniedException for a clerk
     * @throws ReconciliationException for a failed or superseded run, or open items
     */
    public SignOff signOff(Operator owner, long runId, String note) {
        Objects.requireNonNull(owner, "owner");
        owner.requireOwner("sign a reconciliation off");
        ReconciliationRun run = requireRun(runId);
        if (!run.reconciled()) {
            throw new ReconciliationException("Run " + runId + " failed (" + run.failure().orElse("") + "): run the"
                    + " day again before signing it off.");
        }
        Optional<ReconciliationRun> latest = latestReconciled(run.day());
        if (latest.isEmpty() || latest.get().id() != runId) {
            throw new ReconciliationException("Run " + runId + " is not the latest run of " + run.day()
                    + ": review and sign off run " + latest.map(ReconciliationRun::id).orElse(0L) + ".");
        }
        long open = items(runId).stream().filter(ReconciliationItem::isOpen).count();
        if (open > 0) {
            throw new ReconciliationException(open + " item(s) of " + run.day() + " are not resolved yet: resolve"
                    + " each with a note before signing the day off.");
        }
        SignOff signOff = new SignOff(run.day(), runId, owner.username(), calendar.now(),
                note == null ? "" : note.strip());
        store.addSignOff(signOff);
        audit.record(owner, AuditAction.RECONCILIATION_SIGNED_OFF, run.day().toString(),
                "run " + runId + (signOff.note().isEmpty() ? "" : ": " + signOff.note()));
        return signOff;
    }

    /**
     * Records a top-up of the gateway deposit made on {@code day} (the owner transferred money to the gateway):
     * DR gateway_deposit / CR owner_equity. The deposit check of that day counts it. Owner only; audited.
     */
    public void recordTopUp(Operator owner, LocalDate day, Money amount, String note) {
        Objects.requireNonNull(owner, "owner");
        owner.requireOwner("record a deposit top-up");
        if (!amount.isPositive()) {
            throw new ReconciliationException("A top-up is a positive amount, not " + amount.rupiah() + ".");
        }
        if (day.isAfter(calendar.today())) {
            throw new ReconciliationException("A top-up cannot be dated in the future (" + day + ").");
        }
        Instant now = calendar.now();
        String text = note == null || note.isBlank() ? "deposit top-up" : "deposit top-up: " + note.strip();
        journal.post(JournalEntry.posted(day, now, TOP_UP_PREFIX + TOP_UP_STAMP.format(now), text, List.of(
                Posting.debit(AccountCode.GATEWAY_DEPOSIT, amount),
                Posting.credit(AccountCode.OWNER_EQUITY, amount))));
        audit.record(owner, AuditAction.DEPOSIT_TOP_UP_RECORDED, day.toString(),
                amount.rupiah() + (note == null || note.isBlank() ? "" : ": " + note.strip()));
    }

    // ---- the daily recap -------------------------------------------------------------------------------------

    /** The day's payments added up per biller, method and clerk. */
    public DailyRecap recap(LocalDate day) {
        Map<String, Acc> billers = new TreeMap<>();
        Map<String, Acc> methods = new TreeMap<>();
        Map<String, Acc> clerks = new TreeMap<>();
        Acc total = new Acc("TOTAL", "Total");
        long failed = 0;
        long suspect = 0;
        long refunds = 0;
        for (ReconciliationStore.DayTotalsRow r : store.dayTotals(day)) {
            refunds += r.refundsDue();
            switch (r.state()) {
                case SUCCESS -> {
                    billers.computeIfAbsent(r.biller(), k -> new Acc(k, r.billerName())).add(r);
                    methods.computeIfAbsent(r.method().name(), k -> new Acc(k, k)).add(r);
                    clerks.computeIfAbsent(r.clerk(), k -> new Acc(k, k)).add(r);
                    total.add(r);
                }
                case FAILED -> failed += r.count();
                case SENT, SUSPECT -> suspect += r.count();
                default -> { }
            }
        }
        return new DailyRecap(day, lines(billers), lines(methods), lines(clerks), total.line(), failed, suspect,
                refunds);
    }

    private static List<DailyRecap.Line> lines(Map<String, Acc> groups) {
        return groups.values().stream().map(Acc::line).toList();
    }

    private static final class Acc {
        final String key;
        final String label;
        long count;
        Money bill = Money.ZERO;
        Money gatewayFees = Money.ZERO;
        Money shopFees = Money.ZERO;
        Money total = Money.ZERO;

        Acc(String key, String label) {
            this.key = key;
            this.label = label;
        }

        void add(ReconciliationStore.DayTotalsRow r) {
            count += r.count();
            bill = bill.plus(r.billAmount());
            gatewayFees = gatewayFees.plus(r.gatewayFees());
            shopFees = shopFees.plus(r.shopFees());
            total = total.plus(r.total());
        }

        DailyRecap.Line line() {
            return new DailyRecap.Line(key, label, count, bill, gatewayFees, shopFees, total);
        }
    }

    /** Counts of a run's items by kind (the matched payments under {@link ItemKind#MATCHED}). */
    public static Map<ItemKind, Long> countByKind(ReconciliationRun run, List<ReconciliationItem> items) {
        Map<ItemKind, Long> counts = new EnumMap<>(ItemKind.class);
        for (ItemKind k : ItemKind.values()) {
            counts.put(k, 0L);
        }
        counts.put(ItemKind.MATCHED, run.matched());
        items.forEach(i -> counts.merge(i.kind(), 1L, Long::sum));
        return counts;
    }
}
