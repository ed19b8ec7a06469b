package id.loket.report;

import id.loket.reconcile.ReconciliationService;
import id.loket.settings.SettingsService;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The owner's A4 reports (issue 6), rendered with the JasperReports templates in {@code reports/}: the
 * reconciliation report of a run and the daily recap of a day. PLACEHOLDER: being written.
 */
public final class OwnerReports {

    private final ReconciliationService reconciliation;
    private final SettingsService settings;

    public OwnerReports(ReconciliationService reconciliation, SettingsService settings) {
        this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The reconciliation report of run {@code runId} as PDF. */
    public byte[] reconciliationPdf(long runId) {
        throw new UnsupportedOperationException("not written yet " + runId + reconciliation + settings);
    }

    /** The daily recap of {@code day} as PDF. */
    public byte[] dailyRecapPdf(LocalDate day) {
        throw new UnsupportedOperationException("not written yet " + day);
    }
}
