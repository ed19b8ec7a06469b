package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.settings.SettingsService;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
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

/** The way in, from the keyboard: the first-run setup, signing in, a clerk's activation. */
@ExtendWith(ApplicationExtension.class)
class DoorTest {

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final TestContexts shop = TestContexts.shop().access(new FakeAccess());
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void open(FxRobot robot) throws TimeoutException {
        robot.interact(() -> new Door(shop.access(), background, SettingsService.INDONESIAN,
                who -> shop.contextFor(who, background, dir)).show(stage));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#heading").startsWith("Membuka"));
    }

    @Test
    void aNewShopIsSetUpAndItsOwnerLandsAtTheCounter(FxRobot robot) throws Exception {
        open(robot);
        assertThat(text(robot, "#heading")).isEqualTo("Selamat datang di Loket");

        robot.write("Toko Sumber Rezeki");
        robot.type(KeyCode.TAB);
        robot.write("Jl. Merdeka 10, Bandung");
        robot.type(KeyCode.TAB);
        robot.write("budi");
        robot.type(KeyCode.TAB);
        robot.write("password123");
        robot.type(KeyCode.TAB);
        robot.write("password123");
        robot.type(KeyCode.ENTER);
        await(robot, "#doorMessage", "Kata sandi terlalu mudah ditebak. (a very common password)");

        robot.write("warung budi buka jam tujuh");
        robot.type(KeyCode.TAB);
        robot.write("warung budi buka jam tujuh");
        robot.type(KeyCode.ENTER);

        await(robot, "#clerkStatus", "Kasir: budi");
        assertThat(shop.access().isSetUp()).isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheCounter(FxRobot robot) throws Exception {
        shop.access().with("budi", "warung budi buka jam tujuh");
        open(robot);
        assertThat(text(robot, "#heading")).isEqualTo("Masuk");

        robot.write("budi");
        robot.type(KeyCode.TAB);
        robot.write("salah sekali");
        robot.type(KeyCode.ENTER);
        await(robot, "#doorMessage", "Nama pengguna atau kata sandi salah. (wrong password for budi)");

        robot.write("warung budi buka jam tujuh");
        robot.type(KeyCode.ENTER);
        await(robot, "#clerkStatus", "Kasir: budi");
    }

    @Test
    void aNewClerkActivatesWithTheOwnersCodeAndChoosesAPassword(FxRobot robot) throws Exception {
        shop.access().with("budi", "warung budi buka jam tujuh").pending("ani", "K7Q2-M9XD");
        open(robot);

        robot.clickOn("#switchMode");
        assertThat(text(robot, "#heading")).isEqualTo("Aktifkan akun kasir");
        robot.clickOn("#username").write("ani");
        robot.type(KeyCode.TAB);
        robot.write("K7Q2-M9XD");
        robot.type(KeyCode.TAB);
        robot.write("pendek");
        robot.type(KeyCode.TAB);
        robot.write("pendek");
        robot.type(KeyCode.ENTER);
        await(robot, "#doorMessage", "Kata sandi paling sedikit 10 karakter.");

        robot.write("ani jaga loket pagi");
        robot.type(KeyCode.TAB);
        robot.write("ani jaga loket pagi");
        robot.type(KeyCode.ENTER);

        await(robot, "#clerkStatus", "Kasir: ani");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void await(FxRobot robot, String query, String expected) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> robot.lookup(query).tryQuery().isPresent() && expected.equals(text(robot, query)));
        } catch (TimeoutException e) {
            throw new AssertionError(query + " says '" + (robot.lookup(query).tryQuery().isPresent()
                    ? text(robot, query) : "(absent)") + "', not '" + expected + "'", e);
        }
    }
}
