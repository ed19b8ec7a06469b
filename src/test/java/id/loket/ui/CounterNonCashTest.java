package id.loket.ui;

import static id.loket.ui.CounterRobot.await;
import static id.loket.ui.CounterRobot.awaitCatalog;
import static id.loket.ui.CounterRobot.awaitText;
import static id.loket.ui.CounterRobot.awaitTheBill;
import static id.loket.ui.CounterRobot.showThePostpaidBill;
import static id.loket.ui.CounterRobot.text;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.GatewayError;
import id.loket.core.ChargeChannel;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.payment.Payment;
import id.loket.payment.PaymentCriteria;
import id.loket.payment.PaymentTestBed;
import id.loket.payment.Shop;
import id.loket.qris.QrisPayload;
import id.loket.report.ReceiptMessages;
import id.loket.settings.SettingsService;
import id.loket.users.TestOperators;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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
 * The counter's non-cash money from the keyboard at 1366×768, over the sandbox gateway and a real ledger: the shop's
 * static QRIS (confirmed with Ctrl+Enter only), a gateway with several banks (the bank chooser, a Mandiri
 * bill, TESTING), a payment link's phone, and the receipt sent to the customer's WhatsApp or offered as a link.
 */
@ExtendWith(ApplicationExtension.class)
class CounterNonCashTest {

    /** A static QRIS of a real shop's sticker (research vector): DANA, "Warung Sayur Bu Sugeng", Kab. Demak. */
    static final String STATIC_QRIS = "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI5144"
            + "0014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. "
            + "Demak610559567630458C7";
    private static final long SHOP_FEE = 2_500;

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final List<String> printed = new CopyOnWriteArrayList<>();
    private final TestContexts shop = TestContexts.shop();
    private final FakeMessenger messenger = FakeMessenger.refusing(GatewayError.NOT_SUPPORTED, "no messenger");
    private PaymentTestBed bed;
    private ChannelsUpstreams gateway;
    private CounterViewModel counter;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        bed = PaymentTestBed.in(dir).gateway(house -> gateway = new ChannelsUpstreams(house)).start();
        bed.settings().setStaticQris(TestOperators.owner(), STATIC_QRIS);
        bed.settings().setBillerFee(TestOperators.owner(), "PLN_POSTPAID", Optional.of(Money.of(SHOP_FEE)));
        shop.ledgerIn(dir.resolve("operators"));
        ReceiptDesk desk = (clientRef, reprint) -> {
            printed.add(clientRef + (reprint ? " reprint" : ""));
            return new ReceiptDesk.Printout(ReceiptDesk.Printout.Kind.PRINTED, "LoketPDF");
        };
        CounterSession session = new CounterSession(PaymentTestBed.CLERK, bed.shifts(), background,
                Platform::runLater);
        ReceiptMessages messages = new ReceiptMessages(bed.payments(), messenger,
                new Shop("Loket Sari", "Jl. Pemuda 1, Demak"));
        counter = new CounterViewModel(bed.billing(), bed.payments(), shop.customers(), desk, bed.calendar(),
                session, bed.settings()::staticQris, Optional.of(messages), background, Platform::runLater);
        CounterRobot.mount(stage, counter);
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
    void theShopsStaticQrisShowsTheAmountAndIsConfirmedWithCtrlEnterOnly(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);
        showThePostpaidBill(robot);
        assertThat(shown(robot, "#method-STATIC_QRIS")).as("F12 is offered: a static QRIS is set").isTrue();

        robot.type(KeyCode.F12);
        assertThat(shown(robot, "#staticPanel")).isTrue();
        assertThat(robot.lookup("#staticQr").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(text(robot, "#staticMerchant")).isEqualTo("Warung Sayur Bu Sugeng · Kab. Demak");
        assertThat(text(robot, "#staticNmid")).matches("NMID …\\d{4}");
        assertThat(text(robot, "#staticWarning")).isEqualTo("Metode ini tanpa konfirmasi otomatis: pastikan uang"
                + " sudah masuk di aplikasi/HP toko sebelum konfirmasi.");
        // The customer pays the shop fee too (a gateway charge could not carry it), and the code asks that amount.
        Money total = onFx(() -> counter.amounts().get().total());
        Money bill = onFx(() -> counter.inquiry().get().amount().plus(counter.inquiry().get().adminFee()));
        assertThat(total).isEqualTo(bill.plus(Money.of(SHOP_FEE)));
        assertThat(text(robot, "#staticTotal")).isEqualTo(total.format(SettingsService.INDONESIAN));
        QrisPayload drawn = QrisPayload.parse(onFx(() -> counter.staticQrisCode().get().payload()));
        assertThat(drawn.amount()).hasValueSatisfying(
                amount -> assertThat(amount).isEqualByComparingTo(BigDecimal.valueOf(total.rupiah())));
        assertThat(drawn.merchantName()).isEqualTo("Warung Sayur Bu Sugeng");
        Screenshots.save(stage, "counter-static-qris");

        // Esc goes back to the bill, nothing written; F12 shows the code again.
        robot.type(KeyCode.ESCAPE);
        assertThat(shown(robot, "#billPanel")).isTrue();
        assertThat(shown(robot, "#staticPanel")).isFalse();
        robot.type(KeyCode.F12);
        assertThat(shown(robot, "#staticPanel")).isTrue();

        // A reflex Enter does not pay.
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#counterMessage")).startsWith("Enter saja tidak mengonfirmasi.");
        assertThat(shown(robot, "#staticPanel")).isTrue();
        assertThat(bed.payments().search(PaymentCriteria.any())).isEmpty();

        robot.push(KeyCode.CONTROL, KeyCode.ENTER);

        awaitText(robot, "#resultTitle", "Pembayaran berhasil");
        Payment paid = onlyPayment();
        assertThat(paid.method()).isEqualTo(PaymentMethod.STATIC_QRIS);
        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(paid.total()).isEqualTo(total);
        await(() -> printed.contains(paid.clientRef()));
        assertThat(bed.sandbox().paymentCount()).as("the biller is paid once").isEqualTo(1);
    }

