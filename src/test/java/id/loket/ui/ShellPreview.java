package id.loket.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * A throwaway way to look at the main window with fake collaborators (a sandbox shop, a sound ledger of 1.234
 * entries), e.g. for a screenshot under Xvfb:
 * {@code mvn -Dloket.build.dir=target-ui test-compile exec:java -Dexec.mainClass=id.loket.ui.ShellPreview
 * -Dexec.classpathScope=test [-Dexec.args="en broken"]}. Runs until the window is closed.
 */
public final class ShellPreview {

    private ShellPreview() {}

    public static void main(String[] args) throws java.io.IOException {
        Path ledgerDir = Files.createTempDirectory("loket-preview");
        boolean english = args.length > 0 && args[0].toLowerCase(Locale.ROOT).startsWith("en");
        boolean broken = args.length > 1 && "broken".equalsIgnoreCase(args[1]);
        FakeJournalStore journal = FakeJournalStore.withPayments(1234);
        if (broken) {
            journal.tamperWith(57);
        }
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "preview-background");
            t.setDaemon(true);
            return t;
        });
        InMemorySettingsStore settings = new InMemorySettingsStore().with("ui.language", english ? "en" : "id");
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(e -> {
                background.shutdownNow();
                Platform.exit();
            });
            new MainWindow(TestContexts.shop().settings(settings).journal(journal).context(background, ledgerDir)).show(stage);
        });
    }
}
