package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StartupErrorWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new StartupErrorWindow("The ledger is in use by another Loket: close it first.").show(stage);
    }

    @Test
    void saysInBothLanguagesThatLoketCannotStartAndWhy(FxRobot robot) {
        verifyThat("#startupHeading", hasText("Loket tidak dapat dimulai"));
        assertThat(robot.lookup("#startupReason").queryAs(TextArea.class).getText())
                .isEqualTo("The ledger is in use by another Loket: close it first.");
        verifyThat("#startupClose", hasText("Tutup / Close"));
    }

    @Test
    void enterClosesTheWindow(FxRobot robot) {
        robot.type(KeyCode.ENTER);

        assertThat(stage.isShowing()).isFalse();
    }
}