    @Test
    void withoutAStaticQrisF12IsNotOffered(FxRobot robot) throws Exception {
        bed.settings().setStaticQris(TestOperators.owner(), "");
        bed.openShift(0);
        awaitCatalog(robot);
        showThePostpaidBill(robot);
        await(() -> !shown(robot, "#method-STATIC_QRIS"));

        robot.type(KeyCode.F12);

        assertThat(shown(robot, "#staticPanel")).isFalse();
        assertThat(text(robot, "#counterMessage")).startsWith("Cara bayar ini tidak tersedia sekarang");
    }

    @Test
    void theHouseGatewayTakesOneBankSoAVirtualAccountAsksForNone(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);
        showThePostpaidBill(robot);

        robot.type(KeyCode.F9);

        assertThat(shown(robot, "#bankBox")).isFalse();
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#confirmText")).contains("Virtual account BCA");
        robot.type(KeyCode.ENTER);
        await(() -> text(robot, "#chargeCode").startsWith("Nomor VA: "));
        assertThat(text(robot, "#chargeTitle")).isEqualTo("Minta pelanggan mentransfer ke virtual account BCA");
        assertThat(shown(robot, "#chargeBadge")).as("the house sandbox is not a provider's TESTING").isFalse();
        robot.type(KeyCode.ESCAPE);
        awaitText(robot, "#resultTitle", "Tidak dibayar");
    }

    @Test
    void aGatewayWithSeveralBanksHasTheClerkChooseOneByKeyAndShowsTesting(FxRobot robot) throws Exception {
        gateway.everyChannelInTestMode();
        bed.openShift(0);
        awaitCatalog(robot);
        showThePostpaidBill(robot);

        robot.type(KeyCode.F9);

        assertThat(shown(robot, "#bankBox")).isTrue();
        Screenshots.save(stage, "counter-va-bank-chooser");
        assertThat(robot.lookup("#bankChooser").queryAs(javafx.scene.layout.FlowPane.class).getChildren())
                .extracting(Node::getId)
                .containsExactly("bank-VA_BCA", "bank-VA_BNI", "bank-VA_BRI", "bank-VA_PERMATA", "bank-MANDIRI_BILL");
        assertThat(selected(robot, "#bank-VA_BCA")).as("BCA first").isTrue();
        robot.type(KeyCode.DIGIT2);
        assertThat(selected(robot, "#bank-VA_BNI")).isTrue();
        robot.type(KeyCode.DOWN);
        assertThat(selected(robot, "#bank-VA_BRI")).isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#confirmText")).contains("Virtual account BRI");
        robot.type(KeyCode.ENTER);

        await(() -> text(robot, "#chargeCode").startsWith("Nomor VA: "));
        assertThat(text(robot, "#chargeTitle")).isEqualTo("Minta pelanggan mentransfer ke virtual account BRI");
        assertThat(shown(robot, "#chargeBadge")).isTrue();
        assertThat(text(robot, "#chargeBadge")).isEqualTo("TESTING");
        Screenshots.save(stage, "counter-va-bri-waiting");
        assertThat(gateway.lastCharge().orElseThrow().channel()).isEqualTo(ChargeChannel.VA_BRI);
        Payment waiting = onlyPayment();
        assertThat(waiting.charge().orElseThrow().channel()).contains(ChargeChannel.VA_BRI);
        assertThat(text(robot, "#chargeCode")).isEqualTo("Nomor VA: "
                + waiting.charge().orElseThrow().vaNumber().orElseThrow());

        robot.type(KeyCode.ESCAPE);
        awaitText(robot, "#resultTitle", "Tidak dibayar");
        assertThat(onlyPayment().state()).isEqualTo(PaymentState.CANCELLED);
    }

    @Test
    void aMandiriBillShowsTheBillerCodeAndTheBillKeyAndIsPaidWhenTheCustomerPays(FxRobot robot) throws Exception {
        gateway.everyChannelInTestMode();
        bed.openShift(0);
        awaitCatalog(robot);
        showThePostpaidBill(robot);

        robot.type(KeyCode.F9);
        robot.type(KeyCode.DIGIT5);
        assertThat(selected(robot, "#bank-MANDIRI_BILL")).isTrue();
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);

        await(() -> text(robot, "#chargeCode").startsWith("Kode bayar "));
        assertThat(text(robot, "#chargeBillerCode")).isEqualTo("Kode biller " + ChannelsUpstreams.MANDIRI_BILLER_CODE);
        assertThat(shown(robot, "#billerCodeRow")).isTrue();
        Screenshots.save(stage, "counter-mandiri-bill-waiting");
        Payment waiting = onlyPayment();
        assertThat(waiting.charge().orElseThrow().billerCode()).contains(ChannelsUpstreams.MANDIRI_BILLER_CODE);

        bed.sandbox().customerPays(waiting.charge().orElseThrow().chargeId());

        awaitText(robot, "#resultTitle", "Pembayaran berhasil");
        await(() -> printed.contains(waiting.clientRef()));
    }

    @Test
    void aPaymentLinkTakesTheCustomersPhoneBeforeEnter(FxRobot robot) throws Exception {
        bed.openShift(0);
        awaitCatalog(robot);
        showThePostpaidBill(robot);

        robot.type(KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(robot.lookup("#linkPhone").query());
        robot.write("0812-3456-7890");
        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#confirmText")).contains("Tautan bayar");
        robot.type(KeyCode.ENTER);

        await(() -> text(robot, "#chargeCode").startsWith("http"));
        assertThat(gateway.lastCharge().orElseThrow().phone()).contains("0812-3456-7890");
        assertThat(robot.lookup("#chargeQr").queryAs(ImageView.class).getImage()).isNotNull();
    }

    @Test
    void aReceiptTheMessengerCannotSendIsOfferedAsAWaMeLinkWithItsQr(FxRobot robot) throws Exception {
        Payment paid = payCash(robot);

        robot.push(KeyCode.SHIFT, KeyCode.F5);

        assertThat(shown(robot, "#waPanel")).isTrue();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(robot.lookup("#waPhone").query());
        robot.write("081234567890");
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#waStatus", "Struk tidak terkirim: belum ada layanan WhatsApp di Pengaturan.");
        assertThat(robot.lookup("#waLink").queryAs(TextField.class).getText())
                .startsWith("https://wa.me/6281234567890?text=");
        assertThat(shown(robot, "#waLinkBox")).isTrue();
        assertThat(robot.lookup("#waLinkQr").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(messenger.sent).isEmpty();
        Screenshots.save(stage, "counter-whatsapp-link");

        // Esc closes the panel, then Enter serves the next customer.
        robot.type(KeyCode.ESCAPE);
        assertThat(shown(robot, "#waPanel")).isFalse();
        assertThat(text(robot, "#resultTitle")).isEqualTo("Pembayaran berhasil");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(robot.lookup("#billerSearch").query());
        assertThat(onlyPayment().clientRef()).isEqualTo(paid.clientRef());
    }

    @Test
    void aReceiptTheMessengerTakesIsSentToTheCustomersPhone(FxRobot robot) throws Exception {
        messenger.send();
        Payment paid = payCash(robot);

        robot.push(KeyCode.SHIFT, KeyCode.F5);
        robot.write("0812-3456-7890");
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#waStatus", "Struk terkirim ke 0812*****890.");
        assertThat(shown(robot, "#waLinkBox")).isFalse();
        assertThat(messenger.sent).singleElement().asString().startsWith("0812-3456-7890\n")
                .contains(paid.bill().reference());
        assertThat(robot.lookup("#waPhone").query().isFocused() || robot.lookup("#nextButton").query().isFocused())
                .as("the focus stays in the counter, so Enter and Esc still reach it").isTrue();

        // Sent: Enter serves the next customer, never a second send.
        robot.type(KeyCode.ENTER);

        await(() -> !shown(robot, "#resultPanel"));
        assertThat(messenger.sent).hasSize(1);
    }

    @Test
    void aRefusedNumberIsSaidInWords(FxRobot robot) throws Exception {
        messenger.refuseWith(GatewayError.INVALID_PHONE, "target invalid");
        payCash(robot);

        robot.push(KeyCode.SHIFT, KeyCode.F5);
        robot.write("0812-3456-7890");
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#waStatus", "Struk tidak terkirim: nomor ini tidak dapat menerima WhatsApp. Periksa"
                + " nomornya dengan pelanggan.");
    }

    private Payment payCash(FxRobot robot) throws TimeoutException {
        bed.openShift(0);
        awaitCatalog(robot);
        showThePostpaidBill(robot);
        robot.push(KeyCode.ALT, KeyCode.DIGIT1);
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#resultTitle", "Pembayaran berhasil");
        assertThat(text(robot, "#keysHint")).contains("F5 cetak ulang · Shift+F5 kirim WA");
        assertThat(shown(robot, "#waButton")).isTrue();
        return onlyPayment();
    }


    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static boolean shown(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean selected(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ToggleButton.class).isSelected();
    }

    private Payment onlyPayment() {
        List<Payment> all = bed.payments().search(PaymentCriteria.any());
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
