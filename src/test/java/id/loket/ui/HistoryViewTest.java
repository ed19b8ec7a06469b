package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import id.loket.settings.SettingsService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
 * The History page as a clerk works it from the keyboard, over a real ledger and the sandbox gateway: a paid, a
 * failed and a pending payment of today; the receipt desk is a fake that says it printed on "Kasir-58".
 */
@ExtendWith(ApplicationExtension.class)
class HistoryViewTest {

    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final List<String> printed = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private PaymentTestBed bed;
    private Payment paid;
    private Payment failed;
    private Payment pending;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        bed = PaymentTestBed.in(dir).start();
        bed.openShift(500_000);
        paid = bed.plnBill().withChange(7_500).cash();
        failed = bed.order("PLN_POSTPAID", "512345672222").cash();
        pending = bed.order("PDAM_BANDUNG", "12341111").cash();
        ReceiptDesk desk = (clientRef, reprint) -> {
            printed.add(clientRef + (reprint ? " reprint" : " original"));
            return new ReceiptDesk.Printout(ReceiptDesk.Printout.Kind.PRINTED, "Kasir-58");
        };
        CounterSession session = new CounterSession(PaymentTestBed.CLERK, bed.shifts(), background, Platform::runLater);
        HistoryViewModel history = new HistoryViewModel(bed.payments(), desk, bed.calendar(), session, background,
                Platform::runLater);
        ControllerFactory controllers = ControllerFactory.builder()
                .register(HistoryView.class, () -> new HistoryView(history))
                .build();
        ViewLoader views = new ViewLoader(controllers, () -> Bundles.load(SettingsService.INDONESIAN));
        ViewLoader.View<HistoryView> view = views.load(FxmlFile.HISTORY, HistoryView.class);
        view.root().setId("page-history");
        Scene scene = new Scene(view.root(), 1030, 700);
        scene.getStylesheets().add(HistoryViewTest.class.getResource("/css/loket.css").toExternalForm());
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
    void findsOpensAndReprintsAPaymentFromTheKeyboard(FxRobot robot) throws TimeoutException {
        TableView<HistoryViewModel.Row> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        assertThat(stage.getScene().getFocusOwner()).as("the focus starts in the reference")
                .isSameAs(robot.lookup("#reference").query());
        assertThat(text(robot, "#summary")).startsWith("3 pembayaran · 1 berhasil, jumlah Rp ");

        robot.write(PaymentTestBed.POSTPAID_REF);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).clientRef()).isEqualTo(paid.clientRef());

        robot.type(KeyCode.DOWN);
        assertThat(stage.getScene().getFocusOwner()).isSameAs(table);
        assertThat(table.getSelectionModel().getSelectedItem().clientRef()).isEqualTo(paid.clientRef());
        robot.type(KeyCode.ENTER);

        Node details = robot.lookup("#detailsPane").query();
        assertThat(details.isVisible()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#detail-change").tryQuery().isPresent());
        assertThat(text(robot, "#detail-total")).isEqualTo(paid.total().format(SettingsService.INDONESIAN));
        assertThat(text(robot, "#detail-change")).isEqualTo("Rp 7.500");
        assertThat(text(robot, "#detailsState")).isEqualTo("Berhasil");
        assertThat(text(robot, "#detailsAdvice")).startsWith("Berhasil: tagihan sudah dibayar.");
        TableView<HistoryViewModel.EventRow> events = robot.lookup("#eventsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.getItems().size() == 2);

        robot.push(new KeyCodeCombination(KeyCode.P, KeyCombination.CONTROL_DOWN));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> ("Struk " + paid.clientRef() + " dicetak ulang di Kasir-58.").equals(text(robot, "#printMessage")));
        assertThat(printed).containsExactly(paid.clientRef() + " reprint");

        robot.type(KeyCode.ESCAPE);
        assertThat(details.isVisible()).isFalse();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(table);
        robot.type(KeyCode.ESCAPE);
        assertThat(stage.getScene().getFocusOwner()).isSameAs(robot.lookup("#reference").query());
    }

    @Test
    void aFailedPaymentCannotBeReprintedAndThePageSaysWhy(FxRobot robot) throws TimeoutException {
        TableView<HistoryViewModel.Row> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);

        robot.write("2222").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && table.getItems().get(0).clientRef().equals(failed.clientRef()));
        robot.type(KeyCode.DOWN);

        Button reprint = robot.lookup("#reprintButton").queryButton();
        assertThat(reprint.isDisabled()).isTrue();
        assertThat(text(robot, "#reprintHint")).isEqualTo("Pembayaran gagal tidak punya struk.");
        robot.type(KeyCode.F5);
        assertThat(text(robot, "#printMessage")).isEqualTo("Pembayaran gagal tidak punya struk.");
        assertThat(printed).isEmpty();
        Node stateCell = robot.lookup(".history-state.state-failed").query();
        assertThat(((javafx.scene.control.Labeled) stateCell).getText()).isEqualTo("Gagal");
    }

    @Test
    void aPendingPaymentReprintsItsProvisionalSlipWithF5(FxRobot robot) throws TimeoutException {
        TableView<HistoryViewModel.Row> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);

        robot.type(KeyCode.DOWN);
        assertThat(table.getSelectionModel().getSelectedItem().clientRef()).isEqualTo(pending.clientRef());
        assertThat(robot.lookup(".row-state-suspect").tryQuery()).isPresent();
        robot.type(KeyCode.F5);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ("Slip sementara " + pending.clientRef()
                + " dicetak ulang di Kasir-58.").equals(text(robot, "#printMessage")));
        assertThat(printed).containsExactly(pending.clientRef() + " reprint");
    }

    @Test
    void aDateTheWrongWayRoundIsRefusedOnThePage(FxRobot robot) throws TimeoutException {
        TableView<HistoryViewModel.Row> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        TextField from = robot.lookup("#fromDay .text-field").queryAs(TextField.class);

        robot.clickOn(from);
        robot.push(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
        robot.write("01/01/2099").type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#error").startsWith("Tanggal \"dari\""));
        assertThat(table.getItems()).hasSize(3);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
