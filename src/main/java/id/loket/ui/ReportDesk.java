package id.loket.ui;

import java.time.LocalDate;

/**
 * The owner's reports as the screens use them: printed on the report printer, or saved as files into the data
 * directory's {@code reports/} folder (the screens see files only as the text of their path: they do no file I/O). Implemented by the composition root; every method is slow (renders a
 * JasperReports template, talks to the printer) and is called off the JavaFX thread.
 */
public interface ReportDesk {

    /** Prints the reconciliation report of run {@code runId}; says where it went (a printer, or the PDF saved). */
    String printReconciliation(long runId);

    /** Prints the daily recap of {@code day}; says where it went. */
    String printDailyRecap(LocalDate day);

    /** Saves the reconciliation report of a run as PDF under {@code reports/}; returns the file's absolute path. */
    String saveReconciliation(long runId);

    /** Saves the daily recap of a day as PDF under {@code reports/}; returns the file's absolute path. */
    String saveDailyRecap(LocalDate day);

    /** Exports the items of a run as CSV under {@code reports/}; returns the file's absolute path. */
    String exportItems(long runId);
}
