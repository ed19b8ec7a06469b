package id.loket.cli;

import id.loket.billing.BillingService;
import id.loket.customers.CustomerService;
import id.loket.journal.BackupService;
import id.loket.journal.LedgerMaintenance;
import id.loket.payment.PaymentService;
import id.loket.shift.ShiftService;
import id.loket.users.AuditService;
import id.loket.users.UserService;
import java.nio.file.Path;

/** The services a command may use, opened on one data directory and closed when the command ends. */
public interface CliServices extends AutoCloseable {

    Path dataDirectory();

    LedgerMaintenance maintenance();

    /** The catalog and bill look-ups; reaching it may start the embedded sandbox gateway. */
    BillingService billing();

    PaymentService payments();

    ShiftService shifts();

    /** Operators: first run, sign-in, registration and activation of clerks. */
    UserService users();

    /** The audit log (the owner reads it; commands record reprints). */
    AuditService audit();

    /** Backup and restore as an operator asks for them (restore is the owner's). */
    BackupService backups();

    /** Nightly reconciliation; reaching it may start the embedded sandbox gateway. */
    id.loket.reconcile.ReconciliationService reconciliation();

    /** The owner's reports (reconciliation report, daily recap) as PDF. */
    id.loket.report.OwnerReports ownerReports();

    /** Regular customers; reaching it may start the embedded sandbox gateway (it sends the SMS codes). */
    CustomerService customers();

    /** The shop's settings (the static QRIS, the gateway and messenger chosen). */
    id.loket.settings.SettingsService settings();

    /** Receipts sent to a customer's WhatsApp by the configured messenger, or offered as {@code wa.me} links. */
    id.loket.report.ReceiptMessages receiptMessages();

    /**
     * Prints the payment's receipt to the printer chosen in the settings, or saves it as PDF when there is none;
     * never throws for a printer problem (the payment stands whatever the printer does).
     *
     * @return what happened, in words, e.g. "printed on LoketPDF" or "saved as PDF …: no printer is set"
     */
    String printReceipt(String clientRef, boolean reprint);

    /** Writes the payment's receipt, marked as a reprint, to {@code file} (which must not exist). */
    Path writeReceipt(String clientRef, Path file);

    @Override
    void close();
}
