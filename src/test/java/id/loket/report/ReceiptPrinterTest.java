package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.report.PrintOutcome.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.print.PrintService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptPrinterTest {

    /** Shared: compiling the templates is what takes time. */
    private static final ReceiptRenderer RENDERER = new ReceiptRenderer();

    @TempDir
    Path data;

    @Test
    void withNoPrinterConfiguredTheReceiptIsSavedAsPdfNamedByClientRef() {
        Path receipts = data.resolve("receipts");
        ReceiptPrinter printer = new ReceiptPrinter(RENDERER, receipts, List::of);

        PrintOutcome outcome = printer.print(ReceiptBuilder.plnPrepaid().build(), Optional.empty(), PaperWidth.MM58);

        Path expected = receipts.resolve("LKT-20261122-000042.pdf");
        assertThat(outcome).isEqualTo(new PrintOutcome.SavedAsPdf(expected, Reason.NO_PRINTER_CONFIGURED));
        assertThat(PdfText.text(expected)).contains("1234 5678 9012 3456 7890", "LKT-20261122-000042");
        assertThat(PdfText.info(expected).width()).isEqualTo(164);
        assertThat(receipts).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aBlankPrinterNameCountsAsNone() {
        ReceiptPrinter printer = new ReceiptPrinter(RENDERER, data, List::of);

        PrintOutcome outcome = printer.print(ReceiptBuilder.halo().build(), Optional.of("  "), PaperWidth.MM80);

        assertThat(outcome).isInstanceOfSatisfying(PrintOutcome.SavedAsPdf.class,
                saved -> assertThat(saved.reason()).isEqualTo(Reason.NO_PRINTER_CONFIGURED));
    }

    @Test
    void aPrinterThatIsNotInstalledIsSaidSoAndTheReceiptSavedAsPdf() {
        ReceiptPrinter printer = new ReceiptPrinter(RENDERER, data,
                () -> List.of(new UnusablePrintService("Kasir-2 EPSON TM-T82")));

        PrintOutcome outcome = printer.print(ReceiptBuilder.plnPostpaid().build(), Optional.of("EPSON TM-T82"),
                PaperWidth.MM80);

        Path expected = data.resolve("LKT-20261122-000042.pdf");
        assertThat(outcome).isEqualTo(new PrintOutcome.SavedAsPdf(expected, Reason.PRINTER_NOT_FOUND));
        assertThat(PdfText.info(expected).width()).isEqualTo(227);
    }

    @Test
    void withTheRealPrintServicesAnUnknownPrinterIsNotFound() {
        ReceiptPrinter printer = new ReceiptPrinter(RENDERER, data);

        PrintOutcome outcome = printer.print(ReceiptBuilder.pdam().build(),
                Optional.of("No such printer " + System.nanoTime()), PaperWidth.MM58);

        assertThat(outcome).isInstanceOfSatisfying(PrintOutcome.SavedAsPdf.class, saved -> {
            assertThat(saved.reason()).isEqualTo(Reason.PRINTER_NOT_FOUND);
            assertThat(saved.path()).exists();
        });
    }

    @Test
    void reprintsAreNumberedAndKeepTheOriginal() throws IOException {
        ReceiptPrinter printer = new ReceiptPrinter(RENDERER, data, List::of);
        PrintOutcome original = printer.print(ReceiptBuilder.kai().build(), Optional.empty(), PaperWidth.MM58);
        byte[] originalBytes = Files.readAllBytes(data.resolve("LKT-20261122-000042.pdf"));

        PrintOutcome first = printer.print(ReceiptBuilder.kai().reprint().build(), Optional.empty(), PaperWidth.MM58);
        PrintOutcome second = printer.print(ReceiptBuilder.kai().reprint().build(), Optional.empty(), PaperWidth.MM58);

        assertThat(List.of(original, first, second)).extracting(o -> ((PrintOutcome.SavedAsPdf) o).path())
                .containsExactly(data.resolve("LKT-20261122-000042.pdf"),
                        data.resolve("LKT-20261122-000042-reprint-1.pdf"),
                        data.resolve("LKT-20261122-000042-reprint-2.pdf"));
        assertThat(Files.readAllBytes(data.resolve("LKT-20261122-000042.pdf"))).isEqualTo(originalBytes);
        assertThat(PdfText.text(data.resolve("LKT-20261122-000042-reprint-2.pdf"))).contains("CETAK ULANG");
    }

    @Test
    void aProvisionalSlipIsKeptApartFromTheFinalReceipt() {
        ReceiptPrinter printer = new ReceiptPrinter(RENDERER, data, List::of);

        PrintOutcome slip = printer.print(ReceiptBuilder.telkom().provisional().build(), Optional.empty(),
                PaperWidth.MM80);
        PrintOutcome receipt = printer.print(ReceiptBuilder.telkom().build(), Optional.empty(), PaperWidth.MM80);

        assertThat(((PrintOutcome.SavedAsPdf) slip).path()).hasFileName("LKT-20261122-000042-provisional.pdf")
                .exists();
        assertThat(((PrintOutcome.SavedAsPdf) receipt).path()).hasFileName("LKT-20261122-000042.pdf").exists();
    }

    @Test
    void aPrinterThatFailsGivesFailedNotAnException() {
        ReceiptPrinter printer = new ReceiptPrinter(RENDERER, data,
                () -> List.of(new UnusablePrintService("Kasir EPSON")));

        PrintOutcome outcome = printer.print(ReceiptBuilder.plnPostpaid().build(), Optional.of("Kasir EPSON"),
                PaperWidth.MM58);

        assertThat(outcome).isInstanceOfSatisfying(PrintOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("Not a 2D print service"));
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void thePrinterNameMatchesWhateverItsCase() {
        ReceiptPrinter printer = new ReceiptPrinter(RENDERER, data,
                () -> List.of(new UnusablePrintService("Kasir EPSON")));

        PrintOutcome outcome = printer.print(ReceiptBuilder.plnPostpaid().build(), Optional.of("kasir epson"),
                PaperWidth.MM58);

        // Found (and then refused by the fake), not PRINTER_NOT_FOUND.
        assertThat(outcome).isInstanceOf(PrintOutcome.Failed.class);
    }

    @Test
    void anUnwritableFolderGivesFailedNotAnException() throws IOException {
        Path notAFolder = Files.createFile(data.resolve("receipts"));
        ReceiptPrinter printer = new ReceiptPrinter(RENDERER, notAFolder, List::of);

        PrintOutcome outcome = printer.print(ReceiptBuilder.pulsa().build(), Optional.empty(), PaperWidth.MM58);

        assertThat(outcome).isInstanceOfSatisfying(PrintOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("receipts"));
    }

    @Test
    void listsTheInstalledPrintersByName() {
        List<PrintService> installed = List.of(new UnusablePrintService("Struk 80"),
                new UnusablePrintService("Laporan A4"), new UnusablePrintService("Struk 80"));
        ReceiptPrinter printer = new ReceiptPrinter(RENDERER, data, () -> installed);

        assertThat(printer.printers()).containsExactly("Laporan A4", "Struk 80");
    }

    @Test
    void clientRefsBecomeSafeFileNames() {
        assertThat(ReceiptPrinter.fileName("LKT-20261122-000042")).isEqualTo("LKT-20261122-000042");
        assertThat(ReceiptPrinter.fileName("LKT/../x y:z")).isEqualTo("LKT_.._x_y_z");
        assertThat(ReceiptPrinter.fileName("..")).isEqualTo("receipt..");
        assertThat(ReceiptPrinter.fileName("")).isEqualTo("receipt");
    }
}
