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

    /** From the ready screen: the highlighted biller (PLN postpaid), its test reference, the bill shown. */
    static void showThePostpaidBill(FxRobot robot) throws TimeoutException {
        robot.type(javafx.scene.input.KeyCode.ENTER);
        robot.write(id.loket.payment.PaymentTestBed.POSTPAID_REF);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        awaitTheBill(robot);
    }

    /**
     * Shows the counter page of {@code counter} alone on {@code stage}, in Indonesian, styled as in the app, at the
     * counter's smallest screen, 1366×768 (1280 wide under Monocle, whose headless screen is no wider), and focuses it.
     */
    static void mount(javafx.stage.Stage stage, CounterViewModel counter) {
        ControllerFactory controllers = ControllerFactory.builder()
                .register(CounterView.class, () -> new CounterView(counter))
                .build();
        ViewLoader views = new ViewLoader(controllers,
                () -> Bundles.load(id.loket.settings.SettingsService.INDONESIAN));
        ViewLoader.View<CounterView> view = views.load(FxmlFile.COUNTER, CounterView.class);
        view.root().setId("page-pay");
        double width = Math.min(1366, javafx.stage.Screen.getPrimary().getBounds().getWidth());
        javafx.scene.Scene scene = new javafx.scene.Scene(view.root(), width, 768);
        scene.getStylesheets().add(CounterRobot.class.getResource("/css/loket.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        view.controller().focus();
    }
}
