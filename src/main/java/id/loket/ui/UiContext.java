package id.loket.ui;

import id.loket.billing.BillingService;
import id.loket.core.BusinessCalendar;
import id.loket.journal.LedgerMaintenance;
import id.loket.payment.PaymentService;
import id.loket.settings.SettingsService;
import id.loket.shift.ShiftService;
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
 * @param payments paying bills, the payment history, receipts' data
 * @param shifts opening and closing the clerk's shift
 * @param receipts printing receipts
 * @param calendar the shop's business day (WIB), for the history's default day
 * @param clerk who works the counter
 * @param background where slow work runs (ledger checks, gateway calls, printing) so the window never freezes;
 *     it must not be the JavaFX application thread, and must run several tasks at once (a payment and the
 *     gateway check may overlap)
 * @param version the application version shown in the status bar, e.g. {@code "0.1.0"}
 * @param dataDirectory where the ledger and settings live, shown to help support find the files
 */
public record UiContext(
        SettingsService settings,
        LedgerMaintenance maintenance,
        BillingService billing,
        PaymentService payments,
        ShiftService shifts,
        ReceiptDesk receipts,
        BusinessCalendar calendar,
        String clerk,
        Executor background,
        String version,
        String dataDirectory) {

    public UiContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(shifts, "shifts");
        Objects.requireNonNull(receipts, "receipts");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
    }
}
