package id.loket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.users.AuditAction;
import id.loket.users.AuditEntry;
import id.loket.users.AuditQuery;
import id.loket.users.Operator;
import id.loket.users.OperatorAccount;
import id.loket.users.OperatorStatus;
import id.loket.users.Role;
import id.loket.users.UserException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The V3 tables: the audit log cannot be edited through SQL; operators are never deleted nor renamed. */
class OperatorAndAuditTablesTest {

    private static final String HASH = "$2a$12$AtRFExV7Z4O/yW5YHgk82uPV.u1zc1OS/8lTO8IiyHI4IvbZXcNiS";
    private static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");

    @TempDir
    Path dir;

    private LedgerDatabase db;

    @BeforeEach
    void anOwnerAndTwoEntries() {
        db = LedgerDatabase.open(dir.resolve("ledger.db"));
        db.operators().createFirst(new OperatorAccount(
                new Operator(0, "sari", "Sari", Role.OWNER, OperatorStatus.ACTIVE, AT), Optional.of(HASH),
                Optional.empty(), Optional.empty(), 0, Optional.empty()));
        db.audit().append(AT, Optional.of("sari"), AuditAction.SET_UP, Optional.of("Toko Sari"), "set up");
        db.audit().append(AT.plusNanos(500), Optional.empty(), AuditAction.BACKUP, Optional.empty(), "copy");
    }

    @AfterEach
    void closeLedger() {
        db.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "UPDATE audit_entry SET detail = 'nothing happened' WHERE id = 1",
        "UPDATE audit_entry SET operator = 'ani' WHERE id = 2",
        "DELETE FROM audit_entry WHERE id = 2"
    })
    void rawSqlThatChangesOrRemovesAuditEntriesIsRefused(String sql) throws SQLException {
        try (Connection raw = rawConnection(); Statement st = raw.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate(sql))
                    .isInstanceOf(SQLException.class).hasMessageContaining("the audit log is append-only");
        }
        assertThat(db.audit().find(AuditQuery.all())).extracting(AuditEntry::detail).containsExactly("set up", "copy");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DELETE FROM operator WHERE username = 'sari'",
        "UPDATE operator SET username = 'mallory' WHERE username = 'sari'",
        "UPDATE operator SET role = 'CLERK' WHERE username = 'sari'"
    })
    void anOperatorIsNeverDeletedNorRenamed(String sql) throws SQLException {
        try (Connection raw = rawConnection(); Statement st = raw.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate(sql)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("operator");
        }
        assertThat(db.operators().find("sari")).get().extracting(a -> a.operator().role()).isEqualTo(Role.OWNER);
    }

    @Test
    void aSecondFirstOperatorIsRefused() {
        assertThatThrownBy(() -> db.operators().createFirst(new OperatorAccount(
                new Operator(0, "budi", "Budi", Role.OWNER, OperatorStatus.ACTIVE, AT), Optional.of(HASH),
                Optional.empty(), Optional.empty(), 0, Optional.empty())))
                .isInstanceOf(UserException.class).hasMessageContaining("already set up");
        assertThat(db.operators().all()).hasSize(1);
    }

    @Test
    void entriesKeepTheirInstantAndOrderWhateverTheirFraction() {
        // Instant.toString() would write "…:00Z" and "…:00.000000500Z": as text the later one sorts first.
        assertThat(db.audit().find(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of(AT.plusNanos(1)),
                Optional.empty()))).extracting(AuditEntry::action).containsExactly(AuditAction.BACKUP);
        assertThat(db.audit().find(AuditQuery.all())).extracting(AuditEntry::at).containsExactly(AT, AT.plusNanos(500));
    }

    private Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db.file());
    }
}
