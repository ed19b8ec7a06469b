package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import id.loket.settings.SettingsService;
import id.loket.shift.Shift;
import id.loket.shift.ShiftRecap;
import id.loket.shift.ShiftService;
import id.loket.ui.ShiftViewModel.Balance;
import id.loket.ui.ShiftViewModel.Mode;
import id.loket.ui.ShiftViewModel.RecapLine;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shift screen's state without the toolkit, over a real shift service and a real SQLite ledger; work that would go
 * to other threads runs directly (and is counted, so a test can say nothing was sent).
 */
class ShiftViewModelTest {

    private static final ResourceBundle INDONESIAN = Bundles.load(SettingsService.INDONESIAN);
    private static final ResourceBundle ENGLISH = Bundles.load(SettingsService.ENGLISH);

    @TempDir
    Path dir;

    private TestContexts shop;
    private ShiftService shifts;
    private CounterSession session;
    private final Counting background = new Counting();
    private ShiftViewModel model;

    /** Runs each task at once, and counts them. */
    private static final class Counting implements Executor {
        int tasks;

        @Override
        public void execute(Runnable command) {
            tasks++;
            command.run();
        }
    }

    @BeforeEach
    void shopWithNoShift() {
        shop = TestContexts.shop().ledgerIn(dir);
        shifts = shop.shifts();
        session = shop.session(Runnable::run);
        model = new ShiftViewModel(shifts, session, shop.calendar(), background, Runnable::run);
    }

    @AfterEach
    void closeLedger() {
        shop.ledger().close();
    }

    // ---- opening -----------------------------------------------------------------------------------------------

    @Test
    void showsTheOpenFormWhenNoShiftIsOpen() {
        assertThat(model.mode().get()).isEqualTo(Mode.LOADING);

        model.activate();

        assertThat(model.mode().get()).isEqualTo(Mode.NO_SHIFT);
        assertThat(model.shift().get()).isNull();
        assertThat(model.recap().get()).isNull();
    }

    @Test
    void opensTheShiftWithTheFloatAndTellsTheSession() {
        model.activate();
        model.openingFloatText().set("Rp 500.000");

        model.openShift();

        assertThat(model.mode().get()).isEqualTo(Mode.OPEN);
        assertThat(model.busy().get()).isFalse();
        Shift open = shifts.current("sari").orElseThrow();
        assertThat(open.openingFloat()).isEqualTo(Money.of(500_000));
        assertThat(model.shift().get()).isEqualTo(open);
        assertThat(session.shift().get()).isEqualTo(open);
        ShiftRecap recap = model.recap().get();
        assertThat(recap.shiftId()).isEqualTo(open.id());
        assertThat(recap.expected()).isEqualTo(Money.of(500_000));
        assertThat(model.openingFloatText().get()).isEmpty();
        assertThat(model.messageIsError().get()).isFalse();
        assertThat(model.message().get()).isEqualTo(Message.of("shift.opened", open.id()));
        assertTranslated(model.message().get());
        assertThat(model.byMethod()).isEmpty();
        assertThat(model.openItems()).isEmpty();
    }

    @Test
    void aZeroFloatIsAFloat() {
        model.activate();
        model.openingFloatText().set("0");

        model.openShift();

        assertThat(model.mode().get()).isEqualTo(Mode.OPEN);
        assertThat(model.recap().get().expected()).isEqualTo(Money.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"500000", "500.000", "500,000", "Rp 500.000", "Rp. 500.000", "rp500000", "Rp 500.000,-",
        "500 000", "  500000  "})
    void acceptsTheWaysAClerkWritesRupiah(String typed) {
        assertThat(ShiftViewModel.parse(typed).money()).contains(Money.of(500_000));
        assertThat(ShiftViewModel.parse(typed).problem()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|shift.amount.empty",
        "'   '|shift.amount.empty",
        "lima ratus|shift.amount.invalid",
        "500rb|shift.amount.invalid",
        "500000,50|shift.amount.invalid",
        "5.00.000|shift.amount.invalid",
        "99999999999999999999|shift.amount.invalid",
        "-5000|shift.amount.negative",
        "-Rp 5.000|shift.amount.negative"})
    void refusesAnythingElseWithTheReasonAndSendsNothing(String typed, String reason) {
        model.activate();
        int before = background.tasks;
        model.openingFloatText().set(typed);

        model.openShift();

        assertThat(model.openingFloatProblem().get()).isEqualTo(Message.of(reason));
        assertTranslated(model.openingFloatProblem().get());
        assertThat(background.tasks).as("nothing sent").isEqualTo(before);
        assertThat(model.mode().get()).isEqualTo(Mode.NO_SHIFT);
        assertThat(shifts.current("sari")).isEmpty();
        assertThat(session.shift().get()).isNull();
    }

