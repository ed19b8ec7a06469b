package id.loket.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads PDFs with Apache PDFBox, so the receipt tests need no system tool. */
final class PdfText {

    /** Width, height in points and page count of a PDF. */
    record Info(double width, double height, int pages) {}

    private PdfText() {}

    /** The text in reading order (by position on the page). */
    static String text(Path pdf) {
        String text = tryText(pdf);
        if (text == null) {
            return fail("Cannot read the PDF " + pdf);
        }
        return text;
    }

    /** The text, or null when the file is not (yet) a complete PDF, e.g. while a printer still writes it. */
    static String tryText(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        } catch (IOException e) {
            return null;
        }
    }

    static Info info(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDRectangle box = document.getPage(0).getMediaBox();
            return new Info(box.getWidth(), box.getHeight(), document.getNumberOfPages());
        } catch (IOException e) {
            return fail("Cannot read the PDF " + pdf, e);
        }
    }

    /**
     * The text with all white space removed, so a value the template wrapped still matches; Ghostscript (behind
     * CUPS-PDF) turns Courier's hyphen into a minus sign (U+2212), read back as a hyphen.
     */
    static String squeezed(String text) {
        return text.replace('\u2212', '-').replaceAll("\\s+", "");
    }
}
