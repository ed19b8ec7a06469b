package id.loket.ui;

import id.loket.billing.BillingService;
import id.loket.billing.ConnectionTest;
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
 * @param users operators (the owner registers, disables, resets clerks); every change is checked in the service
 * @param audit the audit log the owner reads
 * @param customers regular customers, their verification and saved references
 * @param reconciliation the nightly reconciliation: runs, items, resolutions, sign-off, the daily recap
 * @param reports the owner's reports, printed or saved
 * @param calendar the shop's business day (WIB), for the history's default day
 * @param operator who is signed in and works the counter
 * @param access unlocks the screen after it locked itself (the same operator's password)
 * @param idleLock how long without a key or a click before the screen locks; zero never locks
 * @param background where slow work runs (ledger checks, gateway calls, printing) so the window never freezes;
 *     it must not be the JavaFX application thread, and must run several tasks at once (a payment and the
 *     gateway check may overlap)
 * @param version the application version shown in the status bar, e.g. {@code "0.1.0"}
 * @param dataDirectory where the ledger and settings live, shown to help support find the files
 * @param connectionTest Settings' "Test connection": a biller network's deposit asked with an account typed but not
 *     saved (called on {@code background} only)
 * @param upstreamChecks Settings' "Test connection" for the payment gateway and the messenger (on {@code background})
 * @param receiptMessages receipts sent to a customer's WhatsApp, or as a {@code wa.me} link when they cannot be
 *     (on {@code background})
 */
public record UiContext(
        SettingsService settings,
        LedgerMaintenance maintenance,
        BillingService billing,
        PaymentService payments,
        ShiftService shifts,
        ReceiptDesk receipts,
        id.loket.users.UserService users,
        id.loket.users.AuditService audit,
        id.loket.customers.CustomerService customers,
        id.loket.reconcile.ReconciliationService reconciliation,
        ReportDesk reports,
        BusinessCalendar calendar,
        Access.SignedIn operator,
        Access access,
        java.time.Duration idleLock,
        Executor background,
        String version,
        String dataDirectory,
        ConnectionTest connectionTest,
        id.loket.billing.UpstreamChecks upstreamChecks,
        id.loket.report.ReceiptMessages receiptMessages) {

    /** A context whose payment gateway and messenger cannot be tested from Settings (tests that do not need it). */
    public UiContext(SettingsService settings, LedgerMaintenance maintenance, BillingService billing,
            PaymentService payments, ShiftService shifts, ReceiptDesk receipts, id.loket.users.UserService users,
            id.loket.users.AuditService audit, id.loket.customers.CustomerService customers,
            id.loket.reconcile.ReconciliationService reconciliation, ReportDesk reports, BusinessCalendar calendar,
            Access.SignedIn operator, Access access, java.time.Duration idleLock, Executor background, String version,
            String dataDirectory, ConnectionTest connectionTest) {
        this(settings, maintenance, billing, payments, shifts, receipts, users, audit, customers, reconciliation,
                reports, calendar, operator, access, idleLock, background, version, dataDirectory, connectionTest,
                UNTESTABLE, new id.loket.report.ReceiptMessages(payments, NO_MESSENGER,
                        () -> new id.loket.payment.Shop(settings.shopName(), settings.shopAddress())));
    }

    /** A messenger that sends nothing: receipts are offered as {@code wa.me} links. */
    public static final id.loket.billing.Messenger NO_MESSENGER = new id.loket.billing.Messenger() {
        @Override
        public id.loket.billing.GatewayResult<id.loket.billing.OtpChallenge> requestOtp(String phone) {
            return new id.loket.billing.GatewayResult.Refused<>(new id.loket.billing.GatewayError(0,
                    id.loket.billing.GatewayError.NOT_SUPPORTED, "no messenger"));
        }

        @Override
        public id.loket.billing.GatewayResult<id.loket.billing.OtpVerification> verifyOtp(String otpId,
                String code) {
            return new id.loket.billing.GatewayResult.Refused<>(new id.loket.billing.GatewayError(0,
                    id.loket.billing.GatewayError.NOT_SUPPORTED, "no messenger"));
        }
    };

    /** Says, for each check, that this build cannot test it. */
    public static final id.loket.billing.UpstreamChecks UNTESTABLE = new id.loket.billing.UpstreamChecks() {
        @Override
        public id.loket.billing.GatewayResult<String> testPaymentGateway(String serverKey, String url) {
            return new id.loket.billing.GatewayResult.NoAnswer<>("no connection test in this build");
        }

        @Override
        public id.loket.billing.GatewayResult<id.loket.billing.MessageReceipt> testMessenger(String token,
                String url, String testPhone) {
            return new id.loket.billing.GatewayResult.NoAnswer<>("no connection test in this build");
        }
    };

    public UiContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(shifts, "shifts");
        Objects.requireNonNull(receipts, "receipts");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(reconciliation, "reconciliation");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(idleLock, "idleLock");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(upstreamChecks, "upstreamChecks");
        Objects.requireNonNull(receiptMessages, "receiptMessages");
        Objects.requireNonNull(connectionTest, "connectionTest");
    }

    /** The signed-in operator's username: who the counter's payments and shifts belong to. */
    public String clerk() {
        return operator.username();
    }
}
