package id.loket.report;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import id.loket.testing.SystemTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Prints receipts on a real printer: CUPS with the CUPS-PDF backend, whose output is a PDF that pdftotext reads.
 * The printer is set up by {@code src/test/resources/cups/setup-cups-pdf.sh} (run as root before the build).
 * Without it this test fails rather than skips: printing is what a counter cannot do without.
 *
 * <p>Printer name: {@code -Dloket.cups.printer} or {@code LOKET_CUPS_PRINTER} (default {@code LoketPDF}); the
 * folder CUPS-PDF writes to: {@code -Dloket.cups.pdfDir} or {@code LOKET_CUPS_PDF_DIR} (default
 * {@code /var/spool/cups-pdf/loket}) — the script reads the same variables.
 */
@Tag("printer")
class CupsPdfPrintingTest {

    private static final String SETUP = "src/test/resources/cups/setup-cups-pdf.sh";
    private static final String PRINTER = setting("loket.cups.printer", "LOKET_CUPS_PRINTER", "LoketPDF");
    private static final Path OUTPUT =
            Path.of(setting("loket.cups.pdfDir", "LOKET_CUPS_PDF_DIR", "/var/spool/cups-pdf/loket"));
    /** Spooling, Ghostscript and the backend take about a second; a loaded CI runner may take many. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path pdfFallback;

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void aReceiptPrintedOnCupsPdfComesOutWithItsText(PaperWidth width) throws IOException, InterruptedException {
        ReceiptPrinter printer = new ReceiptPrinter(new ReceiptRenderer(), pdfFallback);
        SystemTools.require(printer.printers().contains(PRINTER), "The CUPS-PDF test printer '" + PRINTER + "'",
                "as root, run " + SETUP);
        assertThat(printer.printers())
                .as("Printer '%s' is not installed. As root, run %s (installs CUPS and CUPS-PDF, starts cupsd, adds "
                        + "the printer), or name another printer with -Dloket.cups.printer", PRINTER, SETUP)
                .contains(PRINTER);
        assertThat(OUTPUT).as("CUPS-PDF's output folder %s is missing; %s creates it and sets Out in "
                + "/etc/cups/cups-pdf.conf", OUTPUT, SETUP).isDirectory();
        String clientRef = "LKT-CUPS-" + width + "-" + System.currentTimeMillis();

        Path pdf;
        String text;
        try (WatchService watch = OUTPUT.getFileSystem().newWatchService()) {
            OUTPUT.register(watch, ENTRY_CREATE, ENTRY_MODIFY);

            PrintOutcome outcome = printer.print(
                    ReceiptBuilder.plnPrepaid().clientRef(clientRef).reprint().build(), Optional.of(PRINTER), width);

            assertThat(outcome).isEqualTo(new PrintOutcome.Printed(PRINTER));
            pdf = awaitPdf(watch, clientRef);
            text = PdfText.text(pdf);
        }
        try {
            assertThat(text).contains("LOKET BERKAH JAYA", "IDPEL", "NAMA", "BUDI SANTOSO", "TOTAL BAYAR",
                    "Rp 102.500", "CETAK ULANG");
            assertThat(text.lines().map(String::strip)).contains("1234 5678 9012 3456 7890");
            assertThat(PdfText.info(pdf).width()).as("page width in points").isEqualTo(
                    width == PaperWidth.MM58 ? 164 : 227);
            assertThat(pdfFallback).isEmptyDirectory();
        } finally {
            Files.deleteIfExists(pdf);
        }
    }

    /**
     * The job's PDF once it is complete (pdftotext reads it to the last line, which carries the client_ref).
     * CUPS-PDF names the file after the job ("Struk LKT-…"); the folder is watched, so this wakes when it changes.
     */
    private static Path awaitPdf(WatchService watch, String clientRef) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Optional<Path> pdf = find(clientRef);
            if (pdf.isPresent()) {
                String text = PdfText.tryText(pdf.get());
                if (text != null && PdfText.squeezed(text).contains(clientRef)) {
                    return pdf.get();
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                try (Stream<Path> files = Files.list(OUTPUT)) {
                    return fail("No complete PDF of %s appeared in %s within %s; files there: %s. Does Out in "
                            + "/etc/cups/cups-pdf.conf name that folder (%s sets it)? See also 'lpstat -o' and "
                            + "/var/log/cups/error_log.", clientRef, OUTPUT, TIMEOUT,
                            files.map(Path::getFileName).toList(), SETUP);
                }
            }
            // Woken by the next change in the folder; the short bound catches a last write already seen.
            WatchKey key = watch.poll(Math.min(TimeUnit.NANOSECONDS.toMillis(left), 250), TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        }
    }

    private static Optional<Path> find(String clientRef) throws IOException {
        try (Stream<Path> files = Files.list(OUTPUT)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.contains(clientRef) && name.endsWith(".pdf");
            }).findFirst();
        }
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
