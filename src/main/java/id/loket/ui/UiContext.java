package id.loket.ui;

import id.loket.billing.BillingService;
import id.loket.journal.LedgerMaintenance;
import id.loket.settings.SettingsService;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Everything the user interface needs from the rest of the application, built once by the composition root
 * ({@code id.loket.app}) and handed to {@link MainWindow}. Keeping it one record means the UI never reaches
 * for a global: tests build it with in-memory collaborators, the app with the real ones.
 *
 * @param settings the shop's settings (language, sandbox or real gateway)
 * @param maintenance ledger integrity checks, run at start for the status bar
 * @param billing the gateway's catalog, bills and deposit (the status bar shows whether the gateway answers)
 * @param background where slow work runs (ledger checks, writing settings) so the window never freezes;
 *     it must not be the JavaFX application thread. A serial executor keeps settings writes in order.
 * @param version the application version shown in the status bar, e.g. {@code "0.1.0"}
 * @param dataDirectory where the ledger and settings live, shown to help support find the files
 */
public record UiContext(
        SettingsService settings,
        LedgerMaintenance maintenance,
        BillingService billing,
        Executor background,
        String version,
        String dataDirectory) {

    public UiContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
    }
}
