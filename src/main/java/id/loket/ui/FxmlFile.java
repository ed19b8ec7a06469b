package id.loket.ui;

import java.net.URL;
import java.util.Optional;

/**
 * Every FXML view of the application, in one place, so a renamed or missing file shows up in one test
 * ({@code FxmlFileTest}) instead of at a clerk's counter. A view {@code XView} lives in {@code fxml/x.fxml}.
 */
public enum FxmlFile {
    /** The main window: navigation, content area and status bar ({@link ShellView}). */
    SHELL("/fxml/shell.fxml"),
    /** The counter: biller, reference, bill, payment, receipt ({@link CounterView}). */
    COUNTER("/fxml/counter.fxml"),
    /** Payments of a day or a search; open one, reprint ({@link HistoryView}). */
    HISTORY("/fxml/history.fxml"),
    /** Open, close and recap the clerk's shift ({@link ShiftView}). */
    SHIFT("/fxml/shift.fxml"),
    /** The owner's settings: operators, audit log, shop, receipts, fees ({@link SettingsView}). */
    SETTINGS("/fxml/settings.fxml"),
    /** Regular customers: register, verify by OTP, saved references ({@link CustomersView}). */
    CUSTOMERS("/fxml/customers.fxml"),
    /** The owner's dashboard of a business day: totals, charts, the daily recap ({@link ReportsView}). */
    REPORTS("/fxml/reports.fxml"),
    /** Nightly reconciliation: days, runs, items, sign-off, the deposit check ({@link ReconciliationView}). */
    RECONCILIATION("/fxml/reconciliation.fxml"),
    /** The way in: setup, sign-in, activation ({@link DoorView}). */
    DOOR("/fxml/door.fxml"),
    /** The lock over the window ({@link LockView}). */
    LOCK("/fxml/lock.fxml"),
    /** The honest placeholder of a section that is not built yet ({@link ComingView}). */
    COMING("/fxml/coming.fxml");

    private final String path;

    FxmlFile(String path) {
        this.path = path;
    }

    /** The class-path resource name, e.g. {@code /fxml/shell.fxml}. */
    public String path() {
        return path;
    }

    /** The packaged file, or empty when it is missing from the build. */
    public Optional<URL> url() {
        return Optional.ofNullable(FxmlFile.class.getResource(path));
    }
}
