package id.loket.ledger;

import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import id.loket.core.ChargeChannel;
import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.RecordedEntry;
import id.loket.payment.Amounts;
import id.loket.payment.ChargeDetails;
import id.loket.payment.GatewayOutcome;
import id.loket.payment.PaidBill;
import id.loket.payment.Payment;
import id.loket.payment.PaymentCriteria;
import id.loket.payment.PaymentEvent;
import id.loket.payment.PaymentRefusedException;
import id.loket.payment.PaymentStateException;
import id.loket.payment.PaymentStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Payments in the ledger file: the {@code payment} row (where a payment stands now), its details, its append-only
 * {@code payment_event}s, and its journal entries, each change written in one {@code BEGIN IMMEDIATE} transaction
 * on the single writer, so the row, the event and the money can never disagree after a crash.
 */
public final class SqlitePaymentStore implements PaymentStore {

    private static final String COLUMNS = "client_ref, shift_id, clerk, business_day, created_at, updated_at, state,"
            + " method, biller, biller_name, category, biller_kind, reference, period, guard_key, customer_name,"
            + " inquiry_id, bill_amount, gateway_fee, shop_fee, total, tendered, approval_code, charge_id, charge_qr,"
            + " charge_va, charge_url, charge_expires_at, reservation_entry, resends, gateway_payment_id, rc,"
            + " gateway_message, biller_ref, token, kwh, paid_at, failure_reason, refund_due, charge_channel,"
            + " charge_biller_code, cost";
    private static final int COLUMN_COUNT = 42;
    private static final String INSERT = "INSERT INTO payment (" + COLUMNS + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(COLUMN_COUNT, "?")) + ")";
    private static final String UPDATE = "UPDATE payment SET updated_at = ?, state = ?, tendered = ?,"
            + " approval_code = ?, charge_id = ?, charge_qr = ?, charge_va = ?, charge_url = ?, charge_expires_at = ?,"
            + " reservation_entry = ?, resends = ?, gateway_payment_id = ?, rc = ?, gateway_message = ?,"
            + " biller_ref = ?, token = ?, kwh = ?, paid_at = ?, failure_reason = ?, refund_due = ?,"
            + " charge_channel = ?, charge_biller_code = ? WHERE client_ref = ?";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM payment";
    private static final String GUARDED_STATES = PaymentStore.GUARDED.stream().map(s -> "'" + s.name() + "'")
            .sorted().collect(Collectors.joining(", ", "(", ")"));
    /** Spelled as in the partial index {@code payment_open}, so the recovery query can use it. */
    private static final String OPEN_STATES = "state IN ('CHARGE_PENDING', 'PAID', 'SENT', 'SUSPECT')";
    /** Spelled as in the partial index {@code payment_new}: charges asked for and not yet answered. */
    private static final String NEW_STATE = "state = 'NEW'";
    private static final Set<PaymentState> OPEN = Set.of(PaymentState.CHARGE_PENDING, PaymentState.PAID,
            PaymentState.SENT, PaymentState.SUSPECT);
    private static final String HOLDER = "SELECT client_ref FROM payment WHERE guard_key = ? AND state IN "
            + GUARDED_STATES + " AND client_ref <> ? LIMIT 1";
    private static final String INSERT_EVENT = "INSERT INTO payment_event (client_ref, from_state, to_state, at,"
            + " detail) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_DETAIL = "INSERT INTO payment_detail (client_ref, line_no, key, value)"
            + " VALUES (?, ?, ?, ?)";

    private final SqliteConnections connections;
    private final SqliteJournalStore journal;

    SqlitePaymentStore(SqliteConnections connections, SqliteJournalStore journal) {
        this.connections = connections;
        this.journal = journal;
    }

    @Override
    public Payment insert(Payment payment, Optional<Long> customerId, String detail, List<JournalEntry> entries,
            JournalRules rules) {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(rules, "rules");
        List<JournalEntry> toAppend = List.copyOf(entries);
        return connections.transaction("record payment " + payment.clientRef(), c -> {
            requireOpenShift(c, payment.shiftId());
            if (PaymentStore.GUARDED.contains(payment.state())) {
                refuseIfHeld(c, payment);
            }
            Payment stored = appendAll(c, payment, toAppend, rules);
            PreparedStatement insert = c.prepare(INSERT);
            Binder b = new Binder(insert);
            b.text(stored.clientRef());
            b.integer(stored.shiftId());
            b.text(stored.clerk());
            b.text(stored.businessDay().toString());
            b.text(stored.createdAt().toString());
            b.text(stored.updatedAt().toString());
            b.text(stored.state().name());
            b.text(stored.method().name());
            PaidBill bill = stored.bill();
            b.text(bill.billerCode());
            b.text(bill.billerName());
            b.text(bill.category().name());
            b.text(bill.kind().name());
            b.text(bill.reference());
            b.text(bill.period());
            b.text(bill.guardKey());
            b.text(bill.customerName());
            b.text(bill.inquiryId());
            b.money(stored.amounts().bill());
            b.money(stored.amounts().gatewayFee());
            b.money(stored.amounts().shopFee());
            b.money(stored.amounts().total());
            bindChangeable(b, stored);
            b.money(stored.amounts().cost());
            insert.executeUpdate();
            PreparedStatement details = c.prepare(INSERT_DETAIL);
            int line = 0;
            for (Map.Entry<String, String> d : bill.details().entrySet()) {
                details.setString(1, stored.clientRef());
                details.setInt(2, ++line);
                details.setString(3, d.getKey());
                details.setString(4, d.getValue());
                details.executeUpdate();
            }
            if (customerId.isPresent()) {
                linkCustomer(c, stored.clientRef(), customerId.get());
            }
            event(c, stored.clientRef(), PaymentState.NEW, stored.state(), stored.updatedAt(), detail);
            return stored;
        });
    }

    /**
     * Appends the bill details a change brought that the payment does not have yet (a paid bill's stand meter, which
     * only the payment's answer carries); details already written are never changed.
     */
    private static void addDetails(CachedConnection c, String ref, Map<String, String> details) throws SQLException {
        PreparedStatement select = c.prepare("SELECT key, line_no FROM payment_detail WHERE client_ref = ?");
        select.setString(1, ref);
        java.util.Set<String> known = new java.util.HashSet<>();
        int line = 0;
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                known.add(rs.getString(1));
                line = Math.max(line, rs.getInt(2));
            }
        }
        PreparedStatement insert = c.prepare(INSERT_DETAIL);
        for (Map.Entry<String, String> d : details.entrySet()) {
            if (known.contains(d.getKey())) {
                continue;
            }
            insert.setString(1, ref);
            insert.setInt(2, ++line);
            insert.setString(3, d.getKey());
            insert.setString(4, d.getValue());
            insert.executeUpdate();
        }
    }

    /** The link of a payment to its customer ({@code payment_customer}, V4), in the payment's transaction. */
    private static void linkCustomer(CachedConnection c, String clientRef, long customerId) throws SQLException {
        PreparedStatement known = c.prepare("SELECT 1 FROM customer WHERE id = ?");
        known.setLong(1, customerId);
        try (ResultSet rs = known.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException("There is no customer " + customerId + "; the payment was not"
                        + " written.");
            }
        }
        PreparedStatement link = c.prepare("INSERT INTO payment_customer (client_ref, customer_id) VALUES (?, ?)");
        link.setString(1, clientRef);
        link.setLong(2, customerId);
        link.executeUpdate();
    }

    @Override
    public Optional<Long> customerOf(String clientRef) {
        return connections.read("read the customer of payment " + clientRef, c -> {
            PreparedStatement select = c.prepare("SELECT customer_id FROM payment_customer WHERE client_ref = ?");
            select.setString(1, clientRef);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    @Override
    public Payment update(PaymentState expected, Payment changed, String detail, List<JournalEntry> entries,
            JournalRules rules) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(rules, "rules");
        List<JournalEntry> toAppend = List.copyOf(entries);
        String ref = changed.clientRef();
        return connections.transaction("record the change of payment " + ref, c -> {
            PreparedStatement select = c.prepare("SELECT state FROM payment WHERE client_ref = ?");
            select.setString(1, ref);
            PaymentState current;
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("There is no payment " + ref);
                }
                current = state(rs.getString(1), ref);
            }
            if (current != expected) {
                throw new PaymentStateException("Payment " + ref + " is " + current + " by now, not " + expected
                        + "; nothing was written.", current);
            }
            if (PaymentStore.GUARDED.contains(changed.state()) && !PaymentStore.GUARDED.contains(expected)) {
                refuseIfHeld(c, changed);
            }
            Payment stored = appendAll(c, changed, toAppend, rules);
            PreparedStatement update = c.prepare(UPDATE);
            Binder b = new Binder(update);
            b.text(stored.updatedAt().toString());
            b.text(stored.state().name());
            bindChangeable(b, stored);
            b.text(ref);
            update.executeUpdate();
            addDetails(c, ref, stored.bill().details());
            event(c, ref, expected, stored.state(), stored.updatedAt(), detail);
            return stored;
        });
    }

    @Override
    public void addChargeCheck(String clientRef, Instant at, String status, Optional<Money> amount) {
        connections.transaction("keep the charge check of " + clientRef, c -> {
            PreparedStatement insert = c.prepare("INSERT INTO charge_check (client_ref, checked_at, status, amount)"
                    + " VALUES (?, ?, ?, ?)");
            insert.setString(1, clientRef);
            insert.setString(2, at.toString());
            insert.setString(3, status);
            if (amount.isPresent()) {
                insert.setLong(4, amount.get().rupiah());
            } else {
                insert.setNull(4, java.sql.Types.INTEGER);
            }
            insert.executeUpdate();
            return null;
        });
    }

    @Override
    public Optional<Payment> find(String clientRef) {
        return connections.read("read payment " + clientRef, c -> {
            List<Payment> found = query(c, SELECT + " WHERE client_ref = ?", List.of(clientRef));
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public Optional<Payment> holding(String guardKey) {
        return connections.read("check whether the bill is being paid", c -> {
            List<Payment> found = query(c, SELECT + " WHERE guard_key = ? AND state IN " + GUARDED_STATES
                    + " LIMIT 1", List.of(guardKey));
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public List<Payment> inStates(Set<PaymentState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        String narrowed = OPEN.containsAll(states) ? OPEN_STATES + " AND "
                : states.equals(Set.of(PaymentState.NEW)) ? NEW_STATE + " AND " : "";
        return connections.read("read the open payments", c -> query(c, SELECT + " WHERE " + narrowed + "state IN "
                + placeholders(states.size()) + " ORDER BY rowid", names(states)));
    }

    @Override
    public List<Payment> search(PaymentCriteria criteria) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        criteria.fromDay().ifPresent(d -> {
            sql.append(" AND business_day >= ?");
            args.add(d.toString());
        });
        criteria.toDay().ifPresent(d -> {
            sql.append(" AND business_day <= ?");
            args.add(d.toString());
        });
        if (!criteria.states().isEmpty()) {
            sql.append(" AND state IN ").append(placeholders(criteria.states().size()));
            args.addAll(names(criteria.states()));
        }
        if (!criteria.methods().isEmpty()) {
            sql.append(" AND method IN ").append(placeholders(criteria.methods().size()));
            args.addAll(names(criteria.methods()));
        }
        criteria.referenceContains().ifPresent(text -> {
            String upper = text.toUpperCase(Locale.ROOT);
            sql.append(" AND (instr(upper(reference), ?) > 0 OR instr(upper(client_ref), ?) > 0)");
            args.add(upper);
            args.add(upper);
        });
        criteria.biller().ifPresent(b -> {
            sql.append(" AND biller = ?");
            args.add(b);
        });
        sql.append(" ORDER BY rowid DESC LIMIT ?");
        args.add(criteria.limit());
        return connections.read("search the payments", c -> query(c, sql.toString(), args));
    }

    @Override
    public List<PaymentEvent> events(String clientRef) {
        return connections.read("read the events of payment " + clientRef, c -> {
            PreparedStatement select = c.prepare("SELECT id, client_ref, from_state, to_state, at, detail"
                    + " FROM payment_event WHERE client_ref = ? ORDER BY id");
            select.setString(1, clientRef);
            List<PaymentEvent> events = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    try {
                        events.add(new PaymentEvent(rs.getLong(1), rs.getString(2), state(rs.getString(3), clientRef),
                                state(rs.getString(4), clientRef), Instant.parse(rs.getString(5)), rs.getString(6)));
                    } catch (DateTimeException e) {
                        throw SqliteShiftStore.altered(connections.file(), "an event of payment " + clientRef, e);
                    }
                }
            }
            return events;
        });
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    private void requireOpenShift(CachedConnection c, long shiftId) throws SQLException {
        PreparedStatement select = c.prepare("SELECT closed_at IS NULL FROM shift WHERE id = ?");
        select.setLong(1, shiftId);
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next() || rs.getInt(1) != 1) {
                throw new PaymentRefusedException(PaymentRefusedException.Reason.NO_OPEN_SHIFT, "Shift " + shiftId
                        + " is not open: open a shift first; nothing was written.");
            }
        }
    }

    private void refuseIfHeld(CachedConnection c, Payment payment) throws SQLException {
        Optional<String> key = payment.guardKey();
        if (key.isEmpty()) {
            return;
        }
        PreparedStatement select = c.prepare(HOLDER);
        select.setString(1, key.get());
        select.setString(2, payment.clientRef());
        String holder;
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return;
            }
            holder = rs.getString(1);
        }
        throw PaymentRefusedException.alreadyBeingPaid(query(c, SELECT + " WHERE client_ref = ?", List.of(holder))
                .get(0));
    }

    /** Appends the entries; a PENDING one becomes the payment's reservation. */
    private Payment appendAll(CachedConnection c, Payment payment, List<JournalEntry> entries, JournalRules rules)
            throws SQLException {
        Payment stored = payment;
        for (JournalEntry entry : entries) {
            RecordedEntry recorded = journal.appendWithin(c, entry, rules);
            if (entry.kind() == EntryKind.PENDING) {
                stored = stored.withReservation(recorded.id());
            }
        }
        return stored;
    }

    /** The columns from {@code tendered} to {@code refund_due}, in the order of both INSERT and UPDATE. */
    private static void bindChangeable(Binder b, Payment p) throws SQLException {
        b.money(p.tendered());
        b.text(p.approvalCode());
        Optional<ChargeDetails> charge = p.charge();
        b.text(charge.map(ChargeDetails::chargeId));
        b.text(charge.flatMap(ChargeDetails::qrString));
        b.text(charge.flatMap(ChargeDetails::vaNumber));
        b.text(charge.flatMap(ChargeDetails::paymentUrl));
        b.text(charge.map(ch -> ch.expiresAt().toString()));
        b.integer(p.reservationEntry());
        b.integer(p.resends());
        Optional<GatewayOutcome> outcome = p.outcome();
        b.text(outcome.map(GatewayOutcome::paymentId));
        b.text(outcome.map(GatewayOutcome::rc));
        b.text(outcome.map(GatewayOutcome::message));
        b.text(outcome.flatMap(GatewayOutcome::billerRef));
        b.text(outcome.flatMap(GatewayOutcome::token));
        b.text(outcome.flatMap(GatewayOutcome::kwh));
        b.text(outcome.flatMap(GatewayOutcome::paidAt).map(Instant::toString));
        b.text(p.failureReason());
        b.integer(p.refundDue() ? 1 : 0);
        b.text(charge.flatMap(ChargeDetails::channel).map(ChargeChannel::code));
        b.text(charge.flatMap(ChargeDetails::billerCode));
    }

    private static ChargeChannel channel(String code) {
        for (ChargeChannel channel : ChargeChannel.values()) {
            if (channel.code().equals(code)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("an unknown charge channel '" + code + "'");
    }

    private static void event(CachedConnection c, String clientRef, PaymentState from, PaymentState to, Instant at,
            String detail) throws SQLException {
        PreparedStatement insert = c.prepare(INSERT_EVENT);
        insert.setString(1, clientRef);
        insert.setString(2, from.name());
        insert.setString(3, to.name());
        insert.setString(4, at.toString());
        insert.setString(5, detail);
        insert.executeUpdate();
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private List<Payment> query(CachedConnection c, String sql, List<?> args) throws SQLException {
        PreparedStatement select = c.prepare(sql);
        for (int i = 0; i < args.size(); i++) {
            select.setObject(i + 1, args.get(i));
        }
        List<Payment> payments = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                payments.add(row(rs));
            }
        }
        List<Payment> withDetails = new ArrayList<>(payments.size());
        for (Payment p : payments) {
            withDetails.add(withDetails(c, p));
        }
        return withDetails;
    }

    private Payment row(ResultSet rs) throws SQLException {
        String ref = rs.getString(1);
        try {
            Row r = new Row(rs);
            String clientRef = r.text();
            long shiftId = r.longValue();
            String clerk = r.text();
            LocalDate day = LocalDate.parse(r.text());
            Instant created = Instant.parse(r.text());
            Instant updated = Instant.parse(r.text());
            PaymentState state = PaymentState.valueOf(r.text());
            PaymentMethod method = PaymentMethod.valueOf(r.text());
            String biller = r.text();
            String billerName = r.text();
            BillerCategory category = BillerCategory.valueOf(r.text());
            BillerKind kind = BillerKind.valueOf(r.text());
            String reference = r.text();
            Optional<String> period = r.optionalText();
            r.optionalText(); // guard_key: derived from the bill
            String customer = r.text();
            String inquiryId = r.text();
            Money billAmount = r.money();
            Money gatewayFee = r.money();
            Money shopFee = r.money();
            Money total = r.money();
            Optional<Money> tendered = r.optionalMoney();
            Optional<String> approval = r.optionalText();
            Optional<String> chargeId = r.optionalText();
            Optional<String> qr = r.optionalText();
            Optional<String> va = r.optionalText();
            Optional<String> url = r.optionalText();
            Optional<String> expires = r.optionalText();
            OptionalLong reservation = r.optionalLong();
            int resends = (int) r.longValue();
            Optional<String> paymentId = r.optionalText();
            Optional<String> rc = r.optionalText();
            Optional<String> message = r.optionalText();
            Optional<String> billerRef = r.optionalText();
            Optional<String> token = r.optionalText();
            Optional<String> kwh = r.optionalText();
            Optional<Instant> paidAt = r.optionalText().map(Instant::parse);
            Optional<GatewayOutcome> outcome = paymentId.map(id -> new GatewayOutcome(id, rc.orElse(""),
                    message.orElse(""), billerRef, token, kwh, paidAt));
            Optional<String> failure = r.optionalText();
            boolean refundDue = r.longValue() == 1;
            Optional<ChargeChannel> channel = r.optionalText().map(SqlitePaymentStore::channel);
            Optional<String> billerCode = r.optionalText();
            Optional<ChargeDetails> charge = chargeId.map(id -> new ChargeDetails(id, qr, va, billerCode, url,
                    Instant.parse(expires.orElseThrow(() -> new IllegalArgumentException("a charge without expiry"))),
                    channel));
            Optional<Money> cost = r.optionalMoney();
            Amounts amounts = cost.isPresent() ? new Amounts(billAmount, gatewayFee, shopFee, cost.get())
                    : new Amounts(billAmount, gatewayFee, shopFee);
            if (!total.equals(amounts.total())) {
                throw new IllegalArgumentException("total " + total + " is not the sum of its parts");
            }

            PaidBill bill = new PaidBill(biller, billerName, category, kind, reference, period, customer, inquiryId,
                    Map.of());
            return new Payment(clientRef, shiftId, clerk, day, created, updated, state, method, bill, amounts,
                    tendered, approval, charge, reservation, resends, outcome, failure, refundDue);
        } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
            throw SqliteShiftStore.altered(connections.file(), "payment " + ref, e);
        }
    }

    private static Payment withDetails(CachedConnection c, Payment p) throws SQLException {
        PreparedStatement select = c.prepare("SELECT key, value FROM payment_detail WHERE client_ref = ?"
                + " ORDER BY line_no");
        select.setString(1, p.clientRef());
        Map<String, String> details = new LinkedHashMap<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                details.put(rs.getString(1), rs.getString(2));
            }
        }
        PaidBill b = p.bill();
        PaidBill bill = new PaidBill(b.billerCode(), b.billerName(), b.category(), b.kind(), b.reference(),
                b.period(), b.customerName(), b.inquiryId(), details);
        return new Payment(p.clientRef(), p.shiftId(), p.clerk(), p.businessDay(), p.createdAt(), p.updatedAt(),
                p.state(), p.method(), bill, p.amounts(), p.tendered(), p.approvalCode(), p.charge(),
                p.reservationEntry(), p.resends(), p.outcome(), p.failureReason(), p.refundDue());
    }

    private PaymentState state(String text, String clientRef) {
        try {
            return PaymentState.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw SqliteShiftStore.altered(connections.file(), "payment " + clientRef, e);
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?")).transform(s -> "(" + s + ")");
    }

    private static List<String> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }

    /** Binds parameters in order; absent values become SQL NULL. */
    private static final class Binder {
        private final PreparedStatement statement;
        private int index;

        Binder(PreparedStatement statement) {
            this.statement = statement;
        }

        void text(String value) throws SQLException {
            statement.setString(++index, value);
        }

        void text(Optional<String> value) throws SQLException {
            if (value.isPresent()) {
                statement.setString(++index, value.get());
            } else {
                statement.setNull(++index, Types.VARCHAR);
            }
        }

        void integer(long value) throws SQLException {
            statement.setLong(++index, value);
        }

        void integer(OptionalLong value) throws SQLException {
            if (value.isPresent()) {
                statement.setLong(++index, value.getAsLong());
            } else {
                statement.setNull(++index, Types.INTEGER);
            }
        }

        void money(Money value) throws SQLException {
            statement.setLong(++index, value.rupiah());
        }

        void money(Optional<Money> value) throws SQLException {
            integer(value.isPresent() ? OptionalLong.of(value.get().rupiah()) : OptionalLong.empty());
        }
    }

    /** Reads columns in order. */
    private static final class Row {
        private final ResultSet rs;
        private int index;

        Row(ResultSet rs) {
            this.rs = rs;
        }

        String text() throws SQLException {
            return Objects.requireNonNull(rs.getString(++index), "column " + index);
        }

        Optional<String> optionalText() throws SQLException {
            return Optional.ofNullable(rs.getString(++index));
        }

        long longValue() throws SQLException {
            return rs.getLong(++index);
        }

        OptionalLong optionalLong() throws SQLException {
            long value = rs.getLong(++index);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
        }

        Money money() throws SQLException {
            return Money.of(rs.getLong(++index));
        }

        Optional<Money> optionalMoney() throws SQLException {
            OptionalLong value = optionalLong();
            return value.isPresent() ? Optional.of(Money.of(value.getAsLong())) : Optional.empty();
        }
    }
}
