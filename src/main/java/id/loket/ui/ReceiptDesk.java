package id.loket.ui;

/**
 * The screens' way to print a receipt: the composition root implements it with the JasperReports printer and
 * the printer and paper width chosen in Settings. It never throws for a printer problem (the payment stands
 * whatever the printer does); it says what became of the receipt so the screen can tell the clerk, and offer a
 * reprint after a failure. Slow (rendering, spooling): call it off the JavaFX application thread.
 */
public interface ReceiptDesk {

    /**
     * Prints the receipt of payment {@code clientRef}; a {@code reprint} says "CETAK ULANG".
     *
     * @throws IllegalArgumentException when there is no such payment
     */
    Printout print(String clientRef, boolean reprint);

    /**
     * What became of a receipt.
     *
     * @param detail the printer's name ({@link Kind#PRINTED}), the PDF file ({@link Kind#SAVED_NO_PRINTER},
     *     {@link Kind#SAVED_PRINTER_MISSING}) or the technical cause ({@link Kind#FAILED})
     */
    record Printout(Kind kind, String detail) {

        public Printout {
            java.util.Objects.requireNonNull(kind, "kind");
            java.util.Objects.requireNonNull(detail, "detail");
        }

        public enum Kind {
            /** Sent to the printer without a dialog. */
            PRINTED,
            /** No printer is set in Settings: written to a PDF file. */
            SAVED_NO_PRINTER,
            /** The printer chosen in Settings is not installed: written to a PDF file. */
            SAVED_PRINTER_MISSING,
            /** Neither printed nor saved. */
            FAILED
        }
    }
}
