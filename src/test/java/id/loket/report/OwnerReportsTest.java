package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.BillerCategory;
import id.loket.core.Money;
import id.loket.core.PaymentState;
import id.loket.payment.PayOrder;
import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import id.loket.reconcile.BalanceCheck;
import id.loket.reconcile.DailyRecap;
import id.loket.reconcile.ItemKind;
import id.loket.reconcile.ReconciliationException;
import id.loket.reconcile.ReconciliationItem;
import id.loket.reconcile.ReconciliationRun;
import id.loket.reconcile.RunResult;
import id.loket.reconcile.RunTrigger;
import id.loket.report.PrintOutcome.Reason;
import id.loket.settings.SettingsService;
import id.loket.testing.SystemTools;
import id.loket.users.Operator;
import id.loket.users.TestOperators;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner's reports rendered from a real day: payments made at a counter wired as the app wires it, against the
 * sandbox gateway, with one discrepancy of each kind planted through the sandbox's drills and reconciled. The PDFs
 * are read back with PDFBox and, where installed (always in CI), with poppler's {@code pdftotext}.
 */
class OwnerReportsTest {

    private static final Operator OWNER = TestOperators.owner();
    private static final String SHOP = "Toko Sari Makmur";
    private static final String ADDRESS = "Jl. Merdeka No. 17, Bandung";
    private static final Instant PRINTED_AT = Instant.parse("2026-11-23T02:15:00Z");
    private static final String RESOLUTION_NOTE = "Gateway mengakui salah hitung; dikoreksi di settlement besok";

    @TempDir
    static Path dir;

    private static PaymentTestBed bed;
    private static OwnerReports reports;
    private static LocalDate day;
    private static ReconciliationRun run;
    private static final Map<ItemKind, Payment> PLANTED = new EnumMap<>(ItemKind.class);
    private static String extraRef;
    /** The report before the owner resolved every item and signed the day off, and after. */
    private static Path unsigned;
    private static Path signed;

    @BeforeAll
    static void aDayWithOneDifferenceOfEachKindIsReconciled() throws IOException {
        bed = PaymentTestBed.in(dir.resolve("bed")).sandbox(o -> o.withSettleImmediately(true)).start();
        SettingsService settings = bed.settings();
        settings.setShopName(OWNER, SHOP);
        settings.setShopAddress(OWNER, ADDRESS);
        settings.setCategoryFee(OWNER, BillerCategory.ELECTRICITY, Optional.of(Money.of(2_000)));
        reports = new OwnerReports(bed.reconciliation(), settings, Clock.fixed(PRINTED_AT, ZoneOffset.UTC), List::of);
        day = bed.calendar().today();

        bed.openShift(200_000);
        bed.shifts().open("ani", Money.of(100_000));
        PLANTED.put(ItemKind.AMOUNT_MISMATCH, bed.plnBill().cash());
        PLANTED.put(ItemKind.STATUS_MISMATCH, bed.order("PDAM_BANDUNG", "12345678").cash());
        PLANTED.put(ItemKind.MISSING_AT_GATEWAY, bed.order("TELKOM", "021234567890").clerk("ani").debitCard("A1B2C3"));
        PLANTED.put(ItemKind.MATCHED, bed.order("PLN_PREPAID", "12345678901").product("PLN20").clerk("ani").cash());
        Payment failed = bed.order("PLN_POSTPAID", "512345672222").cash();
        assertThat(failed.state()).isEqualTo(PaymentState.FAILED);
        PayOrder dropped = bed.order("PLN_POSTPAID", "512345670001");
        dropped.inquiry();
        bed.sandbox().fault("drop_response", "payments");
        Payment suspect = dropped.cash();
        assertThat(suspect.state()).isEqualTo(PaymentState.SUSPECT);
        PLANTED.put(ItemKind.RESOLVED_SUSPECT, suspect);

        bed.sandbox().post("/sandbox/discrepancies", "{\"kind\": \"amount\", \"client_ref\": \""
                + PLANTED.get(ItemKind.AMOUNT_MISMATCH).clientRef() + "\", \"amount\": 149000}");
        bed.sandbox().post("/sandbox/discrepancies", "{\"kind\": \"status\", \"client_ref\": \""
                + PLANTED.get(ItemKind.STATUS_MISMATCH).clientRef() + "\"}");
        bed.sandbox().post("/sandbox/discrepancies", "{\"kind\": \"missing\", \"client_ref\": \""
                + PLANTED.get(ItemKind.MISSING_AT_GATEWAY).clientRef() + "\"}");
        extraRef = bed.sandbox().post("/sandbox/discrepancies", "{\"kind\": \"extra\"}").path("client_ref").asText();
        bed.sandbox().deposit(500_000); // a top-up the owner never recorded in Loket

        RunResult result = bed.reconciliation().reconcile(day, RunTrigger.MANUAL, Optional.of(OWNER.username()));
        assertThat(result).isInstanceOf(RunResult.Reconciled.class);
        run = ((RunResult.Reconciled) result).run();
        assertThat(bed.reconciliation().items(run.id())).extracting(ReconciliationItem::kind).contains(
                ItemKind.AMOUNT_MISMATCH, ItemKind.STATUS_MISMATCH, ItemKind.MISSING_AT_GATEWAY,
                ItemKind.MISSING_IN_LEDGER, ItemKind.RESOLVED_SUSPECT, ItemKind.BALANCE_MISMATCH);

        bed.reconciliation().resolve(OWNER, run.id(), item(ItemKind.AMOUNT_MISMATCH).lineNo(), RESOLUTION_NOTE);
        unsigned = write("unsigned.pdf", reports.reconciliationPdf(run.id()));

        for (ReconciliationItem open : bed.reconciliation().items(run.id())) {
            if (open.isOpen()) {
                bed.reconciliation().resolve(OWNER, run.id(), open.lineNo(), "Diperiksa, lihat catatan kas");
            }
        }
        bed.reconciliation().signOff(OWNER, run.id(), "Semua selisih sudah dicek");
        signed = write("signed.pdf", reports.reconciliationPdf(run.id()));
    }

