package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.base.NodeMatchers.isVisible;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window as the clerk meets it: a sandbox shop, Indonesian, with a sound three-entry ledger. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final InMemorySettingsStore settings = new InMemorySettingsStore();
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MainWindow(TestContexts.shop().settings(settings).context(background, dir)).show(stage);
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void opensInIndonesianWithSandboxShownAndTheFocusInTheBillerSearch(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Loket");
        assertThat(stage.getMinWidth()).isEqualTo(MainWindow.MIN_WIDTH);
        verifyThat("#nav-pay-name", hasText("Bayar"));
        verifyThat("#nav-history-name", hasText("Riwayat"));
        verifyThat("#nav-settings-name", hasText("Pengaturan"));
        verifyThat("#sandboxBadge", hasText("SANDBOX"));
        verifyThat("#sandboxBadge", isVisible());
        verifyThat("#page-pay #title", hasText("Bayar"));
        verifyThat("#version", hasText("Loket 0.1.0-test"));
        verifyThat("#clerkStatus", hasText("Kasir: sari"));
        assertThat(stage.getScene().getFocusOwner()).isSameAs(robot.lookup("#billerSearch").query());
    }

    @Test
    void showsTheLedgerStatusOnceVerified(FxRobot robot) throws TimeoutException {
        Label status = robot.lookup("#ledgerStatus").queryAs(Label.class);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Buku besar sehat · 3 entri".equals(status.getText()));

        assertThat(status.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("sound"));
    }

    @Test
    void clickingASectionShowsItsPage(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-reports");

        verifyThat("#page-reports #title", hasText("Laporan"));
        verifyThat("#page-reports #printButton", hasText("Cetak rekap harian"));
        Label count = robot.lookup("#page-reports #countValue").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "0".equals(count.getText()));
        assertThat(robot.lookup("#nav").queryListView().getSelectionModel().getSelectedItem())
                .isEqualTo(Section.REPORTS);
    }

    @Test
    void theShortcutsOpenTheirSections(FxRobot robot) {
        robot.type(KeyCode.F3);
        assertThat(robot.lookup("#page-history").tryQuery()).isPresent();

        robot.push(new KeyCodeCombination(KeyCode.DIGIT6, KeyCombination.CONTROL_DOWN));
        verifyThat("#page-reconciliation #title", hasText("Rekonsiliasi"));
        assertThat(robot.lookup("#nav").queryListView().getSelectionModel().getSelectedItem())
                .isEqualTo(Section.RECONCILIATION);

        robot.type(KeyCode.F2);
        verifyThat("#page-pay #title", hasText("Bayar"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).as("F2 starts a payment in the biller search")
                .isSameAs(robot.lookup("#billerSearch").query());
    }

    @Test
    void ctrlLLocksTheWindowAndOnlyTheClerksPasswordOpensIt(FxRobot robot) throws TimeoutException {
        robot.push(new KeyCodeCombination(KeyCode.L, KeyCombination.CONTROL_DOWN));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#lock").query().isVisible()).isTrue();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(robot.lookup("#lockPassword").query());

        robot.type(KeyCode.F3);
        assertThat(robot.lookup("#nav").queryListView().getSelectionModel().getSelectedItem())
                .as("no key reaches the window behind the lock").isEqualTo(Section.PAY);

        robot.write("bukan sandinya");
        robot.type(KeyCode.ENTER);
        Label message = robot.lookup("#lockMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Nama pengguna atau kata sandi salah"));
        assertThat(robot.lookup("#lock").query().isVisible()).isTrue();

        robot.write("sari-counter-2026");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#lock").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(robot.lookup("#billerSearch").query());
    }

    @Test
    void f1ShowsEveryShortcutAndEscClosesIt(FxRobot robot) {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.DialogPane help = robot.lookup("#shortcutsHelp").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(help.getHeaderText()).isEqualTo("Tombol pintasan");
        assertThat(help.getContentText()).contains("F5  cetak ulang struk terakhir").contains("F8 QRIS");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#shortcutsHelp").tryQuery()).isEmpty();
    }

    @Test
    void theNavigationWorksWithTheArrowKeys(FxRobot robot) {
        robot.clickOn("#nav-pay");
        robot.type(KeyCode.DOWN, 2);

        assertThat(robot.lookup("#page-shift").tryQuery()).isPresent();
        ListView<Section> nav = robot.lookup("#nav").queryListView();
        assertThat(nav.getSelectionModel().getSelectedItem()).isEqualTo(Section.SHIFT);
    }

    @Test
    void switchingToEnglishRelabelsTheWindowKeepsTheSectionAndIsSaved(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-reports");
        verifyThat("#page-reports #title", hasText("Laporan"));

        robot.clickOn("#language");
        robot.clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();

        verifyThat("#nav-pay-name", hasText("Pay"));
        verifyThat("#nav-history-name", hasText("History"));
        verifyThat("#page-reports #title", hasText("Reports"));
        verifyThat("#page-reports #printButton", hasText("Print daily recap"));
        assertThat(robot.lookup("#nav").queryListView().getSelectionModel().getSelectedItem())
                .isEqualTo(Section.REPORTS);
        Label status = robot.lookup("#ledgerStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Ledger sound · 3 entries".equals(status.getText()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> settings.get("ui.language").isPresent());
        assertThat(settings.get("ui.language")).contains("en");
    }
}