    @Test
    void saysWhatIsWrongWhileTheClerkTypesButNotBeforeTheyTypeAnything() {
        assertThat(model.openingFloatProblem().get()).isEqualTo(Message.NONE);

        model.openingFloatText().set("50a");
        assertThat(model.openingFloatProblem().get()).isEqualTo(Message.of("shift.amount.invalid"));

        model.openingFloatText().set("");
        assertThat(model.openingFloatProblem().get()).isEqualTo(Message.NONE);

        model.openingFloatText().set("50.000");
        assertThat(model.openingFloatProblem().get()).isEqualTo(Message.NONE);
    }

    @Test
    void sendsOneOpenWhileTheFirstIsOnItsWay() {
        Queue<Runnable> queued = new ArrayDeque<>();
        ShiftViewModel slow = new ShiftViewModel(shifts, session, shop.calendar(), queued::add, Runnable::run);
        slow.openingFloatText().set("100000");

        slow.openShift();
        slow.openShift();

        assertThat(slow.busy().get()).isTrue();
        assertThat(queued).hasSize(1);
        queued.poll().run();
        assertThat(slow.busy().get()).isFalse();
        assertThat(slow.mode().get()).isEqualTo(Mode.OPEN);
        assertThat(shifts.current("sari")).isPresent();
    }

    @Test
    void aShiftOpenedElsewhereIsShownInsteadOfASecondOne() {
        model.activate();
        Shift elsewhere = shifts.open("sari", Money.of(75_000)); // e.g. "loket shift open" at the same counter
        model.openingFloatText().set("100000");

        model.openShift();

        assertThat(model.messageIsError().get()).isTrue();
        assertThat(model.message().get()).isEqualTo(Message.of("shift.error.alreadyOpen"));
        assertTranslated(model.message().get());
        assertThat(model.mode().get()).isEqualTo(Mode.OPEN);
        assertThat(model.shift().get()).isEqualTo(elsewhere);
        assertThat(model.recap().get().openingFloat()).isEqualTo(Money.of(75_000));
        assertThat(session.shift().get()).isEqualTo(elsewhere);
    }

    @Test
    void showsTheShiftTheSessionKnowsAndReadsItsRecap() {
        Shift open = shifts.open("sari", Money.of(120_000));
        session.shiftOpened(open);

        model.activate();

        assertThat(model.mode().get()).isEqualTo(Mode.OPEN);
        assertThat(model.shift().get()).isEqualTo(open);
        assertThat(model.recap().get().expected()).isEqualTo(Money.of(120_000));
    }

    @Test
    void aLedgerThatFailsIsAMessageNotACrash() {
        model.activate();
        shop.ledger().close();
        model.openingFloatText().set("100000");

        model.openShift();

        assertThat(model.busy().get()).isFalse();
        assertThat(model.messageIsError().get()).isTrue();
        assertThat(model.message().get()).isEqualTo(Message.of("shift.error.openFailed"));
        assertTranslated(model.message().get());
        assertThat(model.mode().get()).isEqualTo(Mode.NO_SHIFT);
        assertThat(session.shift().get()).isNull();
    }

    @Test
    void aLedgerThatCannotBeReadStillLeavesAFormAndSaysWhy() {
        shop.ledger().close();

        model.activate();

        assertThat(model.mode().get()).isEqualTo(Mode.NO_SHIFT);
        assertThat(model.messageIsError().get()).isTrue();
        assertThat(model.message().get()).isEqualTo(Message.of("shift.error.read"));
        assertTranslated(model.message().get());
    }

