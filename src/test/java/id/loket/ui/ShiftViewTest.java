package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.Money;
import id.loket.shift.Shift;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * The shift page in the real window, driven from the keyboard only: Ctrl+3, the float, Enter; the count, Enter, Enter.
 * The ledger is a real SQLite file; the window's background work runs on a thread of its own.
 */
@ExtendWith(ApplicationExtension.class)
class ShiftViewTest {

    private static final PseudoClass SHORT = PseudoClass.getPseudoClass("short");
    private static final PseudoClass OVER = PseudoClass.getPseudoClass("over");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final KeyCodeCombination CTRL_3 = new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.CONTROL_DOWN);

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    Path dir;

    private TestContexts shop;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        if (shop != null) {
            shop.ledger().close();
        }
    }

    /** Shows the window of {@code shopToShow} (on the JavaFX thread) with the focus on the navigation. */
    private void show(TestContexts shopToShow) throws Exception {
        this.shop = shopToShow;
        UiContext context = shopToShow.context(background, dir);
        WaitForAsyncUtils.asyncFx(() -> new MainWindow(context).show(stage)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensAndClosesAShiftFromTheKeyboardAlone(FxRobot robot) throws Exception {
        show(TestContexts.shop());

        robot.push(CTRL_3);
        TextField floatField = node(robot, "#page-shift #floatField", TextField.class);
        waitUntil(floatField::isFocused);
        robot.write("500.000");
        robot.type(KeyCode.ENTER);

        TextField countedField = node(robot, "#page-shift #countedField", TextField.class);
        waitUntil(() -> countedField.isFocused() && shown(robot, "#page-shift #closeForm"));
        Shift open = shop.shifts().current("sari").orElseThrow();
        assertThat(open.openingFloat()).isEqualTo(Money.of(500_000));
        assertThat(text(robot, "#page-shift #shiftHeading")).isEqualTo("Shift #" + open.id() + " sedang berjalan");
        assertThat(text(robot, "#page-shift #expectedValue")).isEqualTo("Rp 500.000");
        assertThat(text(robot, "#shiftStatus")).contains("#" + open.id());

        robot.write("498.000");
        Label difference = node(robot, "#page-shift #previewDifference", Label.class);
        waitUntil(() -> "Kurang Rp 2.000".equals(difference.getText()));
        assertThat(difference.getPseudoClassStates()).contains(SHORT);
        assertThat(text(robot, "#page-shift #previewExpected")).isEqualTo("Rp 500.000");
        assertThat(text(robot, "#page-shift #previewCounted")).isEqualTo("Rp 498.000");

        robot.type(KeyCode.ENTER);
        Label confirmation = node(robot, "#page-shift #confirmation", Label.class);
        waitUntil(confirmation::isVisible);
        assertThat(confirmation.getText()).isEqualTo("Tutup shift dengan kas dihitung Rp 498.000? Enter = ya, Esc = batal");
        assertThat(shop.shifts().current("sari")).as("the first Enter only asks").isPresent();

        robot.type(KeyCode.ENTER);

        Label finalDifference = node(robot, "#page-shift #finalDifference", Label.class);
        waitUntil(() -> finalDifference.isVisible() && "Kurang Rp 2.000".equals(finalDifference.getText()));
        assertThat(finalDifference.getPseudoClassStates()).contains(SHORT);
        assertThat(text(robot, "#page-shift #finalExpected")).isEqualTo("Rp 500.000");
        assertThat(text(robot, "#page-shift #finalCounted")).isEqualTo("Rp 498.000");
        assertThat(shop.shifts().current("sari")).isEmpty();
        assertThat(shop.shifts().recap(open.id()).difference()).contains(Money.of(-2_000));
        waitUntil(() -> floatField.isFocused() && shown(robot, "#page-shift #openForm"));
        assertThat(shown(robot, "#page-shift #closeForm")).isFalse();
    }

    @Test
    void escapeTakesTheQuestionBackAndTheShiftStaysOpen(FxRobot robot) throws Exception {
        TestContexts opened = TestContexts.shop();
        opened.ledgerIn(dir);
        Shift open = opened.shifts().open("sari", Money.of(100_000));
        show(opened);

        robot.push(CTRL_3);
        TextField countedField = node(robot, "#page-shift #countedField", TextField.class);
        waitUntil(() -> countedField.isFocused() && shown(robot, "#page-shift #closeForm"));
        robot.write("100000");
        robot.type(KeyCode.ENTER);
        Label confirmation = node(robot, "#page-shift #confirmation", Label.class);
        waitUntil(confirmation::isVisible);

        robot.type(KeyCode.ESCAPE);

        waitUntil(() -> !confirmation.isVisible());
        assertThat(countedField.getText()).isEqualTo("100000");
        assertThat(countedField.isFocused()).isTrue();
        assertThat(shop.shifts().current("sari")).contains(open);
    }

    @Test
    void badInputIsSaidAtTheFieldAndNothingIsOpened(FxRobot robot) throws Exception {
        show(TestContexts.shop());
        robot.push(CTRL_3);
        TextField floatField = node(robot, "#page-shift #floatField", TextField.class);
        waitUntil(floatField::isFocused);

        robot.type(KeyCode.ENTER);
        Label error = node(robot, "#page-shift #floatError", Label.class);
        waitUntil(() -> error.isVisible() && error.getText().startsWith("Ketik jumlah uang"));

        robot.write("lima");
        waitUntil(() -> error.getText().startsWith("Bukan jumlah rupiah"));
        waitUntil(() -> floatField.getPseudoClassStates().contains(INVALID));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shop.shifts().current("sari")).isEmpty();
        assertThat(floatField.isFocused()).isTrue();
        assertThat(floatField.getText()).isEqualTo("lima");
    }

    @Test
    void speaksEnglishWhenChosen(FxRobot robot) throws Exception {
        show(TestContexts.shop().settings(new InMemorySettingsStore().with("ui.language", "en")));

        robot.push(CTRL_3);
        TextField floatField = node(robot, "#page-shift #floatField", TextField.class);
        waitUntil(floatField::isFocused);
        robot.write("Rp 200,000");
        robot.type(KeyCode.ENTER);
        TextField countedField = node(robot, "#page-shift #countedField", TextField.class);
        waitUntil(countedField::isFocused);
        robot.write("201000");
        Label difference = node(robot, "#page-shift #previewDifference", Label.class);
        waitUntil(() -> "Over Rp 1,000".equals(difference.getText()));
        assertThat(difference.getPseudoClassStates()).contains(OVER);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#page-shift #confirmation").startsWith("Close the shift with Rp 201,000 counted?"));
        robot.type(KeyCode.ENTER);

        Label finalDifference = node(robot, "#page-shift #finalDifference", Label.class);
        waitUntil(() -> finalDifference.isVisible() && "Over Rp 1,000".equals(finalDifference.getText()));
        assertThat(shop.shifts().current("sari")).isEmpty();
    }

    @Test
    void walkingPastThePageWithTheArrowKeysLeavesTheFocusInTheNavigation(FxRobot robot) throws Exception {
        show(TestContexts.shop());

        robot.clickOn("#nav-shift");
        node(robot, "#page-shift #floatField", TextField.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(robot.lookup("#nav").query());
        robot.type(KeyCode.DOWN);

        waitUntil(() -> robot.lookup("#page-customers").tryQuery().isPresent());
        assertThat(robot.lookup("#nav").queryListView().getSelectionModel().getSelectedItem())
                .isEqualTo(Section.CUSTOMERS);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** The node, once the page has laid it out (the cards are inside a scroll pane). */
    private static <T extends Node> T node(FxRobot robot, String query, Class<T> type) throws TimeoutException {
        AtomicReference<T> found = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            Optional<Node> node = robot.lookup(query).tryQuery();
            node.ifPresent(n -> found.set(type.cast(n)));
            return node.isPresent();
        });
        return found.get();
    }

    private static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).query().isVisible();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
