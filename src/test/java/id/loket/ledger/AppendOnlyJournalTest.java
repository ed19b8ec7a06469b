package id.loket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.JournalRules;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.VerifyReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The journal cannot be edited through SQL, and an edit made around the triggers is found by verify. */
class AppendOnlyJournalTest {

    private static final JournalRules RULES = JournalRules.standard();

    @TempDir
    Path dir;

    private LedgerDatabase db;

    @BeforeEach
    void fiveEntries() {
        db = LedgerDatabase.open(dir.resolve("ledger.db"));
        for (int i = 1; i <= 5; i++) {
            db.journal().append(Entries.payment(i), RULES);
        }
    }

    @AfterEach
    void closeLedger() {
        db.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "UPDATE journal_entry SET memo = 'edited' WHERE id = 2",
        "DELETE FROM journal_entry WHERE id = 5",
        "UPDATE posting SET amount = 1 WHERE entry_id = 2 AND line_no = 1",
        "DELETE FROM posting WHERE entry_id = 2 AND line_no = 3"
    })
    void rawSqlThatChangesOrRemovesJournalRowsIsRefusedByTheTriggers(String sql) throws SQLException {
        try (Connection raw = rawConnection(); Statement st = raw.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate(sql))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("journal is append-only");
        }
        assertThat(verify().sound()).isTrue();
        assertThat(db.journal().entryCount()).isEqualTo(5);
    }

    @Test
    void anAmountChangedAroundTheTriggerIsNamedByVerify() throws SQLException {
        tamper("DROP TRIGGER posting_no_update",
                "UPDATE posting SET amount = amount + 1000 WHERE entry_id = 3 AND line_no = 2");

        VerifyReport report = verify();

        assertThat(report.sound()).isFalse();
        assertThat(report.firstBadEntry()).hasValue(3);
        assertThat(report.problems()).anyMatch(p -> p.contains("entry 3 was altered"));
        assertThat(report.problems()).anyMatch(p -> p.contains("stored balance of gateway_deposit"));
    }

    @Test
    void aMemoChangedAroundTheTriggerIsNamedByVerify() throws SQLException {
        tamper("DROP TRIGGER journal_entry_no_update", "UPDATE journal_entry SET memo = 'nothing to see' WHERE id = 4");

        VerifyReport report = verify();

        assertThat(report.sound()).isFalse();
        assertThat(report.firstBadEntry()).hasValue(4);
        assertThat(report.problems()).containsExactly(
                "entry 4 was altered after it was written (its hash does not match its contents)");
    }

    @Test
    void aPostingDeletedAroundTheTriggerIsNamedByVerify() throws SQLException {
        tamper("DROP TRIGGER posting_no_delete", "DELETE FROM posting WHERE entry_id = 2 AND line_no = 3");

        VerifyReport report = verify();

        assertThat(report.sound()).isFalse();
        assertThat(report.firstBadEntry()).hasValue(2);
        assertThat(report.problems()).anyMatch(p -> p.contains("entry 2 was altered"));
    }

    @Test
    void anEntryDeletedAroundTheTriggersIsNamedByVerifyAsAGap() throws SQLException {
        tamper("DROP TRIGGER posting_no_delete", "DROP TRIGGER journal_entry_no_delete",
                "DELETE FROM posting WHERE entry_id = 3", "DELETE FROM journal_entry WHERE id = 3");

        VerifyReport report = verify();

        assertThat(report.sound()).isFalse();
        assertThat(report.firstBadEntry()).hasValue(4);
        assertThat(report.problems()).anyMatch(p -> p.contains("entry 4 follows entry 2"));
    }

    private VerifyReport verify() {
        return new LedgerVerifier(RULES).verify(db.journal());
    }

    private void tamper(String... statements) throws SQLException {
        try (Connection raw = rawConnection(); Statement st = raw.createStatement()) {
            for (String sql : statements) {
                st.executeUpdate(sql);
            }
        }
    }

    /** What someone with a SQLite tool would get: a plain connection, foreign keys off (SQLite's default). */
    private Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db.file());
    }
}
