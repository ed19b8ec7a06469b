package id.loket.ledger;

import id.loket.core.AccountCode;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.reconcile.BalanceCheck;
import id.loket.reconcile.ItemKind;
import id.loket.reconcile.ReconciliationItem;
import id.loket.reconcile.ReconciliationRun;
import id.loket.reconcile.ReconciliationStore;
import id.loket.reconcile.Resolution;
import id.loket.reconcile.RunOutcome;
import id.loket.reconcile.RunTrigger;
import id.loket.reconcile.SignOff;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reconciliation's side of the ledger file (the {@code recon_*} tables of V5, append-only by triggers), and the
 * reads of payments and top-ups a run compares.
 */
public final class SqliteReconciliationStore implements ReconciliationStore {

    private static final String PAYMENT_COLUMNS = "client_ref, business_day, state, biller, reference, bill_amount,"
            + " gateway_fee";
    private static final String RUN_COLUMNS = "id, business_day, started_at, finished_at, trigger_kind, operator,"
            + " outcome, failure, matched, gateway_count, ledger_count, gateway_total, opening_balance, movements,"
            + " closing_balance, items, open_items, changes";

    private final SqliteConnections connections;

    SqliteReconciliationStore(SqliteConnections connections) {
        this.connections = connections;
    }

    @Override
    public void eachLedgerPayment(LocalDate day, Consumer<LedgerPayment> sink) {
        connections.read("read the payments of " + day, c -> {
            PreparedStatement select = c.prepare("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE business_day = ?"
                    + " AND (state IN ('SENT', 'SUSPECT', 'SUCCESS')"
                    + " OR (state = 'FAILED' AND gateway_payment_id IS NOT NULL))"
                    + " ORDER BY client_ref");
            select.setString(1, day.toString());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sink.accept(payment(rs));
                }
            }
            return null;
        });
    }

    @Override
    public Optional<LedgerPayment> ledgerPayment(String clientRef) {
        return connections.read("read payment " + clientRef, c -> {
            PreparedStatement select = c.prepare("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE client_ref = ?");
            select.setString(1, clientRef);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(payment(rs)) : Optional.empty();
            }
        });
    }

    private LedgerPayment payment(ResultSet rs) throws SQLException {
        try {
            return new LedgerPayment(rs.getString(1), LocalDate.parse(rs.getString(2)),
                    PaymentState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), Money.of(rs.getLong(6)),
                    Money.of(rs.getLong(7)));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw SqliteShiftStore.altered(connections.file(), "payment " + rs.getString(1), e);
        }
    }

    @Override
    public Money topUps(LocalDate day) {
        return connections.read("read the deposit top-ups of " + day, c -> {
            PreparedStatement select = c.prepare("SELECT COALESCE(SUM(p.amount), 0) FROM journal_entry e"
                    + " JOIN posting p ON p.entry_id = e.id"
                    + " WHERE e.business_day = ? AND e.kind = 'POSTED' AND e.reference LIKE 'TOPUP-%'"
                    + " AND p.account = ? AND p.side = 'DEBIT'");
            select.setString(1, day.toString());
            select.setString(2, AccountCode.GATEWAY_DEPOSIT.value());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return Money.of(rs.getLong(1));
            }
        });
    }

    @Override
    public Optional<LocalDate> firstBusinessDay() {
        return connections.read("read the first business day", c -> {
            try (ResultSet rs = c.prepare("SELECT MIN(business_day) FROM journal_entry").executeQuery()) {
                rs.next();
                String day = rs.getString(1);
                return day == null ? Optional.empty() : Optional.of(LocalDate.parse(day));
            }
        });
    }

    @Override
    public ReconciliationRun saveRun(ReconciliationRun run, List<ReconciliationItem> items) {
        return connections.transaction("store the reconciliation run of " + run.day(), c -> {
            long id;
            try (ResultSet rs = c.prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM recon_run").executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            PreparedStatement insert = c.prepare("INSERT INTO recon_run (" + RUN_COLUMNS + ") VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insert.setLong(1, id);
            insert.setString(2, run.day().toString());
            insert.setString(3, SqliteAuditStore.AT.format(run.startedAt()));
            insert.setString(4, SqliteAuditStore.AT.format(run.finishedAt()));
            insert.setString(5, run.trigger().name());
            text(insert, 6, run.operator());
            insert.setString(7, run.outcome().name());
            text(insert, 8, run.failure());
            insert.setLong(9, run.matched());
            insert.setLong(10, run.gatewayCount());
            insert.setLong(11, run.ledgerCount());
            insert.setLong(12, run.gatewayTotal().rupiah());
            amount(insert, 13, run.balance().map(BalanceCheck::opening));
            amount(insert, 14, run.balance().map(BalanceCheck::movements));
            amount(insert, 15, run.balance().map(BalanceCheck::closing));
            insert.setLong(16, items.size());
            insert.setLong(17, run.open());
            insert.setString(18, run.changes());
            insert.executeUpdate();
            PreparedStatement item = c.prepare("INSERT INTO recon_item (run_id, line_no, kind, client_ref,"
                    + " ledger_amount, gateway_amount, ledger_status, gateway_status, biller, reference, detail)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (ReconciliationItem i : items) {
                item.setLong(1, id);
                item.setInt(2, i.lineNo());
                item.setString(3, i.kind().name());
                text(item, 4, i.clientRef());
                amount(item, 5, i.ledgerAmount());
                amount(item, 6, i.gatewayAmount());
                text(item, 7, i.ledgerStatus());
                text(item, 8, i.gatewayStatus());
                text(item, 9, i.biller());
                text(item, 10, i.reference());
                item.setString(11, i.detail());
                item.executeUpdate();
            }
            return new ReconciliationRun(id, run.day(), run.startedAt(), run.finishedAt(), run.trigger(),
                    run.operator(), run.outcome(), run.failure(), run.matched(), run.gatewayCount(), run.ledgerCount(),
                    run.gatewayTotal(), run.balance(), items.size(), run.open(), run.changes());
        });
    }

    @Override
    public Optional<ReconciliationRun> run(long id) {
        List<ReconciliationRun> runs = runs("WHERE id = ?", List.of(id));
        return runs.stream().findFirst();
    }

    @Override
    public List<ReconciliationRun> runs(LocalDate day) {
        return runs("WHERE business_day = ? ORDER BY id DESC", List.of(day.toString()));
    }

    @Override
    public List<ReconciliationRun> latestRuns(LocalDate from, LocalDate to) {
        return runs("WHERE id IN (SELECT MAX(id) FROM recon_run WHERE business_day BETWEEN ? AND ?"
                + " GROUP BY business_day) ORDER BY business_day DESC", List.of(from.toString(), to.toString()));
    }

    @Override
    public List<ReconciliationRun> latestReconciledRuns(LocalDate from, LocalDate to) {
        return runs("WHERE id IN (SELECT MAX(id) FROM recon_run WHERE business_day BETWEEN ? AND ?"
                + " AND outcome = 'RECONCILED' GROUP BY business_day) ORDER BY business_day DESC",
                List.of(from.toString(), to.toString()));
    }

    private List<ReconciliationRun> runs(String where, List<Object> parameters) {
        return connections.read("read reconciliation runs", c -> {
            PreparedStatement select = c.prepare("SELECT " + RUN_COLUMNS + " FROM recon_run " + where);
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<ReconciliationRun> runs = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    runs.add(run(rs));
                }
            }
            return runs;
        });
    }

    private ReconciliationRun run(ResultSet rs) throws SQLException {
        try {
            Optional<BalanceCheck> balance = optionalLong(rs, 13).isPresent()
                    ? Optional.of(new BalanceCheck(Money.of(rs.getLong(13)), Money.of(rs.getLong(14)),
                            Money.of(rs.getLong(15))))
                    : Optional.empty();
            return new ReconciliationRun(rs.getLong(1), LocalDate.parse(rs.getString(2)), instant(rs.getString(3)),
                    instant(rs.getString(4)), RunTrigger.valueOf(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                    RunOutcome.valueOf(rs.getString(7)), Optional.ofNullable(rs.getString(8)), rs.getLong(9),
                    rs.getLong(10), rs.getLong(11), Money.of(rs.getLong(12)), balance, rs.getInt(16), rs.getInt(17),
                    rs.getString(18));
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw SqliteShiftStore.altered(connections.file(), "reconciliation run " + rs.getLong(1), e);
        }
    }

    @Override
    public List<ReconciliationItem> items(long runId) {
        return connections.read("read reconciliation items", c -> {
            PreparedStatement select = c.prepare("SELECT run_id, line_no, kind, client_ref, ledger_amount,"
                    + " gateway_amount, ledger_status, gateway_status, biller, reference, detail FROM recon_item"
                    + " WHERE run_id = ? ORDER BY line_no");
            select.setLong(1, runId);
            List<ReconciliationItem> items = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    try {
                        items.add(new ReconciliationItem(rs.getLong(1), rs.getInt(2), ItemKind.valueOf(rs.getString(3)),
                                Optional.ofNullable(rs.getString(4)), optionalLong(rs, 5).map(Money::of),
                                optionalLong(rs, 6).map(Money::of), Optional.ofNullable(rs.getString(7)),
                                Optional.ofNullable(rs.getString(8)), Optional.ofNullable(rs.getString(9)),
                                Optional.ofNullable(rs.getString(10)), rs.getString(11), Optional.empty()));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        throw SqliteShiftStore.altered(connections.file(), "reconciliation item " + runId + "/"
                                + rs.getInt(2), e);
                    }
                }
            }
            return items;
        });
    }

    @Override
    public Map<String, Resolution> resolutions(LocalDate day) {
        return connections.read("read resolutions", c -> {
            PreparedStatement select = c.prepare("SELECT item_key, operator, at, note FROM recon_resolution"
                    + " WHERE business_day = ? ORDER BY id");
            select.setString(1, day.toString());
            Map<String, Resolution> found = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new Resolution(rs.getString(2), instant(rs.getString(3)),
                            rs.getString(4)));
                }
            }
            return found;
        });
    }

    @Override
    public void addResolution(LocalDate day, String key, Resolution resolution) {
        connections.transaction("store a resolution", c -> {
            PreparedStatement insert = c.prepare("INSERT INTO recon_resolution (business_day, item_key, operator, at,"
                    + " note) VALUES (?, ?, ?, ?, ?)");
            insert.setString(1, day.toString());
            insert.setString(2, key);
            insert.setString(3, resolution.operator());
            insert.setString(4, SqliteAuditStore.AT.format(resolution.at()));
            insert.setString(5, resolution.note());
            insert.executeUpdate();
            return null;
        });
    }

    @Override
    public List<SignOff> signOffs(LocalDate day) {
        return connections.read("read sign-offs", c -> {
            PreparedStatement select = c.prepare("SELECT business_day, run_id, operator, at, note FROM recon_signoff"
                    + " WHERE business_day = ? ORDER BY id");
            select.setString(1, day.toString());
            List<SignOff> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new SignOff(LocalDate.parse(rs.getString(1)), rs.getLong(2), rs.getString(3),
                            instant(rs.getString(4)), rs.getString(5)));
                }
            }
            return found;
        });
    }

    @Override
    public void addSignOff(SignOff signOff) {
        connections.transaction("store a sign-off", c -> {
            PreparedStatement insert = c.prepare("INSERT INTO recon_signoff (business_day, run_id, operator, at, note)"
                    + " VALUES (?, ?, ?, ?, ?)");
            insert.setString(1, signOff.day().toString());
            insert.setLong(2, signOff.runId());
            insert.setString(3, signOff.operator());
            insert.setString(4, SqliteAuditStore.AT.format(signOff.at()));
            insert.setString(5, signOff.note());
            insert.executeUpdate();
            return null;
        });
    }

    @Override
    public List<DayTotalsRow> dayTotals(LocalDate day) {
        return connections.read("add up the payments of " + day, c -> {
            PreparedStatement select = c.prepare("SELECT biller, MAX(biller_name), method, clerk, state, COUNT(*),"
                    + " SUM(bill_amount), SUM(gateway_fee), SUM(shop_fee), SUM(total), SUM(refund_due)"
                    + " FROM payment WHERE business_day = ? GROUP BY biller, method, clerk, state"
                    + " ORDER BY biller, method, clerk, state");
            select.setString(1, day.toString());
            List<DayTotalsRow> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    try {
                        rows.add(new DayTotalsRow(rs.getString(1), rs.getString(2),
                                PaymentMethod.valueOf(rs.getString(3)), rs.getString(4),
                                PaymentState.valueOf(rs.getString(5)), rs.getLong(6), Money.of(rs.getLong(7)),
                                Money.of(rs.getLong(8)), Money.of(rs.getLong(9)), Money.of(rs.getLong(10)),
                                rs.getLong(11)));
                    } catch (IllegalArgumentException e) {
                        throw SqliteShiftStore.altered(connections.file(), "the payments of " + day, e);
                    }
                }
            }
            return rows;
        });
    }

    @Override
    public void addRecheck(Recheck r) {
        connections.transaction("keep the re-check of " + r.clientRef(), c -> {
            PreparedStatement insert = c.prepare("INSERT INTO recheck (client_ref, checked_at, status, rc, message,"
                    + " price, last_saldo) VALUES (?, ?, ?, ?, ?, ?, ?)");
            insert.setString(1, r.clientRef());
            insert.setString(2, r.checkedAt().toString());
            insert.setString(3, r.status());
            insert.setString(4, r.rc());
            insert.setString(5, r.message());
            amount(insert, 6, r.price());
            amount(insert, 7, r.lastSaldo());
            insert.executeUpdate();
            return null;
        });
    }

    @Override
    public Optional<Recheck> latestFinalRecheck(String clientRef) {
        return connections.read("read the re-checks of " + clientRef, c -> {
            PreparedStatement select = c.prepare("SELECT client_ref, checked_at, status, rc, message, price,"
                    + " last_saldo FROM recheck WHERE client_ref = ? AND status <> 'PENDING' ORDER BY id DESC LIMIT 1");
            select.setString(1, clientRef);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Recheck(rs.getString(1), instant(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), optionalLong(rs, 6).map(Money::of),
                        optionalLong(rs, 7).map(Money::of)));
            }
        });
    }

    @Override
    public DepositSnapshot addSnapshot(String network, Instant takenAt, Money balance, Set<String> openRefs) {
        String refs = String.join(",", new java.util.TreeSet<>(openRefs));
        long id = connections.transaction("keep a deposit snapshot", c -> {
            PreparedStatement insert = c.prepare("INSERT INTO deposit_snapshot (network, taken_at, balance, open_refs)"
                    + " VALUES (?, ?, ?, ?)");
            insert.setString(1, network);
            insert.setString(2, takenAt.toString());
            insert.setLong(3, balance.rupiah());
            insert.setString(4, refs);
            insert.executeUpdate();
            try (ResultSet rs = c.prepare("SELECT last_insert_rowid()").executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new DepositSnapshot(id, network, takenAt, balance, openRefs);
    }

    @Override
    public Optional<DepositSnapshot> latestSnapshot(String network) {
        return connections.read("read the latest deposit snapshot", c -> {
            PreparedStatement select = c.prepare("SELECT id, network, taken_at, balance, open_refs FROM deposit_snapshot"
                    + " WHERE network = ? ORDER BY id DESC LIMIT 1");
            select.setString(1, network);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String refs = rs.getString(5);
                Set<String> open = refs.isEmpty() ? Set.of() : Set.of(refs.split(","));
                return Optional.of(new DepositSnapshot(rs.getLong(1), rs.getString(2), instant(rs.getString(3)),
                        Money.of(rs.getLong(4)), open));
            }
        });
    }

    @Override
    public Set<String> openPaymentRefs() {
        return connections.read("read the open payments", c -> {
            Set<String> refs = new java.util.HashSet<>();
            try (ResultSet rs = c.prepare("SELECT client_ref FROM payment WHERE state IN ('CHARGE_PENDING', 'PAID',"
                    + " 'SENT', 'SUSPECT')").executeQuery()) {
                while (rs.next()) {
                    refs.add(rs.getString(1));
                }
            }
            return refs;
        });
    }

    @Override
    public List<String> paymentsCreatedBetween(Instant from, Instant to) {
        // created_at is Instant.toString(): compared as instants here, not as text (fractions vary in length).
        return connections.read("read the payments made since a snapshot", c -> {
            PreparedStatement select = c.prepare("SELECT client_ref, created_at FROM payment WHERE business_day"
                    + " BETWEEN ? AND ?");
            select.setString(1, from.atZone(id.loket.core.BusinessCalendar.WIB).toLocalDate().minusDays(1).toString());
            select.setString(2, to.atZone(id.loket.core.BusinessCalendar.WIB).toLocalDate().plusDays(1).toString());
            List<String> refs = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant at = instant(rs.getString(2));
                    if (at.isAfter(from) && !at.isAfter(to)) {
                        refs.add(rs.getString(1));
                    }
                }
            }
            return refs;
        });
    }

    @Override
    public Money topUpsBetween(Instant from, Instant to) {
        return connections.read("read the deposit top-ups since a snapshot", c -> {
            PreparedStatement select = c.prepare("SELECT e.created_at, p.amount FROM journal_entry e"
                    + " JOIN posting p ON p.entry_id = e.id"
                    + " WHERE e.kind = 'POSTED' AND e.reference LIKE 'TOPUP-%' AND p.account = ? AND p.side = 'DEBIT'");
            select.setString(1, AccountCode.GATEWAY_DEPOSIT.value());
            long sum = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant at = instant(rs.getString(1));
                    if (at.isAfter(from) && !at.isAfter(to)) {
                        sum = Math.addExact(sum, rs.getLong(2));
                    }
                }
            }
            return Money.of(sum);
        });
    }

    /**
     * Reads an instant as either writer wrote it: the runs' fixed nine fraction digits ({@link SqliteAuditStore#AT})
     * or {@link Instant#toString()} (payments, journal entries, re-checks, snapshots), whose fraction has 0, 3, 6 or
     * 9 digits.
     */
    private static Instant instant(String text) {
        return Instant.parse(text);
    }

    private static Optional<Long> optionalLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static void text(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }

    private static void amount(PreparedStatement s, int index, Optional<Money> value) throws SQLException {
        if (value.isPresent()) {
            s.setLong(index, value.get().rupiah());
        } else {
            s.setNull(index, Types.INTEGER);
        }
    }
}
