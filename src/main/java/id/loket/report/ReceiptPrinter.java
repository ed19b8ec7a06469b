package id.loket.report;

import id.loket.core.ReceiptData;
import id.loket.report.PrintOutcome.Reason;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.JRPrintServiceExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimplePrintServiceExporterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints receipts on the printer chosen in Settings, without a dialog, or writes them as PDF files when there is
 * no printer to print to: {@code <folder>/<client_ref>.pdf}, {@code <client_ref>-provisional.pdf} for a
 * provisional slip, {@code <client_ref>-reprint-N.pdf} for the N-th reprint.
 *
 * <p><b>{@link #print} never throws.</b> The payment stands whatever the printer does; every problem ends in a
 * {@link PrintOutcome} (logged with its cause) that the caller shows the clerk, with a reprint on offer.
 *
 * <p>Printing blocks until the job is spooled (a fraction of a second; longer on a slow network printer): call it
 * off the JavaFX thread.
 */
public final class ReceiptPrinter {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPrinter.class);
    private static final Pattern UNSAFE_FILE_CHARACTERS = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_REPRINT_FILES = 10_000;

    private final ReceiptRenderer renderer;
    private final Path pdfFolder;
    private final Supplier<List<PrintService>> printServices;

    /**
     * @param pdfFolder where receipts go when there is no printer ({@code <data>/receipts}); created when needed
     */
    public ReceiptPrinter(ReceiptRenderer renderer, Path pdfFolder) {
        this(renderer, pdfFolder, ReceiptPrinter::installedPrintServices);
    }

    /** With the printers a test chooses instead of the ones installed on this computer. */
    ReceiptPrinter(ReceiptRenderer renderer, Path pdfFolder, Supplier<List<PrintService>> printServices) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.pdfFolder = Objects.requireNonNull(pdfFolder, "pdfFolder");
        this.printServices = Objects.requireNonNull(printServices, "printServices");
    }

    /** The printers installed on this computer, by name, sorted: the choices of the Settings screen. */
    public List<String> printers() {
        return printServices.get().stream().map(PrintService::getName).distinct().sorted().toList();
    }

    /**
     * Prints the receipt on {@code printer} on {@code width} paper, or saves it as a PDF when no printer is
     * configured ({@code printer} empty or blank) or the configured one is not installed.
     *
     * @return never null; {@link PrintOutcome.Failed} when the printer or the PDF file failed — never an exception
     */
    public PrintOutcome print(ReceiptData receipt, Optional<String> printer, PaperWidth width) {
        try {
            Optional<String> name = printer.map(String::strip).filter(s -> !s.isEmpty());
            if (name.isEmpty()) {
                return savePdf(receipt, width, Reason.NO_PRINTER_CONFIGURED);
            }
            Optional<PrintService> service = find(name.get());
            if (service.isEmpty()) {
                LOG.warn("Printer '{}' is not installed (installed: {}); receipt {} saved as PDF", name.get(),
                        printers(), receipt.clientRef());
                return savePdf(receipt, width, Reason.PRINTER_NOT_FOUND);
            }
            send(renderer.fill(receipt, width), service.get());
            return new PrintOutcome.Printed(service.get().getName());
        } catch (Exception e) {
            // Anything at all: a failed print must not undo or hide a payment that went through.
            LOG.error("Receipt {} was neither printed nor saved", receipt.clientRef(), e);
            return new PrintOutcome.Failed(describe(e));
        }
    }

    private Optional<PrintService> find(String name) {
        List<PrintService> services = printServices.get();
        return services.stream().filter(s -> s.getName().equals(name)).findFirst()
                // Windows printer names are case-insensitive; a name typed in Settings may differ in case.
                .or(() -> services.stream().filter(s -> s.getName().equalsIgnoreCase(name)).findFirst());
    }

    private void send(JasperPrint print, PrintService service) throws JRException {
        PrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName(print.getName(), Locale.ROOT));
        attributes.add(new Copies(1));
        SimplePrintServiceExporterConfiguration configuration = new SimplePrintServiceExporterConfiguration();
        configuration.setPrintService(service);
        configuration.setPrintRequestAttributeSet(attributes);
        configuration.setDisplayPageDialog(false);
        configuration.setDisplayPrintDialog(false);
        JRPrintServiceExporter exporter = new JRPrintServiceExporter(renderer.context());
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setConfiguration(configuration);
        exporter.exportReport();
    }

    private PrintOutcome savePdf(ReceiptData receipt, PaperWidth width, Reason reason) throws IOException {
        Path path = write(receipt, renderer.pdf(receipt, width));
        LOG.info("Receipt {} saved as {} ({})", receipt.clientRef(), path, reason);
        return new PrintOutcome.SavedAsPdf(path, reason);
    }

    /** Written whole or not at all: to a temporary file first, then renamed. */
    private Path write(ReceiptData receipt, byte[] pdf) throws IOException {
        Files.createDirectories(pdfFolder);
        String base = fileName(receipt.clientRef());
        Path temp = Files.createTempFile(pdfFolder, base, ".pdf.tmp");
        try {
            Files.write(temp, pdf);
            if (!receipt.reprint()) {
                Path target = pdfFolder.resolve(base + (receipt.provisional() ? "-provisional" : "") + ".pdf");
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
            for (int n = 1; n <= MAX_REPRINT_FILES; n++) {
                Path target = pdfFolder.resolve(base + "-reprint-" + n + ".pdf");
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    Files.move(temp, target); // no REPLACE_EXISTING: a reprint saved at the same moment keeps its file
                    return target;
                } catch (FileAlreadyExistsException taken) {
                    LOG.debug("{} was taken meanwhile; trying the next number", target);
                }
            }
            throw new IOException("More than " + MAX_REPRINT_FILES + " reprints of " + receipt.clientRef()
                    + " in " + pdfFolder);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The client_ref as a file name on every system: anything but letters, digits, '.', '_' and '-' becomes '_'. */
    static String fileName(String clientRef) {
        String safe = UNSAFE_FILE_CHARACTERS.matcher(clientRef.strip()).replaceAll("_");
        return safe.isEmpty() || safe.startsWith(".") ? "receipt" + safe : safe;
    }

    private static String describe(Exception e) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = e; t != null && reason.length() < 500; t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            // Wrapping exceptions often repeat their cause's message; say each thing once.
            if (reason.indexOf(message) < 0) {
                reason.append(reason.length() > 0 ? ": " : "").append(message);
            }
        }
        return reason.toString();
    }

    private static List<PrintService> installedPrintServices() {
        return Arrays.asList(PrintServiceLookup.lookupPrintServices(null, null));
    }
}
