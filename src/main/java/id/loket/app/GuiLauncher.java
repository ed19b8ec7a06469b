package id.loket.app;

import id.loket.ui.Access;
import id.loket.ui.Door;
import id.loket.ui.StartingWindow;
import id.loket.ui.StartupErrorWindow;
import id.loket.ui.UiContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
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

    /** How long the services may take to open before a window says Loket is on its way. */
    private static final javafx.util.Duration STARTING_WINDOW_AFTER = javafx.util.Duration.millis(700);

    private final String version;

    GuiLauncher(String version) {
        this.version = version;
    }

    /**
     * Opens the services, passes the upgrade gate and shows the main window, or an error window saying why Loket
     * cannot start (the gate's refusal included). The toolkit starts while the services open on another thread:
     * the window needs both, and neither waits for the other (docs/benchmarks.md, installers).
     *
     * @return whether the toolkit runs (the JVM then lives until the window closes)
     */
    boolean start(Supplier<AppServices> services) {
        CompletableFuture<Opened> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> opening.complete(open(services)), "loket-open");
        opener.setUncaughtExceptionHandler((t, e) -> opening.complete(new Opened(null, e.toString())));
        opener.start();
        try {
            Platform.startup(() -> { });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("loket: cannot open a window (" + e.getMessage()
                    + "). Run Loket in a desktop session, or use a command: loket --help");
            Opened opened = opening.join();
            if (opened.services() != null) {
                opened.services().close();
            }
            return false;
        }
        // Everything below runs on the JavaFX thread, in the order it was queued.
        StartingWindow[] starting = new StartingWindow[1];
        Platform.runLater(() -> {
            PauseTransition patience = new PauseTransition(STARTING_WINDOW_AFTER);
            patience.setOnFinished(e -> {
                if (!opening.isDone()) {
                    starting[0] = new StartingWindow(new Stage());
                    starting[0].show();
                }
            });
            patience.play();
        });
        opening.thenAccept(opened -> Platform.runLater(() -> {
            if (opened.services() == null) {
                Stage stage = new Stage();
                // The window only explains; once it is read, Loket ends with the CLI's error code.
                stage.setOnHidden(e -> System.exit(1));
                new StartupErrorWindow(opened.failure()).show(stage);
            } else {
                showMain(opened.services());
            }
            // Only now: closing the last open window would end JavaFX.
            if (starting[0] != null) {
                starting[0].close();
            }
        }));
        return true;
    }

    /** The services ready for the window, or why they are not. */
    private record Opened(AppServices services, String failure) {}

    private Opened open(Supplier<AppServices> services) {
        AppServices ok = null;
        try {
            ok = services.get();
            // After an upgrade the counter opens only on a ledger that verifies (docs/decisions/0010-upgrade-gate.md).
            new UpgradeGate(ok.dataDirectory(), version).admit(ok.migration(), ok.maintenance()::verify);
            // Starts the embedded sandbox (or checks the real gateway's settings) before the window opens.
            ok.billing();
            return new Opened(ok, null);
        } catch (RuntimeException e) {
            if (ok != null) {
                ok.close();
            }
            String failure = e.getMessage() == null ? e.toString() : e.getMessage();
            System.err.println("loket: " + failure);
            return new Opened(null, failure);
        }
    }

    private void showMain(AppServices services) {
        ExecutorService background = Executors.newCachedThreadPool(daemonThreads());
        Stage stage = new Stage();
        try {
            Access access = new OperatorAccess(services.users(), services.settings());
            Duration idleLock = services.settings().lockAfter();
            new Door(access, background, services.settings().language(),
                    who -> uiContext(services, background, version, who, access, idleLock)).show(stage);
            services.recovery().start();
            services.reconciliationSchedule().start();
            background.execute(() -> {
                try {
                    services.prepareReceipts();
                    services.ownerReports().compileTemplates();
                } catch (RuntimeException e) {
                    // The first print says what is wrong with the templates; nothing to do now.
                    LoggerFactory.getLogger(GuiLauncher.class).warn("The receipt or report templates could not be prepared", e);
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

    /** What the window needs, from the services, for whoever signed in. */
    static UiContext uiContext(AppServices services, ExecutorService background, String version,
            Access.SignedIn operator, Access access, Duration idleLock) {
        return new UiContext(services.settings(), services.maintenance(), services.billing(), services.payments(),
                services.shifts(), new PrintingDesk(services, operator.username()), services.users(), services.audit(),
                services.customers(), services.reconciliation(), new ReportingDesk(services), services.calendar(),
                operator,
                access, idleLock, background, version, services.dataDirectory().toString(), services.connectionTest(),
                services.upstreamChecks(), services.receiptMessages());
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
