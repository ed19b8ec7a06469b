package id.loket.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.Account;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.EntryKind;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.Posting;
import id.loket.payment.PayOrder;
import id.loket.payment.Payment;
import id.loket.payment.PaymentRefusedException;
import id.loket.payment.PaymentTestBase;
import id.loket.payment.PaymentTestBed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shifts with real payments through the sandbox: the float, the recap, the count and the over/short entry. */
class ShiftServiceTest extends PaymentTestBase {

    private static final String CLERK = PaymentTestBed.CLERK;

    @Test
    void openingAShiftPostsTheFloatIntoTheShiftsOwnDrawer() {
        start();

        Shift shift = bed.shifts().open(CLERK, Money.of(500_000));

        assertThat(shift.id()).isEqualTo(1);
        assertThat(shift.drawer()).isEqualTo(AccountCode.of("cash_drawer:shift-1"));
        assertThat(shift.isOpen()).isTrue();
        assertThat(bed.shifts().current(CLERK)).contains(shift);
        assertThat(bed.ledger().journal().accounts()).contains(
                new Account(shift.drawer(), Account.AccountType.ASSET, "Cash drawer of shift 1 (sari)"));
        assertThat(bed.entriesOf("shift-1")).singleElement().satisfies(e -> {
            assertThat(e.entry().kind()).isEqualTo(EntryKind.POSTED);
            assertThat(e.entry().postings()).containsExactly(
                    Posting.debit(shift.drawer(), Money.of(500_000)),
                    Posting.credit(AccountCode.OWNER_EQUITY, Money.of(500_000)));
        });
        assertThat(bed.balance(shift.drawer()).postedNet()).isEqualTo(Money.of(500_000));
    }

    @Test
    void aClerkHasOneOpenShiftAtATimeButEveryClerkTheirOwn() {
        start();
        bed.shifts().open(CLERK, Money.of(100_000));

        assertThatThrownBy(() -> bed.shifts().open(" sari ", Money.of(100_000)))
                .isInstanceOfSatisfying(ShiftException.class, e ->
                        assertThat(e.reason()).isEqualTo(ShiftException.Reason.ALREADY_OPEN));
        Shift other = bed.shifts().open("budi", Money.ZERO);

        assertThat(other.id()).isEqualTo(2);
        assertThat(bed.entriesOf("shift-2")).as("a zero float posts nothing").isEmpty();
    }

    @Test
    void aNegativeFloatOrCountIsRefused() {
        start();
        assertThatThrownBy(() -> bed.shifts().open(CLERK, Money.of(-1)))
                .isInstanceOfSatisfying(ShiftException.class, e ->
                        assertThat(e.reason()).isEqualTo(ShiftException.Reason.INVALID_AMOUNT));
        bed.shifts().open(CLERK, Money.ZERO);
        assertThatThrownBy(() -> bed.shifts().close(CLERK, Money.of(-1))).isInstanceOf(ShiftException.class);
    }

    @Test
    void closingWithTheExpectedCashHandsItToTheOwnerAndLeavesTheDrawerEmpty() {
        start();
        Shift shift = bed.openShift(200_000);
        Payment paid = bed.plnBill().withChange(10_000).cash();
        Money expected = Money.of(200_000).plus(paid.total());

        ShiftRecap recap = bed.shifts().close(CLERK, expected);

        assertThat(recap.expected()).isEqualTo(expected);
        assertThat(recap.counted()).contains(expected);
        assertThat(recap.difference()).contains(Money.ZERO);
        assertThat(recap.isClosed()).isTrue();
        assertThat(bed.entriesOf("shift-1")).extracting(e -> e.entry().memo())
                .containsExactly("opening float of shift 1 (sari)",
                        "cash counted at the close of shift 1 handed to the owner");
        assertThat(bed.balance(shift.drawer())).isEqualTo(new AccountBalance(shift.drawer(), expected, expected,
                Money.ZERO, Money.ZERO));
        assertThat(bed.balance(ShiftService.CASH_OVER_SHORT).postedNet()).isEqualTo(Money.ZERO);
        assertThat(bed.shifts().current(CLERK)).isEmpty();
        assertThat(bed.shifts().recap(shift.id())).isEqualTo(recap);
    }

    @Test
    void aShortDrawerIsDebitedToCashOverShort() {
        start();
        Shift shift = bed.openShift(100_000);
        Payment paid = bed.plnBill().cash();
        Money expected = Money.of(100_000).plus(paid.total());

        ShiftRecap recap = bed.shifts().close(CLERK, expected.minus(Money.of(10_000)));

        assertThat(recap.difference()).contains(Money.of(-10_000));
        assertThat(bed.entriesOf("shift-1").get(1).entry().postings()).containsExactly(
                Posting.debit(ShiftService.CASH_OVER_SHORT, Money.of(10_000)),
                Posting.credit(shift.drawer(), Money.of(10_000)));
        assertThat(bed.balance(ShiftService.CASH_OVER_SHORT).postedNet()).isEqualTo(Money.of(10_000));
        assertThat(bed.balance(shift.drawer()).postedNet()).isEqualTo(Money.ZERO);
    }

    @Test
    void anOverDrawerIsCreditedToCashOverShort() {
        start();
        Shift shift = bed.openShift(100_000);

        ShiftRecap recap = bed.shifts().close(CLERK, Money.of(105_000));

        assertThat(recap.expected()).isEqualTo(Money.of(100_000));
        assertThat(recap.difference()).contains(Money.of(5_000));
        assertThat(bed.entriesOf("shift-1").get(1).entry().postings()).containsExactly(
                Posting.debit(shift.drawer(), Money.of(5_000)),
                Posting.credit(ShiftService.CASH_OVER_SHORT, Money.of(5_000)));
        assertThat(bed.balance(ShiftService.CASH_OVER_SHORT).postedNet()).isEqualTo(Money.of(-5_000));
        assertThat(bed.balance(shift.drawer()).postedNet()).isEqualTo(Money.ZERO);
        assertThat(bed.balance(AccountCode.OWNER_EQUITY).postedNet()).isEqualTo(Money.of(5_000));
    }

