package id.loket.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What became of a receipt. Printing never throws: the payment stands whatever the printer does, so the caller
 * only tells the clerk which of these happened (and offers a reprint after a failure).
 */
public sealed interface PrintOutcome {

    /** Sent to the printer without a dialog. */
    record Printed(String printer) implements PrintOutcome {
        public Printed {
            Objects.requireNonNull(printer, "printer");
        }
    }

    /** No printer to print to: the receipt was written to {@code path} instead. */
    record SavedAsPdf(Path path, Reason reason) implements PrintOutcome {
        public SavedAsPdf {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Neither printed nor saved: the printer refused or failed the job, or the PDF could not be written.
     * {@code reason} is the technical cause, for the clerk's message and the log.
     */
    record Failed(String reason) implements PrintOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a receipt went to a PDF file rather than to paper. */
    enum Reason {
        /** Settings name no printer: the shop works with PDF receipts. */
        NO_PRINTER_CONFIGURED,
        /** The printer chosen in Settings is not installed on this computer (renamed, removed, offline share). */
        PRINTER_NOT_FOUND
    }
}
