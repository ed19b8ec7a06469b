package id.loket.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.GatewayResult;
import id.loket.billing.PaymentAcceptance;
import id.loket.core.AccountCode;
import id.loket.core.ChargeChannel;
import id.loket.core.EntryKind;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.Posting;
import id.loket.reconcile.ItemKind;
import id.loket.reconcile.ReconciliationItem;
import id.loket.reconcile.RunResult;
import id.loket.reconcile.RunTrigger;
import id.loket.upstream.midtrans.MidtransAcceptance;
import id.loket.upstream.midtrans.MidtransClient;
import id.loket.upstream.midtrans.sim.MidtransFault;
import id.loket.upstream.midtrans.sim.MidtransSimulator;
import id.loket.upstream.midtrans.sim.MidtransSimulatorOptions;
import id.loket.upstream.midtrans.sim.SimulatedCharge;
import id.loket.users.TestOperators;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter's non-cash money through Midtrans (the simulator, written from Midtrans' docs), over the whole payment:
 * the charge recorded before it is asked for, shown, paid through the simulator's admin call, the bill paid once;
 * cancelled with the charge withdrawn at Midtrans; a lost answer found by its order id; a crash between asking and
 * recording settled by recovery; and the night's run confirming each charge by its signed status, with a charge paid
 * after it was cancelled booked as owed back.
 */
class MidtransPaymentTest {

    /** The sticker of research §3.3: Warung Sayur Bu Sugeng. */
    static final String STATIC_QRIS = "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI"
            + "51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab."
            + " Demak610559567630458C7";

    @TempDir
    Path dir;

    private MidtransSimulator midtrans;
    private PaymentTestBed bed;
    private final AtomicBoolean crashAfterCharge = new AtomicBoolean();

    @BeforeEach
    void start() {
        midtrans = MidtransSimulator.start(MidtransSimulatorOptions.defaults());
        bed = PaymentTestBed.in(dir).sandbox(o -> o.withSettleImmediately(true))
                .acceptance(clock -> crashing(acceptance(clock))).start();
        bed.openShift(500_000);
    }

    @AfterEach
    void stop() {
        bed.close();
        midtrans.close();
    }

    private PaymentAcceptance acceptance(Clock clock) {
        return new MidtransAcceptance(new MidtransClient(midtrans.baseUri(), MidtransSimulatorOptions.DEFAULT_SERVER_KEY,
                Duration.ofSeconds(5), Duration.ofSeconds(2)), clock, d -> { }, Duration.ZERO);
    }

    /** Midtrans as it is, except that, when armed, the counter "dies" right after Midtrans made the charge. */
    private PaymentAcceptance crashing(PaymentAcceptance real) {
        return new PaymentAcceptance() {
            @Override
            public id.loket.billing.NetworkInfo acceptanceInfo() {
                return real.acceptanceInfo();
            }

            @Override
            public java.util.Set<ChargeChannel> channels() {
                return real.channels();
            }

            @Override
            public GatewayResult<Charge> createCharge(ChargeRequest request) {
                GatewayResult<Charge> made = real.createCharge(request);
                if (crashAfterCharge.getAndSet(false)) {
                    throw new IllegalStateException("the counter stopped (simulated crash after the charge was made)");
                }
                return made;
            }

            @Override
            public GatewayResult<Charge> charge(String chargeId) {
                return real.charge(chargeId);
            }

            @Override
            public GatewayResult<Charge> findCharge(ChargeRequest request) {
                return real.findCharge(request);
            }

            @Override
            public GatewayResult<Charge> cancelCharge(String chargeId) {
                return real.cancelCharge(chargeId);
            }
        };
    }

    private Payment charge(ChargeChannel channel) {
        PayOrder order = bed.plnBill();
        return bed.payments().startCharge(PaymentTestBed.CLERK, order.biller(), order.inquiry(), channel,
                Optional.empty(), Optional.empty());
    }

    private List<SimulatedCharge> atMidtrans(String orderId) {
        return midtrans.charges().stream().filter(c -> c.orderId().equals(orderId)).toList();
    }

