package id.loket.ui;

import static id.loket.ui.CounterRobot.awaitTheBill;
import static id.loket.ui.CounterRobot.awaitCatalog;
import static id.loket.ui.CounterRobot.text;
import static id.loket.ui.CounterRobot.awaitText;
import static id.loket.ui.CounterRobot.await;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.GatewayResult;
import id.loket.core.JournalRules;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.Product;
import id.loket.core.ReceiptData;
import id.loket.journal.JournalService;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.payment.GatewayOutcome;
import id.loket.payment.Payment;
import id.loket.payment.PaymentCriteria;
import id.loket.payment.Shop;
import id.loket.reconcile.ReconciliationService;
import id.loket.testing.DigiflazzBed;
import id.loket.upstream.digiflazz.DigiflazzResult;
import id.loket.upstream.digiflazz.PlnCustomer;
import id.loket.upstream.digiflazz.Reply;
import id.loket.upstream.digiflazz.sim.SimulatedTransaction;
import id.loket.users.AuditService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
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
 * The counter as a clerk works it, from the keyboard only, with Digiflazz as the biller network: the Digiflazz
 * simulator on loopback, the real {@code DigiflazzClient} and {@code DigiflazzNetwork} in development mode, a real
 * SQLite ledger, the services of {@link DigiflazzBed} and one test clock. The window is the application's own; only
 * the printer is a recording fake (and operators and customers, unused here, live in a ledger of their own).
 */
@ExtendWith(ApplicationExtension.class)
class CounterDigiflazzTest {

