package id.loket.ledger;

import static id.loket.ledger.PaymentRowBuilder.aPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.Account;
import id.loket.core.AccountCode;
import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRuleException;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.PaymentState;
import id.loket.core.Posting;
import id.loket.journal.LedgerVerifier;
import id.loket.payment.Payment;
import id.loket.payment.PaymentEvent;
import id.loket.payment.PaymentRefusedException;
import id.loket.payment.PaymentStateException;
import id.loket.payment.PaymentStore;
import id.loket.shift.Shift;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The payment row, its event and its journal entries are written together or not at all. */
class SqlitePaymentStoreTest {

    private static final JournalRules RULES = JournalRules.standard();

    @TempDir
    Path dir;

    private LedgerDatabase db;
    private PaymentStore store;
    private Shift shift;

    @BeforeEach
    void open() {
        db = LedgerDatabase.open(dir.resolve("ledger.db"));
        store = db.payments();
        shift = db.shifts().open("sari", PaymentRowBuilder.DAY, PaymentRowBuilder.AT, Money.ZERO, s -> List.of(),
                RULES);
    }

    @AfterEach
    void close() {
        try {
            assertThat(new LedgerVerifier(RULES).verify(db.journal()).sound()).isTrue();
        } finally {
            db.close();
        }
    }

    @Test
    void theSecondMigrationAddsCashOverShortAndTheTables() {
        assertThat(db.journal().schemaVersion()).isEqualTo(LedgerSchema.fromClassPath().newestKnown().getVersion());
        assertThat(db.journal().accounts()).contains(
                new Account(AccountCode.of("cash_over_short"), Account.AccountType.EXPENSE, "Cash over/short"));
    }

