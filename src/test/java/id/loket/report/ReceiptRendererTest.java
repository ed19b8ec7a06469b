package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.ReceiptData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders real PDFs from the templates in reports/ and reads them back with pdftotext. */
class ReceiptRendererTest {

    /** One renderer for the class: compiling the two templates is the slow part, and is what is cached. */
    private static final ReceiptRenderer RENDERER = new ReceiptRenderer();

    @TempDir
    static Path folder;

    @BeforeAll
    static void compile() {
        RENDERER.compileTemplates();
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void plnPostpaidReceiptSaysWhatPlnReceiptsSay(PaperWidth width) throws IOException {
        String text = PdfText.text(pdf(ReceiptBuilder.plnPostpaid().build(), width));

        assertThat(text).contains("LOKET BERKAH JAYA", "IDPEL", "512345678901", "NAMA", "BUDI SANTOSO",
                "TARIF/DAYA", "R1/1300VA", "BL/TH", "STAND METER", "RP TAG PLN", "Rp 150.000", "TOTAL BAYAR",
                "Rp 152.500", "NO REF", "KEMBALI", "Rp 47.500", "22-11-2026 14:05 WIB", "LKT-20261122-000042")
                .doesNotContain("CETAK ULANG", "SANDBOX");
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void plnPrepaidReceiptShowsTheTokenInGroupsOfFourOnOneLine(PaperWidth width) throws IOException {
        String text = PdfText.text(pdf(ReceiptBuilder.plnPrepaid().token("1234-5678-9012-3456-7890").build(), width));

        assertThat(text).contains("NO METER", "JML KWH", "69,2", "TOKEN");
        assertThat(text.lines().map(String::strip)).contains("1234 5678 9012 3456 7890");
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void aReprintSaysCetakUlang(PaperWidth width) throws IOException {
        String text = PdfText.text(pdf(ReceiptBuilder.plnPostpaid().build().asReprint(), width));

        assertThat(text).contains("CETAK ULANG", "IDPEL", "TOTAL BAYAR");
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void provisionalAndSandboxSlipsSaySoInFull(PaperWidth width) throws IOException {
        String text = PdfText.squeezed(PdfText.text(
                pdf(ReceiptBuilder.plnPrepaid().provisional().sandbox().build(), width)));

        assertThat(text).contains(PdfText.squeezed(ReceiptLines.PROVISIONAL), PdfText.squeezed(ReceiptLines.SANDBOX));
    }

    static Stream<Arguments> everyLayoutOnBothWidths() {
        List<Supplier<ReceiptBuilder>> receipts = List.of(ReceiptBuilder::plnPostpaid, ReceiptBuilder::plnPrepaid,
                ReceiptBuilder::pdam, ReceiptBuilder::telkom, ReceiptBuilder::halo, ReceiptBuilder::pulsa,
                ReceiptBuilder::kai, ReceiptBuilder::generic, () -> ReceiptBuilder.kai().provisional().reprint(),
                () -> ReceiptBuilder.pdam().sandbox().shop("TOKO SERBA ADA DAN LOKET PEMBAYARAN BERKAH JAYA ABADI",
                        "JL. RAYA CIBEUREUM NO. 123 RT 004 RW 011, KEL. CIBEUREUM, KEC. CIMAHI SELATAN, CIMAHI"));
        return receipts.stream().flatMap(r -> Stream.of(PaperWidth.values())
                .map(w -> Arguments.of(r.get().build(), w)));
    }

    /** A text that does not fit its box is not printed at all: every line must be found on the page. */
    @ParameterizedTest
    @MethodSource("everyLayoutOnBothWidths")
    void nothingIsClippedOrLost(ReceiptData receipt, PaperWidth width) throws IOException {
        String text = PdfText.squeezed(PdfText.text(pdf(receipt, width)));

        for (ReceiptLine line : ReceiptLines.of(receipt)) {
            // Word by word: pdftotext reads a wrapped label and its value in reading order, interleaved.
            for (String word : (line.label() + " " + line.value()).split("\\s+")) {
                assertThat(text).as("%s on %s", line, width).contains(PdfText.squeezed(word));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void aReceiptIsOnePageOfThePapersWidthAsTallAsItsContent(PaperWidth width) throws IOException {
        PdfText.Info shortOne = PdfText.info(pdf(ReceiptBuilder.telkom().build(), width));
        PdfText.Info longOne = PdfText.info(pdf(ReceiptBuilder.plnPrepaid().reprint().sandbox().build(), width));

        double points = width == PaperWidth.MM58 ? 164 : 227;
        assertThat(shortOne.width()).isEqualTo(points);
        assertThat(shortOne.pages()).isEqualTo(1);
        assertThat(longOne.pages()).isEqualTo(1);
        assertThat(shortOne.height()).isBetween(150.0, 500.0);
        assertThat(longOne.height()).isGreaterThan(shortOne.height() + 40);
    }

    @Test
    void eachTemplateIsCompiledOnce() {
        ReceiptRenderer renderer = new ReceiptRenderer();

        assertThat(renderer.report(PaperWidth.MM58)).isSameAs(renderer.report(PaperWidth.MM58))
                .isNotSameAs(renderer.report(PaperWidth.MM80));
    }

    private static Path pdf(ReceiptData receipt, PaperWidth width) throws IOException {
        byte[] pdf = RENDERER.pdf(receipt, width);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Path file = Files.createTempFile(folder, "receipt-" + width, ".pdf");
        Files.write(file, pdf);
        return file;
    }
}
