package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StartingWindowTest {

    private Stage stage;
    private StartingWindow window;

    @Start
    void start(Stage ignored) {
        stage = new Stage();
        window = new StartingWindow(stage);
        window.show();
    }

    @Test
    void saysInBothLanguagesThatLoketIsOpeningWithASpinnerAndTheIcon(FxRobot robot) {
        verifyThat("#startingText", hasText("Membuka Loket…"));
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).contains("Opening Loket…", "Loket");
        assertThat(robot.lookup(".progress-indicator").queryAs(ProgressIndicator.class).isIndeterminate()).isTrue();
        assertThat(stage.getStyle()).isEqualTo(StageStyle.UNDECORATED);
        assertThat(stage.getIcons()).isNotEmpty();
        // Not titled like the main window ("Loket"): the install test and the benchmark wait for that one.
        assertThat(stage.getTitle()).isEqualTo("Membuka Loket…");
    }

    @Test
    void closeTakesItAway(FxRobot robot) {
        robot.interact(window::close);

        assertThat(stage.isShowing()).isFalse();
    }
}