    @Test
    void theRecapCountsTheTakingsAndListsWhatIsStillOpen() {
        start();
        Shift shift = bed.openShift(300_000);
        Payment pln = bed.plnBill().cash();
        Payment water = bed.order("PDAM_BANDUNG", "12345678").cash();
        Payment failed = bed.order("PLN_POSTPAID", "512345672222").cash();
        Payment card = bed.order("TELKOM", "021234567890").debitCard("123456");
        PayOrder dropped = bed.order("HALO", "081234567890");
        dropped.inquiry();
        bed.sandbox().fault("drop_response", "payments");
        Payment suspect = dropped.cash();
        Payment waiting = bed.order("PDAM_MEDAN", "7654321").charge(PaymentMethod.QRIS);
        Money cashIn = pln.total().plus(water.total()).plus(failed.total()).plus(suspect.total());
        Money expected = Money.of(300_000).plus(pln.total()).plus(water.total()).plus(suspect.total());

        ShiftRecap open = bed.shifts().recap(shift.id());

        assertThat(open.isClosed()).isFalse();
        assertThat(open.cashIn()).isEqualTo(cashIn);
        assertThat(open.cashOut()).isEqualTo(failed.total());
        assertThat(open.expected()).isEqualTo(expected);
        assertThat(open.counted()).isEmpty();
        assertThat(open.of(PaymentMethod.CASH)).isEqualTo(new Tally(2, pln.total().plus(water.total())));
        assertThat(open.of(PaymentMethod.DEBIT_CARD)).isEqualTo(new Tally(1, card.total()));
        assertThat(open.of(PaymentMethod.QRIS)).isEqualTo(Tally.NONE);
        assertThat(open.byBiller()).containsOnlyKeys("PLN_POSTPAID", "PDAM_BANDUNG", "TELKOM");
        assertThat(open.succeeded()).isEqualTo(3);
        assertThat(open.failed()).isEqualTo(1);
        assertThat(open.suspect()).isEqualTo(1);
        assertThat(open.openItems()).containsExactly(suspect.clientRef(), waiting.clientRef());

        ShiftRecap closed = bed.shifts().close(CLERK, expected);

        assertThat(closed.difference()).contains(Money.ZERO);
        assertThat(closed.openItems()).containsExactly(suspect.clientRef(), waiting.clientRef());
        AccountBalance drawer = bed.balance(shift.drawer());
        assertThat(drawer.postedNet()).isEqualTo(suspect.total().negate());
        assertThat(drawer.netIncludingPending()).isEqualTo(Money.ZERO);

        bed.payments().recover();

        assertThat(bed.payments().find(suspect.clientRef()).orElseThrow().state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(bed.balance(shift.drawer()).postedNet()).isEqualTo(Money.ZERO);
        ShiftRecap later = bed.shifts().recap(shift.id());
        assertThat(later.openItems()).containsExactly(waiting.clientRef());
        assertThat(later.expected()).isEqualTo(expected);
        assertThat(later.of(PaymentMethod.CASH).count()).isEqualTo(3);
    }

    @Test
    void aSuspectFoundFailedAfterTheCloseIsOwedBackFromTheCashTheOwnerHolds() {
        start(PaymentTestBed.in(dir).sandbox(o -> o.withInquiryTtl(Duration.ofSeconds(5))));
        Shift shift = bed.openShift(50_000);
        PayOrder order = bed.plnBill();
        order.inquiry();
        bed.sandbox().fault("timeout", "payments");
        Payment suspect = order.cash();
        Money expected = Money.of(50_000).plus(suspect.total());
        bed.shifts().close(CLERK, expected);
        bed.sandboxClock().advance(Duration.ofSeconds(6));

        bed.payments().recover();

        assertThat(bed.payments().find(suspect.clientRef()).orElseThrow().state()).isEqualTo(PaymentState.FAILED);
        assertThat(bed.balance(shift.drawer()).postedNet()).isEqualTo(Money.ZERO);
        assertThat(bed.balance(shift.drawer()).netIncludingPending()).isEqualTo(Money.ZERO);
        assertThat(bed.balance(AccountCode.REFUNDS_DUE).creditsPosted()).isEqualTo(suspect.total());
        ShiftRecap recap = bed.shifts().recap(shift.id());
        assertThat(recap.cashRefundsDue()).isEqualTo(suspect.total());
        assertThat(recap.expected()).isEqualTo(expected);
        assertThat(recap.openItems()).isEmpty();
    }

    @Test
    void noPaymentIsTakenOnceTheShiftIsClosed() {
        start();
        bed.openShift(0);
        PayOrder order = bed.plnBill();
        order.inquiry();
        bed.shifts().close(CLERK, Money.ZERO);

        assertThatThrownBy(order::cash).isInstanceOfSatisfying(PaymentRefusedException.class, e ->
                assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.NO_OPEN_SHIFT));
        assertThatThrownBy(() -> bed.shifts().close(CLERK, Money.ZERO))
                .isInstanceOfSatisfying(ShiftException.class, e ->
                        assertThat(e.reason()).isEqualTo(ShiftException.Reason.NO_OPEN_SHIFT));
        assertThat(bed.entriesOf("shift-1")).isEmpty();
        assertThat(List.of(bed.ledger().journal().entryCount())).containsExactly(0L);
    }
}