    private static final String METER = "12345678901";
    /** Ends in 9: the simulator answers Pending, then Sukses on the first re-check. */
    private static final String PENDING_METER = "12345678909";
    /** The official PLN postpaid test number: one bill, paid Sukses. */
    private static final String POSTPAID_REF = "530000000001";
    private static final Shop SHOP = new Shop("Loket Berkah", "Jl. Merdeka 1, Bandung");
    private static final long OPENING_FLOAT = 100_000;
    private static final String TOKEN_SHOWN = "Token: \\d{4} \\d{4} \\d{4} \\d{4} \\d{4}";

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final List<String> printed = new CopyOnWriteArrayList<>();
    /** Operators and customers (not used by these flows) in a ledger of their own. */
    private final TestContexts shop = TestContexts.shop();
    private DigiflazzBed bed;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        bed = DigiflazzBed.start(dir.resolve("counter"));
        // Sari's shift is open when she signs in (the status bar shows it), as after opening it with Ctrl+3.
        bed.openShift(OPENING_FLOAT);
        shop.ledgerIn(dir.resolve("operators"));
        ReceiptDesk desk = (clientRef, reprint) -> {
            printed.add(clientRef + (reprint ? " reprint" : ""));
            return new ReceiptDesk.Printout(ReceiptDesk.Printout.Kind.PRINTED, "LoketPDF");
        };
        // The bed has no reconciliation: built as the app builds it, over the bed's ledger and network.
        ReconciliationService reconciliation = new ReconciliationService(bed.ledger().reconciliation(),
                bed.network(), bed.payments(), new JournalService(bed.ledger().journal(), DigiflazzBed.RULES),
                new AuditService(bed.ledger().audit(), bed.clock()), bed.calendar(),
                dir.resolve("counter").resolve("settlements"));
        UiContext context = new UiContext(bed.settings(),
                new LedgerMaintenance(bed.ledger().journal(), bed.ledger().snapshots(),
                        new LedgerVerifier(JournalRules.standard())),
                bed.billing(), bed.payments(), bed.shifts(), desk, shop.users(), shop.audit(), shop.customers(),
                reconciliation, new FakeReportDesk(), bed.calendar(),
                new Access.SignedIn(DigiflazzBed.CLERK, "Sari", false),
                new FakeAccess().with(DigiflazzBed.CLERK, "sari-counter-2026"), java.time.Duration.ZERO, background,
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
    void aPlnTokenIsSoldWithTheMetersNameFromDigiflazzAndItsTokenShownStoredAndPrinted(FxRobot robot)
            throws Exception {
        robot.type(KeyCode.F2);
        awaitCatalog(robot);
        assertThat(focused()).isSameAs(robot.lookup("#billerSearch").query());

        robot.write("token");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#chosenBiller")).isEqualTo("PLN Prabayar (Token Listrik) · PLN_PRABAYAR");
        robot.write(METER);
        List<String> offered = robot.lookup("#productList").<Product>queryListView().getItems().stream()
                .map(Product::name).toList();
        assertThat(offered).startsWith("PLN 20.000", "PLN 50.000", "PLN 100.000");
        robot.type(KeyCode.DOWN);   // into the denominations, on the first (PLN 20.000)
        robot.type(KeyCode.ENTER);
        awaitTheBill(robot);

        assertThat(text(robot, "#bill-name")).isEqualTo(nameOfMeter(METER)).isNotBlank();
        assertThat(text(robot, "#bill-detail-no_meter")).isEqualTo(METER);
        assertThat(text(robot, "#bill-detail-produk")).isEqualTo("PLN 20.000");
        assertThat(text(robot, "#total")).isEqualTo("Rp 20.150");
        robot.write("25000");
        assertThat(text(robot, "#change")).isEqualTo("Rp 4.850");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#confirmText")).contains("Bayar Rp 20.150").contains("Kembalian: Rp 4.850");
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#resultTitle", "Pembayaran berhasil");
        assertThat(text(robot, "#resultToken")).matches(TOKEN_SHOWN);
        Payment paid = onlyPayment();
        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(paid.method()).isEqualTo(PaymentMethod.CASH);
        assertThat(paid.bill().reference()).isEqualTo(METER);
        // The token is kept in the ledger (read back from the file), and it is the one the screen shows.
        String stored = bed.payments().find(paid.clientRef()).orElseThrow().outcome().flatMap(GatewayOutcome::token)
                .orElseThrow().replaceAll("\\D", "");
        assertThat(stored).hasSize(20);
        assertThat(text(robot, "#resultToken").replaceAll("\\D", "")).isEqualTo(stored);
        String sn = bed.simulator().transaction(paid.clientRef()).orElseThrow().sn();
        assertThat(sn.split("/")[0].replaceAll("\\D", "")).isEqualTo(stored);
        await(() -> printed.contains(paid.clientRef()));
        awaitText(robot, "#printStatus", "Struk dicetak di LoketPDF.");
        Label badge = robot.lookup("#sandboxBadge").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("TESTING");
        assertThat(badge.isVisible()).isTrue();
        assertThat(text(robot, "#shiftStatus")).isEqualTo("Shift #" + paid.shiftId() + " sejak 10:00");
        assertSound();
        Screenshots.save(stage, "counter-digiflazz-token-paid");
    }

    @Test
    void aPlnPostpaidBillIsShownAsDigiflazzSaysAndPaidOnceUnderItsLookUpsRef(FxRobot robot) throws Exception {
        robot.type(KeyCode.F2);
        awaitCatalog(robot);

        robot.write("pascabayar");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#chosenBiller")).isEqualTo("PLN Pascabayar · PLN");
        robot.write(POSTPAID_REF);
        robot.type(KeyCode.ENTER);
        awaitTheBill(robot);

        assertThat(text(robot, "#bill-name")).isEqualTo("Nama Pelanggan Pertama");
        assertThat(text(robot, "#bill-amount")).isEqualTo("Rp 8.500");
        assertThat(text(robot, "#bill-admin")).isEqualTo("Rp 2.500");
        assertThat(text(robot, "#total")).isEqualTo("Rp 11.000");
        assertThat(text(robot, "#bill-detail-tarif_daya")).isEqualTo("R1/1300 VA");
        assertThat(text(robot, "#bill-detail-periode")).isEqualTo("201901");
        // The look-up itself is held at Digiflazz under the ref_id the payment will use.
        List<SimulatedTransaction> looked = bed.simulator().transactions();
        assertThat(looked).hasSize(1);
        String lookUpRef = looked.get(0).refId();
        assertThat(looked.get(0).stage()).isEqualTo("inquiry");

        robot.write("20000");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#resultTitle", "Pembayaran berhasil");
        assertThat(text(robot, "#resultChange")).isEqualTo("Kembalian: Rp 9.000");
        Payment paid = onlyPayment();
        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(paid.bill().reference()).isEqualTo(POSTPAID_REF);
        assertThat(paid.clientRef()).isEqualTo(lookUpRef);
        List<SimulatedTransaction> held = bed.simulator().transactions();
        assertThat(held).hasSize(1);
        assertThat(held.get(0).refId()).isEqualTo(paid.clientRef());
        assertThat(held.get(0).customerNo()).isEqualTo(POSTPAID_REF);
        assertThat(held.get(0).stage()).isEqualTo("payment");
        assertThat(held.get(0).status()).isEqualTo("Sukses");
        await(() -> printed.contains(paid.clientRef()));
        assertSound();
    }

    @Test
    void aPendingTokenGetsAProvisionalSlipAndSettlesByItselfWhenRecoveryAsksAMinuteLater(FxRobot robot)
            throws Exception {
        robot.type(KeyCode.F2);
        awaitCatalog(robot);

        robot.write("token");
        robot.type(KeyCode.ENTER);
        robot.write(PENDING_METER);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        awaitTheBill(robot);
        robot.push(KeyCode.ALT, KeyCode.DIGIT1);   // exact amount
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#resultTitle", "Status pembayaran belum pasti");
        assertThat(text(robot, "#resultAdvice")).startsWith("Jangan kembalikan uang dan jangan ulangi pembayaran.");
        assertThat(robot.lookup("#resultToken").query().isVisible()).isFalse();
        Payment pending = onlyPayment();
        assertThat(pending.state()).isEqualTo(PaymentState.SUSPECT);
        await(() -> printed.contains(pending.clientRef()));
        ReceiptData slip = bed.payments().receipt(pending.clientRef(), SHOP, "Sari");
        assertThat(slip.provisional()).isTrue();
        assertThat(slip.token()).isEmpty();

        // As the app's scheduler would, past Digiflazz's one minute between two calls about one transaction.
        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        bed.payments().recover();

        Payment settled = bed.payments().find(pending.clientRef()).orElseThrow();
        assertThat(settled.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(settled.outcome().flatMap(GatewayOutcome::token)).hasValueSatisfying(t ->
                assertThat(t.replaceAll("\\D", "")).hasSize(20));
        assertThat(bed.payments().receipt(pending.clientRef(), SHOP, "Sari").provisional()).isFalse();
        assertThat(bed.transactionsOf(pending.clientRef())).hasSize(1);
        assertThat(bed.simulator().transactions()).hasSize(1);
        assertSound();
    }

    @Test
    void aDepositTooLowForTheProductIsRefusedInIndonesianBeforeAnythingIsWritten(FxRobot robot) throws Exception {
        robot.type(KeyCode.F2);
        awaitCatalog(robot);
        // The status bar's own deposit check has answered, so it cannot overwrite what the network is told below.
        await(() -> text(robot, "#gatewayStatus").startsWith("Gateway tersambung"));
        bed.simulator().setDeposit(10_000);   // below PLN 20.000's cost of Rp 20.150
        assertThat(bed.network().balance()).isInstanceOf(GatewayResult.Answer.class);
        int entriesBefore = journalEntries();

        robot.write("token");
        robot.type(KeyCode.ENTER);
        robot.write(METER);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        awaitTheBill(robot);
        robot.write("25000");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#counterMessage", "Saldo deposit di penyedia tidak cukup untuk transaksi ini; tidak ada"
                + " yang dibayar atau ditagih. Minta pemilik mengisi deposit dulu.");
        assertThat(robot.lookup("#billPanel").query().isVisible()).isTrue();
        assertThat(robot.lookup("#resultPanel").query().isVisible()).isFalse();
        assertThat(bed.payments().search(PaymentCriteria.any())).isEmpty();
        assertThat(journalEntries()).isEqualTo(entriesBefore);
        assertThat(bed.simulator().transactions()).isEmpty();
        assertThat(bed.simulator().deposit()).isEqualTo(10_000);
        assertThat(printed).isEmpty();
        assertSound();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The name Digiflazz's {@code /inquiry-pln} gives the meter, asked directly. */
    private String nameOfMeter(String meter) {
        DigiflazzResult<Reply<PlnCustomer>> answer = bed.client(bed.credentials(), DigiflazzBed.READ_TIMEOUT)
                .inquiryPln(meter);
        assertThat(answer).isInstanceOf(DigiflazzResult.Answer.class);
        Reply<PlnCustomer> reply = ((DigiflazzResult.Answer<Reply<PlnCustomer>>) answer).value();
        assertThat(reply).isInstanceOf(Reply.Ok.class);
        return ((Reply.Ok<PlnCustomer>) reply).value().name().strip();
    }

    private int journalEntries() {
        AtomicInteger count = new AtomicInteger();
        bed.ledger().journal().forEachEntry(e -> count.incrementAndGet());
        return count.get();
    }

    private void assertSound() {
        assertThat(bed.verify().problems()).isEmpty();
        assertThat(bed.verify().sound()).isTrue();
    }

    private Payment onlyPayment() {
        List<Payment> all = bed.payments().search(PaymentCriteria.any());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private Object focused() {
        return stage.getScene().getFocusOwner();
    }





}
