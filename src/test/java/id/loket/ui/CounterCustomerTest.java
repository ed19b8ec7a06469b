package id.loket.ui;

import static id.loket.ui.CounterRobot.text;
import static id.loket.ui.CounterRobot.await;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.customers.Customer;
import id.loket.customers.CustomerService;
import id.loket.customers.SentCodes;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.core.ClientRefs;
import id.loket.payment.Payment;
import id.loket.payment.PaymentCriteria;
import id.loket.payment.PaymentService;
import id.loket.payment.PaymentTestBed;
import id.loket.users.TestOperators;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * A regular customer at the counter: F4 finds them, their saved number is paid with one Enter, and a payment
 * above the owner's amount needs them verified. Real services against the sandbox, as the app wires them.
 */
@ExtendWith(ApplicationExtension.class)
class CounterCustomerTest {

    private static final String BUDI_NIK = "3273011508850001";

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final TestContexts shop = TestContexts.shop();
    private PaymentTestBed bed;
    private CustomerService customers;
    private PaymentService payments;

    @Start
    void start(Stage stage) {
        bed = PaymentTestBed.in(dir).start();
        shop.ledgerIn(dir.resolve("operators"));
        SentCodes sandbox = otpId -> Optional.of(bed.sandbox().get("/sandbox/otp/" + otpId).path("code").asText());
        customers = new CustomerService(bed.ledger().customers(), bed.gateway(), sandbox, bed.appClock());
        payments = new PaymentService(bed.ledger().payments(), bed.gateway(), bed.gateway(), bed.shifts(), bed.settings(),
                PaymentTestBed.RULES, bed.calendar(), new ClientRefs(new SecureRandom()),
                PaymentService.DEFAULT_SENT_GRACE, customers);
        ReceiptDesk desk = (clientRef, reprint) -> new ReceiptDesk.Printout(ReceiptDesk.Printout.Kind.PRINTED, "LoketPDF");
        UiContext context = new UiContext(bed.settings(),
                new LedgerMaintenance(bed.ledger().journal(), bed.ledger().snapshots(),
                        new LedgerVerifier(JournalRules.standard())),
                bed.billing(), payments, bed.shifts(), desk, shop.users(), shop.audit(), customers, bed.reconciliation(),
                new FakeReportDesk(), bed.calendar(),
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
    void aLargePaymentIsRefusedWithoutAVerifiedCustomerAndPaidWithTheirSavedNumber(FxRobot robot) throws Exception {
        Customer budi = customers.register("Budi Santoso", BUDI_NIK, "0812-3456-7890", Optional.empty(),
                Optional.empty());
        customers.verify(budi.id(), customers.requestOtp(budi.id()).sandboxCode().orElseThrow());
        customers.saveReference(budi.id(), "PLN_POSTPAID", PaymentTestBed.POSTPAID_REF, Optional.of("Rumah"));
        bed.settings().setVerifiedCustomerAbove(TestOperators.owner(), Money.of(1_000));
        bed.openShift(0);
        await(() -> !robot.lookup("#billerList").queryListView().getItems().isEmpty());

        // Without a customer: refused before anything is sent.
        robot.type(KeyCode.ENTER);
        robot.write(PaymentTestBed.POSTPAID_REF);
        robot.type(KeyCode.ENTER);
        await(() -> text(robot, "#total").startsWith("Rp "));
        robot.push(KeyCode.ALT, KeyCode.DIGIT1);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        await(() -> text(robot, "#counterMessage").startsWith("Pembayaran sebesar ini perlu pelanggan terverifikasi"));
        assertThat(bed.sandbox().paymentCount()).isZero();

        // Back to the start, F4, the customer by phone, their saved number.
        robot.type(KeyCode.ESCAPE, 3);
        robot.type(KeyCode.F4);
        robot.write("0812345");
        await(() -> robot.listWindows().stream().anyMatch(w -> w.isShowing()
                && w instanceof impl.org.controlsfx.skin.AutoCompletePopup<?> popup
                && !popup.getSuggestions().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        await(() -> text(robot, "#customerChip").startsWith("Budi Santoso"));
        assertThat(text(robot, "#customerChip")).endsWith("TERVERIFIKASI");
        await(() -> robot.lookup("#savedRefs").queryListView().getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        await(() -> text(robot, "#total").startsWith("Rp "));
        robot.push(KeyCode.ALT, KeyCode.DIGIT1);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);

        await(() -> "Pembayaran berhasil".equals(text(robot, "#resultTitle")));
        List<Payment> all = payments.search(PaymentCriteria.any());
        assertThat(all).hasSize(1);
        assertThat(payments.customerOf(all.get(0).clientRef())).contains(budi.id());
    }


}
