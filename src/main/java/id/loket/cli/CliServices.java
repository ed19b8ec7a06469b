package id.loket.cli;

import id.loket.billing.BillingService;
import id.loket.journal.LedgerMaintenance;
import java.nio.file.Path;

/** The services a command may use, opened on one data directory and closed when the command ends. */
public interface CliServices extends AutoCloseable {

    Path dataDirectory();

    LedgerMaintenance maintenance();

    /** The catalog and bill look-ups; reaching it may start the embedded sandbox gateway. */
    BillingService billing();

    @Override
    void close();
}
