package id.loket.upstream.house.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;

/**
 * Everything the sandbox gateway remembers, in its own SQLite file (never the counter's ledger): inquiries,
 * payments and the first response to each idempotency key, charges, OTP challenges, the deposit's movement log
 * and the settlement discrepancies. A restart on the same file loses nothing, so the counter's recovery after a
 * crash (status checks, idempotent retries) can be exercised across a sandbox restart too.
 *
 * <p>One connection behind one lock: the sandbox is one "remote system", and serialising its state changes makes
 * the idempotency check and the payment it guards one atomic step ({@link #atomically}). WAL and
 * {@code synchronous=FULL} as in the ledger, because a sandbox that forgets an acknowledged payment would teach the
 * counter the wrong lesson.
 *
 * <p>Instants are stored as epoch milliseconds; idempotency keys are kept for good (the protocol asks for at least
 * seven days).
 */
final class SandboxState implements AutoCloseable {

    static final String FORMAT = "loket-sandbox-state";
    static final int SCHEMA_VERSION = 1;
    static final long INITIAL_DEPOSIT = 10_000_000L;

    record InquiryRow(String inquiryId, String biller, String reference, Optional<String> product,
            String customerName, long amount, long adminFee, Optional<String> billKey, Map<String, String> details,
            Instant createdAt, Instant expiresAt) {
        long total() {
            return Math.addExact(amount, adminFee);
        }
    }

    record PaymentRow(String paymentId, String clientRef, String inquiryId, String biller, String reference,
            Optional<String> billKey, long amount, long adminFee, String method, Optional<String> chargeId,
            String status, String rc, String message, Optional<String> billerRef, Optional<String> token,
            Optional<String> kwh, Instant createdAt, Optional<Instant> settledAt, int pollsLeft) {
        long total() {
            return Math.addExact(amount, adminFee);
        }
    }

    record StoredResponse(String fingerprint, int status, byte[] body) {}

    record ChargeRow(String chargeId, long seq, String clientRef, String method, long amount, boolean paid,
            Optional<String> qrString, Optional<String> vaNumber, Optional<String> paymentUrl, Instant createdAt,
            Instant expiresAt, Optional<Instant> paidAt, Optional<String> paidWith) {}

    record OtpRow(String otpId, String maskedPhone, String code, Instant createdAt, Instant expiresAt,
            int wrongAttempts, boolean verified) {}

    record Movement(long id, Instant at, long amount, String kind, Optional<String> paymentId, long balanceAfter) {}

    record DiscrepancyRow(long id, String kind, Optional<String> clientRef, OptionalLong amount,
            Optional<LocalDate> day, Instant createdAt) {}

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String SCHEMA = """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE inquiries (
              inquiry_id TEXT PRIMARY KEY, biller TEXT NOT NULL, reference TEXT NOT NULL, product TEXT,
              customer_name TEXT NOT NULL, amount INTEGER NOT NULL, admin_fee INTEGER NOT NULL, bill_key TEXT,
              details TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
            CREATE TABLE payments (
              payment_id TEXT PRIMARY KEY, client_ref TEXT NOT NULL UNIQUE, inquiry_id TEXT NOT NULL,
              biller TEXT NOT NULL, reference TEXT NOT NULL, bill_key TEXT, amount INTEGER NOT NULL,
              admin_fee INTEGER NOT NULL, method TEXT NOT NULL, charge_id TEXT, status TEXT NOT NULL,
              rc TEXT NOT NULL, message TEXT NOT NULL, biller_ref TEXT, token TEXT, kwh TEXT,
              created_at INTEGER NOT NULL, settled_at INTEGER, polls_left INTEGER NOT NULL);
            CREATE INDEX payments_by_bill ON payments (bill_key);
            CREATE INDEX payments_by_inquiry ON payments (inquiry_id);
            CREATE INDEX payments_by_charge ON payments (charge_id);
            CREATE INDEX payments_by_settled ON payments (settled_at);
            CREATE TABLE idempotency (
              key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER NOT NULL, body BLOB NOT NULL,
              created_at INTEGER NOT NULL);
            CREATE TABLE charges (
              charge_id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, client_ref TEXT NOT NULL, method TEXT NOT NULL,
              amount INTEGER NOT NULL, paid INTEGER NOT NULL, qr_string TEXT, va_number TEXT, payment_url TEXT,
              created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, paid_at INTEGER, paid_with TEXT);
            CREATE INDEX charges_by_client_ref ON charges (client_ref);
            CREATE TABLE otps (
              otp_id TEXT PRIMARY KEY, masked_phone TEXT NOT NULL, code TEXT NOT NULL, created_at INTEGER NOT NULL,
              expires_at INTEGER NOT NULL, wrong_attempts INTEGER NOT NULL, verified INTEGER NOT NULL);
            CREATE TABLE deposit_log (
              id INTEGER PRIMARY KEY, at INTEGER NOT NULL, amount INTEGER NOT NULL, kind TEXT NOT NULL,
              payment_id TEXT, balance_after INTEGER NOT NULL);
            CREATE INDEX deposit_log_by_time ON deposit_log (at);
            CREATE TABLE discrepancies (
              id INTEGER PRIMARY KEY, kind TEXT NOT NULL, client_ref TEXT, amount INTEGER, day TEXT,
              created_at INTEGER NOT NULL);
            """;

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;

