package id.loket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.app.AppServices;
import id.loket.payment.PaymentService;
import id.loket.qris.QrImages;
import id.loket.qris.QrisPayload;
import id.loket.settings.SettingsService;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code loket qris} end to end: the real composition root on a temporary data directory, the static QRIS given as
 * the backend gives LOKET_STATIC_QRIS (a per-run settings override).
 */
class QrisCommandTest {

    /** The static sample of the research notes (§3.3). */
    private static final String STATIC = "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI"
            + "51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng"
            + "6010Kab. Demak610559567630458C7";
    private static final String DYNAMIC_10000 = "00020101021226570011ID.DANA.WWW01189360091530225914810209022591481"
            + "0303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605405100005802ID"
            + "5922Warung Sayur Bu Sugeng6010Kab. Demak6105595676304460E";
    /** Midtrans docs' dynamic QR [S4]. */
    private static final String MIDTRANS = "00020101021226620014COM.GO-JEK.WWW011993600914349052630340210G490526303"
            + "0303UKE51440014ID.CO.QRIS.WWW0215AID0607336128660303UKE5204341453033605802ID5904Test6007BANDUNG"
            + "6105402845409789000.0062475036c032f87c-f773-4619-aefa-675e1f06f9210703A016304A623";

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private final class TestBackend implements Backend {
        private final Map<String, String> overrides;

        TestBackend(Map<String, String> overrides) {
            this.overrides = overrides;
        }

        @Override
        public CliServices open(GlobalOptions options) {
            return AppServices.open(tmp.resolve("home"), overrides, Clock.systemUTC(),
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

    private int run(Map<String, String> overrides, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = LoketCommand.commandLine(new TestBackend(overrides), new ByteArrayInputStream(new byte[0]));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int withStatic(String... args) {
        return run(Map.of(SettingsService.STATIC_QRIS, STATIC), args);
    }

    @Test
    void theAmountMakesTheShopsCodeDynamicAndWritesItsImage() {
        Path png = tmp.resolve("bayar.png");

        assertThat(withStatic("qris", "--amount", "10.000", "--png", png.toString())).as(err.toString()).isZero();

        String[] lines = out.toString().split("\\R");
        assertThat(lines[0]).isEqualTo(DYNAMIC_10000);
        assertThat(out.toString()).contains("Rp 10,000").contains("Warung Sayur Bu Sugeng, Kab. Demak")
                .contains("...1473").contains(png.toAbsolutePath().toString());
        assertThat(QrImages.decode(png)).isEqualTo(DYNAMIC_10000);
    }

    @Test
    void jsonGivesAnObjectAndATemporaryImage() throws Exception {
        assertThat(withStatic("qris", "--amount", "25000", "--json")).as(err.toString()).isZero();

        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("payload").asText()).endsWith("6304" + "68D5");
        assertThat(doc.get("amount").asLong()).isEqualTo(25_000);
        assertThat(doc.get("merchant_name").asText()).isEqualTo("Warung Sayur Bu Sugeng");
        assertThat(doc.get("merchant_city").asText()).isEqualTo("Kab. Demak");
        assertThat(doc.get("nmid_last4").asText()).isEqualTo("1473");
        assertThat(doc.get("crc").asText()).isEqualTo("68D5");
        Path png = Path.of(doc.get("png").asText());
        try {
            assertThat(QrImages.decode(png)).isEqualTo(doc.get("payload").asText());
        } finally {
            Files.deleteIfExists(png);
        }
    }

    @Test
    void withoutAStaticQrisItSaysWhereToSetIt() {
        assertThat(run(Map.of(), "qris", "--amount", "10000")).isEqualTo(LoketCommand.ERROR);

        assertThat(err.toString()).contains("LOKET_STATIC_QRIS").contains("Settings");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBrokenConfiguredCodeIsReportedWithItsReason() {
        String altered = STATIC.replace("Sugeng", "Sugenk");

        assertThat(run(Map.of(SettingsService.STATIC_QRIS, altered), "qris", "--amount", "10000"))
                .isEqualTo(LoketCommand.ERROR);

        assertThat(err.toString()).contains("BAD_CRC").contains("LOKET_STATIC_QRIS");
    }

    @Test
    void aDynamicConfiguredCodeIsRefused() {
        assertThat(run(Map.of(SettingsService.STATIC_QRIS, MIDTRANS), "qris", "--amount", "10000"))
                .isEqualTo(LoketCommand.ERROR);

        assertThat(err.toString()).contains("NOT_STATIC");
    }

    @Test
    void anAmountOfZeroIsRefused() {
        assertThat(withStatic("qris", "--amount", "0")).isEqualTo(LoketCommand.ERROR);
        assertThat(err.toString()).contains("--amount");
        assertThat(withStatic("qris", "--amount", "sepuluh")).isEqualTo(LoketCommand.ERROR);
        assertThat(err.toString()).contains("--amount");
    }

    @Test
    void amountOrCheckIsRequiredAndNotBoth() {
        assertThat(withStatic("qris")).isEqualTo(LoketCommand.ERROR);
        assertThat(err.toString()).contains("--amount").contains("--check");
        assertThat(withStatic("qris", "--amount", "1", "--check", STATIC)).isEqualTo(LoketCommand.ERROR);
    }

    @Test
    void checkShowsWhatAStaticCodeHolds() {
        assertThat(run(Map.of(), "qris", "--check", STATIC)).as(err.toString()).isZero();

        assertThat(out.toString()).contains("Valid QRIS payload").contains("static").contains("CRC 58C7")
                .contains("Warung Sayur Bu Sugeng, Kab. Demak").contains("ID1020017611473")
                .contains("ID.CO.QRIS.WWW").contains("NMID (national merchant id)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void checkOfADynamicCodeShowsItButSaysItCannotBeTheShopsCode() {
        assertThat(run(Map.of(), "qris", "--check", MIDTRANS)).isEqualTo(LoketCommand.ERROR);

        assertThat(out.toString()).contains("dynamic").contains("789000.00").contains("Terminal label");
        assertThat(err.toString()).contains("not usable as the shop's static QRIS");
    }

    @Test
    void checkOfJunkSaysWhy() {
        assertThat(run(Map.of(), "qris", "--check", STATIC.replace("630458C7", "630458C8")))
                .isEqualTo(LoketCommand.ERROR);

        assertThat(err.toString()).contains("BAD_CRC");
    }

    @Test
    void checkInJson() throws Exception {
        assertThat(run(Map.of(), "qris", "--check", STATIC, "--json")).as(err.toString()).isZero();
        JsonNode ok = new ObjectMapper().readTree(out.toString());
        assertThat(ok.get("valid").asBoolean()).isTrue();
        assertThat(ok.get("static").asBoolean()).isTrue();
        assertThat(ok.get("nmid").asText()).isEqualTo(QrisPayload.parse(STATIC).nmid().orElseThrow());
        assertThat(ok.get("fields").get(2).get("fields").get(0).get("value").asText()).isEqualTo("ID.DANA.WWW");

        assertThat(run(Map.of(), "qris", "--check", "hello", "--json")).isEqualTo(LoketCommand.ERROR);
        JsonNode bad = new ObjectMapper().readTree(out.toString());
        assertThat(bad.get("valid").asBoolean()).isFalse();
        assertThat(bad.get("reason").asText()).isEqualTo("BAD_FORMAT_INDICATOR");
    }
}
