package id.loket.ledger;

import id.loket.core.Account;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.journal.LedgerException;
import id.loket.shift.Shift;
import id.loket.shift.ShiftClosing;
import id.loket.shift.ShiftException;
import id.loket.shift.ShiftPayment;
import id.loket.shift.ShiftStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shifts in the ledger file: the {@code shift} table, each shift's drawer account, and the journal entries of
 * opening and closing, written in one transaction per change. The payments a recap needs are read from the
 * {@code payment} table.
 */
public final class SqliteShiftStore implements ShiftStore {

    private static final String COLUMNS = "id, clerk, business_day, opened_at, opening_float, closed_at, counted,"
            + " expected";
    private static final String OPEN_OF = "SELECT " + COLUMNS + " FROM shift WHERE clerk = ? AND closed_at IS NULL";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM shift WHERE id = ?";
    private static final String PAYMENTS = "SELECT client_ref, biller, method, state, total, refund_due FROM payment"
            + " WHERE shift_id = ? ORDER BY rowid";

    private final SqliteConnections connections;
    private final SqliteJournalStore journal;

    SqliteShiftStore(SqliteConnections connections, SqliteJournalStore journal) {
        this.connections = connections;
        this.journal = journal;
    }

    @Override
    public Shift open(String clerk, LocalDate businessDay, Instant openedAt, Money openingFloat,
            Function<Shift, List<JournalEntry>> entries, JournalRules rules) {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(rules, "rules");
        return connections.transaction("open a shift for " + clerk, c -> {
            Optional<Shift> open = one(c, OPEN_OF, clerk);
            if (open.isPresent()) {
                throw new ShiftException(ShiftException.Reason.ALREADY_OPEN, "Clerk " + clerk + " already has shift "
                        + open.get().id() + " open: close it before opening another.");
            }
            long id;
            try (ResultSet rs = c.prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM shift").executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            Shift shift = Shift.opened(id, clerk, businessDay, openedAt, openingFloat);
            journal.openAccountWithin(c, new Account(shift.drawer(), Account.AccountType.ASSET,
                    "Cash drawer of shift " + id + " (" + clerk + ")"));
            PreparedStatement insert = c.prepare("INSERT INTO shift (id, clerk, business_day, opened_at,"
                    + " opening_float, drawer_account) VALUES (?, ?, ?, ?, ?, ?)");
            insert.setLong(1, id);
            insert.setString(2, clerk);
            insert.setString(3, businessDay.toString());
            insert.setString(4, openedAt.toString());
            insert.setLong(5, openingFloat.rupiah());
            insert.setString(6, shift.drawer().value());
            insert.executeUpdate();
            for (JournalEntry entry : entries.apply(shift)) {
                journal.appendWithin(c, entry, rules);
            }
            return shift;
        });
    }

    @Override
    public Optional<Shift> openShiftOf(String clerk) {
        return connections.read("read the open shift of " + clerk, c -> one(c, OPEN_OF, clerk));
    }

    @Override
    public Optional<Shift> find(long shiftId) {
        return connections.read("read shift " + shiftId, c -> one(c, BY_ID, shiftId));
    }

    @Override
    public List<ShiftPayment> payments(long shiftId) {
        return connections.read("read the payments of shift " + shiftId, c -> payments(c, shiftId));
    }

    @Override
    public Shift close(long shiftId, Instant closedAt, Money counted, Function<List<ShiftPayment>, ShiftClosing> plan,
            JournalRules rules) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(rules, "rules");
        return connections.transaction("close shift " + shiftId, c -> {
            Shift shift = one(c, BY_ID, shiftId).filter(Shift::isOpen).orElseThrow(() -> new ShiftException(
                    ShiftException.Reason.NO_OPEN_SHIFT, "Shift " + shiftId + " is not open (closed already?);"
                    + " nothing was written."));
            ShiftClosing closing = plan.apply(payments(c, shiftId));
            for (JournalEntry entry : closing.entries()) {
                journal.appendWithin(c, entry, rules);
            }
            PreparedStatement update = c.prepare("UPDATE shift SET closed_at = ?, counted = ?, expected = ?"
                    + " WHERE id = ? AND closed_at IS NULL");
            update.setString(1, closedAt.toString());
            update.setLong(2, counted.rupiah());
            update.setLong(3, closing.expected().rupiah());
            update.setLong(4, shiftId);
            update.executeUpdate();
            return shift.closed(closedAt, closing.expected(), counted);
        });
    }

    private List<ShiftPayment> payments(CachedConnection c, long shiftId) throws SQLException {
        PreparedStatement select = c.prepare(PAYMENTS);
        select.setLong(1, shiftId);
        List<ShiftPayment> payments = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                try {
                    payments.add(new ShiftPayment(rs.getString(1), rs.getString(2),
                            PaymentMethod.valueOf(rs.getString(3)), PaymentState.valueOf(rs.getString(4)),
                            Money.of(rs.getLong(5)), rs.getInt(6) == 1));
                } catch (IllegalArgumentException e) {
                    throw altered(connections.file(), "payment " + rs.getString(1), e);
                }
            }
        }
        return payments;
    }

    private Optional<Shift> one(CachedConnection c, String sql, Object key) throws SQLException {
        PreparedStatement select = c.prepare(sql);
        select.setObject(1, key);
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            try {
                long id = rs.getLong(1);
                Shift shift = Shift.opened(id, rs.getString(2), LocalDate.parse(rs.getString(3)),
                        Instant.parse(rs.getString(4)), Money.of(rs.getLong(5)));
                String closedAt = rs.getString(6);
                if (closedAt != null) {
                    shift = shift.closed(Instant.parse(closedAt), Money.of(rs.getLong(8)), Money.of(rs.getLong(7)));
                }
                return Optional.of(shift);
            } catch (DateTimeException | IllegalArgumentException e) {
                throw altered(connections.file(), "shift " + rs.getLong(1), e);
            }
        }
    }

    static LedgerException altered(Path file, String what, Exception cause) {
        return new LedgerException(file + " cannot be read: " + what + " holds a value Loket never"
                + " writes (" + cause.getMessage() + "). It was altered outside Loket: restore a backup with 'loket"
                + " restore'.", cause);
    }
}
