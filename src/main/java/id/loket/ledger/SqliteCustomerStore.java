package id.loket.ledger;

import id.loket.customers.Customer;
import id.loket.customers.CustomerQuery;
import id.loket.customers.CustomerService;
import id.loket.customers.CustomerStatus;
import id.loket.customers.CustomerStore;
import id.loket.customers.NewCustomer;
import id.loket.customers.Nik;
import id.loket.customers.PendingOtp;
import id.loket.customers.PhoneNumber;
import id.loket.customers.SavedReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Customers in the ledger file (migration V4): the {@code customer} row, the pending SMS code, and the saved
 * references. Each change is one transaction on the single writer.
 *
 * <p>Rows are parsed back through {@link Nik} and {@link PhoneNumber}, so a value Loket never writes is reported
 * as an altered ledger rather than shown. The birth date is kept beside the NIK: its two-digit year alone does not
 * say the century.
 */
public final class SqliteCustomerStore implements CustomerStore {

    private static final String COLUMNS = "id, name, nik, birth_date, phone, email, address, status, created_at,"
            + " verified_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM customer";

    private final SqliteConnections connections;

    SqliteCustomerStore(SqliteConnections connections) {
        this.connections = connections;
    }

    @Override
    public Customer insert(NewCustomer customer) {
        Objects.requireNonNull(customer, "customer");
        return connections.transaction("register a customer", c -> {
            Optional<Customer> holder = one(c, SELECT + " WHERE nik = ?", customer.nik().value());
            if (holder.isPresent()) {
                throw CustomerService.duplicate(holder.get());
            }
            long id;
            try (ResultSet rs = c.prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM customer").executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            PreparedStatement insert = c.prepare("INSERT INTO customer (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, NULL)");
            insert.setLong(1, id);
            insert.setString(2, customer.name());
            insert.setString(3, customer.nik().value());
            insert.setString(4, customer.nik().birthDate().toString());
            insert.setString(5, customer.phone().e164());
            text(insert, 6, customer.email());
            text(insert, 7, customer.address());
            insert.setString(8, CustomerStatus.UNVERIFIED.name());
            insert.setString(9, customer.createdAt().toString());
            insert.executeUpdate();
            return customer.withId(id);
        });
    }

    @Override
    public Optional<Customer> find(long id) {
        return connections.read("read customer " + id, c -> one(c, SELECT + " WHERE id = ?", id));
    }

    @Override
    public Optional<Customer> findByNik(Nik nik) {
        return connections.read("look a NIK up", c -> one(c, SELECT + " WHERE nik = ?", nik.value()));
    }

    @Override
    public List<Customer> search(CustomerQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        query.name().ifPresent(n -> {
            conditions.add("name LIKE ? ESCAPE '\\' COLLATE NOCASE");
            values.add(like(n));
        });
        query.phoneDigits().ifPresent(p -> {
            conditions.add("phone LIKE ? ESCAPE '\\'");
            values.add(like(p));
        });
        query.nikDigits().ifPresent(n -> {
            conditions.add("nik LIKE ? ESCAPE '\\'");
            values.add(like(n));
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" OR ", conditions);
        values.add(query.limit());
        return connections.read("search customers", c -> list(c, SELECT + where
                + " ORDER BY name COLLATE NOCASE, id LIMIT ?", values.toArray()));
    }

    @Override
    public void saveOtp(PendingOtp otp) {
        Objects.requireNonNull(otp, "otp");
        connections.transaction("keep the code sent to customer " + otp.customerId(), c -> {
            PreparedStatement upsert = c.prepare("INSERT INTO customer_otp (customer_id, otp_id, requested_at,"
                    + " expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET otp_id ="
                    + " excluded.otp_id, requested_at = excluded.requested_at, expires_at = excluded.expires_at");
            upsert.setLong(1, otp.customerId());
            upsert.setString(2, otp.otpId());
            upsert.setString(3, otp.requestedAt().toString());
            upsert.setString(4, otp.expiresAt().toString());
            upsert.executeUpdate();
            return null;
        });
    }

    @Override
    public Optional<PendingOtp> pendingOtp(long customerId) {
        return connections.read("read the code sent to customer " + customerId, c -> {
            PreparedStatement select = c.prepare("SELECT otp_id, requested_at, expires_at FROM customer_otp"
                    + " WHERE customer_id = ?");
            select.setLong(1, customerId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<PendingOtp>empty();
                }
                try {
                    return Optional.of(new PendingOtp(customerId, rs.getString(1), Instant.parse(rs.getString(2)),
                            Instant.parse(rs.getString(3))));
                } catch (RuntimeException e) {
                    throw SqliteShiftStore.altered(connections.file(), "the code sent to customer " + customerId, e);
                }
            }
        });
    }

    @Override
    public Customer markVerified(long customerId, Instant at) {
        Objects.requireNonNull(at, "at");
        return connections.transaction("verify customer " + customerId, c -> {
            Customer customer = one(c, SELECT + " WHERE id = ?", customerId).orElseThrow(
                    () -> new IllegalArgumentException("There is no customer " + customerId));
            if (customer.isVerified()) {
                return customer;
            }
            PreparedStatement update = c.prepare("UPDATE customer SET status = ?, verified_at = ? WHERE id = ?");
            update.setString(1, CustomerStatus.VERIFIED.name());
            update.setString(2, at.toString());
            update.setLong(3, customerId);
            update.executeUpdate();
            PreparedStatement forget = c.prepare("DELETE FROM customer_otp WHERE customer_id = ?");
            forget.setLong(1, customerId);
            forget.executeUpdate();
            return customer.verified(at);
        });
    }

    @Override
    public SavedReference saveReference(SavedReference reference) {
        Objects.requireNonNull(reference, "reference");
        return connections.transaction("save a reference of customer " + reference.customerId(), c -> {
            PreparedStatement upsert = c.prepare("INSERT INTO customer_reference (customer_id, biller, reference,"
                    + " label, saved_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (customer_id, biller, reference)"
                    + " DO UPDATE SET label = excluded.label");
            upsert.setLong(1, reference.customerId());
            upsert.setString(2, reference.billerCode());
            upsert.setString(3, reference.reference());
            text(upsert, 4, reference.label());
            upsert.setString(5, reference.savedAt().toString());
            upsert.executeUpdate();
            return references(c, reference.customerId()).stream()
                    .filter(r -> r.billerCode().equals(reference.billerCode())
                            && r.reference().equals(reference.reference()))
                    .findFirst().orElseThrow();
        });
    }

    @Override
    public List<SavedReference> references(long customerId) {
        return connections.read("read the references of customer " + customerId, c -> references(c, customerId));
    }

    private List<SavedReference> references(CachedConnection c, long customerId) throws SQLException {
        PreparedStatement select = c.prepare("SELECT biller, reference, label, saved_at FROM customer_reference"
                + " WHERE customer_id = ? ORDER BY saved_at, rowid");
        select.setLong(1, customerId);
        List<SavedReference> found = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                try {
                    found.add(new SavedReference(customerId, rs.getString(1), rs.getString(2),
                            Optional.ofNullable(rs.getString(3)), Instant.parse(rs.getString(4))));
                } catch (RuntimeException e) {
                    throw SqliteShiftStore.altered(connections.file(), "a reference of customer " + customerId, e);
                }
            }
        }
        return found;
    }

    private Optional<Customer> one(CachedConnection c, String sql, Object value) throws SQLException {
        List<Customer> found = list(c, sql, value);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Customer> list(CachedConnection c, String sql, Object... values) throws SQLException {
        PreparedStatement select = c.prepare(sql);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Long || values[i] instanceof Integer) {
                select.setLong(i + 1, ((Number) values[i]).longValue());
            } else {
                select.setString(i + 1, (String) values[i]);
            }
        }
        List<Customer> found = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                found.add(customer(rs));
            }
        }
        return found;
    }

    private Customer customer(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        try {
            Optional<Instant> verifiedAt = Optional.ofNullable(rs.getString(10)).map(Instant::parse);
            return new Customer(id, rs.getString(2), Nik.restore(rs.getString(3), LocalDate.parse(rs.getString(4))),
                    PhoneNumber.parse(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                    Optional.ofNullable(rs.getString(7)), CustomerStatus.valueOf(rs.getString(8)),
                    Instant.parse(rs.getString(9)), verifiedAt);
        } catch (RuntimeException e) {
            // The message of a NIK refusal names only the bad part, never the NIK.
            throw SqliteShiftStore.altered(connections.file(), "customer " + id, e);
        }
    }

    private static void text(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    /** A LIKE pattern finding {@code text} anywhere, with LIKE's own characters taken literally. */
    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
