package id.loket.ui;

import static id.loket.ui.CounterRobot.awaitTheBill;
import static id.loket.ui.CounterRobot.showThePostpaidBill;
import static id.loket.ui.CounterRobot.awaitCatalog;
import static id.loket.ui.CounterRobot.text;
import static id.loket.ui.CounterRobot.awaitText;
import static id.loket.ui.CounterRobot.await;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.JournalRules;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.payment.Payment;
import id.loket.payment.PaymentCriteria;
import id.loket.payment.PaymentTestBed;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The counter as a clerk works it, from the keyboard only, against the sandbox gateway over HTTP and a real
 * SQLite ledger: the window is the application's own, only the printer is a recording fake.
 */
@ExtendWith(ApplicationExtension.class)
class CounterFlowTest {

    private static final String PREPAID_METER = "14123456789";
    private static final String TELKOM_REF = "022123456789";

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final List<String> printed = new CopyOnWriteArrayList<>();
    private PaymentTestBed bed;
    /** Operators and customers (not used by these flows) in a ledger of their own. */
    private final TestContexts shop = TestContexts.shop();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        bed = PaymentTestBed.in(dir).start();
        shop.ledgerIn(dir.resolve("operators"));
        ReceiptDesk desk = (clientRef, reprint) -> {
            printed.add(clientRef + (reprint ? " reprint" : ""));
            return new ReceiptDesk.Printout(ReceiptDesk.Printout.Kind.PRINTED, "LoketPDF");
        };
        UiContext context = new UiContext(bed.settings(),
                new LedgerMaintenance(bed.ledger().journal(), bed.ledger().snapshots(),
                        new LedgerVerifier(JournalRules.standard())),
                bed.billing(), bed.payments(), bed.shifts(), desk, shop.users(), shop.audit(), shop.customers(),
                bed.reconciliation(), new FakeReportDesk(), bed.calendar(),
                new Access.SignedIn(PaymentTestBed.CLERK, "Sari", false),
                new FakeAccess().with(PaymentTestBed.CLERK, "sari-counter-2026"), java.time.Duration.ZERO, background,
                "0.1.0-test", dir.toString(), TestContexts.NO_CONNECTION_TEST);
        new MainWindow(context).show(stage);
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        if (bed != null) {
            bed.close();
        }
        shop.ledger().close();
    }

    @Test
    void aPlnPostpaidCashPaymentTakesFourKeysBesidesTheReferenceAndTheAmount(FxRobot robot) throws Exception {
        bed.openShift(200_000);
        awaitCatalog(robot);
        assertThat(focused()).isSameAs(robot.lookup("#billerSearch").query());

        // The keys counted by the benchmark: Enter, Enter, Enter, Enter; the rest is the reference and the amount.
        robot.type(KeyCode.ENTER);
        robot.write(PaymentTestBed.POSTPAID_REF);
        robot.type(KeyCode.ENTER);
        await(() -> robot.lookup("#total").queryAs(Label.class).getText().startsWith("Rp "));
        String total = digitsOf(robot.lookup("#total").queryAs(Label.class).getText());
        assertThat(text(robot, "#bill-name")).isNotBlank();
        assertThat(text(robot, "#chosenBiller")).contains("PLN Pascabayar");
        robot.write(Long.toString(Long.parseLong(total) + 5_000));
        assertThat(text(robot, "#change")).isEqualTo("Rp 5.000");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#confirmText")).contains("Bayar Rp ").contains("Kembalian: Rp 5.000");
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#resultTitle", "Pembayaran berhasil");
        assertThat(text(robot, "#resultChange")).isEqualTo("Kembalian: Rp 5.000");
        Payment paid = onlyPayment();
        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(paid.method()).isEqualTo(PaymentMethod.CASH);
        assertThat(paid.bill().reference()).isEqualTo(PaymentTestBed.POSTPAID_REF);
        await(() -> printed.contains(paid.clientRef()));
        awaitText(robot, "#printStatus", "Struk dicetak di LoketPDF.");
        bed.assertSound();

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused()).isSameAs(robot.lookup("#billerSearch").query());
        assertThat(robot.lookup("#reference").queryAs(TextField.class).getText()).isEmpty();
        robot.type(KeyCode.F5);
        await(() -> printed.contains(paid.clientRef() + " reprint"));
    }

    @Test
    void aPlnPrepaidTokenIsPaidWithTheProductChosenByArrowKeysAndTheTokenShown(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);

        robot.write("prabayar");
        robot.type(KeyCode.ENTER);
        robot.write(PREPAID_METER);
        robot.type(KeyCode.DOWN);   // into the denominations, on the first (Token PLN 20.000)
        robot.type(KeyCode.DOWN);   // Token PLN 50.000
        robot.type(KeyCode.ENTER);
        awaitTheBill(robot);
        robot.push(KeyCode.ALT, KeyCode.DIGIT1);   // exact amount
        assertThat(text(robot, "#change")).isEqualTo("Rp 0");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#resultTitle", "Pembayaran berhasil");
        Payment paid = onlyPayment();
        assertThat(paid.amounts().bill().rupiah()).isEqualTo(50_000);
        assertThat(text(robot, "#resultToken")).matches("Token: \\d{4} \\d{4} \\d{4} \\d{4} \\d{4}");
    }

    @Test
    void aQrisChargeShowsTheCodeCountsDownAndPaysOnceTheCustomerHasPaid(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);

        showThePostpaidBill(robot);
        robot.type(KeyCode.F8);
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#confirmText")).contains("QRIS");
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#chargeTitle", "Minta pelanggan memindai QRIS ini");
        await(() -> robot.lookup("#chargeQr").queryAs(ImageView.class).getImage() != null);
        await(() -> text(robot, "#countdown").startsWith("Berlaku "));
        Payment waiting = onlyPayment();
        assertThat(waiting.state()).isEqualTo(PaymentState.CHARGE_PENDING);

        bed.sandbox().customerPays(waiting.charge().orElseThrow().chargeId());

        awaitText(robot, "#resultTitle", "Pembayaran berhasil");
        assertThat(onlyPayment().state()).isEqualTo(PaymentState.SUCCESS);
        bed.assertSound();
    }

    @Test
    void aWaterBillIsPaidByDebitCardWithTheEdcApprovalCode(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);

        robot.write("bandung");
        robot.type(KeyCode.ENTER);
        robot.write("1234567");
        robot.type(KeyCode.ENTER);
        awaitTheBill(robot);
        robot.type(KeyCode.F7);
        robot.write("12");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#counterMessage")).startsWith("Kode approval harus 4–12 huruf atau angka");
        robot.write("ab34");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#confirmText")).contains("Kartu debit (EDC)");
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#resultTitle", "Pembayaran berhasil");
        Payment paid = onlyPayment();
        assertThat(paid.method()).isEqualTo(PaymentMethod.DEBIT_CARD);
        assertThat(paid.approvalCode()).contains("12AB34");
        assertThat(paid.bill().billerCode()).isEqualTo("PDAM_BANDUNG");
    }

    @Test
    void aPaymentLinkShowsItsAddressAndQrAndAPhoneBillIsPaidThroughIt(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);

        robot.write("telkom");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#chosenBiller")).contains("TELKOM");
        robot.write(TELKOM_REF);
        robot.type(KeyCode.ENTER);
        awaitTheBill(robot);
        robot.type(KeyCode.F11);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);

        await(() -> text(robot, "#chargeCode").startsWith("http"));
        await(() -> robot.lookup("#chargeQr").queryAs(ImageView.class).getImage() != null);
        Payment waiting = onlyPayment();
        assertThat(waiting.method()).isEqualTo(PaymentMethod.PAYMENT_LINK);
        assertThat(text(robot, "#chargeCode")).isEqualTo(waiting.charge().orElseThrow().paymentUrl().orElseThrow());

        bed.sandbox().customerPays(waiting.charge().orElseThrow().chargeId());

        awaitText(robot, "#resultTitle", "Pembayaran berhasil");
        assertThat(onlyPayment().bill().billerCode()).isEqualTo("TELKOM");
    }

    @Test
    void escCancelsAWaitingChargeAndNothingIsPaid(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);

        showThePostpaidBill(robot);
        robot.type(KeyCode.F9);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        await(() -> text(robot, "#chargeCode").startsWith("Nomor VA: "));

        robot.type(KeyCode.ESCAPE);

        awaitText(robot, "#resultTitle", "Tidak dibayar");
        assertThat(onlyPayment().state()).isEqualTo(PaymentState.CANCELLED);
        assertThat(bed.sandbox().paymentCount()).isZero();
        assertThat(printed).isEmpty();
    }

    @Test
    void aGatewayTimeoutEndsSuspectWithAProvisionalSlipAndThePlainInstruction(FxRobot robot) throws Exception {
        bed.openShift(100_000);
        awaitCatalog(robot);
        bed.sandbox().fault("timeout", "payments");

        showThePostpaidBill(robot);
        robot.push(KeyCode.ALT, KeyCode.DIGIT1);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#resultTitle", "Status pembayaran belum pasti");
        assertThat(text(robot, "#resultAdvice")).startsWith("Jangan kembalikan uang dan jangan ulangi pembayaran.");
        Payment suspect = onlyPayment();
        assertThat(suspect.state()).isEqualTo(PaymentState.SUSPECT);
        await(() -> printed.contains(suspect.clientRef()));
    }

    @Test
    void aReferenceThatFailsThePatternIsRefusedBeforeTheGatewayIsAsked(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);

        robot.type(KeyCode.ENTER);
        robot.write("12345");
        assertThat(text(robot, "#referenceHint")).isEqualTo("ID Pelanggan harus 12 angka. Periksa nomornya.");
        robot.type(KeyCode.ENTER);

        assertThat(text(robot, "#counterMessage")).isEqualTo("ID Pelanggan harus 12 angka. Periksa nomornya.");
        assertThat(focused()).isSameAs(robot.lookup("#reference").query());
        assertThat(robot.lookup("#billPanel").query().isVisible()).isFalse();
    }

    @Test
    void cashBelowTheTotalCannotBeConfirmed(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);

        showThePostpaidBill(robot);
        robot.write("1000");
        robot.type(KeyCode.ENTER);

        assertThat(text(robot, "#counterMessage")).startsWith("Uang kurang Rp ");
        assertThat(robot.lookup("#confirmPanel").query().isVisible()).isFalse();
        assertThat(bed.payments().search(PaymentCriteria.any())).isEmpty();
    }

    @Test
    void withoutAnOpenShiftTheClerkIsSentToOpenOneAndNothingIsPaid(FxRobot robot) throws Exception {
        awaitCatalog(robot);

        showThePostpaidBill(robot);
        robot.push(KeyCode.ALT, KeyCode.DIGIT1);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#counterMessage",
                "Belum ada shift yang dibuka. Buka shift dulu (Ctrl+3); tidak ada yang dibayar.");
        assertThat(bed.payments().search(PaymentCriteria.any())).isEmpty();
        assertThat(bed.sandbox().paymentCount()).isZero();
    }

    @Test
    void theStatusBarShowsTheClerkAndTheirShift(FxRobot robot) throws Exception {
        awaitText(robot, "#clerkStatus", "Kasir: " + PaymentTestBed.CLERK);
        awaitText(robot, "#shiftStatus", "Belum buka shift (Ctrl+3)");
    }



    private Payment onlyPayment() {
        List<Payment> all = bed.payments().search(PaymentCriteria.any());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private Object focused() {
        return stage.getScene().getFocusOwner();
    }





    private static String digitsOf(String rupiah) {
        return rupiah.replaceAll("[^0-9]", "");
    }
}
