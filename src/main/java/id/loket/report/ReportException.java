package id.loket.report;

/**
 * A report template could not be loaded, compiled, filled or exported. It points at the templates or the
 * JasperReports setup, not at the data: the message names the template.
 */
public final class ReportException extends RuntimeException {

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
