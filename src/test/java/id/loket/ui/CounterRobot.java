package id.loket.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the counter's TestFX tests wait for and read on the screen, in one place. */
final class CounterRobot {

    private CounterRobot() {}

    /** Waits until the catalog's billers are listed (the network answered). */
    static void awaitCatalog(FxRobot robot) throws TimeoutException {
        await(() -> !robot.lookup("#billerList").queryListView().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until a bill is shown; otherwise fails with what the counter said instead. */
    static void awaitTheBill(FxRobot robot) throws TimeoutException {
        try {
            await(() -> robot.lookup("#total").queryAs(Label.class).getText().startsWith("Rp "));
        } catch (TimeoutException e) {
            throw new AssertionError("no bill; the counter says '" + text(robot, "#counterMessage") + "'", e);
        }
    }

    static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    static void awaitText(FxRobot robot, String query, String expected) throws TimeoutException {
        try {
            await(() -> expected.equals(text(robot, query)));
        } catch (TimeoutException e) {
            throw new AssertionError(query + " says '" + text(robot, query) + "', not '" + expected + "'", e);
        }
    }

    static void await(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> condition.get());
    }
}
