package id.loket.ledger;

import id.loket.users.Operator;
import id.loket.users.OperatorAccount;
import id.loket.users.OperatorStatus;
import id.loket.users.OperatorStore;
import id.loket.users.Role;
import id.loket.users.UserException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Operators in the ledger file (the {@code operator} table of V3). Every change is one {@code BEGIN IMMEDIATE}
 * transaction, so the read-change-write of a failed sign-in counts right when the window and a command sign in at
 * once.
 */
public final class SqliteOperatorStore implements OperatorStore {

    private static final String COLUMNS = "id, username, display_name, role, status, created_at, password_hash,"
            + " activation_hash, activation_expires_at, failed_sign_ins, locked_until";
    private static final String BY_USERNAME = "SELECT " + COLUMNS + " FROM operator WHERE username = ?";
    private static final String ALL = "SELECT " + COLUMNS + " FROM operator ORDER BY id";

    private final SqliteConnections connections;

    SqliteOperatorStore(SqliteConnections connections) {
        this.connections = connections;
    }

    @Override
    public boolean any() {
        return connections.read("look for operators", c -> {
            try (ResultSet rs = c.prepare("SELECT EXISTS (SELECT 1 FROM operator)").executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        });
    }

    @Override
    public Optional<OperatorAccount> find(String username) {
        return connections.read("read operator " + username, c -> one(c, username));
    }

    @Override
    public List<OperatorAccount> all() {
        return connections.read("list the operators", c -> {
            List<OperatorAccount> all = new ArrayList<>();
            try (ResultSet rs = c.prepare(ALL).executeQuery()) {
                while (rs.next()) {
                    all.add(account(rs));
                }
            }
            return all;
        });
    }

    @Override
    public OperatorAccount createFirst(OperatorAccount owner) {
        Objects.requireNonNull(owner, "owner");
        return connections.transaction("create the first operator", c -> {
            try (ResultSet rs = c.prepare("SELECT EXISTS (SELECT 1 FROM operator)").executeQuery()) {
                if (rs.next() && rs.getInt(1) == 1) {
                    throw new UserException(UserException.Reason.ALREADY_SET_UP, "Loket is already set up (it has an"
                            + " owner): sign in instead; nothing was changed.");
                }
            }
            return insert(c, owner);
        });
    }

    @Override
    public OperatorAccount create(OperatorAccount account) {
        Objects.requireNonNull(account, "account");
        return connections.transaction("register operator " + account.username(), c -> {
            if (one(c, account.username()).isPresent()) {
                throw new UserException(UserException.Reason.USERNAME_TAKEN, "There is already an operator '"
                        + account.username() + "': choose another username.");
            }
            return insert(c, account);
        });
    }

    @Override
    public OperatorAccount update(String username, UnaryOperator<OperatorAccount> change) {
        Objects.requireNonNull(change, "change");
        return connections.transaction("update operator " + username, c -> {
            OperatorAccount current = one(c, username).orElseThrow(() -> new UserException(
                    UserException.Reason.UNKNOWN_OPERATOR, "There is no operator '" + username + "'; nothing was"
                    + " changed."));
            OperatorAccount next = Objects.requireNonNull(change.apply(current), "changed account");
            Operator was = current.operator();
            Operator now = next.operator();
            if (was.id() != now.id() || !was.username().equals(now.username()) || was.role() != now.role()
                    || !was.createdAt().equals(now.createdAt())) {
                throw new IllegalArgumentException("An update cannot change who operator " + username + " is");
            }
            PreparedStatement update = c.prepare("UPDATE operator SET display_name = ?, status = ?,"
                    + " password_hash = ?, activation_hash = ?, activation_expires_at = ?, failed_sign_ins = ?,"
                    + " locked_until = ? WHERE id = ?");
            update.setString(1, now.displayName());
            update.setString(2, now.status().name());
            update.setString(3, next.passwordHash().orElse(null));
            update.setString(4, next.activationHash().orElse(null));
            update.setString(5, next.activationExpiresAt().map(Instant::toString).orElse(null));
            update.setInt(6, next.failedSignIns());
            update.setString(7, next.lockedUntil().map(Instant::toString).orElse(null));
            update.setLong(8, was.id());
            update.executeUpdate();
            return next;
        });
    }

    private OperatorAccount insert(CachedConnection c, OperatorAccount account) throws SQLException {
        long id;
        try (ResultSet rs = c.prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM operator").executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        Operator o = account.operator();
        PreparedStatement insert = c.prepare("INSERT INTO operator (id, username, display_name, role, status,"
                + " created_at, password_hash, activation_hash, activation_expires_at, failed_sign_ins, locked_until)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.setLong(1, id);
        insert.setString(2, o.username());
        insert.setString(3, o.displayName());
        insert.setString(4, o.role().name());
        insert.setString(5, o.status().name());
        insert.setString(6, o.createdAt().toString());
        insert.setString(7, account.passwordHash().orElse(null));
        insert.setString(8, account.activationHash().orElse(null));
        insert.setString(9, account.activationExpiresAt().map(Instant::toString).orElse(null));
        insert.setInt(10, account.failedSignIns());
        insert.setString(11, account.lockedUntil().map(Instant::toString).orElse(null));
        insert.executeUpdate();
        return new OperatorAccount(new Operator(id, o.username(), o.displayName(), o.role(), o.status(),
                o.createdAt()), account.passwordHash(), account.activationHash(), account.activationExpiresAt(),
                account.failedSignIns(), account.lockedUntil());
    }

    private Optional<OperatorAccount> one(CachedConnection c, String username) throws SQLException {
        PreparedStatement select = c.prepare(BY_USERNAME);
        select.setString(1, username);
        try (ResultSet rs = select.executeQuery()) {
            return rs.next() ? Optional.of(account(rs)) : Optional.empty();
        }
    }

    private OperatorAccount account(ResultSet rs) throws SQLException {
        try {
            Operator operator = new Operator(rs.getLong(1), rs.getString(2), rs.getString(3),
                    Role.valueOf(rs.getString(4)), OperatorStatus.valueOf(rs.getString(5)),
                    Instant.parse(rs.getString(6)));
            return new OperatorAccount(operator, Optional.ofNullable(rs.getString(7)),
                    Optional.ofNullable(rs.getString(8)), instant(rs.getString(9)), rs.getInt(10),
                    instant(rs.getString(11)));
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw SqliteShiftStore.altered(connections.file(), "operator " + rs.getString(2), e);
        }
    }

    private static Optional<Instant> instant(String text) {
        return Optional.ofNullable(text).map(Instant::parse);
    }
}
