package id.loket.app;

import id.loket.ui.MainWindow;
import id.loket.ui.StartupErrorWindow;
import id.loket.ui.UiContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit without an {@code Application} subclass ({@link Platform#startup}), so the window
 * gets its services through constructors rather than a static hand-off. The ledger is closed when the window
 * closes.
 */
final class GuiLauncher {

    private final String version;
    private final String clerk;

    /** @param clerk who works the counter: {@code --user}, else the computer's login name */
    GuiLauncher(String version, String clerk) {
        this.version = version;
        this.clerk = clerk;
    }

    /**
     * Opens the services and shows the main window, or an error window saying why Loket cannot start.
     *
     * @return whether the toolkit runs (the JVM then lives until the window closes)
     */
    boolean start(Supplier<AppServices> services) {
        AppServices opened;
        String failure = null;
        AppServices ok = null;
        try {
            ok = services.get();
            // Starts the embedded sandbox (or checks the real gateway's settings) before the window opens.
            ok.billing();
        } catch (RuntimeException e) {
            if (ok != null) {
                ok.close();
                ok = null;
            }
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            System.err.println("loket: " + failure);
        }
        opened = ok;
        String error = failure;
        try {
            Platform.startup(() -> {
                if (opened == null) {
                    Stage stage = new Stage();
                    // The window only explains; once it is read, Loket ends with the CLI's error code.
                    stage.setOnHidden(e -> System.exit(1));
                    new StartupErrorWindow(error).show(stage);
                } else {
                    showMain(opened);
                }
            });
            return true;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("loket: cannot open a window (" + e.getMessage()
                    + "). Run Loket in a desktop session, or use a command: loket --help");
            if (opened != null) {
                opened.close();
            }
            return false;
        }
    }

    private void showMain(AppServices services) {
        ExecutorService background = Executors.newCachedThreadPool(daemonThreads());
        Stage stage = new Stage();
        try {
            new MainWindow(uiContext(services, background, version, clerk)).show(stage);
            services.recovery().start();
            background.execute(() -> {
                try {
                    services.prepareReceipts();
                } catch (RuntimeException e) {
                    // The first print says what is wrong with the templates; nothing to do now.
                    LoggerFactory.getLogger(GuiLauncher.class).warn("The receipt templates could not be prepared", e);
                }
            });
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(GuiLauncher.class).error("The main window failed to open", e);
            background.shutdownNow();
            services.close();
            throw e;
        }
        stage.setOnHidden(e -> {
            Logger log = LoggerFactory.getLogger(GuiLauncher.class);
            log.info("Main window closed; closing the ledger");
            background.shutdownNow();
            services.close();
            Platform.exit();
        });
    }

    /** What the window needs, from the services. */
    static UiContext uiContext(AppServices services, ExecutorService background, String version, String clerk) {
        return new UiContext(services.settings(), services.maintenance(), services.billing(), services.payments(),
                services.shifts(), new PrintingDesk(services), services.calendar(), clerk, background, version,
                services.dataDirectory().toString());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "loket-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