    // ---- closing -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "200000, 200.000, 0, EXACT",
        "200000, Rp 203.500, 3500, OVER",
        "200000, 190000, -10000, SHORT",
        "0, 0, 0, EXACT"})
    void closesWithTheCountAfterASecondEnterAndKeepsTheFinalRecap(long openingFloat, String typed, long diff,
            Balance balance) {
        ShiftViewModel m = openedWith(openingFloat);
        long shiftId = m.shift().get().id();

        m.countedText().set(typed);
        Money counted = Money.of(openingFloat + diff);
        assertThat(m.counted().get()).isEqualTo(counted);
        assertThat(m.difference().get()).isEqualTo(Money.of(diff));
        assertThat(m.balance().get()).isEqualTo(balance);

        m.submitClose();

        assertThat(m.confirming().get()).isTrue();
        assertThat(m.confirmation().get()).isEqualTo(Message.of("shift.close.confirm", counted.rupiah()));
        assertThat(m.confirmation().get().in(INDONESIAN))
                .isEqualTo("Tutup shift dengan kas dihitung " + counted.format(SettingsService.INDONESIAN)
                        + "? Enter = ya, Esc = batal");
        assertThat(m.confirmation().get().in(ENGLISH)).startsWith("Close the shift with "
                + counted.format(SettingsService.ENGLISH) + " counted?");
        assertThat(shifts.current("sari")).as("not closed on the first Enter").isPresent();

        m.submitClose();

        assertThat(m.mode().get()).isEqualTo(Mode.CLOSED);
        assertThat(m.confirming().get()).isFalse();
        assertThat(shifts.current("sari")).isEmpty();
        assertThat(session.shift().get()).isNull();
        assertThat(m.shift().get()).isNull();
        ShiftRecap last = m.recap().get();
        assertThat(last.shiftId()).isEqualTo(shiftId);
        assertThat(last.isClosed()).isTrue();
        assertThat(last.expected()).isEqualTo(Money.of(openingFloat));
        assertThat(last.counted()).contains(counted);
        assertThat(last.difference()).contains(Money.of(diff));
        assertThat(Balance.of(last.difference().orElseThrow())).isEqualTo(balance);
        assertThat(m.message().get()).isEqualTo(Message.of("shift.closed", shiftId));
        assertTranslated(m.message().get());
        assertThat(m.countedText().get()).isEmpty();

        m.deactivate();
        m.activate();
        assertThat(m.mode().get()).as("the final recap stays until the next shift").isEqualTo(Mode.CLOSED);
        assertThat(m.recap().get()).isEqualTo(last);

        m.openingFloatText().set("150000");
        m.openShift();
        assertThat(m.mode().get()).isEqualTo(Mode.OPEN);
        assertThat(m.recap().get().shiftId()).isNotEqualTo(shiftId);
    }

    @Test
    void escapeTakesTheQuestionBackAndNothingIsClosed() {
        ShiftViewModel m = openedWith(100_000);
        m.countedText().set("100000");
        m.submitClose();

        m.cancelClose();

        assertThat(m.confirming().get()).isFalse();
        assertThat(m.confirmation().get()).isEqualTo(Message.NONE);
        assertThat(m.countedText().get()).isEqualTo("100000");
        m.submitClose();
        assertThat(m.mode().get()).as("the next Enter asks again").isEqualTo(Mode.OPEN);
        assertThat(shifts.current("sari")).isPresent();
    }

    @Test
    void aChangedCountIsAskedAgain() {
        ShiftViewModel m = openedWith(100_000);
        m.countedText().set("100000");
        m.submitClose();

        m.countedText().set("90000");

        assertThat(m.confirming().get()).isFalse();
        m.submitClose();
        assertThat(m.confirmation().get()).isEqualTo(Message.of("shift.close.confirm", 90_000L));
        assertThat(shifts.current("sari")).isPresent();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''|shift.amount.empty", "sejuta|shift.amount.invalid",
        "-1000|shift.amount.negative"})
    void aBadCountIsRefusedAndNothingIsSent(String typed, String reason) {
        ShiftViewModel m = openedWith(100_000);
        int before = background.tasks;
        m.countedText().set(typed);

        m.submitClose();
        m.submitClose();

        assertThat(m.countedProblem().get()).isEqualTo(Message.of(reason));
        assertThat(m.confirming().get()).isFalse();
        assertThat(m.counted().get()).isNull();
        assertThat(m.difference().get()).isNull();
        assertThat(background.tasks).as("nothing sent").isEqualTo(before);
        assertThat(m.mode().get()).isEqualTo(Mode.OPEN);
        assertThat(shifts.current("sari")).isPresent();
    }

    @Test
    void closingWithNoShiftSaysSoAndSendsNothing() {
        model.activate();
        int before = background.tasks;
        model.countedText().set("100000");

        model.submitClose();
        model.submitClose();

        assertThat(model.messageIsError().get()).isTrue();
        assertThat(model.message().get()).isEqualTo(Message.of("shift.error.noneOpen"));
        assertTranslated(model.message().get());
        assertThat(background.tasks).isEqualTo(before);
        assertThat(model.mode().get()).isEqualTo(Mode.NO_SHIFT);
    }

    @Test
    void aShiftClosedElsewhereMeanwhileIsAMessageAndThePageCatchesUp() {
        ShiftViewModel m = openedWith(100_000);
        shifts.close("sari", Money.of(100_000)); // "loket shift close" at the same counter
        m.countedText().set("100000");

        m.submitClose();
        m.submitClose();

        assertThat(m.messageIsError().get()).isTrue();
        assertThat(m.message().get()).isEqualTo(Message.of("shift.error.noneOpen"));
        assertThat(m.mode().get()).isEqualTo(Mode.NO_SHIFT);
        assertThat(session.shift().get()).isNull();
    }

    // ---- the recap ---------------------------------------------------------------------------------------------

    @Test
    void theRecapFollowsEveryPaymentOfTheCounter(@TempDir Path bedDir) {
        try (PaymentTestBed bed = PaymentTestBed.in(bedDir).start()) {
            CounterSession counter = new CounterSession(PaymentTestBed.CLERK, bed.shifts(), Runnable::run,
                    Runnable::run);
            ShiftViewModel m = new ShiftViewModel(bed.shifts(), counter, bed.calendar(), Runnable::run,
                    Runnable::run);
            m.activate();
            m.openingFloatText().set("100.000");
            m.openShift();

            Payment paid = bed.plnBill().cash();
            counter.paid(paid.clientRef());
            assertThat(m.recap().get().succeeded()).isEqualTo(1);
            assertThat(m.recap().get().cashIn()).isEqualTo(paid.total());

            Payment failed = bed.order("PLN_POSTPAID", "512345672222").cash();
            counter.paid(failed.clientRef());
            Payment pending = bed.order("PLN_POSTPAID", "512345671111").cash();
            counter.paid(pending.clientRef());

            ShiftRecap recap = m.recap().get();
            Money expected = Money.of(100_000).plus(paid.total()).plus(pending.total());
            assertThat(recap.cashIn()).isEqualTo(paid.total().plus(failed.total()).plus(pending.total()));
            assertThat(recap.cashOut()).isEqualTo(failed.total());
            assertThat(recap.expected()).isEqualTo(expected);
            assertThat(recap.succeeded()).isEqualTo(1);
            assertThat(recap.failed()).isEqualTo(1);
            assertThat(recap.suspect()).isEqualTo(1);
            assertThat(m.byMethod()).containsExactly(
                    new RecapLine(Message.of("shift.method." + PaymentMethod.CASH.name()), 1, paid.total()));
            assertThat(m.byBiller()).containsExactly(
                    new RecapLine(Message.of("shift.recap.biller", "PLN_POSTPAID"), 1, paid.total()));
            m.byMethod().forEach(line -> assertTranslated(line.label()));
            assertThat(m.openItems()).containsExactly(pending.clientRef());

            m.countedText().set(expected.format(SettingsService.INDONESIAN));
            assertThat(m.balance().get()).isEqualTo(Balance.EXACT);
            m.submitClose();
            m.submitClose();

            assertThat(m.mode().get()).isEqualTo(Mode.CLOSED);
            assertThat(m.recap().get().difference()).contains(Money.ZERO);
            assertThat(m.openItems()).as("still pending: recovery settles them").containsExactly(pending.clientRef());
            bed.assertSound();
        }
    }

    @Test
    void aHiddenPageDoesNotReadTheLedgerForEachPayment() {
        ShiftViewModel m = openedWith(100_000);
        m.deactivate();
        int before = background.tasks;

        session.paid("LKT-20261122-0000000000");

        assertThat(background.tasks).isEqualTo(before);
        m.activate();
        assertThat(background.tasks).as("showing the page reads it again").isGreaterThan(before);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private ShiftViewModel openedWith(long openingFloat) {
        model.activate();
        model.openingFloatText().set(Long.toString(openingFloat));
        model.openShift();
        assertThat(model.mode().get()).isEqualTo(Mode.OPEN);
        return model;
    }

    /** The text exists in both languages and formats. */
    private static void assertTranslated(Message message) {
        assertThat(message.in(INDONESIAN)).isNotBlank().doesNotContain("{");
        assertThat(message.in(ENGLISH)).isNotBlank().doesNotContain("{");
    }
}