    @Test
    void aPaymentIsReadBackAsItWasWrittenWithItsReservation() {
        Payment sent = aPayment().shift(shift.id()).build();

        Payment stored = store.insert(sent, "committed", List.of(PaymentRowBuilder.reservation(sent)), RULES);

        assertThat(stored.reservationEntry()).hasValue(1);
        assertThat(store.find(sent.clientRef())).contains(stored);
        assertThat(store.find(sent.clientRef()).orElseThrow().bill().details().keySet())
                .containsExactly("idpel", "tarif_daya", "periode");
        assertThat(store.events(sent.clientRef())).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(PaymentState.NEW);
            assertThat(e.to()).isEqualTo(PaymentState.SENT);
            assertThat(e.detail()).isEqualTo("committed");
        });
        assertThat(store.inStates(Set.of(PaymentState.SENT))).containsExactly(stored);
        assertThat(store.holding(sent.guardKey().orElseThrow())).contains(stored);
    }

    @Test
    void chargesAndOutcomesRoundTrip() {
        Payment charge = aPayment().shift(shift.id()).qrisCharge().state(PaymentState.CHARGE_PENDING).succeeded()
                .build();

        store.insert(charge, "charge", List.of(), RULES);

        assertThat(store.find(charge.clientRef())).contains(charge);
    }

    @Test
    void anEntryThatBreaksARuleLeavesNoPaymentBehind() {
        Payment sent = aPayment().shift(shift.id()).build();
        JournalEntry unbalanced = JournalEntry.pending(PaymentRowBuilder.DAY, PaymentRowBuilder.AT, sent.clientRef(),
                "wrong", List.of(Posting.debit(shift.drawer(), Money.of(10)),
                        Posting.credit(AccountCode.GATEWAY_DEPOSIT, Money.of(9))));

        assertThatThrownBy(() -> store.insert(sent, "committed", List.of(unbalanced), RULES))
                .isInstanceOf(JournalRuleException.class);

        assertThat(store.find(sent.clientRef())).isEmpty();
        assertThat(store.events(sent.clientRef())).isEmpty();
        assertThat(db.journal().entryCount()).isZero();
    }

    @Test
    void aChangeFromAStateThePaymentHasLeftWritesNothing() {
        Payment sent = store.insert(aPayment().shift(shift.id()).build(), "committed",
                List.of(PaymentRowBuilder.reservation(aPayment().shift(shift.id()).build())), RULES);
        Payment suspect = new Payment(sent.clientRef(), sent.shiftId(), sent.clerk(), sent.businessDay(),
                sent.createdAt(), sent.updatedAt(), PaymentState.SUSPECT, sent.method(), sent.bill(), sent.amounts(),
                sent.tendered(), sent.approvalCode(), sent.charge(), sent.reservationEntry(), 0, sent.outcome(),
                sent.failureReason(), false);
        store.update(PaymentState.SENT, suspect, "no answer", List.of(), RULES);

        assertThatThrownBy(() -> store.update(PaymentState.SENT, suspect, "no answer again", List.of(), RULES))
                .isInstanceOfSatisfying(PaymentStateException.class, e ->
                        assertThat(e.actual()).isEqualTo(PaymentState.SUSPECT));

        assertThat(store.events(sent.clientRef())).extracting(PaymentEvent::detail)
                .containsExactly("committed", "no answer");
    }

    @Test
    void aResolvingEntryThatBreaksARuleLeavesTheRowAsItWas() {
        Payment draft = aPayment().shift(shift.id()).build();
        Payment sent = store.insert(draft, "committed", List.of(PaymentRowBuilder.reservation(draft)), RULES);
        JournalEntry wrongPosting = JournalEntry.resolving(EntryKind.POST_PENDING, sent.reservationEntry().getAsLong(),
                PaymentRowBuilder.DAY, PaymentRowBuilder.AT, sent.clientRef(), "success",
                List.of(Posting.debit(shift.drawer(), Money.of(1)), Posting.credit(AccountCode.GATEWAY_DEPOSIT,
                        Money.of(1))));
        Payment success = new Payment(sent.clientRef(), sent.shiftId(), sent.clerk(), sent.businessDay(),
                sent.createdAt(), sent.updatedAt(), PaymentState.SUCCESS, sent.method(), sent.bill(), sent.amounts(),
                sent.tendered(), sent.approvalCode(), sent.charge(), sent.reservationEntry(), 0, sent.outcome(),
                sent.failureReason(), false);

        assertThatThrownBy(() -> store.update(PaymentState.SENT, success, "success", List.of(wrongPosting), RULES))
                .isInstanceOf(JournalRuleException.class);

        assertThat(store.find(sent.clientRef()).orElseThrow().state()).isEqualTo(PaymentState.SENT);
        assertThat(store.events(sent.clientRef())).hasSize(1);
        assertThat(db.journal().entryCount()).isEqualTo(1);
    }

    @Test
    void theSameBillIsHeldByOnePaymentButPrepaidProductsAreNot() {
        Payment first = aPayment().shift(shift.id()).ref("LKT-20261122-0000000001").build();
        store.insert(first, "committed", List.of(PaymentRowBuilder.reservation(first)), RULES);
        Payment second = aPayment().shift(shift.id()).ref("LKT-20261122-0000000002").build();

        assertThatThrownBy(() -> store.insert(second, "committed", List.of(PaymentRowBuilder.reservation(second)),
                RULES)).isInstanceOfSatisfying(PaymentRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.ALREADY_BEING_PAID);
                    assertThat(e).hasMessageContaining(first.clientRef());
                });
        assertThat(db.journal().entryCount()).isEqualTo(1);

        Payment tokenA = aPayment().shift(shift.id()).ref("LKT-20261122-0000000003").prepaid().build();
        Payment tokenB = aPayment().shift(shift.id()).ref("LKT-20261122-0000000004").prepaid().build();
        store.insert(tokenA, "committed", List.of(PaymentRowBuilder.reservation(tokenA)), RULES);
        store.insert(tokenB, "committed", List.of(PaymentRowBuilder.reservation(tokenB)), RULES);
        assertThat(store.inStates(Set.of(PaymentState.SENT))).hasSize(3);
    }

    @Test
    void aPaymentOfAClosedOrUnknownShiftIsRefused() {
        Payment unknown = aPayment().shift(99).build();

        assertThatThrownBy(() -> store.insert(unknown, "committed", List.of(), RULES))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e ->
                        assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.NO_OPEN_SHIFT));
    }

    @Test
    void eventsDetailsAndPaymentsCannotBeRewrittenOrRemovedBehindTheStoresBack() throws SQLException {
        Payment draft = aPayment().shift(shift.id()).build();
        store.insert(draft, "committed", List.of(PaymentRowBuilder.reservation(draft)), RULES);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file());
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE payment_event SET detail = 'x'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM payment_event")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("UPDATE payment_detail SET value = 'x'"))
                    .hasMessageContaining("cannot be changed");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM payment")).hasMessageContaining("never deleted");
            assertThatThrownBy(() -> st.executeUpdate("UPDATE payment SET bill_amount = 1, total = 3501"))
                    .hasMessageContaining("cannot be changed");
            assertThatThrownBy(() -> st.executeUpdate("UPDATE payment SET guard_key = NULL"))
                    .hasMessageContaining("cannot be changed");
        }
    }

    @Test
    void theDatabaseItselfKeepsOneLivePaymentPerBill() throws SQLException {
        Payment draft = aPayment().shift(shift.id()).build();
        store.insert(draft, "committed", List.of(PaymentRowBuilder.reservation(draft)), RULES);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file());
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO payment SELECT 'LKT-COPY'" + ", shift_id, clerk,"
                    + " business_day, created_at, updated_at, state, method, biller, biller_name, category,"
                    + " biller_kind, reference, period, guard_key, customer_name, inquiry_id, bill_amount,"
                    + " gateway_fee, shop_fee, total, tendered, approval_code, charge_id, charge_qr, charge_va,"
                    + " charge_url, charge_expires_at, reservation_entry, resends, gateway_payment_id, rc,"
                    + " gateway_message, biller_ref, token, kwh, paid_at, failure_reason, refund_due, charge_channel,"
                    + " charge_biller_code, cost FROM payment"))
                    .hasMessageContaining("UNIQUE");
        }
    }
}
