package id.loket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.app.AppServices;
import id.loket.core.BusinessCalendar;
import id.loket.payment.PaymentService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code loket report daily} end to end: the real composition root on a temporary data directory with the
 * embedded sandbox, an owner and a clerk signed in with {@code --user --password-stdin}.
 */
class ReportCommandTest {

    private static final String OWNER_PASSWORD = "kopi hujan sepeda lampu";
    private static final String CLERK_PASSWORD = "gerobak biru menari pelan";

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** The composition root on {@code <tmp>/home}, as the launcher opens it (no gateway set: the sandbox). */
    private final class TestBackend implements Backend {
        @Override
        public CliServices open(GlobalOptions options) {
            return AppServices.open(tmp.resolve("home"), Map.of(), Clock.systemUTC(),
                    PaymentService.DEFAULT_SENT_GRACE);
        }

        @Override
        public void startGui(GlobalOptions options) {
            throw new UnsupportedOperationException("no window in this test");
        }

        @Override
        public String version() {
            return "test";
        }

        @Override
        public void runSandbox(GlobalOptions options, SandboxSettings settings, PrintWriter sandboxOut) {
            throw new UnsupportedOperationException("no stand-alone sandbox in this test");
        }
    }

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = LoketCommand.commandLine(new TestBackend(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int as(String user, String password, String... args) {
        List<String> all = new ArrayList<>(List.of("--user", user, "--password-stdin"));
        all.addAll(List.of(args));
        return run(password + "\n", all.toArray(String[]::new));
    }

    /** The shop Toko Sari with its owner sari. */
    private void aShop() {
        assertThat(run(OWNER_PASSWORD + "\n", "init", "--shop-name", "Toko Sari", "--owner", "sari",
                "--password-stdin")).as(err.toString()).isZero();
    }

    /** The owner registers the clerk ani, who activates. */
    private void aClerk() {
        assertThat(as("sari", OWNER_PASSWORD, "users", "add", "--username", "ani", "--name", "Ani Setiawati",
                "--json")).as(err.toString()).isZero();
        String code = out.toString().replaceAll("(?s).*\"activation_code\" : \"([^\"]+)\".*", "$1");
        assertThat(run(CLERK_PASSWORD + "\n", "users", "activate", "--username", "ani", "--code", code,
                "--password-stdin")).as(err.toString()).isZero();
    }

    /** The shop, its clerk ani, and one bill ani paid in cash today. */
    private void aShopWithOnePayment() {
        aShop();
        aClerk();
        assertThat(as("ani", CLERK_PASSWORD, "shift", "open", "--float", "100000")).as(err.toString()).isZero();
        assertThat(as("ani", CLERK_PASSWORD, "pay", "--biller", "PLN_POSTPAID", "--ref", "512345678901",
                "--tendered", "500000", "--no-print")).as(err.toString()).isZero();
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    @Test
    void theOwnerWritesTheDailyRecapOfADay() throws IOException {
        aShopWithOnePayment();
        LocalDate today = LocalDate.now(BusinessCalendar.WIB);
        Path pdf = tmp.resolve("rekap.pdf");

        assertThat(as("sari", OWNER_PASSWORD, "report", "daily", "--date", today.toString(), "--out", pdf.toString()))
                .as(err.toString()).isZero();

        assertThat(out.toString()).contains("Daily recap of " + today + " written to " + pdf.toAbsolutePath());
        String text = pdfText(pdf);
        assertThat(text).contains("Toko Sari", "REKAP HARIAN", "PLN Pascabayar", "ani", "Tunai", "Jumlah")
                .containsPattern("Pembayaran berhasil 1\\s")
                .containsPattern("Total dibayar pelanggan Rp \\d{1,3}(\\.\\d{3})+\\s");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws IOException {
        aShop();
        Path pdf = tmp.resolve("rekap.pdf");
        Files.writeString(pdf, "the owner's own file");

        assertThat(as("sari", OWNER_PASSWORD, "report", "daily", "--date", "2026-11-22", "--out", pdf.toString()))
                .isEqualTo(LoketCommand.ERROR);

        assertThat(err.toString()).contains("already exists", "nothing was overwritten");
        assertThat(Files.readString(pdf)).isEqualTo("the owner's own file");
    }

    @Test
    void aClerkIsRefusedTheRecap() {
        aShop();
        aClerk();
        Path pdf = tmp.resolve("rekap.pdf");

        assertThat(as("ani", CLERK_PASSWORD, "report", "daily", "--date", "2026-11-22", "--out", pdf.toString()))
                .isEqualTo(LoketCommand.ERROR);

        assertThat(err.toString()).contains("Only the owner may print the daily recap; ani is a clerk");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void beforeInitOrWithoutADateTheCommandSaysWhatIsMissing() {
        Path pdf = tmp.resolve("rekap.pdf");
        assertThat(as("sari", OWNER_PASSWORD, "report", "daily", "--date", "2026-11-22", "--out", pdf.toString()))
                .isEqualTo(LoketCommand.ERROR);
        assertThat(err.toString()).contains("Loket is not set up yet: run loket init first");

        assertThat(as("sari", OWNER_PASSWORD, "report", "daily", "--out", pdf.toString()))
                .isEqualTo(LoketCommand.ERROR);
        assertThat(err.toString()).contains("Missing required option: '--date=YYYY-MM-DD'");
        assertThat(as("sari", OWNER_PASSWORD, "report", "daily", "--date", "22-11-2026", "--out", pdf.toString()))
                .isEqualTo(LoketCommand.ERROR);
        assertThat(err.toString()).contains("--date");
        assertThat(run("", "report")).isEqualTo(LoketCommand.ERROR);
        assertThat(err.toString()).contains("report daily");
        assertThat(pdf).doesNotExist();
    }
}
