package id.loket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.AccountCode;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.payment.Payment;
import id.loket.shift.Shift;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V7 on a ledger made before it (schema 6): the payment method's CHECK is widened to STATIC_QRIS by
 * rewriting the table's SQL (SQLite's documented procedure), so a static-QRIS payment is stored and read back, any
 * other unknown method is still refused by the database itself, the file stays sound, and the new columns, account
 * and charge_check table are there.
 */
class NonCashMigrationTest {

    private static final JournalRules RULES = JournalRules.standard();

    @TempDir
    Path dir;

    @Test
    void aLedgerAtV6TakesStaticQrisPaymentsAfterTheUpgradeAndStillRefusesUnknownMethods() throws Exception {
        Path file = dir.resolve("ledger.db");
        OldLedgers.create(file, "6", 3);

        try (LedgerDatabase db = LedgerDatabase.open(file)) {
            assertThat(db.journal().schemaVersion()).isEqualTo("7");
            Shift shift = db.shifts().open("sari", PaymentRowBuilder.DAY, PaymentRowBuilder.AT, Money.ZERO,
                    s -> List.of(), RULES);
            Payment draft = PaymentRowBuilder.aPayment().ref("LKT-STATIC-1").shift(shift.id()).staticQris().build();
            db.payments().insert(draft, "confirmed by the clerk", List.of(PaymentRowBuilder.reservation(draft)),
                    RULES);

            Payment stored = db.payments().find("LKT-STATIC-1").orElseThrow();
            assertThat(stored.method()).isEqualTo(PaymentMethod.STATIC_QRIS);
            assertThat(stored.state()).isEqualTo(PaymentState.SENT);
            assertThat(db.journal().storedBalances().get(AccountCode.QRIS_STATIC).netIncludingPending())
                    .isEqualTo(stored.total());
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM charge_check")) {
                assertThat(rs.getLong(1)).isZero();
            }
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO payment SELECT 'LKT-COPY', shift_id, clerk,"
                    + " business_day, created_at, updated_at, state, 'BOGUS', biller, biller_name, category,"
                    + " biller_kind, reference, 'X', NULL, customer_name, inquiry_id, bill_amount, gateway_fee,"
                    + " shop_fee, total, tendered, approval_code, charge_id, charge_qr, charge_va, charge_url,"
                    + " charge_expires_at, reservation_entry, resends, gateway_payment_id, rc, gateway_message,"
                    + " biller_ref, token, kwh, paid_at, failure_reason, refund_due, cost, charge_channel,"
                    + " charge_biller_code FROM payment WHERE client_ref = 'LKT-STATIC-1'"))
                    .hasMessageContaining("CHECK constraint failed");
        }
    }
}
