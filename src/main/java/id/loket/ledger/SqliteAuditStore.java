package id.loket.ledger;

import id.loket.users.AuditAction;
import id.loket.users.AuditEntry;
import id.loket.users.AuditQuery;
import id.loket.users.AuditStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit log in the ledger file (the {@code audit_entry} table of V3): appended, never changed (triggers refuse
 * UPDATE and DELETE).
 */
public final class SqliteAuditStore implements AuditStore {

    /** Fixed width, so text order is time order ({@link Instant#toString()} drops zero fractions). */
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SqliteConnections connections;

    SqliteAuditStore(SqliteConnections connections) {
        this.connections = connections;
    }

    @Override
    public AuditEntry append(Instant at, Optional<String> operator, AuditAction action, Optional<String> subject,
            String detail) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
        return connections.transaction("write the audit log", c -> {
            long id;
            try (ResultSet rs = c.prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_entry").executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            PreparedStatement insert = c.prepare("INSERT INTO audit_entry (id, at, operator, action, subject, detail)"
                    + " VALUES (?, ?, ?, ?, ?, ?)");
            insert.setLong(1, id);
            insert.setString(2, AT.format(at));
            insert.setString(3, operator.orElse(null));
            insert.setString(4, action.name());
            insert.setString(5, subject.orElse(null));
            insert.setString(6, detail);
            insert.executeUpdate();
            return new AuditEntry(id, at, operator, action, subject, detail);
        });
    }

    @Override
    public List<AuditEntry> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT id, at, operator, action, subject, detail FROM audit_entry"
                + " WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        query.operator().ifPresent(o -> {
            sql.append(" AND operator = ?");
            parameters.add(o);
        });
        query.action().ifPresent(a -> {
            sql.append(" AND action = ?");
            parameters.add(a.name());
        });
        query.from().ifPresent(f -> {
            sql.append(" AND at >= ?");
            parameters.add(AT.format(f));
        });
        query.until().ifPresent(u -> {
            sql.append(" AND at < ?");
            parameters.add(AT.format(u));
        });
        sql.append(" ORDER BY id");
        return connections.read("read the audit log", c -> {
            PreparedStatement select = c.prepare(sql.toString());
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        });
    }

    private AuditEntry entry(ResultSet rs) throws SQLException {
        try {
            return new AuditEntry(rs.getLong(1), Instant.from(AT.parse(rs.getString(2))),
                    Optional.ofNullable(rs.getString(3)), AuditAction.valueOf(rs.getString(4)),
                    Optional.ofNullable(rs.getString(5)), rs.getString(6));
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw SqliteShiftStore.altered(connections.file(), "audit entry " + rs.getLong(1), e);
        }
    }
}