    private SandboxState(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens {@code file}, creating it (and its folder) with a fresh deposit of {@link #INITIAL_DEPOSIT} if absent.
     *
     * @throws IllegalStateException naming the file when it cannot be created, is not SQLite, or is some other
     *     program's database (such as the Loket ledger) — which is left untouched
     */
    static SandboxState open(Path file, Clock clock) {
        Path absolute = file.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new IllegalStateException("The sandbox state file " + absolute + " cannot be created: its folder"
                    + " is not writable (" + e.getMessage() + ")", e);
        }
        if (Files.isDirectory(absolute)) {
            throw new IllegalStateException("The sandbox state file " + absolute + " is a folder; give a file name");
        }
        Connection connection;
        try {
            connection = config().createConnection("jdbc:sqlite:" + absolute);
        } catch (SQLException e) {
            throw new IllegalStateException("The sandbox state file " + absolute + " cannot be opened: "
                    + e.getMessage(), e);
        }
        SandboxState state = new SandboxState(absolute, connection);
        try {
            state.prepare(clock);
        } catch (RuntimeException e) {
            state.closeAfterFailure(e);
            throw e;
        }
        return state;
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5000);
        return config;
    }

    private void prepare(Clock clock) {
        try {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (tables.isEmpty()) {
                initialize(clock.instant());
                return;
            }
            if (!tables.contains("meta")) {
                throw new IllegalStateException("The file " + file + " is not a sandbox state file (it holds the"
                        + " tables " + tables + "); give the sandbox a file of its own");
            }
            String format = metaValue("format").orElse("");
            if (!FORMAT.equals(format)) {
                throw new IllegalStateException("The file " + file + " is not a sandbox state file (format '"
                        + format + "'); give the sandbox a file of its own");
            }
            int version = Integer.parseInt(metaValue("schema_version").orElse("0"));
            if (version != SCHEMA_VERSION) {
                throw new IllegalStateException("The sandbox state file " + file + " has schema version " + version
                        + "; this Loket reads version " + SCHEMA_VERSION + ". Use a new state file.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The sandbox state file " + file + " is unusable (not a SQLite database,"
                    + " or unreadable): " + e.getMessage(), e);
        }
    }

    private void initialize(Instant now) {
        atomically(() -> sql("create the sandbox state", c -> {
            try (var statement = c.createStatement()) {
                for (String ddl : SCHEMA.split(";")) {
                    if (!ddl.isBlank()) {
                        statement.execute(ddl);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO meta (key, value) VALUES (?, ?)")) {
                for (String[] kv : new String[][] {{"format", FORMAT},
                        {"schema_version", Integer.toString(SCHEMA_VERSION)}, {"created_at", Json.time(now)}}) {
                    s.setString(1, kv[0]);
                    s.setString(2, kv[1]);
                    s.executeUpdate();
                }
            }
            return null;
        }));
        addMovement(now, INITIAL_DEPOSIT, "INITIAL", Optional.empty());
    }

    private Optional<String> metaValue(String key) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    Path file() {
        return file;
    }

    /**
     * Runs {@code work} as one transaction, alone: every state call inside joins it. A {@link RuntimeException}
     * (such as a {@link SandboxError} refusal) rolls everything back, so a refused request leaves no trace.
     */
    <T> T atomically(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            Connection c = requireOpen();
            try {
                c.setAutoCommit(false);
            } catch (SQLException e) {
                throw failure("begin a transaction", e);
            }
            T result;
            try {
                result = work.get();
                c.commit();
            } catch (SQLException e) {
                rollback(c, e);
                throw failure("commit", e);
            } catch (RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            }
            try {
                c.setAutoCommit(true);
            } catch (SQLException e) {
                throw failure("end a transaction", e);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private <T> T sql(String action, SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(requireOpen());
        } catch (SQLException e) {
            throw failure(action, e);
        } finally {
            lock.unlock();
        }
    }

    private IllegalStateException failure(String action, SQLException e) {
        return new IllegalStateException("The sandbox could not " + action + " in its state file " + file + ": "
                + e.getMessage(), e);
    }

    private Connection requireOpen() {
        if (connection == null) {
            throw new IllegalStateException("The sandbox state file " + file + " is closed");
        }
        return connection;
    }

    // ---- inquiries

    void insertInquiry(InquiryRow row) {
        sql("store an inquiry", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO inquiries (inquiry_id, biller, reference,"
                    + " product, customer_name, amount, admin_fee, bill_key, details, created_at, expires_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, row.inquiryId());
                s.setString(2, row.biller());
                s.setString(3, row.reference());
                setText(s, 4, row.product());
                s.setString(5, row.customerName());
                s.setLong(6, row.amount());
                s.setLong(7, row.adminFee());
                setText(s, 8, row.billKey());
                s.setString(9, Json.string(Json.objectOf(row.details())));
                s.setLong(10, row.createdAt().toEpochMilli());
                s.setLong(11, row.expiresAt().toEpochMilli());
                s.executeUpdate();
            }
            return null;
        });
    }

    Optional<InquiryRow> inquiry(String inquiryId) {
        return sql("read an inquiry", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT inquiry_id, biller, reference, product,"
                    + " customer_name, amount, admin_fee, bill_key, details, created_at, expires_at"
                    + " FROM inquiries WHERE inquiry_id = ?")) {
                s.setString(1, inquiryId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new InquiryRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            text(rs, 4), rs.getString(5), rs.getLong(6), rs.getLong(7), text(rs, 8),
                            Json.stringMap(rs.getString(9)), Instant.ofEpochMilli(rs.getLong(10)),
                            Instant.ofEpochMilli(rs.getLong(11))));
                }
            }
        });
    }

    // ---- payments

    private static final String PAYMENT_COLUMNS = "payment_id, client_ref, inquiry_id, biller, reference, bill_key,"
            + " amount, admin_fee, method, charge_id, status, rc, message, biller_ref, token, kwh, created_at,"
            + " settled_at, polls_left";

    void insertPayment(PaymentRow p) {
        sql("store a payment", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO payments (" + PAYMENT_COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, p.paymentId());
                s.setString(2, p.clientRef());
                s.setString(3, p.inquiryId());
                s.setString(4, p.biller());
                s.setString(5, p.reference());
                setText(s, 6, p.billKey());
                s.setLong(7, p.amount());
                s.setLong(8, p.adminFee());
                s.setString(9, p.method());
                setText(s, 10, p.chargeId());
                s.setString(11, p.status());
                s.setString(12, p.rc());
                s.setString(13, p.message());
                setText(s, 14, p.billerRef());
                setText(s, 15, p.token());
                setText(s, 16, p.kwh());
                s.setLong(17, p.createdAt().toEpochMilli());
                setInstant(s, 18, p.settledAt());
                s.setInt(19, p.pollsLeft());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Writes a payment's outcome fields (status, rc, message, references, settlement time, polls left). */
    void updatePayment(PaymentRow p) {
        sql("update a payment", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE payments SET status = ?, rc = ?, message = ?,"
                    + " biller_ref = ?, token = ?, kwh = ?, settled_at = ?, polls_left = ? WHERE payment_id = ?")) {
                s.setString(1, p.status());
                s.setString(2, p.rc());
                s.setString(3, p.message());
                setText(s, 4, p.billerRef());
                setText(s, 5, p.token());
                setText(s, 6, p.kwh());
                setInstant(s, 7, p.settledAt());
                s.setInt(8, p.pollsLeft());
                s.setString(9, p.paymentId());
                if (s.executeUpdate() != 1) {
                    throw new SQLException("payment " + p.paymentId() + " is not stored");
                }
            }
            return null;
        });
    }

    Optional<PaymentRow> paymentByClientRef(String clientRef) {
        List<PaymentRow> rows = payments("WHERE client_ref = ?", clientRef);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** A payment of the same bill that is done or under way (SUCCESS or PENDING). */
    Optional<PaymentRow> livePaymentOfBill(String billKey) {
        List<PaymentRow> rows = payments("WHERE bill_key = ? AND status IN ('SUCCESS', 'PENDING')", billKey);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    Optional<PaymentRow> livePaymentOfInquiry(String inquiryId) {
        List<PaymentRow> rows = payments("WHERE inquiry_id = ? AND status IN ('SUCCESS', 'PENDING')", inquiryId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    Optional<PaymentRow> livePaymentWithCharge(String chargeId) {
        List<PaymentRow> rows = payments("WHERE charge_id = ? AND status IN ('SUCCESS', 'PENDING')", chargeId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Definitive payments settled in {@code [from, to)}. */
    List<PaymentRow> paymentsSettledBetween(Instant from, Instant to) {
        return payments("WHERE settled_at >= ? AND settled_at < ? AND status IN ('SUCCESS', 'FAILED')"
                + " ORDER BY settled_at, payment_id", from.toEpochMilli(), to.toEpochMilli());
    }

    List<PaymentRow> allPayments() {
        return payments("ORDER BY created_at, payment_id");
    }

    private List<PaymentRow> payments(String where, Object... parameters) {
        return sql("read payments", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + PAYMENT_COLUMNS + " FROM payments " + where)) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                List<PaymentRow> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new PaymentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), text(rs, 6), rs.getLong(7), rs.getLong(8), rs.getString(9),
                                text(rs, 10), rs.getString(11), rs.getString(12), rs.getString(13), text(rs, 14),
                                text(rs, 15), text(rs, 16), Instant.ofEpochMilli(rs.getLong(17)), instant(rs, 18),
                                rs.getInt(19)));
                    }
                }
                return rows;
            }
        });
    }

    // ---- idempotency

    Optional<StoredResponse> storedResponse(String key) {
        return sql("read an idempotency key", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT fingerprint, status, body FROM idempotency WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new StoredResponse(rs.getString(1), rs.getInt(2), rs.getBytes(3)))
                            : Optional.empty();
                }
            }
        });
    }

    void storeResponse(String key, StoredResponse response, Instant now) {
        sql("store an idempotency key", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO idempotency (key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, key);
                s.setString(2, response.fingerprint());
                s.setInt(3, response.status());
                s.setBytes(4, response.body());
                s.setLong(5, now.toEpochMilli());
                s.executeUpdate();
            }
            return null;
        });
    }

    // ---- charges

    private static final String CHARGE_COLUMNS = "charge_id, seq, client_ref, method, amount, paid, qr_string,"
            + " va_number, payment_url, created_at, expires_at, paid_at, paid_with";

    long nextChargeSeq() {
        return sql("number a charge", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM charges");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void insertCharge(ChargeRow row) {
        sql("store a charge", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO charges (" + CHARGE_COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, row.chargeId());
                s.setLong(2, row.seq());
                s.setString(3, row.clientRef());
                s.setString(4, row.method());
                s.setLong(5, row.amount());
                s.setInt(6, row.paid() ? 1 : 0);
                setText(s, 7, row.qrString());
                setText(s, 8, row.vaNumber());
                setText(s, 9, row.paymentUrl());
                s.setLong(10, row.createdAt().toEpochMilli());
                s.setLong(11, row.expiresAt().toEpochMilli());
                setInstant(s, 12, row.paidAt());
                setText(s, 13, row.paidWith());
                s.executeUpdate();
            }
            return null;
        });
    }

    void markChargePaid(String chargeId, Instant paidAt, String paidWith) {
        sql("mark a charge paid", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE charges SET paid = 1, paid_at = ?, paid_with = ? WHERE charge_id = ? AND paid = 0")) {
                s.setLong(1, paidAt.toEpochMilli());
                s.setString(2, paidWith);
                s.setString(3, chargeId);
                s.executeUpdate();
            }
            return null;
        });
    }

    Optional<ChargeRow> charge(String chargeId) {
        List<ChargeRow> rows = charges("WHERE charge_id = ?", chargeId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    List<ChargeRow> chargesOf(String clientRef) {
        return charges("WHERE client_ref = ? ORDER BY seq DESC", clientRef);
    }

    private List<ChargeRow> charges(String where, Object... parameters) {
        return sql("read charges", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + CHARGE_COLUMNS + " FROM charges " + where)) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                List<ChargeRow> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ChargeRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getInt(6) != 0, text(rs, 7), text(rs, 8), text(rs, 9),
                                Instant.ofEpochMilli(rs.getLong(10)), Instant.ofEpochMilli(rs.getLong(11)),
                                instant(rs, 12), text(rs, 13)));
                    }
                }
                return rows;
            }
        });
    }

    // ---- OTP

    void insertOtp(OtpRow row) {
        sql("store an OTP", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO otps (otp_id, masked_phone, code, created_at,"
                    + " expires_at, wrong_attempts, verified) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, row.otpId());
                s.setString(2, row.maskedPhone());
                s.setString(3, row.code());
                s.setLong(4, row.createdAt().toEpochMilli());
                s.setLong(5, row.expiresAt().toEpochMilli());
                s.setInt(6, row.wrongAttempts());
                s.setInt(7, row.verified() ? 1 : 0);
                s.executeUpdate();
            }
            return null;
        });
    }

    Optional<OtpRow> otp(String otpId) {
        return sql("read an OTP", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT otp_id, masked_phone, code, created_at, expires_at,"
                    + " wrong_attempts, verified FROM otps WHERE otp_id = ?")) {
                s.setString(1, otpId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new OtpRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6),
                            rs.getInt(7) != 0));
                }
            }
        });
    }

    void updateOtp(String otpId, int wrongAttempts, boolean verified) {
        sql("update an OTP", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE otps SET wrong_attempts = ?, verified = ? WHERE otp_id = ?")) {
                s.setInt(1, wrongAttempts);
                s.setInt(2, verified ? 1 : 0);
                s.setString(3, otpId);
                s.executeUpdate();
            }
            return null;
        });
    }

    // ---- deposit

    long balance() {
        return sql("read the deposit", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(amount), 0) FROM deposit_log");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The deposit just before {@code instant}: every movement strictly earlier. */
    long balanceBefore(Instant instant) {
        return sql("read the deposit", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COALESCE(SUM(amount), 0) FROM deposit_log WHERE at < ?")) {
                s.setLong(1, instant.toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Appends a movement (positive top-up, negative debit); returns the balance after it. */
    long addMovement(Instant at, long amount, String kind, Optional<String> paymentId) {
        return atomically(() -> {
            long after = Math.addExact(balance(), amount);
            sql("move the deposit", c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO deposit_log (at, amount, kind,"
                        + " payment_id, balance_after) VALUES (?, ?, ?, ?, ?)")) {
                    s.setLong(1, at.toEpochMilli());
                    s.setLong(2, amount);
                    s.setString(3, kind);
                    setText(s, 4, paymentId);
                    s.setLong(5, after);
                    s.executeUpdate();
                }
                return null;
            });
            return after;
        });
    }

    List<Movement> movements() {
        return sql("read the deposit log", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, at, amount, kind, payment_id, balance_after FROM deposit_log ORDER BY id");
                    ResultSet rs = s.executeQuery()) {
                List<Movement> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Movement(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3),
                            rs.getString(4), text(rs, 5), rs.getLong(6)));
                }
                return rows;
            }
        });
    }

    // ---- discrepancies

    long insertDiscrepancy(String kind, Optional<String> clientRef, OptionalLong amount, Optional<LocalDate> day,
            Instant now) {
        return atomically(() -> sql("store a discrepancy", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO discrepancies (kind, client_ref, amount, day,"
                    + " created_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, kind);
                setText(s, 2, clientRef);
                if (amount.isPresent()) {
                    s.setLong(3, amount.getAsLong());
                } else {
                    s.setNull(3, Types.INTEGER);
                }
                setText(s, 4, day.map(LocalDate::toString));
                s.setLong(5, now.toEpochMilli());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT MAX(id) FROM discrepancies");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    List<DiscrepancyRow> discrepancies() {
        return sql("read discrepancies", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, kind, client_ref, amount, day, created_at FROM discrepancies ORDER BY id");
                    ResultSet rs = s.executeQuery()) {
                List<DiscrepancyRow> rows = new ArrayList<>();
                while (rs.next()) {
                    long amount = rs.getLong(4);
                    OptionalLong maybeAmount = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(amount);
                    rows.add(new DiscrepancyRow(rs.getLong(1), rs.getString(2), text(rs, 3), maybeAmount,
                            text(rs, 5).map(LocalDate::parse), Instant.ofEpochMilli(rs.getLong(6))));
                }
                return rows;
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw failure("close", e);
                } finally {
                    connection = null;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeAfterFailure(RuntimeException failure) {
        try {
            close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void setText(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }

    private static void setInstant(PreparedStatement s, int index, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            s.setLong(index, value.get().toEpochMilli());
        } else {
            s.setNull(index, Types.INTEGER);
        }
    }

    private static Optional<String> text(ResultSet rs, int index) throws SQLException {
        return Optional.ofNullable(rs.getString(index));
    }

    private static Optional<Instant> instant(ResultSet rs, int index) throws SQLException {
        long millis = rs.getLong(index);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
