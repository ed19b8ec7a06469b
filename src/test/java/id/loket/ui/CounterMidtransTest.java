package id.loket.ui;

import static id.loket.ui.CounterRobot.await;
import static id.loket.ui.CounterRobot.awaitCatalog;
import static id.loket.ui.CounterRobot.awaitText;
import static id.loket.ui.CounterRobot.awaitTheBill;
import static id.loket.ui.CounterRobot.showThePostpaidBill;
import static id.loket.ui.CounterRobot.text;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.ChargeChannel;
import id.loket.core.PaymentState;
import id.loket.payment.Payment;
import id.loket.payment.PaymentCriteria;
import id.loket.payment.PaymentTestBed;
import id.loket.payment.Shop;
import id.loket.qris.QrisPayload;
import id.loket.report.ReceiptMessages;
import id.loket.upstream.midtrans.MidtransAcceptance;
import id.loket.upstream.midtrans.MidtransClient;
import id.loket.upstream.midtrans.sim.MidtransSimulator;
import id.loket.upstream.midtrans.sim.MidtransSimulatorOptions;
import id.loket.upstream.midtrans.sim.SimulatedCharge;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The counter from the keyboard with Midtrans taking the non-cash money (its simulator, written from Midtrans'
 * docs, over loopback; the bills paid at the house sandbox): a QRIS charge shown as a QR, paid through the
 * simulator's admin call, the bill paid and the receipt printed; a BCA virtual account cancelled with Esc and
 * withdrawn at Midtrans.
 */
@ExtendWith(ApplicationExtension.class)
class CounterMidtransTest {

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final List<String> printed = new CopyOnWriteArrayList<>();
    private final TestContexts shop = TestContexts.shop();
    private MidtransSimulator midtrans;
    private PaymentTestBed bed;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        midtrans = MidtransSimulator.start(MidtransSimulatorOptions.defaults());
        bed = PaymentTestBed.in(dir).acceptance(clock -> new MidtransAcceptance(new MidtransClient(midtrans.baseUri(),
                MidtransSimulatorOptions.DEFAULT_SERVER_KEY, Duration.ofSeconds(5), Duration.ofSeconds(5)), clock))
                .start();
        shop.ledgerIn(dir.resolve("operators"));
        ReceiptDesk desk = (clientRef, reprint) -> {
            printed.add(clientRef);
            return new ReceiptDesk.Printout(ReceiptDesk.Printout.Kind.PRINTED, "LoketPDF");
        };
        CounterSession session = new CounterSession(PaymentTestBed.CLERK, bed.shifts(), background,
                Platform::runLater);
        ReceiptMessages messages = new ReceiptMessages(bed.payments(), UiContext.NO_MESSENGER,
                new Shop("Loket Sari", "Jl. Pemuda 1, Demak"));
        CounterViewModel counter = new CounterViewModel(bed.billing(), bed.payments(), shop.customers(), desk,
                bed.calendar(), session, bed.settings()::staticQris, Optional.of(messages), background,
                Platform::runLater);
        CounterRobot.mount(stage, counter);
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        try {
            if (bed != null) {
                bed.close();
            }
            shop.ledger().close();
        } finally {
            midtrans.close();
        }
    }

    @Test
    void aQrisChargeIsShownPaidAtMidtransAndTheReceiptPrinted(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);
        showThePostpaidBill(robot);

        robot.type(KeyCode.F8);
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#confirmText")).contains("QRIS");
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#chargeTitle", "Minta pelanggan memindai QRIS ini");
        await(() -> robot.lookup("#chargeQr").queryAs(ImageView.class).getImage() != null);
        assertThat(text(robot, "#chargeBadge")).as("a Midtrans sandbox key is TESTING").isEqualTo("TESTING");
        Screenshots.save(stage, "counter-midtrans-qris");
        Payment waiting = onlyPayment();
        assertThat(waiting.state()).isEqualTo(PaymentState.CHARGE_PENDING);
        assertThat(waiting.charge().orElseThrow().channel()).contains(ChargeChannel.QRIS);
        QrisPayload shown = QrisPayload.parse(waiting.charge().orElseThrow().qrString().orElseThrow());
        assertThat(shown.isStatic()).as("Midtrans' QR is dynamic").isFalse();

        midtrans.settle(waiting.clientRef());

        awaitText(robot, "#resultTitle", "Pembayaran berhasil");
        assertThat(onlyPayment().state()).isEqualTo(PaymentState.SUCCESS);
        await(() -> printed.contains(waiting.clientRef()));
        assertThat(bed.sandbox().paymentsOf(waiting.clientRef())).as("the bill is paid once").hasSize(1);
        bed.assertSound();
    }

    @Test
    void aBcaVirtualAccountCancelledWithEscIsWithdrawnAtMidtrans(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);
        showThePostpaidBill(robot);

        robot.type(KeyCode.F9);
        robot.type(KeyCode.DIGIT1);
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#confirmText")).contains("Virtual account BCA");
        robot.type(KeyCode.ENTER);
        await(() -> text(robot, "#chargeCode").startsWith("Nomor VA: "));
        Payment waiting = onlyPayment();
        assertThat(text(robot, "#chargeCode")).isEqualTo("Nomor VA: "
                + waiting.charge().orElseThrow().vaNumber().orElseThrow());

        robot.type(KeyCode.ESCAPE);

        awaitText(robot, "#resultTitle", "Tidak dibayar");
        assertThat(onlyPayment().state()).isEqualTo(PaymentState.CANCELLED);
        List<SimulatedCharge> atMidtrans = midtrans.charges();
        assertThat(atMidtrans).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo(waiting.clientRef());
            assertThat(c.paymentType()).isEqualTo("bank_transfer");
            assertThat(c.transactionStatus()).isEqualTo("cancel");
        });
        assertThat(bed.sandbox().paymentsOf(waiting.clientRef())).isEmpty();
        assertThat(printed).isEmpty();
    }

    @Test
    void aChargeWhoseWaitRunsOutIsWithdrawnAtMidtrans(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);
        showThePostpaidBill(robot);
        robot.type(KeyCode.F8);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#chargeTitle", "Minta pelanggan memindai QRIS ini");
        Payment waiting = onlyPayment();

        // The counter's clock passes the charge's expiry; Midtrans' own expiry has not come (it may lag).
        bed.appClock().advance(Duration.ofMinutes(16));

        awaitText(robot, "#resultTitle", "Tidak dibayar");
        assertThat(midtrans.charges()).singleElement().satisfies(c ->
                assertThat(c.transactionStatus()).isEqualTo("cancel"));
        assertThat(bed.payments().find(waiting.clientRef()).orElseThrow().state()).isIn(PaymentState.CANCELLED,
                PaymentState.CHARGE_EXPIRED);
        assertThat(bed.sandbox().paymentsOf(waiting.clientRef())).isEmpty();
    }


    private Payment onlyPayment() {
        List<Payment> all = bed.payments().search(PaymentCriteria.any());
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
