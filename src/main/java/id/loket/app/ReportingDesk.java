package id.loket.app;

import id.loket.ui.ReportDesk;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The screens' {@link ReportDesk}: the owner's reports rendered by {@link id.loket.report.OwnerReports}, printed on
 * the report printer or saved under the data directory's {@code reports/} folder. PLACEHOLDER: being written.
 */
final class ReportingDesk implements ReportDesk {

    private final AppServices services;

    ReportingDesk(AppServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public String printReconciliation(long runId) {
        throw new UnsupportedOperationException("not written yet " + services);
    }

    @Override
    public String printDailyRecap(LocalDate day) {
        throw new UnsupportedOperationException("not written yet");
    }

    @Override
    public Path saveReconciliation(long runId) {
        throw new UnsupportedOperationException("not written yet");
    }

    @Override
    public Path saveDailyRecap(LocalDate day) {
        throw new UnsupportedOperationException("not written yet");
    }

    @Override
    public Path exportItems(long runId) {
        throw new UnsupportedOperationException("not written yet");
    }
}
