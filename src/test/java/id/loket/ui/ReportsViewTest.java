package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.JournalRules;
import id.loket.core.PaymentState;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import id.loket.settings.SettingsService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Reports page (the owner's dashboard) in the real window, over a real ledger and the sandbox gateway: two
 * successful cash payments and a failed one today; the day's totals, the chart per biller and per method, the tables,
 * and the daily recap sent to a recording report desk.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsViewTest {

    private static final KeyCodeCombination CTRL_5 = new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.CONTROL_DOWN);
    private static final KeyCodeCombination CTRL_P = new KeyCodeCombination(KeyCode.P, KeyCombination.CONTROL_DOWN);
    private static final long WAIT_SECONDS = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final FakeReportDesk reports = new FakeReportDesk();
    private final TestContexts shop = TestContexts.shop();
    private PaymentTestBed bed;
    private Payment electricity;
    private Payment water;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** After {@code @Start}: payments over HTTP and bcrypt do not belong on the FX thread. */
    @BeforeEach
    void setUpTheDay() throws Exception {
        bed = PaymentTestBed.in(dir).start();
        shop.ledgerIn(dir.resolve("operators"));
        shop.users().setUp("Toko Budi", "budi", "Budi Santoso", "warung budi buka jam tujuh");
        bed.openShift(500_000);
        electricity = bed.plnBill().withChange(0).cash();
        water = bed.order("PDAM_BANDUNG", "1234567").cash();
        Payment failed = bed.order("PLN_POSTPAID", "512345672222").cash();
        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        UiContext context = new UiContext(bed.settings(),
                new LedgerMaintenance(bed.ledger().journal(), bed.ledger().snapshots(),
                        new LedgerVerifier(JournalRules.standard())),
                bed.billing(), bed.payments(), bed.shifts(), (clientRef, reprint) -> new ReceiptDesk.Printout(
                        ReceiptDesk.Printout.Kind.PRINTED, "LoketPDF"), shop.users(), shop.audit(), shop.customers(),
                bed.reconciliation(), reports, bed.calendar(), new Access.SignedIn("budi", "Budi Santoso", true),
                new FakeAccess(), java.time.Duration.ZERO, background, "0.1.0-test", dir.toString(), TestContexts.NO_CONNECTION_TEST);
        WaitForAsyncUtils.asyncFx(() -> new MainWindow(context).show(stage)).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        if (bed != null) {
            bed.close();
        }
        shop.ledger().close();
    }

    @Test
    void showsTheDaysTotalsChartsAndTablesAndPrintsTheRecap(FxRobot robot) throws Exception {
        LocalDate today = bed.calendar().today();
        robot.push(CTRL_5);
        DatePicker picker = robot.lookup("#page-reports #dayPicker").queryAs(DatePicker.class);
        waitUntil(() -> picker.getEditor().isFocused() || picker.isFocused());
        assertThat(picker.getValue()).isEqualTo(today);
        waitUntil(() -> text(robot, "#countValue").equals("2"));

        assertThat(text(robot, "#totalValue"))
                .isEqualTo(electricity.total().plus(water.total()).format(SettingsService.INDONESIAN));
        assertThat(text(robot, "#shopFeesValue")).isEqualTo("Rp 0");
        assertThat(text(robot, "#failedValue")).isEqualTo("1");
        assertThat(text(robot, "#suspectValue")).isEqualTo("0");

        BarChart<Number, String> billers = billerChart(robot);
        assertThat(billers.getData()).hasSize(1);
        assertThat(billers.getData().get(0).getData()).extracting(XYChart.Data::getYValue)
                .containsExactly("PDAM Tirtawening Kota Bandung", "PLN Pascabayar");
        XYChart.Data<Number, String> pln = billers.getData().get(0).getData().get(1);
        assertThat(pln.getXValue().longValue()).isEqualTo(electricity.total().rupiah());
        assertThat(pln.getNode()).as("the bar is drawn").isNotNull();
        assertThat(robot.lookup("#page-reports .chart-bar").queryAll().stream()
                .filter(n -> !n.getStyleClass().contains("bar-legend-symbol"))).hasSize(2);
        PieChart methods = robot.lookup("#page-reports #methodChart").queryAs(PieChart.class);
        assertThat(methods.getData()).extracting(PieChart.Data::getName).containsExactly("Tunai (2)");

        TableView<?> billerTable = robot.lookup("#page-reports #billerTable").queryTableView();
        assertThat(billerTable.getItems()).hasSize(2);
        TableView<?> clerkTable = robot.lookup("#page-reports #clerkTable").queryTableView();
        assertThat(clerkTable.getItems()).hasSize(1);
        assertThat(robot.lookup("#page-reports #clerkTable .table-cell").queryAll().stream()
                .map(c -> ((Labeled) c).getText())).contains(PaymentTestBed.CLERK);
        Screenshots.save(stage, "reports-today");

        robot.push(CTRL_P);
        String day = DAY.format(today);
        waitUntil(() -> text(robot, "#reportMessage").equals("Rekap harian " + day + " dicetak: LoketPDF"));
        robot.clickOn("#page-reports #saveButton");
        waitUntil(() -> text(robot, "#reportMessage").equals("Rekap harian " + day + " disimpan: /tmp/rekap-" + today
                + ".pdf"));
        assertThat(reports.calls).containsExactly("print recap " + today, "save recap " + today);

        // Page Up: yesterday, which had no payments.
        robot.type(KeyCode.PAGE_UP);
        waitUntil(() -> text(robot, "#countValue").equals("0"));
        assertThat(picker.getValue()).isEqualTo(today.minusDays(1));
        assertThat(text(robot, "#emptyNote")).isEqualTo("Belum ada pembayaran berhasil pada "
                + DAY.format(today.minusDays(1)) + ".");
        assertThat(robot.lookup("#page-reports #chartsRow").query().isVisible()).isFalse();
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil(() -> text(robot, "#countValue").equals("2"));
    }

    @SuppressWarnings("unchecked")
    private static BarChart<Number, String> billerChart(FxRobot robot) {
        return robot.lookup("#page-reports #billerChart").queryAs(BarChart.class);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup("#page-reports " + query).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
