package id.loket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.AccountCode;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRuleException;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.Posting;
import id.loket.payment.Payment;
import id.loket.shift.Shift;
import id.loket.shift.ShiftClosing;
import id.loket.shift.ShiftException;
import id.loket.shift.ShiftPayment;
import id.loket.shift.ShiftStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shift row, its drawer account and its journal entries are written together or not at all. */
class SqliteShiftStoreTest {

    private static final JournalRules RULES = JournalRules.standard();
    private static final Instant AT = PaymentRowBuilder.AT;

    @TempDir
    Path dir;

    private LedgerDatabase db;
    private ShiftStore store;

    @BeforeEach
    void open() {
        db = LedgerDatabase.open(dir.resolve("ledger.db"));
        store = db.shifts();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<JournalEntry> floatOf(Shift s, long rupiah) {
        return List.of(JournalEntry.posted(PaymentRowBuilder.DAY, AT, "shift-" + s.id(), "float", List.of(
                Posting.debit(s.drawer(), Money.of(rupiah)), Posting.credit(AccountCode.OWNER_EQUITY, Money.of(rupiah)))));
    }

    @Test
    void aShiftIsOpenedWithItsDrawerAccountAndItsFloatInOneGo() {
        Shift shift = store.open("sari", PaymentRowBuilder.DAY, AT, Money.of(100_000), s -> floatOf(s, 100_000), RULES);

        assertThat(store.openShiftOf("sari")).contains(shift);
        assertThat(store.find(shift.id())).contains(shift);
        assertThat(db.journal().storedBalances().get(shift.drawer()).postedNet()).isEqualTo(Money.of(100_000));
    }

    @Test
    void aFloatEntryThatBreaksARuleLeavesNeitherShiftNorAccount() {
        assertThatThrownBy(() -> store.open("sari", PaymentRowBuilder.DAY, AT, Money.of(100_000),
                s -> floatOf(s, 0), RULES)).isInstanceOf(JournalRuleException.class);

        assertThat(store.openShiftOf("sari")).isEmpty();
        assertThat(db.journal().accounts()).noneMatch(a -> a.code().value().startsWith("cash_drawer:"));
        assertThat(db.journal().entryCount()).isZero();
    }

    @Test
    void aClerkCannotHoldTwoOpenShifts() {
        store.open("sari", PaymentRowBuilder.DAY, AT, Money.ZERO, s -> List.of(), RULES);

        assertThatThrownBy(() -> store.open("sari", PaymentRowBuilder.DAY, AT, Money.ZERO, s -> List.of(), RULES))
                .isInstanceOfSatisfying(ShiftException.class, e ->
                        assertThat(e.reason()).isEqualTo(ShiftException.Reason.ALREADY_OPEN));
    }

    @Test
    void closingReadsThePaymentsInsideItsTransactionAndHappensOnce() {
        Shift shift = store.open("sari", PaymentRowBuilder.DAY, AT, Money.of(50_000), s -> floatOf(s, 50_000), RULES);
        Payment p = PaymentRowBuilder.aPayment().shift(shift.id()).build();
        db.payments().insert(p, "committed", List.of(PaymentRowBuilder.reservation(p)), RULES);
        List<List<ShiftPayment>> seen = new ArrayList<>();

        Shift closed = store.close(shift.id(), AT.plusSeconds(3600), Money.of(50_000), payments -> {
            seen.add(payments);
            return new ShiftClosing(Money.of(50_000), List.of());
        }, RULES);

        assertThat(seen).singleElement().satisfies(list -> assertThat(list).containsExactly(new ShiftPayment(
                p.clientRef(), "PLN_POSTPAID", p.method(), p.state(), p.total(), false)));
        assertThat(closed.closedAt()).contains(AT.plusSeconds(3600));
        assertThat(closed.counted()).contains(Money.of(50_000));
        assertThat(closed.expected()).contains(Money.of(50_000));
        assertThat(store.find(shift.id())).contains(closed);
        assertThat(store.openShiftOf("sari")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> store.close(shift.id(), AT, Money.ZERO, payments -> new ShiftClosing(Money.ZERO,
                List.of()), RULES)).isInstanceOf(ShiftException.class);
        assertThat(store.payments(shift.id())).hasSize(1);
    }
}
