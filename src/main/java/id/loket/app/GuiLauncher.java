package id.loket.app;

import id.loket.ui.Access;
import id.loket.ui.Door;
import id.loket.ui.StartupErrorWindow;
import id.loket.ui.UiContext;
import java.time.Duration;
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

    GuiLauncher(String version) {
        this.version = version;
    }

    /**
     * Opens the services, passes the upgrade gate and shows the main window, or an error window saying why Loket
     * cannot start (the gate's refusal included).
     *
     * @return whether the toolkit runs (the JVM then lives until the window closes)
     */
    boolean start(Supplier<AppServices> services) {
        AppServices opened;
        String failure = null;
        AppServices ok = null;
        try {
            ok = services.get();
            // After an upgrade the counter opens only on a ledger that verifies (docs/decisions/0010-upgrade-gate.md).
            new UpgradeGate(ok.dataDirectory(), version).admit(ok.migration(), ok.maintenance()::verify);
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
                access, idleLock, background, version, services.dataDirectory().toString());
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
