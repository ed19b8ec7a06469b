package id.loket.reconcile;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where reconciliation reads the ledger's side of a day and keeps its runs, items, resolutions and sign-offs: the
 * port {@link ReconciliationService} uses. Runs, items, resolutions and sign-offs are append-only.
 */
public interface ReconciliationStore {

    /** A payment as reconciliation compares it. {@code gatewayAmount} = bill + the gateway's admin fee. */
    record LedgerPayment(String clientRef, LocalDate businessDay, PaymentState state, String biller,
            String reference, Money billAmount, Money gatewayFee) {

        public Money gatewayAmount() {
            return billAmount.plus(gatewayFee);
        }
    }

    /** The successful, failed and still-open payments of a day grouped for the daily recap (one row per group). */
    record DayTotalsRow(String biller, String billerName, PaymentMethod method, String clerk, PaymentState state,
            long count, Money billAmount, Money gatewayFees, Money shopFees, Money total, long refundsDue) {}

    /**
     * Streams the payments of {@code day} (their {@code business_day}) that reached the gateway — SENT, SUSPECT,
     * SUCCESS, and FAILED ones the gateway answered — in ascending binary order of {@code client_ref}, without
     * holding them all in memory.
     */
    void eachLedgerPayment(LocalDate day, Consumer<LedgerPayment> sink);

    /** Any payment by its client_ref, whatever its day and state. */
    Optional<LedgerPayment> ledgerPayment(String clientRef);

    /** The deposit top-ups recorded in the journal on {@code day} (their business day). */
    Money topUps(LocalDate day);

    /** The first business day the journal has an entry on, if any. */
    Optional<LocalDate> firstBusinessDay();

    /** Stores a run and its items in one transaction; the run's and the items' ids are given here. */
    ReconciliationRun saveRun(ReconciliationRun run, List<ReconciliationItem> items);

    Optional<ReconciliationRun> run(long id);

    /** The runs of a day, newest first. */
    List<ReconciliationRun> runs(LocalDate day);

    /** The latest run of each day in {@code [from, to]} that has one. */
    List<ReconciliationRun> latestRuns(LocalDate from, LocalDate to);

    /** The latest RECONCILED run of each day in {@code [from, to]} that has one. */
    List<ReconciliationRun> latestReconciledRuns(LocalDate from, LocalDate to);

    /** A run's items in order, without their resolutions (those belong to the day, see {@link #resolutions}). */
    List<ReconciliationItem> items(long runId);

    /** The resolutions given for a day's items, by {@link ReconciliationItem#key()}; the last one for a key wins. */
    Map<String, Resolution> resolutions(LocalDate day);

    void addResolution(LocalDate day, String key, Resolution resolution);

    /** A day's sign-offs, oldest first. */
    List<SignOff> signOffs(LocalDate day);

    void addSignOff(SignOff signOff);

    /** The payments of {@code day} grouped by biller, method, clerk and state. */
    List<DayTotalsRow> dayTotals(LocalDate day);

    // ---- networks without a statement (Digiflazz) ---------------------------------------------------------------

    /**
     * One answer of the network to a re-check of a payment, as it came. {@code status}: SUCCESS, FAILED, PENDING,
     * or NOT_FOUND (the network does not know the payment).
     */
    record Recheck(String clientRef, Instant checkedAt, String status, String rc, String message,
            Optional<Money> price, Optional<Money> lastSaldo) {

        public boolean isFinal() {
            return !"PENDING".equals(status);
        }
    }

    /** Keeps a re-check answer (append-only), at once: a run cut short resumes from what it kept. */
    void addRecheck(Recheck recheck);

    /** The newest final answer (not PENDING) a re-check of {@code clientRef} got. */
    Optional<Recheck> latestFinalRecheck(String clientRef);

    /** The network's deposit as read at {@code takenAt}, with the payments then open (SENT, SUSPECT). */
    record DepositSnapshot(long id, String network, Instant takenAt, Money balance, Set<String> openRefs) {

        public DepositSnapshot {
            openRefs = Set.copyOf(openRefs);
        }
    }

    DepositSnapshot addSnapshot(String network, Instant takenAt, Money balance, Set<String> openRefs);

    Optional<DepositSnapshot> latestSnapshot(String network);

    /** The client_refs of the payments open now (SENT, SUSPECT). */
    Set<String> openPaymentRefs();

    /** The client_refs of the payments created in {@code (from, to]}, whatever their state. */
    List<String> paymentsCreatedBetween(Instant from, Instant to);

    /** The deposit top-ups recorded in {@code (from, to]} (by when they were recorded). */
    Money topUpsBetween(Instant from, Instant to);
}