    @Test
    void aQrisChargeIsShownThenPaidAtMidtransAndTheBillIsPaidOnce() {
        Payment waiting = charge(ChargeChannel.QRIS);

        assertThat(waiting.state()).isEqualTo(PaymentState.CHARGE_PENDING);
        ChargeDetails shown = waiting.charge().orElseThrow();
        assertThat(shown.chargeId()).as("Midtrans' order id is the payment's client_ref").isEqualTo(waiting.clientRef());
        assertThat(shown.qrString()).hasValueSatisfying(q -> assertThat(q).startsWith("000201"));
        assertThat(shown.channel()).contains(ChargeChannel.QRIS);
        assertThat(bed.payments().pollCharge(waiting.clientRef()).progress()).isEqualTo(ChargePoll.Progress.WAITING);

        midtrans.settle(waiting.clientRef());
        ChargePoll poll = bed.payments().pollCharge(waiting.clientRef());

        assertThat(poll.progress()).isEqualTo(ChargePoll.Progress.PAID);
        assertThat(poll.payment().state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(bed.sandbox().paymentsOf(waiting.clientRef())).as("the bill is paid once").hasSize(1);
        assertThat(atMidtrans(waiting.clientRef())).hasSize(1);
        assertThat(bed.payments().find(waiting.clientRef()).orElseThrow().charge().orElseThrow().qrString())
                .as("what was shown is kept").isEqualTo(shown.qrString());
        assertThat(bed.kindsOf(waiting.clientRef())).containsExactly(EntryKind.PENDING, EntryKind.POST_PENDING);
        id.loket.core.ReceiptData receipt = bed.payments().receipt(waiting.clientRef(), new Shop("Loket", "Demak"),
                PaymentTestBed.CLERK);
        assertThat(receipt.sandbox()).as("no real money: the bill at the house sandbox, the charge in Midtrans'"
                + " sandbox").isTrue();
        assertThat(receipt.testing()).as("the house sandbox names itself SANDBOX").isFalse();
    }

    @Test
    void eachBankAndWalletIsChargedAndShowsWhatTheCustomerNeeds() {
        Payment bca = charge(ChargeChannel.VA_BCA);
        assertThat(bca.charge().orElseThrow().vaNumber()).isPresent();
        PayOrder water = bed.order("PDAM_BANDUNG", "12345678");
        Payment mandiri = bed.payments().startCharge(PaymentTestBed.CLERK, water.biller(), water.inquiry(),
                ChargeChannel.MANDIRI_BILL, Optional.empty(), Optional.empty());
        assertThat(mandiri.charge().orElseThrow().billerCode()).contains("70012");
        assertThat(mandiri.charge().orElseThrow().vaNumber()).as("the bill key").isPresent();
        assertThat(atMidtrans(bca.clientRef())).singleElement().satisfies(c ->
                assertThat(c.paymentType()).isEqualTo("bank_transfer"));
        assertThat(atMidtrans(mandiri.clientRef())).singleElement().satisfies(c ->
                assertThat(c.paymentType()).isEqualTo("echannel"));
    }

    @Test
    void escWithdrawsTheChargeAtMidtransAndNothingIsBooked() {
        Payment waiting = charge(ChargeChannel.VA_BNI);

        Payment cancelled = bed.payments().cancelCharge(waiting.clientRef());

        assertThat(cancelled.state()).isEqualTo(PaymentState.CANCELLED);
        assertThat(atMidtrans(waiting.clientRef())).singleElement().satisfies(c ->
                assertThat(c.transactionStatus()).isEqualTo("cancel"));
        assertThat(bed.entriesOf(waiting.clientRef())).isEmpty();
        assertThat(bed.sandbox().paymentsOf(waiting.clientRef())).isEmpty();
    }

    @Test
    void aCustomerWhoPaidJustBeforeEscGetsTheBillPaid() {
        Payment waiting = charge(ChargeChannel.QRIS);
        midtrans.settle(waiting.clientRef());

        Payment after = bed.payments().cancelCharge(waiting.clientRef());

        assertThat(after.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(bed.sandbox().paymentsOf(waiting.clientRef())).hasSize(1);
    }

    @Test
    void aLostAnswerIsFoundByItsOrderIdNeverASecondCharge() {
        midtrans.armFault(MidtransFault.dropAfterProcessing().on(MidtransFault.Endpoint.CHARGE).times(3));

        Payment waiting = charge(ChargeChannel.VA_BRI);

        assertThat(waiting.state()).isEqualTo(PaymentState.CHARGE_PENDING);
        assertThat(waiting.charge().orElseThrow().vaNumber()).isPresent();
        assertThat(midtrans.charges()).as("one order at Midtrans").hasSize(1);
    }

    @Test
    void aForgedStatusIsNotPaid() {
        Payment waiting = charge(ChargeChannel.QRIS);
        midtrans.armFault(MidtransFault.forgedSignature().on(MidtransFault.Endpoint.STATUS));

        ChargePoll poll = bed.payments().pollCharge(waiting.clientRef());

        assertThat(poll.progress()).isEqualTo(ChargePoll.Progress.WAITING);
        assertThat(bed.entriesOf(waiting.clientRef())).isEmpty();
        assertThat(bed.sandbox().paymentsOf(waiting.clientRef())).isEmpty();
    }

    @Test
    void aWrongServerKeyIsAClearRefusalAndNothingIsCharged() {
        bed.close();
        midtrans.close();
        midtrans = MidtransSimulator.start(MidtransSimulatorOptions.defaults().withServerKey("SB-Mid-server-other"));
        bed = PaymentTestBed.in(dir.resolve("wrong-key")).acceptance(this::acceptance).start();
        bed.openShift(0);

        assertThatThrownBy(() -> charge(ChargeChannel.QRIS))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.CHARGE_NOT_STARTED);
                    assertThat(e.getMessage()).containsIgnoringCase("key");
                });
        assertThat(midtrans.charges()).isEmpty();
        assertThat(bed.payments().search(PaymentCriteria.any())).singleElement().satisfies(p ->
                assertThat(p.state()).isEqualTo(PaymentState.CANCELLED));
    }

    @Test
    void aCrashAfterMidtransMadeTheChargeIsWithdrawnByRecovery() {
        crashAfterCharge.set(true);
        assertThatThrownBy(() -> charge(ChargeChannel.QRIS)).hasMessageContaining("simulated crash");
        Payment asked = bed.payments().search(PaymentCriteria.any()).get(0);
        assertThat(asked.state()).isEqualTo(PaymentState.NEW);
        bed.appClock().advance(PaymentService.DEFAULT_SENT_GRACE.plusSeconds(1));

        bed.payments().recover();

        Payment after = bed.payments().find(asked.clientRef()).orElseThrow();
        assertThat(after.state()).isEqualTo(PaymentState.CANCELLED);
        assertThat(atMidtrans(asked.clientRef())).singleElement().satisfies(c ->
                assertThat(c.transactionStatus()).isEqualTo("cancel"));
        assertThat(bed.entriesOf(asked.clientRef())).isEmpty();
    }

    @Test
    void aCrashAfterTheCustomerPaidPaysTheBillOnceOnRecovery() {
        crashAfterCharge.set(true);
        assertThatThrownBy(() -> charge(ChargeChannel.QRIS)).hasMessageContaining("simulated crash");
        Payment asked = bed.payments().search(PaymentCriteria.any()).get(0);
        midtrans.settle(asked.clientRef());
        bed.appClock().advance(PaymentService.DEFAULT_SENT_GRACE.plusSeconds(1));

        bed.payments().recover();
        bed.payments().recover();

        assertThat(bed.payments().find(asked.clientRef()).orElseThrow().state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(bed.sandbox().paymentsOf(asked.clientRef())).as("paid once").hasSize(1);
    }

    @Test
    void theNightConfirmsChargesAndBooksAChargePaidAfterEscAsOwedBack() {
        bed.reconciliation().recordTopUp(TestOperators.owner(), bed.calendar().today(), Money.of(10_000_000),
                "saldo awal");
        Payment paid = charge(ChargeChannel.QRIS);
        midtrans.settle(paid.clientRef());
        assertThat(bed.payments().pollCharge(paid.clientRef()).payment().state()).isEqualTo(PaymentState.SUCCESS);
        PayOrder water = bed.order("PDAM_BANDUNG", "12345678");
        Payment late = bed.payments().startCharge(PaymentTestBed.CLERK, water.biller(), water.inquiry(),
                ChargeChannel.QRIS, Optional.empty(), Optional.empty());
        Money owed = late.amounts().gatewayTotal();
        // Esc, but the withdrawal never reaches Midtrans; the customer pays the charge anyway.
        midtrans.armFault(MidtransFault.http503().on(MidtransFault.Endpoint.CANCEL));
        midtrans.armFault(MidtransFault.http503().on(MidtransFault.Endpoint.STATUS));
        assertThat(bed.payments().cancelCharge(late.clientRef()).state()).isEqualTo(PaymentState.CANCELLED);
        midtrans.settle(late.clientRef());

        RunResult.Reconciled run = (RunResult.Reconciled) bed.reconciliation().reconcile(bed.calendar().today(),
                RunTrigger.COMMAND, Optional.empty());

        assertThat(run.items()).filteredOn(i -> i.kind() == ItemKind.REFUND_DUE).singleElement().satisfies(i ->
                assertThat(i.clientRef()).contains(late.clientRef()));
        assertThat(run.items()).extracting(ReconciliationItem::clientRef).doesNotContain(Optional.of(paid.clientRef()));
        Payment owedBack = bed.payments().find(late.clientRef()).orElseThrow();
        assertThat(owedBack.refundDue()).isTrue();
        assertThat(bed.balance(AccountCode.REFUNDS_DUE).postedNet().negate()).isEqualTo(owed);
        bed.assertSound();

        RunResult.Reconciled again = (RunResult.Reconciled) bed.reconciliation().reconcile(bed.calendar().today(),
                RunTrigger.COMMAND, Optional.empty());
        assertThat(again.items()).filteredOn(i -> i.kind() == ItemKind.REFUND_DUE).hasSize(1);
        assertThat(bed.balance(AccountCode.REFUNDS_DUE).postedNet().negate()).as("booked once").isEqualTo(owed);
    }

    @Test
    void aChargeReversedAfterItWasTakenIsNotConfirmed() {
        bed.reconciliation().recordTopUp(TestOperators.owner(), bed.calendar().today(), Money.of(10_000_000),
                "saldo awal");
        Payment paid = charge(ChargeChannel.VA_PERMATA);
        midtrans.settle(paid.clientRef());
        assertThat(bed.payments().pollCharge(paid.clientRef()).payment().state()).isEqualTo(PaymentState.SUCCESS);
        midtrans.reverse(paid.clientRef());

        RunResult.Reconciled run = (RunResult.Reconciled) bed.reconciliation().reconcile(bed.calendar().today(),
                RunTrigger.COMMAND, Optional.empty());

        assertThat(run.items()).filteredOn(i -> i.kind() == ItemKind.CHARGE_NOT_CONFIRMED).singleElement()
                .satisfies(i -> assertThat(i.gatewayStatus()).contains("REVERSED"));
    }

    @Test
    void theShopsStaticQrisIsConfirmedByTheClerkBookedApartAndListedForTheOwner() {
        PayOrder order = bed.plnBill();
        assertThatThrownBy(() -> bed.payments().payByStaticQris(PaymentTestBed.CLERK, order.biller(), order.inquiry(),
                Optional.empty())).isInstanceOfSatisfying(PaymentRefusedException.class, e ->
                        assertThat(e.reason()).isEqualTo(PaymentRefusedException.Reason.WRONG_METHOD));
        bed.settings().setStaticQris(TestOperators.owner(), STATIC_QRIS);
        bed.reconciliation().recordTopUp(TestOperators.owner(), bed.calendar().today(), Money.of(10_000_000),
                "saldo awal");

        Payment paid = bed.payments().payByStaticQris(PaymentTestBed.CLERK, order.biller(), order.inquiry(),
                Optional.empty());

        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(paid.method()).isEqualTo(PaymentMethod.STATIC_QRIS);
        assertThat(bed.entriesOf(paid.clientRef()).get(1).entry().postings()).contains(
                Posting.debit(AccountCode.QRIS_STATIC, paid.total()));
        RunResult.Reconciled run = (RunResult.Reconciled) bed.reconciliation().reconcile(bed.calendar().today(),
                RunTrigger.COMMAND, Optional.empty());
        assertThat(run.items()).filteredOn(i -> i.kind() == ItemKind.STATIC_QRIS_TO_TICK_OFF).singleElement()
                .satisfies(i -> {
                    assertThat(i.clientRef()).contains(paid.clientRef());
                    assertThat(i.isOpen()).as("the owner ticks it off").isTrue();
                });
        assertThat(midtrans.charges()).as("Midtrans never hears of it").isEmpty();
    }
}
