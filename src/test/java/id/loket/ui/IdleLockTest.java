package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A window left alone locks itself after the configured idle time. */
@ExtendWith(ApplicationExtension.class)
class IdleLockTest {

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });

    @Start
    void start(Stage stage) {
        new MainWindow(TestContexts.shop().idleLock(Duration.ofMillis(1500)).context(background, dir)).show(stage);
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void locksWhenLeftAlone(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#lock").query().isVisible()).isFalse();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#lock").query().isVisible());
    }
}
