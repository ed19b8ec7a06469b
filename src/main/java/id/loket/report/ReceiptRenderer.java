package id.loket.report;

import id.loket.core.ReceiptData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders receipts with the JasperReports templates in {@code reports/} ({@code receipt-58mm.jrxml},
 * {@code receipt-80mm.jrxml}) from the lines {@link ReceiptLines} composes.
 *
 * <p>Each template is compiled once, on first use or in {@link #compileTemplates()}, and kept: compiling takes
 * most of a second, filling and exporting a receipt a few milliseconds. Safe to share between threads.
 *
 * <p>Receipts are printed on a roll, so a receipt is always one page exactly as tall as its content.
 */
public final class ReceiptRenderer {

    private final JasperReportsContext context;
    private final Map<PaperWidth, JasperReport> compiled = new EnumMap<>(PaperWidth.class);

    public ReceiptRenderer() {
        this.context = DefaultJasperReportsContext.getInstance();
    }

    /**
     * Compiles both templates now, so the first receipt of the day prints without the compile delay. The
     * composition root may call this on a background thread at start.
     *
     * @throws ReportException if a template is missing or does not compile
     */
    public void compileTemplates() {
        for (PaperWidth width : PaperWidth.values()) {
            report(width);
        }
    }

    /**
     * The receipt as a PDF of one page, {@code width} wide and as tall as its content.
     *
     * @throws ReportException if the template cannot be compiled, filled or exported
     */
    public byte[] pdf(ReceiptData receipt, PaperWidth width) {
        JasperPrint print = fill(receipt, width);
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(print.getName());
        configuration.setMetadataCreator("Loket");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        JRPdfExporter exporter = new JRPdfExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(pdf));
        exporter.setConfiguration(configuration);
        try {
            exporter.exportReport();
        } catch (JRException e) {
            throw new ReportException("Cannot export receipt " + receipt.clientRef() + " as PDF", e);
        }
        return pdf.toByteArray();
    }

    /** The filled receipt, for PDF export and for printing; its name ("Struk <client_ref>") names a print job. */
    JasperPrint fill(ReceiptData receipt, PaperWidth width) {
        List<ReceiptLine> lines = ReceiptLines.of(receipt);
        JasperPrint print;
        try {
            print = JasperFillManager.getInstance(context)
                    .fill(report(width), new HashMap<>(), new ReceiptLinesDataSource(lines));
        } catch (JRException e) {
            throw new ReportException("Cannot fill " + width.template() + " for receipt " + receipt.clientRef(), e);
        }
        print.setName("Struk " + receipt.clientRef());
        fitPageToContent(print);
        return print;
    }

    JasperReportsContext context() {
        return context;
    }

    /**
     * Cuts the page to its content. {@code ignorePagination} keeps a receipt on one page but leaves the page as
     * tall as the template says; a roll printer would feed all of it.
     */
    private static void fitPageToContent(JasperPrint print) {
        int bottom = 0;
        for (JRPrintPage page : print.getPages()) {
            for (JRPrintElement element : page.getElements()) {
                bottom = Math.max(bottom, element.getY() + element.getHeight());
            }
        }
        Integer margin = print.getBottomMargin();
        print.setPageHeight(bottom + (margin == null ? 0 : margin));
    }

    /** The compiled template, compiled on first use and kept. */
    JasperReport report(PaperWidth width) {
        synchronized (compiled) {
            JasperReport report = compiled.get(width);
            if (report == null) {
                report = compile(width);
                compiled.put(width, report);
            }
            return report;
        }
    }

    private JasperReport compile(PaperWidth width) {
        ClassLoader loader = ReceiptRenderer.class.getClassLoader();
        try (InputStream jrxml = loader.getResourceAsStream(width.template())) {
            if (jrxml == null) {
                throw new ReportException("Receipt template " + width.template() + " is not on the class path "
                        + "(the build copies reports/ into it)", null);
            }
            return JasperCompileManager.getInstance(context).compile(jrxml);
        } catch (JRException | IOException e) {
            throw new ReportException("Cannot compile receipt template " + width.template(), e);
        }
    }
}
