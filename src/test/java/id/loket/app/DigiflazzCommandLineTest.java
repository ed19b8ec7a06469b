package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.cli.LoketCommand;
import id.loket.upstream.digiflazz.sim.DigiflazzSimulator;
import id.loket.upstream.digiflazz.sim.SimulatorOptions;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line on Digiflazz, end to end through the real composition root against the Digiflazz simulator,
 * configured from the environment as a script or the OS scheduler would: products, a bill looked up and paid, a
 * PLN token sold, the deposit, a top-up ticket, and the errors a wrong account gives.
 */
class DigiflazzCommandLineTest {

    private static final String OWNER_PASSWORD = CommandLineTest.OWNER_PASSWORD;

    @TempDir
    Path tmp;

    private DigiflazzSimulator simulator;
    private final Map<String, String> env = new HashMap<>();
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        simulator = DigiflazzSimulator.start(SimulatorOptions.defaults());
        env.put("LOKET_BILLER_NETWORK", "digiflazz");
        env.put("LOKET_DIGIFLAZZ_URL", simulator.baseUri().toString());
        env.put("LOKET_DIGIFLAZZ_USERNAME", SimulatorOptions.DEFAULT_USERNAME);
        env.put("LOKET_DIGIFLAZZ_KEY", SimulatorOptions.DEFAULT_DEVELOPMENT_KEY);
        env.put("LOKET_DIGIFLAZZ_TESTING", "true");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private int run(String stdin, String... args) {
        env.put("LOKET_HOME", tmp.resolve("home").toString());
        out = new StringWriter();
        err = new StringWriter();
        AppBackend backend = new AppBackend(Map.copyOf(env), "Linux", tmp.toString(), Clock.systemUTC());
        CommandLine cli = LoketCommand.commandLine(backend,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int owner(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--user";
        all[1] = "sari";
        all[2] = "--password-stdin";
        System.arraycopy(args, 0, all, 3, args.length);
        return run(OWNER_PASSWORD + "\n", all);
    }

    private void initAndOpenShift() {
        assertThat(run(OWNER_PASSWORD + "\n", "init", "--shop-name", "Toko Sari", "--owner", "sari",
                "--password-stdin")).isZero();
        assertThat(owner("shift", "open", "--float", "200000")).as(err.toString()).isZero();
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void productsListThePriceListWithCostAndSellingPrice() throws Exception {
        assertThat(run("", "products", "--json")).as(err.toString()).isZero();
        JsonNode doc = json();
        assertThat(doc.get("network").asText()).isEqualTo("digiflazz");
        assertThat(doc.get("mode").asText()).isEqualTo("TESTING");
        assertThat(doc.get("price_list_as_of").isNull()).isFalse();
        JsonNode token = null;
        JsonNode pln = null;
        for (JsonNode p : doc.get("products")) {
            if (p.get("sku").asText().equals("pln50")) {
                token = p;
            }
            if (p.get("sku").asText().equals("PLN") && p.get("kind").asText().equals("postpaid")) {
                pln = p;
            }
        }
        assertThat(token).isNotNull();
        assertThat(token.get("category").asText()).isEqualTo("ELECTRICITY");
        assertThat(token.get("cost").asLong()).isEqualTo(token.get("selling_price").asLong()).isPositive();
        assertThat(pln).isNotNull();
        assertThat(pln.get("admin_fee").asLong()).isPositive();
        assertThat(tmp.resolve("home/digiflazz-pricelist.json")).exists();

        assertThat(run("", "products")).isZero();
        assertThat(out.toString()).contains("Digiflazz (TESTING)").contains("pln50").contains("per bill");
    }

    @Test
    void aBillIsLookedUpAndPaidUnderTheReferenceOfItsLookUp() throws Exception {
        initAndOpenShift();
        assertThat(run("", "inquiry", "--sku", "pln", "--ref", "530000000001", "--json")).as(err.toString()).isZero();
        JsonNode bill = json();
        assertThat(bill.get("total").asLong()).isEqualTo(11_000);
        assertThat(bill.get("admin_fee").asLong()).isEqualTo(2_500);
        assertThat(bill.get("customer_name").asText()).isEqualTo("Nama Pelanggan Pertama");

        assertThat(owner("pay", "--sku", "pln", "--ref", "530000000001", "--tendered", "20000", "--no-print",
                "--json")).as(err.toString()).isZero();
        JsonNode paid = json();
        assertThat(paid.get("state").asText()).isEqualTo("SUCCESS");
        assertThat(paid.get("change").asLong()).isEqualTo(9_000);
        String ref = paid.get("client_ref").asText();
        // The payment went under the reference its own look-up was made with: one transaction, paid.
        assertThat(simulator.transaction(ref)).isPresent();
        assertThat(simulator.transaction(ref).orElseThrow().status()).isEqualTo("Sukses");
        assertThat(run("", "verify")).isZero();
    }

    @Test
    void aPlnTokenIsSoldAndAPendingOneExitsThree() throws Exception {
        initAndOpenShift();
        assertThat(owner("pay", "--sku", "pln20", "--ref", "12345678901", "--tendered", "25000", "--no-print",
                "--json")).as(err.toString()).isZero();
        JsonNode paid = json();
        assertThat(paid.get("token").asText()).matches("[0-9-]{20,24}");
        assertThat(paid.get("customer_name").asText()).isNotBlank();

        assertThat(owner("pay", "--sku", "pln20", "--ref", "12345678909", "--tendered", "25000", "--no-print"))
                .isEqualTo(LoketCommand.PENDING);
        assertThat(out.toString()).contains("SUSPECT").contains("pending");
    }

    @Test
    void theDepositAndATopUpTicket() throws Exception {
        assertThat(run("", "deposit", "balance", "--json")).as(err.toString()).isZero();
        assertThat(json().get("balance").asLong()).isEqualTo(SimulatorOptions.DEFAULT_DEPOSIT);

        initAndOpenShift();
        assertThat(owner("deposit", "ticket", "--amount", "500000", "--bank", "BCA", "--owner-name", "Sari",
                "--json")).as(err.toString()).isZero();
        JsonNode ticket = json();
        assertThat(ticket.get("amount").asLong()).isBetween(500_000L, 500_999L);
        assertThat(ticket.get("account_no").asText()).isNotBlank();
    }

    @Test
    void aWrongKeyIsNamedAndTheKeyIsNeverPrinted() {
        env.put("LOKET_DIGIFLAZZ_KEY", "dev-wrong-key-000000000000");
        assertThat(run("", "deposit", "balance")).isEqualTo(LoketCommand.FAILED);
        assertThat(err.toString()).contains("41").doesNotContain("dev-wrong-key-000000000000");
    }

    @Test
    void anUnknownSkuIsAClearUsageError() {
        assertThat(run("", "inquiry", "--sku", "nope123", "--ref", "530000000001")).isEqualTo(LoketCommand.ERROR);
        assertThat(err.toString()).contains("nope123").contains("loket products");
    }

    @Test
    void theSettingsFileThatHoldsTheKeyIsTheOwnersAlone() throws Exception {
        initAndOpenShift();
        Path settings = tmp.resolve("home/loket.properties");
        assertThat(settings).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings))).isEqualTo("rw-------");
    }
}
