package id.loket.app;

import id.loket.reconcile.ReconciliationException;
import id.loket.reconcile.ReconciliationRun;
import id.loket.report.OwnerReports;
import id.loket.ui.ReportDesk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The screens' {@link ReportDesk}: the owner's reports rendered by {@link OwnerReports}, printed on the report
 * printer of Settings or saved under the data directory's {@code reports/} folder
 * ({@code rekonsiliasi-<day>-run<id>.pdf|.csv}, {@code rekap-harian-<day>.pdf}). A file saved earlier is never
 * overwritten: a second save of the same report gets {@code -2}, {@code -3} … before its extension.
 */
final class ReportingDesk implements ReportDesk {

    /** The folder under the data directory where reports and exports go. */
    static final String FOLDER = "reports";

    private final AppServices services;

    ReportingDesk(AppServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public String printReconciliation(long runId) {
        OwnerReports reports = services.ownerReports();
        return reports.printOrSave(reports.reconciliation(runId), folder());
    }

    @Override
    public String printDailyRecap(LocalDate day) {
        OwnerReports reports = services.ownerReports();
        return reports.printOrSave(reports.dailyRecap(day), folder());
    }

    @Override
    public String saveReconciliation(long runId) {
        OwnerReports reports = services.ownerReports();
        return reports.save(reports.reconciliation(runId), folder()).toAbsolutePath().toString();
    }

    @Override
    public String saveDailyRecap(LocalDate day) {
        OwnerReports reports = services.ownerReports();
        return reports.save(reports.dailyRecap(day), folder()).toAbsolutePath().toString();
    }

    /** The run's items as CSV (UTF-8, RFC 4180, a header row), as {@code rekonsiliasi-<day>-run<id>.csv}. */
    @Override
    public String exportItems(long runId) {
        ReconciliationRun run = services.reconciliation().run(runId).orElseThrow(() -> new ReconciliationException(
                "There is no reconciliation run " + runId + "."));
        String fileName = OwnerReports.reconciliationFileName(run.day(), runId, "csv");
        try {
            // The items are the differences of one day, not its payments: small enough to hold as text.
            StringBuilder csv = new StringBuilder();
            services.reconciliation().writeCsv(runId, csv);
            return OwnerReports.writeNew(folder(), fileName, csv.toString().getBytes(StandardCharsets.UTF_8))
                    .toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + fileName + " in " + folder() + " (" + e.getMessage()
                    + "): check the folder exists and the disk has space.", e);
        }
    }

    private Path folder() {
        return services.dataDirectory().resolve(FOLDER);
    }
}
