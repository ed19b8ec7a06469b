package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A shop whose ledger was edited behind Loket's back, with a real gateway configured. */
@ExtendWith(ApplicationExtension.class)
class BrokenLedgerWindowTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        FakeJournalStore journal = FakeJournalStore.withPayments(4);
        journal.tamperWith(3);
        new MainWindow(TestContexts.shop()
                .settings(new InMemorySettingsStore().with("gateway.url", "https://gateway.example.id"))
                .journal(journal)
                .context(background, dir)).show(stage);
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void namesTheFirstBadEntryInRed(FxRobot robot) throws TimeoutException {
        Label status = robot.lookup("#ledgerStatus").queryAs(Label.class);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "Buku besar RUSAK: entri #3 — jalankan 'loket verify'".equals(status.getText()));

        assertThat(status.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("broken"));
    }

    @Test
    void showsNoSandboxBadgeWithARealGateway(FxRobot robot) {
        assertThat(robot.lookup("#sandboxBadge").query().isVisible()).isFalse();
    }
}
