package id.loket.report;

import id.loket.core.BusinessCalendar;
import id.loket.core.Money;
import id.loket.reconcile.BalanceCheck;
import id.loket.reconcile.DailyRecap;
import id.loket.reconcile.DaySummary;
import id.loket.reconcile.ItemKind;
import id.loket.reconcile.ReconciliationException;
import id.loket.reconcile.ReconciliationItem;
import id.loket.reconcile.ReconciliationRun;
import id.loket.reconcile.ReconciliationService;
import id.loket.reconcile.SignOff;
import id.loket.report.PrintOutcome.Reason;
import id.loket.settings.SettingsService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.PrintRequestAttributeSet;
import javax.print.attribute.standard.Copies;
import javax.print.attribute.standard.JobName;
import javax.print.attribute.standard.MediaSizeName;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.export.JRPrintServiceExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimplePrintServiceExporterConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's A4 reports (issue 6), rendered with the JasperReports templates in {@code reports/}: the
 * reconciliation report of a run ({@code reconciliation.jrxml}: the run, a summary, a table per kind of difference,
 * the deposit check, the sign-off) and the daily recap of a business day ({@code daily-recap.jrxml}: per biller,
 * per method and per clerk, the failed and unsettled payments).
 *
 * <p>What a report says is decided here, as a flat list of rows ({@link #reconciliationRows}, {@link #recapRows});
 * the templates only lay the rows out, one detail band per kind of row and a group per section, without
 * subreports. Texts come from {@code i18n/reports*.properties} in the language chosen in Settings (Indonesian
 * unless English was chosen); amounts are always written the Indonesian way, "Rp 1.234.567".
 *
 * <p>Each template is compiled once, on first use or in {@link #compileTemplates()}, and kept. Rendering reads the
 * ledger and takes a fraction of a second; printing blocks until the job is spooled: call both off the JavaFX
 * thread. Safe to share between threads.
 */
public final class OwnerReports {

    /** The class-path resources of the templates (the build copies {@code reports/} onto the class path). */
    static final String RECONCILIATION_TEMPLATE = "reports/reconciliation.jrxml";
    static final String RECAP_TEMPLATE = "reports/daily-recap.jrxml";
    /** The texts of both reports: Indonesian in the base file, English in {@code _en}. */
    public static final String BUNDLE = "i18n.reports";

    private static final Logger LOG = LoggerFactory.getLogger(OwnerReports.class);
    private static final Locale INDONESIAN = SettingsService.INDONESIAN;
    private static final DateTimeFormatter WIB_TIME =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.ROOT).withZone(BusinessCalendar.WIB);
    private static final int MAX_SAME_NAME_FILES = 10_000;
    private static final Pattern UNSAFE_FILE_CHARACTERS = Pattern.compile("[^A-Za-z0-9._-]");
    /** The PDF base fonts' encoding (the templates' {@code pdfEncoding}); what it cannot write is replaced. */
    private static final Charset PDF_ENCODING = Charset.forName("windows-1252");

    private final ReconciliationService reconciliation;
    private final SettingsService settings;
    private final Clock clock;
    private final Supplier<List<PrintService>> printServices;
    private final JasperReportsContext context = DefaultJasperReportsContext.getInstance();
    private final Map<String, JasperReport> compiled = new HashMap<>();

    public OwnerReports(ReconciliationService reconciliation, SettingsService settings) {
        this(reconciliation, settings, Clock.systemUTC(), OwnerReports::installedPrintServices);
    }

    /** With the clock that stamps "made at" and the printers a test chooses instead of the installed ones. */
    OwnerReports(ReconciliationService reconciliation, SettingsService settings, Clock clock,
            Supplier<List<PrintService>> printServices) {
        this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.printServices = Objects.requireNonNull(printServices, "printServices");
    }

    /**
     * Compiles both templates now, so the first report prints without the compile delay.
     *
     * @throws ReportException if a template is missing or does not compile
     */
    public void compileTemplates() {
        template(RECONCILIATION_TEMPLATE);
        template(RECAP_TEMPLATE);
    }

    // ---- rendering -----------------------------------------------------------------------------------------------

    /**
     * The reconciliation report of run {@code runId}, filled and ready to print or save.
     *
     * @throws ReconciliationException when there is no such run
     * @throws ReportException if the template cannot be compiled or filled
     */
    public Report reconciliation(long runId) {
        ReconciliationRun run = reconciliation.run(runId).orElseThrow(() -> new ReconciliationException(
                "There is no reconciliation run " + runId + "."));
        List<ReconciliationItem> items = reconciliation.items(runId);
        DaySummary day = reconciliation.day(run.day());
        long latestRun = reconciliation.runs(run.day()).stream().findFirst().map(ReconciliationRun::id).orElse(runId);
        Texts t = texts();
        List<Row> rows = reconciliationRows(run, items, day, latestRun, t);
        String header = settings.shopName() + " \u2014 " + t.get("reconciliation.header") + " " + run.day()
                + " (run #" + run.id() + ")";
        return fill(RECONCILIATION_TEMPLATE, rows, t, t.get("reconciliation.title"), run.day(), header,
                "Rekonsiliasi " + run.day() + " run " + run.id(), reconciliationFileName(run.day(), run.id(), "pdf"));
    }

    /**
     * The daily recap of {@code day}, filled and ready to print or save. A day without payments gives a recap
     * that says so.
     *
     * @throws ReportException if the template cannot be compiled or filled
     */
    public Report dailyRecap(LocalDate day) {
        Objects.requireNonNull(day, "day");
        Texts t = texts();
        List<Row> rows = recapRows(reconciliation.recap(day), reconciliation.day(day), t);
        String header = settings.shopName() + " \u2014 " + t.get("recap.header") + " " + day;
        return fill(RECAP_TEMPLATE, rows, t, t.get("recap.title"), day, header, "Rekap harian " + day,
                recapFileName(day));
    }

    /** The reconciliation report of run {@code runId} as PDF; see {@link #reconciliation(long)}. */
    public byte[] reconciliationPdf(long runId) {
        return reconciliation(runId).pdf();
    }

    /** The daily recap of {@code day} as PDF; see {@link #dailyRecap(LocalDate)}. */
    public byte[] dailyRecapPdf(LocalDate day) {
        return dailyRecap(day).pdf();
    }

    /** The file a reconciliation report (or its CSV export) is saved as: {@code rekonsiliasi-<day>-run<id>.<ext>}. */
    public static String reconciliationFileName(LocalDate day, long runId, String extension) {
        return "rekonsiliasi-" + day + "-run" + runId + "." + extension;
    }

    /** The file a daily recap is saved as: {@code rekap-harian-<day>.pdf}. */
    public static String recapFileName(LocalDate day) {
        return "rekap-harian-" + day + ".pdf";
    }

    /** A filled report: printed as it is, or exported as PDF. */
    public static final class Report {
        private final JasperPrint print;
        private final String fileName;
        private final JasperReportsContext context;

        private Report(JasperPrint print, String fileName, JasperReportsContext context) {
            this.print = print;
            this.fileName = fileName;
            this.context = context;
        }

        /** What the report is saved as, e.g. {@code rekap-harian-2026-11-22.pdf}. */
        public String fileName() {
            return fileName;
        }

        /** The name of its print job, e.g. "Rekap harian 2026-11-22". */
        public String name() {
            return print.getName();
        }

        public int pages() {
            return print.getPages().size();
        }

        /**
         * The report as PDF.
         *
         * @throws ReportException if the export fails
         */
        public byte[] pdf() {
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
                throw new ReportException("Cannot export " + print.getName() + " as PDF", e);
            }
            return pdf.toByteArray();
        }

        JasperPrint jasperPrint() {
            return print;
        }
    }

    private Report fill(String template, List<Row> rows, Texts t, String title, LocalDate day, String pageHeader,
            String name, String fileName) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("SHOP_NAME", printable(settings.shopName()));
        parameters.put("SHOP_ADDRESS", printable(settings.shopAddress()));
        parameters.put("TITLE", printable(title));
        parameters.put("SUBTITLE", printable(t.get("report.day", t.day(day))));
        parameters.put("PAGE_HEADER", printable(pageHeader));
        parameters.put("PRINTED", printable(t.get("report.printed", t.time(clock.instant()))));
        parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, t.bundle);
        parameters.put(JRParameter.REPORT_LOCALE, t.language);
        JasperPrint print;
        try {
            print = JasperFillManager.getInstance(context).fill(template(template), parameters, new RowsSource(rows));
        } catch (JRException e) {
            throw new ReportException("Cannot fill " + template + " for " + name, e);
        }
        print.setName(name);
        return new Report(print, fileName, context);
    }

    /** The compiled template, compiled on first use and kept. */
    JasperReport template(String template) {
        synchronized (compiled) {
            JasperReport report = compiled.get(template);
            if (report == null) {
                report = compile(template);
                compiled.put(template, report);
            }
            return report;
        }
    }

    private JasperReport compile(String template) {
        try (InputStream jrxml = OwnerReports.class.getClassLoader().getResourceAsStream(template)) {
            if (jrxml == null) {
                throw new ReportException("Report template " + template + " is not on the class path (the build"
                        + " copies reports/ into it)", null);
            }
            return JasperCompileManager.getInstance(context).compile(jrxml);
        } catch (JRException | IOException e) {
            throw new ReportException("Cannot compile report template " + template, e);
        }
    }

    private Texts texts() {
        return Texts.of(settings.language());
    }

    // ---- printing and saving -------------------------------------------------------------------------------------

    /**
     * Prints the report on {@code printer} without a dialog, or saves it as PDF into {@code pdfFolder} when no
     * printer is configured ({@code printer} empty or blank) or the configured one is not installed.
     *
     * @return never null; {@link PrintOutcome.Failed} when the printer or the PDF file failed — never an exception
     */
    public PrintOutcome print(Report report, Optional<String> printer, Path pdfFolder) {
        try {
            Optional<String> name = printer.map(String::strip).filter(s -> !s.isEmpty());
            if (name.isEmpty()) {
                return new PrintOutcome.SavedAsPdf(save(report, pdfFolder), Reason.NO_PRINTER_CONFIGURED);
            }
            Optional<PrintService> service = find(name.get());
            if (service.isEmpty()) {
                LOG.warn("Report printer '{}' is not installed (installed: {}); {} saved as PDF", name.get(),
                        printServices.get().stream().map(PrintService::getName).toList(), report.name());
                return new PrintOutcome.SavedAsPdf(save(report, pdfFolder), Reason.PRINTER_NOT_FOUND);
            }
            send(report.jasperPrint(), service.get());
            LOG.info("{} printed on {}", report.name(), service.get().getName());
            return new PrintOutcome.Printed(service.get().getName());
        } catch (Exception e) {
            LOG.error("{} was neither printed nor saved", report.name(), e);
            return new PrintOutcome.Failed(describe(e));
        }
    }

    /**
     * Prints the report on the report printer of Settings, or saves it as PDF into {@code pdfFolder} when there
     * is none, it is not installed, or it fails the job.
     *
     * @return where the report went, in a sentence of the Settings language, for the owner to read
     * @throws UncheckedIOException when the report could neither be printed nor saved
     */
    public String printOrSave(Report report, Path pdfFolder) {
        Texts t = texts();
        PrintOutcome outcome = print(report, settings.reportPrinter(), pdfFolder);
        if (outcome instanceof PrintOutcome.Printed printed) {
            return t.get("outcome.printed", printed.printer());
        }
        if (outcome instanceof PrintOutcome.SavedAsPdf saved) {
            return saved.reason() == Reason.NO_PRINTER_CONFIGURED
                    ? t.get("outcome.savedNoPrinter", saved.path().toString())
                    : t.get("outcome.savedPrinterMissing", settings.reportPrinter().orElse(""), saved.path().toString());
        }
        // The printer failed the job (or the PDF could not be written): a report is worth keeping either way.
        Path path = save(report, pdfFolder);
        return t.get("outcome.failedSaved", ((PrintOutcome.Failed) outcome).reason(), path.toString());
    }

    /**
     * Saves the report as PDF into {@code folder} under its {@link Report#fileName()}, or {@code <name>-2.pdf},
     * {@code -3} … when that file exists: a report saved earlier is never overwritten.
     *
     * @throws UncheckedIOException when the folder cannot be created or the file written
     */
    public Path save(Report report, Path folder) {
        byte[] pdf = report.pdf();
        try {
            Path path = writeNew(folder, report.fileName(), pdf);
            LOG.info("{} saved as {}", report.name(), path);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + report.fileName() + " in " + folder + " ("
                    + e.getMessage() + "): check the folder exists and the disk has space.", e);
        }
    }

    /**
     * Writes {@code content} into {@code folder} (created when needed) as {@code fileName}, or as
     * {@code <base>-2.<ext>}, {@code -3} … when that name is taken: never overwrites a file. The file is written
     * whole or not at all (to a temporary file first, then renamed). Characters other than letters, digits,
     * '.', '_' and '-' in the name become '_'.
     *
     * @return the file written
     */
    public static Path writeNew(Path folder, String fileName, byte[] content) throws IOException {
        Files.createDirectories(folder);
        String safe = UNSAFE_FILE_CHARACTERS.matcher(fileName.strip()).replaceAll("_");
        int dot = safe.lastIndexOf('.');
        String base = dot > 0 ? safe.substring(0, dot) : safe;
        String extension = dot > 0 ? safe.substring(dot) : "";
        Path temp = Files.createTempFile(folder, "." + base, extension + ".tmp");
        try {
            Files.write(temp, content);
            for (int n = 1; n <= MAX_SAME_NAME_FILES; n++) {
                Path target = folder.resolve(n == 1 ? base + extension : base + "-" + n + extension);
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    Files.move(temp, target); // no REPLACE_EXISTING: a file saved at the same moment keeps its name
                    return target;
                } catch (FileAlreadyExistsException taken) {
                    LOG.debug("{} was taken meanwhile; trying the next number", target);
                }
            }
            throw new IOException("More than " + MAX_SAME_NAME_FILES + " files named " + base + extension + " in "
                    + folder);
        } finally {
            Files.deleteIfExists(temp);
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
        if (service.isAttributeValueSupported(MediaSizeName.ISO_A4, null, null)) {
            // Otherwise a printer set up for US Letter would cut the foot of every A4 page.
            attributes.add(MediaSizeName.ISO_A4);
        }
        SimplePrintServiceExporterConfiguration configuration = new SimplePrintServiceExporterConfiguration();
        configuration.setPrintService(service);
        configuration.setPrintRequestAttributeSet(attributes);
        configuration.setDisplayPageDialog(false);
        configuration.setDisplayPrintDialog(false);
        JRPrintServiceExporter exporter = new JRPrintServiceExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setConfiguration(configuration);
        exporter.exportReport();
    }

    private static String describe(Exception e) {
        StringBuilder reason = new StringBuilder();
        for (Throwable c = e; c != null && reason.length() < 500; c = c.getCause()) {
            String message = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
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

    // ---- what the reports say ------------------------------------------------------------------------------------

    /**
     * The rows of a run's reconciliation report, top to bottom: the run and the day's status; for a compared run
     * the summary, a table per kind of item found (in {@link ItemKind} order), the deposit check and the sign-off
     * (or lines to sign by hand); for a failed run its reason.
     *
     * @param day the run's day as it stands now (status, sign-off)
     * @param latestRun the id of the day's newest run, to say so when this report is of an older one
     */
    static List<Row> reconciliationRows(ReconciliationRun run, List<ReconciliationItem> items, DaySummary day,
            long latestRun, Texts t) {
        Rows rows = new Rows();
        rows.section("run", t.get("section.run", Long.toString(run.id())));
        rows.add("FIELD", "label", t.get("field.started"), "value", t.time(run.startedAt()));
        String trigger = t.get("trigger." + run.trigger().name());
        rows.add("FIELD", "label", t.get("field.trigger"), "value",
                run.operator().map(o -> t.get("trigger.withOperator", trigger, o)).orElse(trigger));
        rows.add("FIELD", "label", t.get("field.outcome"), "value", t.get("outcome." + run.outcome().name()));
        rows.add("FIELD_STRONG", "label", t.get("field.status"), "value", t.get("status." + day.status().name()));
        if (latestRun != run.id()) {
            rows.add("NOTICE", "value", t.get("notice.notLatest", Long.toString(latestRun)));
        }
        if (!run.reconciled()) {
            rows.add("NOTICE", "value", t.get("notice.failed", run.failure().orElse("?")));
            return rows.list();
        }

        Map<ItemKind, Long> counts = ReconciliationService.countByKind(run, items);
        rows.section("summary", t.get("section.summary"));
        rows.add("AMOUNT", "label", t.get("summary.matched"), "value", t.count(run.matched()));
        rows.add("AMOUNT", "label", t.get("summary.gatewayRows"), "value", t.count(run.gatewayCount()));
        rows.add("AMOUNT", "label", t.get("summary.ledgerPayments"), "value", t.count(run.ledgerCount()));
        rows.add("AMOUNT", "label", t.get("summary.gatewayTotal"), "value", t.money(run.gatewayTotal()));
        for (ItemKind kind : ItemKind.values()) {
            if (kind != ItemKind.MATCHED) {
                rows.add("AMOUNT", "label", t.get("kind." + kind.name()), "value", t.count(counts.get(kind)));
            }
        }
        rows.add("AMOUNT_STRONG", "label", t.get("summary.open"), "value",
                t.count(items.stream().filter(ReconciliationItem::isOpen).count()));
        rows.add("FIELD", "label", t.get("summary.changes"), "value", changes(run.changes(), t));

        if (items.isEmpty()) {
            rows.section("items", t.get("section.items"));
            rows.add("TEXT", "value", t.get("items.none"));
        }
        for (ItemKind kind : ItemKind.values()) {
            List<ReconciliationItem> ofKind = items.stream().filter(i -> i.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            rows.section("items:" + kind.name(), t.get("section.kind", t.get("kind." + kind.name()),
                    t.count(ofKind.size())), "intro", t.get("intro." + kind.name()));
            for (ReconciliationItem i : ofKind) {
                rows.add("ITEM", "lineNo", Integer.toString(i.lineNo()),
                        "clientRef", i.clientRef().orElse(kind == ItemKind.BALANCE_MISMATCH ? t.get("item.deposit")
                                : t.none()),
                        "biller", i.biller().orElse(t.none()),
                        "reference", i.reference().orElse(t.none()),
                        "ledgerAmount", i.ledgerAmount().map(t::money).orElse(t.none()),
                        "gatewayAmount", i.gatewayAmount().map(t::money).orElse(t.none()),
                        "ledgerStatus", i.ledgerStatus().orElse(t.none()),
                        "gatewayStatus", i.gatewayStatus().orElse(t.none()),
                        "detail", i.detail(),
                        "note", i.resolution().map(r -> t.get("item.resolved", r.operator(), t.time(r.at()),
                                r.note())).orElse(""),
                        "open", i.isOpen() ? t.get("item.open") : "");
            }
        }

        rows.section("balance", t.get("section.balance"));
        Optional<BalanceCheck> balance = run.balance();
        if (balance.isEmpty()) {
            rows.add("TEXT", "value", t.get("balance.none"));
        } else {
            BalanceCheck b = balance.get();
            rows.add("AMOUNT", "label", t.get("balance.opening"), "value", t.money(b.opening()));
            rows.add("AMOUNT", "label", t.get("balance.movements"), "value", t.money(b.movements()));
            rows.add("AMOUNT_STRONG", "label", t.get("balance.expected"), "value", t.money(b.expectedClosing()));
            rows.add("AMOUNT", "label", t.get("balance.closing"), "value", t.money(b.closing()));
            rows.add("AMOUNT_STRONG", "label", t.get("balance.difference"), "value", t.money(b.difference()));
            rows.add("NOTICE", "value", b.ok() ? t.get("balance.ok") : t.get("balance.notOk", t.money(b.difference())));
        }

        rows.section("signoff", t.get("section.signoff"));
        Optional<SignOff> signOff = day.signOff().filter(s -> s.runId() == run.id()
                || day.latest().map(ReconciliationRun::id).filter(id -> id == run.id()).isPresent());
        if (signOff.isPresent()) {
            rows.add("FIELD_STRONG", "label", t.get("signoff.by"), "value", signOff.get().operator());
            rows.add("FIELD", "label", t.get("signoff.at"), "value", t.time(signOff.get().at()));
            if (!signOff.get().note().isBlank()) {
                rows.add("FIELD", "label", t.get("signoff.note"), "value", signOff.get().note());
            }
        } else {
            rows.add("TEXT", "value", t.get("signoff.pending"));
            rows.add("SIGN");
        }
        return rows.list();
    }

    private static String changes(String changes, Texts t) {
        if (changes.equals(ReconciliationService.FIRST_RUN)) {
            return t.get("changes.first");
        }
        if (changes.equals(ReconciliationService.NO_CHANGE)) {
            return t.get("changes.none");
        }
        return t.get("changes.some", changes);
    }

    /**
     * The rows of a day's recap: a summary (successful, failed and unsettled payments, refunds due, the day's
     * reconciliation status), then the successful payments per biller, per method and per clerk, each table
     * closed by the day's total.
     */
    static List<Row> recapRows(DailyRecap recap, DaySummary day, Texts t) {
        Rows rows = new Rows();
        DailyRecap.Line total = recap.total();
        rows.section("summary", t.get("recap.section.summary"));
        rows.add("AMOUNT", "label", t.get("recap.successful"), "value", t.count(total.count()));
        rows.add("AMOUNT", "label", t.get("recap.totalPaid"), "value", t.money(total.total()));
        rows.add("AMOUNT", "label", t.get("recap.shopIncome"), "value", t.money(total.shopFees()));
        rows.add("AMOUNT", "label", t.get("recap.failed"), "value", t.count(recap.failed()));
        rows.add("AMOUNT", "label", t.get("recap.suspect"), "value", t.count(recap.suspect()));
        rows.add("AMOUNT", "label", t.get("recap.refundsDue"), "value", t.count(recap.refundsDue()));
        rows.add("FIELD", "label", t.get("recap.reconciliation"), "value", t.get("status." + day.status().name()));
        table(rows, "byBiller", t.get("recap.section.byBiller"), t.get("recap.column.biller"), recap.byBiller(),
                total, DailyRecap.Line::label, t);
        table(rows, "byMethod", t.get("recap.section.byMethod"), t.get("recap.column.method"), recap.byMethod(),
                total, l -> t.has("method." + l.key()) ? t.get("method." + l.key()) : l.label(), t);
        table(rows, "byClerk", t.get("recap.section.byClerk"), t.get("recap.column.clerk"), recap.byClerk(),
                total, DailyRecap.Line::label, t);
        return rows.list();
    }

    private static void table(Rows rows, String section, String title, String head, List<DailyRecap.Line> lines,
            DailyRecap.Line total, java.util.function.Function<DailyRecap.Line, String> label, Texts t) {
        rows.section(section, title, "head", head);
        if (lines.isEmpty()) {
            rows.add("TEXT", "value", t.get("recap.none"));
            return;
        }
        for (DailyRecap.Line line : lines) {
            rows.add("LINE", recapLine(label.apply(line), line, t));
        }
        rows.add("TOTAL", recapLine(t.get("recap.total"), total, t));
    }

    private static String[] recapLine(String label, DailyRecap.Line line, Texts t) {
        return new String[] {"label", label, "count", t.count(line.count()), "bill", t.money(line.billAmount()),
            "gatewayFees", t.money(line.gatewayFees()), "shopFees", t.money(line.shopFees()),
            "total", t.money(line.total())};
    }

    /**
     * Text the PDF base fonts can write (Windows-1252): an arrow becomes "->", a minus sign a hyphen, anything
     * else outside the encoding '?', rather than silently vanishing from the page.
     */
    static String printable(String text) {
        String s = text.replace("\u2192", "->").replace('\u2212', '-');
        CharsetEncoder encoder = PDF_ENCODING.newEncoder();
        if (encoder.canEncode(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.append(encoder.canEncode(new String(Character.toChars(c))) ? new String(
                Character.toChars(c)) : "?"));
        return out.toString();
    }

    // ---- rows and texts ------------------------------------------------------------------------------------------

    /**
     * One row of a report as the templates lay it out: its detail band ({@code FIELD}, {@code AMOUNT},
     * {@code ITEM}, {@code LINE} …), its section (the group whose header prints {@code title}) and the band's
     * values by field name.
     */
    record Row(String band, String section, String title, Map<String, String> values) {
        Row {
            Objects.requireNonNull(band, "band");
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(title, "title");
            values = Map.copyOf(values);
        }

        /** A value by field name; empty when the row has none. */
        String value(String field) {
            return values.getOrDefault(field, "");
        }
    }

    /** Collects rows section by section; a section's shared values (intro, head) go on each of its rows. */
    private static final class Rows {
        private final List<Row> rows = new ArrayList<>();
        private String section = "";
        private String title = "";
        private Map<String, String> shared = Map.of();

        void section(String id, String sectionTitle, String... sharedValues) {
            section = id;
            title = sectionTitle;
            shared = pairs(sharedValues);
        }

        void add(String band, String... values) {
            Map<String, String> all = new LinkedHashMap<>(shared);
            all.putAll(pairs(values));
            rows.add(new Row(band, section, title, all));
        }

        List<Row> list() {
            return List.copyOf(rows);
        }

        private static Map<String, String> pairs(String... keyValues) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                map.put(keyValues[i], keyValues[i + 1]);
            }
            return map;
        }
    }

    /**
     * Feeds {@link Row}s to a template. Every field a template declares must be one of {@link #FIELDS}, so a
     * misspelt field fails the report instead of printing nothing; a value a row does not have is empty.
     */
    static final class RowsSource implements JRDataSource {

        static final Set<String> FIELDS = Set.of("band", "section", "title", "intro", "head", "label", "value",
                "lineNo", "clientRef", "biller", "reference", "ledgerAmount", "gatewayAmount", "ledgerStatus",
                "gatewayStatus", "detail", "note", "open", "count", "bill", "gatewayFees", "shopFees", "total");

        private final java.util.Iterator<Row> rows;
        private Row current;

        RowsSource(List<Row> rows) {
            this.rows = List.copyOf(rows).iterator();
        }

        @Override
        public boolean next() {
            if (!rows.hasNext()) {
                return false;
            }
            current = rows.next();
            return true;
        }

        @Override
        public Object getFieldValue(JRField field) throws JRException {
            if (current == null) {
                throw new JRException("Field " + field.getName() + " read before the first row");
            }
            String name = field.getName();
            if (!FIELDS.contains(name)) {
                throw new JRException("Report rows have no field '" + name + "' (" + FIELDS + ")");
            }
            String value = switch (name) {
                case "band" -> current.band();
                case "section" -> current.section();
                case "title" -> current.title();
                default -> current.value(name);
            };
            return printable(value);
        }
    }

    /** The reports' texts in one language, and how they write days, times, counts and amounts. */
    static final class Texts {
        final ResourceBundle bundle;
        final Locale language;
        private final DateTimeFormatter longDay;

        private Texts(ResourceBundle bundle, Locale language) {
            this.bundle = bundle;
            this.language = language;
            this.longDay = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", language);
        }

        /**
         * The texts of {@code language}: English for English, Indonesian for anything else. Looked up without the
         * JVM's default locale, so a computer set up in English still prints Indonesian when that is the choice.
         */
        static Texts of(Locale language) {
            Locale chosen = SettingsService.ENGLISH.getLanguage().equals(language.getLanguage())
                    ? SettingsService.ENGLISH : INDONESIAN;
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, chosen, OwnerReports.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new Texts(bundle, chosen);
        }

        /** A text, formatted with {@link MessageFormat} (arguments are passed as strings, already written out). */
        String get(String key, Object... arguments) {
            return new MessageFormat(bundle.getString(key), language).format(arguments);
        }

        boolean has(String key) {
            return bundle.containsKey(key);
        }

        String none() {
            return get("report.none");
        }

        String money(Money money) {
            return money.format(INDONESIAN);
        }

        String count(long count) {
            return NumberFormat.getIntegerInstance(INDONESIAN).format(count);
        }

        String day(LocalDate day) {
            return longDay.format(day);
        }

        String time(Instant instant) {
            return WIB_TIME.format(instant) + " WIB";
        }
    }
}