    @AfterAll
    static void close() {
        if (bed != null) {
            bed.close();
        }
    }

    private static ReconciliationItem item(ItemKind kind) {
        return bed.reconciliation().items(run.id()).stream().filter(i -> i.kind() == kind).findFirst().orElseThrow();
    }

    // ---- the reconciliation report -------------------------------------------------------------------------------

    @Test
    void theReportNamesTheShopTheDayAndTheRun() {
        for (String text : texts(unsigned)) {
            assertThat(text).contains(SHOP, ADDRESS, "LAPORAN REKONSILIASI", "Hari kerja: ",
                    "Run rekonsiliasi #" + run.id(), "Layar Rekonsiliasi, oleh sari", "Selesai dibandingkan",
                    "Status hari kerja", "Ada selisih yang belum diselesaikan", "Dibuat 23-11-2026 09:15 WIB oleh Loket",
                    "Halaman 1 dari");
        }
        String dayName = java.time.format.DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu",
                Locale.forLanguageTag("id")).format(day);
        assertThat(PdfText.text(unsigned)).contains("Hari kerja: " + dayName);
    }

    @Test
    void theSummaryCountsEachKind() {
        String layout = pdftotextLayout(unsigned);
        assertThat(layout).containsPattern("Pembayaran cocok\\s+" + run.matched() + "\\n");
        assertThat(layout).containsPattern("Baris di settlement gateway\\s+" + run.gatewayCount() + "\\n");
        assertThat(layout).containsPattern("Pembayaran di buku kas\\s+" + run.ledgerCount() + "\\n");
        assertThat(layout).containsPattern("Selisih jumlah\\s+1\\n");
        assertThat(layout).containsPattern("Tidak ada di buku kas\\s+1\\n");
        assertThat(layout).containsPattern("Beda hari \\(sekitar tengah malam\\)\\s+0\\n");
        long open = bed.reconciliation().items(run.id()).stream().filter(i -> i.kind().needsReview()).count() - 1;
        assertThat(layout).containsPattern("Selisih yang belum diselesaikan\\s+" + open + "\\n");
    }

    @Test
    void eachKindFoundHasItsOwnTableWithThePlantedPayment() {
        for (String text : texts(unsigned)) {
            String squeezed = PdfText.squeezed(text);
            assertThat(text).contains("Selisih jumlah (1)", "Selisih status (1)", "Tidak ada di gateway (1)",
                    "Tidak ada di buku kas (1)", "Suspect yang diselesaikan (1)", "Selisih saldo deposit (1)",
                    "client_ref", "No. pelanggan", "Jumlah", "Status", "buku", "gateway");
            for (ItemKind kind : List.of(ItemKind.AMOUNT_MISMATCH, ItemKind.STATUS_MISMATCH,
                    ItemKind.MISSING_AT_GATEWAY, ItemKind.RESOLVED_SUSPECT)) {
                assertThat(squeezed).as(kind.name()).contains(PLANTED.get(kind).clientRef());
            }
            assertThat(squeezed).contains(extraRef)
                    .doesNotContain(PLANTED.get(ItemKind.MATCHED).clientRef());
        }
        ReconciliationItem amount = item(ItemKind.AMOUNT_MISMATCH);
        String layout = pdftotextLayout(unsigned);
        // One table row: client_ref, biller, reference, both amounts and both statuses, in their columns.
        assertThat(layout).containsPattern(Pattern.quote(amount.clientRef().orElseThrow()) + "\\s+PLN_POSTPAID\\s+"
                + PaymentTestBed.POSTPAID_REF + "\\s+" + Pattern.quote(rupiah(amount.ledgerAmount().orElseThrow()))
                + "\\s+" + Pattern.quote(rupiah(amount.gatewayAmount().orElseThrow())) + "\\s+SUCCESS\\s+SUCCESS");
        assertThat(rupiah(amount.gatewayAmount().orElseThrow())).isEqualTo("Rp 151.500");
    }

    @Test
    void eachItemSaysWhatWasFoundAndWhetherItIsResolved() {
        String squeezed = PdfText.squeezed(PdfText.text(unsigned));
        assertThat(squeezed).contains(PdfText.squeezed(item(ItemKind.AMOUNT_MISMATCH).detail()),
                PdfText.squeezed("Diselesaikan oleh sari"), PdfText.squeezed(RESOLUTION_NOTE),
                PdfText.squeezed("BELUM DISELESAIKAN: tulis catatan"));
        assertThat(PdfText.squeezed(PdfText.text(signed))).doesNotContain("BELUMDISELESAIKAN");
    }

    @Test
    void theDepositCheckShowsEachNumberAndThatItDoesNotBalance() {
        BalanceCheck balance = run.balance().orElseThrow();
        assertThat(balance.ok()).isFalse();
        String layout = pdftotextLayout(unsigned);
        assertThat(layout).containsPattern("Saldo awal deposit \\(gateway\\)\\s+" + Pattern.quote(rupiah(balance.opening())));
        assertThat(layout).containsPattern("Pergerakan hari ini menurut buku kas .*\\s+"
                + Pattern.quote(rupiah(balance.movements())));
        assertThat(layout).containsPattern("Saldo akhir seharusnya\\s+" + Pattern.quote(rupiah(balance.expectedClosing())));
        assertThat(layout).containsPattern("Saldo akhir deposit \\(gateway\\)\\s+" + Pattern.quote(rupiah(balance.closing())));
        assertThat(layout).containsPattern("Selisih\\s+" + Pattern.quote(rupiah(balance.difference())));
        assertThat(layout).contains("Deposit TIDAK COCOK: selisih " + rupiah(balance.difference()));
        assertThat(rupiah(balance.closing())).matches("Rp \\d{1,3}(\\.\\d{3})+");
    }

    @Test
    void anUnsignedRunHasLinesToSignByHandAndASignedOneSaysWhoSignedIt() {
        for (String text : texts(unsigned)) {
            assertThat(text).contains("Pengesahan", "Belum disahkan di Loket", "Diperiksa oleh", "Tanggal",
                    "Tanda tangan");
        }
        for (String text : texts(signed)) {
            assertThat(text).contains("Pengesahan", "Disahkan oleh", "sari", "Semua selisih sudah dicek",
                    "Sudah disahkan").doesNotContain("Diperiksa oleh", "Tanda tangan");
        }
    }

    @Test
    void theReportIsA4AndEveryPageIsNumbered() {
        PdfText.Info info = PdfText.info(unsigned);
        assertThat(info.width()).isEqualTo(595);
        assertThat(info.height()).isEqualTo(842);
        String text = PdfText.text(unsigned);
        for (int page = 1; page <= info.pages(); page++) {
            assertThat(text).contains("Halaman " + page + " dari " + info.pages());
        }
    }

    @Test
    void inEnglishWhenSettingsSayEnglishWithAmountsStillWrittenTheIndonesianWay() {
        bed.settings().setLanguage(SettingsService.ENGLISH);
        try {
            String text = PdfText.text(write("english.pdf", reports.reconciliationPdf(run.id())));
            assertThat(text).contains("RECONCILIATION REPORT", "Business day: ", "Summary", "Amount differs (1)",
                    "Not in the ledger (1)", "Deposit check", "Signed off by", "Page 1 of",
                    rupiah(run.balance().orElseThrow().closing()))
                    .doesNotContain("LAPORAN", "Ringkasan");
            String recap = PdfText.text(write("english-recap.pdf", reports.dailyRecapPdf(day)));
            assertThat(recap).contains("DAILY RECAP", "By biller", "By payment method", "By clerk", "Cash",
                    "Debit card", "Failed payments");
        } finally {
            bed.settings().setLanguage(SettingsService.INDONESIAN);
        }
    }

    @Test
    void aReportOfAnOlderRunSaysSoAndAFailedRunSaysWhy() throws IOException {
        LocalDate yesterday = day.minusDays(1);
        bed.sandbox().fault("bad_signature", "settlements");
        RunResult failed = bed.reconciliation().reconcile(yesterday, RunTrigger.COMMAND, Optional.empty());
        assertThat(failed).isInstanceOf(RunResult.Failed.class);
        RunResult again = bed.reconciliation().reconcile(yesterday, RunTrigger.COMMAND, Optional.empty());
        assertThat(again).isInstanceOf(RunResult.Reconciled.class);

        String older = PdfText.squeezed(PdfText.text(write("failed.pdf",
                reports.reconciliationPdf(((RunResult.Failed) failed).run().id()))));
        assertThat(older).contains(PdfText.squeezed("Run ini gagal: " + ((RunResult.Failed) failed).reason()),
                PdfText.squeezed("Ini bukan run terbaru hari ini. Run terbaru: #" + ((RunResult.Reconciled) again)
                        .run().id()), PdfText.squeezed("Perintah loket reconcile"))
                .doesNotContain("Ringkasan", "Pemeriksaandeposit");
        String empty = PdfText.text(write("empty-day.pdf",
                reports.reconciliationPdf(((RunResult.Reconciled) again).run().id())));
        assertThat(empty).contains("Tidak ada selisih", "Deposit COCOK.", "Siap disahkan");
    }

    @Test
    void anUnknownRunIsRefusedPlainly() {
        assertThatThrownBy(() -> reports.reconciliationPdf(999_999))
                .isInstanceOf(ReconciliationException.class).hasMessage("There is no reconciliation run 999999.");
    }

    // ---- the daily recap -----------------------------------------------------------------------------------------

    @Test
    void theRecapAddsTheDayUpPerBillerMethodAndClerk() {
        DailyRecap recap = bed.reconciliation().recap(day);
        Path pdf = write("recap.pdf", reports.dailyRecapPdf(day));
        for (String text : texts(pdf)) {
            assertThat(text).contains(SHOP, "REKAP HARIAN", "Ringkasan", "Per biller", "Per cara bayar", "Per kasir",
                    "Biaya gateway", "Biaya toko", "Tunai", "Kartu debit", "sari", "ani", "Status rekonsiliasi",
                    "Sudah disahkan");
        }
        String layout = pdftotextLayout(pdf);
        assertThat(recap.byBiller()).hasSizeGreaterThanOrEqualTo(4);
        for (DailyRecap.Line line : recap.byBiller()) {
            assertThat(layout).as(line.label()).containsPattern(recapLine(line.label(), line));
        }
        for (DailyRecap.Line line : recap.byClerk()) {
            assertThat(layout).as(line.label()).containsPattern(recapLine(line.label(), line));
        }
        assertThat(layout).containsPattern(recapLine("Tunai", recap.byMethod().stream()
                .filter(l -> l.key().equals("CASH")).findFirst().orElseThrow()));
        // The total closes each of the three tables.
        assertThat(Pattern.compile(recapLine("Jumlah", recap.total())).matcher(layout).results().count()).isEqualTo(3);
        assertThat(layout).containsPattern("Pembayaran gagal\\s+1\\n");
        assertThat(layout).containsPattern("Pembayaran belum pasti \\(terkirim / suspect\\)\\s+" + recap.suspect()
                + "\\n");
        assertThat(layout).containsPattern("Pendapatan biaya toko\\s+" + Pattern.quote(rupiah(recap.total().shopFees())));
        assertThat(recap.total().shopFees().isPositive()).isTrue();
    }

    @Test
    void aDayWithoutPaymentsSaysSo() {
        String text = PdfText.text(write("quiet.pdf", reports.dailyRecapPdf(day.minusDays(40))));
        assertThat(text).contains("REKAP HARIAN", "Tidak ada pembayaran berhasil pada hari ini.",
                "Belum direkonsiliasi").doesNotContain("Biaya gateway");
    }

    // ---- printing and saving -------------------------------------------------------------------------------------

    @Test
    void withoutAPrinterTheReportIsSavedAsPdfAndASecondCopyNeverOverwritesTheFirst() {
        Path folder = dir.resolve("reports-" + System.nanoTime());
        OwnerReports.Report report = reports.dailyRecap(day);

        PrintOutcome first = reports.print(report, Optional.empty(), folder);
        PrintOutcome second = reports.print(report, Optional.of("  "), folder);

        Path expected = folder.resolve("rekap-harian-" + day + ".pdf");
        assertThat(first).isEqualTo(new PrintOutcome.SavedAsPdf(expected, Reason.NO_PRINTER_CONFIGURED));
        assertThat(second).isEqualTo(new PrintOutcome.SavedAsPdf(folder.resolve("rekap-harian-" + day + "-2.pdf"),
                Reason.NO_PRINTER_CONFIGURED));
        assertThat(PdfText.text(expected)).contains("REKAP HARIAN");
        assertThat(folder).isDirectoryNotContaining("glob:**.tmp");
        assertThat(reports.save(reports.reconciliation(run.id()), folder))
                .isEqualTo(folder.resolve("rekonsiliasi-" + day + "-run" + run.id() + ".pdf"));
    }

    @Test
    void aPrinterThatIsMissingOrFailsStillLeavesThePdfAndSaysWhere() {
        Path folder = dir.resolve("reports-" + System.nanoTime());
        OwnerReports withPrinter = new OwnerReports(bed.reconciliation(), bed.settings(), Clock.systemUTC(),
                () -> List.of(new UnusablePrintService("HP LaserJet Kantor")));
        OwnerReports.Report report = withPrinter.reconciliation(run.id());

        assertThat(withPrinter.print(report, Optional.of("Epson L3110"), folder)).isEqualTo(new PrintOutcome
                .SavedAsPdf(folder.resolve(report.fileName()), Reason.PRINTER_NOT_FOUND));
        assertThat(withPrinter.print(report, Optional.of("hp laserjet kantor"), folder))
                .isInstanceOf(PrintOutcome.Failed.class);

        bed.settings().setReportPrinter(OWNER, Optional.of("HP LaserJet Kantor"));
        try {
            String said = withPrinter.printOrSave(report, folder);
            assertThat(said).startsWith("Laporan tidak tercetak (").endsWith(
                    folder.resolve("rekonsiliasi-" + day + "-run" + run.id() + "-2.pdf").toString());
        } finally {
            bed.settings().setReportPrinter(OWNER, Optional.empty());
        }
        assertThat(withPrinter.printOrSave(report, folder)).isEqualTo("Belum ada printer laporan di Pengaturan:"
                + " laporan disimpan sebagai PDF " + folder.resolve(report.fileName().replace(".pdf", "-3.pdf")));
    }

    @Test
    void writeNewKeepsTheNameSafeAndNeverReplacesAFile() throws IOException {
        Path folder = dir.resolve("new-" + System.nanoTime());
        Path first = OwnerReports.writeNew(folder, "rekonsiliasi-2026-11-22-run7.csv", "a".getBytes(StandardCharsets.UTF_8));
        Path second = OwnerReports.writeNew(folder, "rekonsiliasi-2026-11-22-run7.csv", "b".getBytes(StandardCharsets.UTF_8));
        Path odd = OwnerReports.writeNew(folder, "../rekap harian.pdf", new byte[] {1});

        assertThat(first.getFileName()).hasToString("rekonsiliasi-2026-11-22-run7.csv");
        assertThat(second.getFileName()).hasToString("rekonsiliasi-2026-11-22-run7-2.csv");
        assertThat(Files.readString(first)).isEqualTo("a");
        assertThat(odd.getParent()).isEqualTo(folder);
        assertThat(odd.getFileName()).hasToString(".._rekap_harian.pdf");
    }

    // ---- templates and texts -------------------------------------------------------------------------------------

    @Test
    void eachTemplateIsCompiledOnce() {
        reports.compileTemplates();
        assertThat(reports.template(OwnerReports.RECONCILIATION_TEMPLATE))
                .isSameAs(reports.template(OwnerReports.RECONCILIATION_TEMPLATE))
                .isNotSameAs(reports.template(OwnerReports.RECAP_TEMPLATE));
    }

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() throws IOException {
        assertThat(keys("i18n/reports_en.properties")).isEqualTo(keys("i18n/reports.properties")).isNotEmpty();
    }

    @Test
    void textThePdfFontsCannotWriteIsReplacedNotLost() {
        assertThat(OwnerReports.printable("matched 3 \u2192 4, \u22121 \u2014 caf\u00e9 \u4e2d"))
                .isEqualTo("matched 3 -> 4, -1 \u2014 caf\u00e9 ?");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static String rupiah(Money money) {
        return money.format(Locale.forLanguageTag("id"));
    }

    /** A table row of the recap as pdftotext -layout lays it out: the label, then the five numbers in order. */
    private static String recapLine(String label, DailyRecap.Line line) {
        return Pattern.quote(label) + "\\s+" + line.count() + "\\s+" + Pattern.quote(rupiah(line.billAmount()))
                + "\\s+" + Pattern.quote(rupiah(line.gatewayFees())) + "\\s+" + Pattern.quote(rupiah(line.shopFees()))
                + "\\s+" + Pattern.quote(rupiah(line.total())) + "\\n";
    }

    /**
     * Writes a rendered PDF into the test's folder; with {@code -Dloket.reports.out=DIR} also into DIR, to look at
     * (e.g. {@code pdftoppm -png -r 60 DIR/unsigned.pdf /tmp/rep}).
     */
    private static Path write(String name, byte[] pdf) {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try {
            Path file = dir.resolve(name);
            Files.write(file, pdf);
            String keep = System.getProperty("loket.reports.out", "");
            if (!keep.isBlank()) {
                Files.createDirectories(Path.of(keep));
                Files.write(Path.of(keep, name), pdf);
            }
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text as PDFBox reads it and, when installed, as pdftotext reads it. */
    private static List<String> texts(Path pdf) {
        return List.of(PdfText.text(pdf), pdftotextLayout(pdf));
    }

    /** {@code pdftotext -layout}: each line as printed, columns kept apart by spaces. */
    private static String pdftotextLayout(Path pdf) {
        SystemTools.require(onPath("pdftotext"), "pdftotext", "install poppler-utils (apt-get install poppler-utils)");
        try {
            Process process = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-")
                    .redirectErrorStream(true).start();
            String text;
            try (InputStream out = process.getInputStream()) {
                text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(text).isZero();
            return text;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = OwnerReports.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
