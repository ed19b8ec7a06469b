package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.GatewayError;
import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import id.loket.payment.Shop;
import id.loket.report.ReceiptMessages;
import id.loket.settings.SettingsService;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * History's "Kirim struk (WhatsApp)": a paid payment's receipt sent to the customer's phone (Shift+F5 or the button),
 * or, when the messenger refuses, the {@code wa.me} link with its QR; a failed payment has nothing to send.
 */
@ExtendWith(ApplicationExtension.class)
class HistorySendReceiptTest {

    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final FakeMessenger messenger = FakeMessenger.sending();

    @TempDir
    Path dir;

    private PaymentTestBed bed;
    private Payment paid;
    private Payment failed;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        bed = PaymentTestBed.in(dir).start();
        bed.openShift(500_000);
        paid = bed.plnBill().withChange(7_500).cash();
        failed = bed.order("PLN_POSTPAID", "512345672222").cash();
        ReceiptDesk desk = (clientRef, reprint) -> new ReceiptDesk.Printout(ReceiptDesk.Printout.Kind.PRINTED,
                "Kasir-58");
        CounterSession session = new CounterSession(PaymentTestBed.CLERK, bed.shifts(), background, Platform::runLater);
        ReceiptMessages messages = new ReceiptMessages(bed.payments(), messenger,
                new Shop("Loket Sari", "Jl. Pemuda 1, Demak"));
        HistoryViewModel history = new HistoryViewModel(bed.payments(), desk, bed.calendar(), session,
                Optional.of(messages), background, Platform::runLater);
        ControllerFactory controllers = ControllerFactory.builder()
                .register(HistoryView.class, () -> new HistoryView(history))
                .build();
        ViewLoader views = new ViewLoader(controllers, () -> Bundles.load(SettingsService.INDONESIAN));
        ViewLoader.View<HistoryView> view = views.load(FxmlFile.HISTORY, HistoryView.class);
        Scene scene = new Scene(view.root(), 1280, 768);
        scene.getStylesheets().add(HistorySendReceiptTest.class.getResource("/css/loket.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aPaidPaymentsReceiptIsSentWithShiftF5(FxRobot robot) throws TimeoutException {
        selectOnly(robot, PaymentTestBed.POSTPAID_REF, paid);
        assertThat(robot.lookup("#whatsAppButton").queryButton().isDisabled()).isFalse();
        assertThat(text(robot, ".history-keys")).contains("Shift+F5: kirim WA");

        robot.push(KeyCode.SHIFT, KeyCode.F5);

        assertThat(shown(robot, "#waPanel")).isTrue();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(robot.lookup("#waPhone").query());
        robot.write("081234567890");
        robot.type(KeyCode.ENTER);

        awaitText(robot, "#waStatus", "Struk terkirim ke 0812*****890.");
        assertThat(messenger.sent).singleElement().asString().startsWith("081234567890\n")
                .contains(PaymentTestBed.POSTPAID_REF);

        robot.type(KeyCode.ESCAPE);
        assertThat(shown(robot, "#waPanel")).isFalse();
    }

    @Test
    void aReceiptTheMessengerRefusesIsOfferedAsALinkFromTheButton(FxRobot robot) throws TimeoutException {
        messenger.refuseWith(GatewayError.WRONG_KEY, "token invalid");
        selectOnly(robot, PaymentTestBed.POSTPAID_REF, paid);

        robot.clickOn("#whatsAppButton");
        robot.clickOn("#waPhone").write("0812 3456 7890");
        robot.clickOn("#waSend");

        awaitText(robot, "#waStatus", "Struk tidak terkirim: token WhatsApp tidak diterima. Minta pemilik memeriksanya"
                + " di Pengaturan.");
        assertThat(robot.lookup("#waLink").queryAs(TextField.class).getText())
                .startsWith("https://wa.me/6281234567890?text=");
        assertThat(robot.lookup("#waLinkQr").queryAs(ImageView.class).getImage()).isNotNull();
        assertThat(messenger.sent).isEmpty();
    }

    @Test
    void aFailedPaymentHasNoReceiptToSend(FxRobot robot) throws TimeoutException {
        selectOnly(robot, "2222", failed);

        Button send = robot.lookup("#whatsAppButton").queryButton();
        assertThat(send.isDisabled()).isTrue();
        robot.push(KeyCode.SHIFT, KeyCode.F5);

        assertThat(shown(robot, "#waPanel")).isFalse();
        assertThat(text(robot, "#printMessage")).isEqualTo("Pembayaran gagal tidak punya struk.");
    }

    private static void selectOnly(FxRobot robot, String reference, Payment payment) throws TimeoutException {
        TableView<HistoryViewModel.Row> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.write(reference).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && table.getItems().get(0).clientRef().equals(payment.clientRef()));
        robot.type(KeyCode.DOWN);
        assertThat(table.getSelectionModel().getSelectedItem().clientRef()).isEqualTo(payment.clientRef());
    }

    private static void awaitText(FxRobot robot, String query, String expected) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> expected.equals(text(robot, query)));
        } catch (TimeoutException e) {
            throw new AssertionError(query + " says '" + text(robot, query) + "', not '" + expected + "'", e);
        }
    }

    private static boolean shown(FxRobot robot, String query) {
        for (Node n = robot.lookup(query).query(); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
