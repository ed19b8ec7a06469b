package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.cli.LoketCommand;
import id.loket.core.BusinessCalendar;
import id.loket.upstream.house.sim.SandboxOptions;
import id.loket.upstream.house.sim.SandboxServer;
import id.loket.testing.SandboxAdmin;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code loket reconcile} and {@code loket deposit topup} end to end, through the real composition root, against a
 * sandbox server that settles today at once (so today can be reconciled in a test) and takes discrepancy drills.
 */
class ReconcileCommandLineTest {

    private static final String OWNER_PASSWORD = CommandLineTest.OWNER_PASSWORD;

    @TempDir
    Path tmp;

    private SandboxServer sandbox;
    private final Map<String, String> env = new HashMap<>();
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void startSandbox() {
        sandbox = SandboxServer.start(SandboxOptions.defaults(tmp.resolve("gateway.db")).withSettleImmediately(true));
        env.put("LOKET_GATEWAY_URL", sandbox.baseUri().toString());
        env.put("LOKET_MERCHANT", SandboxOptions.DEFAULT_MERCHANT);
        env.put("LOKET_SECRET", SandboxOptions.DEFAULT_SECRET);
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

    private static String today() {
        return LocalDate.now(BusinessCalendar.WIB).toString();
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void aDayWithAnAmountDrillIsReconciledAsJsonAndItsReportWritten() throws Exception {
        startSandbox();
        assertThat(run(OWNER_PASSWORD + "\n", "init", "--shop-name", "Toko Sari", "--owner", "sari",
                "--password-stdin")).as(err.toString()).isZero();
        assertThat(owner("shift", "open", "--float", "100000")).as(err.toString()).isZero();
        assertThat(owner("pay", "--biller", "PLN_POSTPAID", "--ref", "512345678901", "--tendered", "500000",
                "--no-print", "--json")).as(err.toString()).isZero();
        String drilled = json().get("client_ref").asText();
        assertThat(owner("pay", "--biller", "PDAM_BANDUNG", "--ref", "1234567", "--tendered", "500000", "--no-print",
                "--json")).as(err.toString()).isZero();
        new SandboxAdmin(sandbox.baseUri()).post("/sandbox/discrepancies",
                "{\"kind\":\"amount\",\"client_ref\":\"" + drilled + "\",\"amount\":5}");

        assertThat(run("", "reconcile", "--date", today(), "--json")).as(err.toString()).isZero();

        JsonNode doc = json();
        assertThat(doc.get("date").asText()).isEqualTo(today());
        assertThat(doc.get("status").asText()).isEqualTo("RECONCILED");
        assertThat(doc.get("matched").asLong()).isEqualTo(1);
        assertThat(doc.get("items")).anySatisfy(item -> {
            assertThat(item.get("kind").asText()).isEqualTo("AMOUNT_MISMATCH");
            assertThat(item.get("client_ref").asText()).isEqualTo(drilled);
            assertThat(item.get("gateway_amount").asLong()).isLessThan(item.get("ledger_amount").asLong());
            assertThat(item.get("ledger_status").asText()).isEqualTo("SUCCESS");
            assertThat(item.get("gateway_status").asText()).isEqualTo("SUCCESS");
        });
        // The sandbox's opening deposit was never recorded in this ledger.
        JsonNode balance = doc.get("balance");
        assertThat(balance.get("ok").asBoolean()).isFalse();
        assertThat(balance.get("opening").asLong() + balance.get("movements").asLong())
                .isNotEqualTo(balance.get("closing").asLong());

        assertThat(owner("deposit", "topup", "--amount", "10000000", "--note", "saldo awal")).as(err.toString())
                .isZero();
        Path report = tmp.resolve("rekonsiliasi.pdf");
        assertThat(run("", "reconcile", "--date", today(), "--json", "--report", report.toString()))
                .as(err.toString()).isZero();
        assertThat(json().get("balance").get("ok").asBoolean()).isTrue();
        assertThat(json().get("changes").asText()).contains("BALANCE_MISMATCH");
        assertThat(Files.readAllBytes(report)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));

        assertThat(run("", "reconcile", "--date", today())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("no change", "AMOUNT_MISMATCH", drilled, "Deposit", "OK");
        assertThat(run("", "verify")).isZero();
    }

    @Test
    void todayIsNotDueWhileTheGatewayHasNotClosedIt() {
        assertThat(run("", "reconcile", "--date", today())).isEqualTo(LoketCommand.PENDING);
        assertThat(out.toString()).contains("not due yet");
        assertThat(run("", "reconcile", "--catch-up", "--json")).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("[ ]");
    }

    @Test
    void badUsageIsRefused() {
        assertThat(run("", "reconcile")).isEqualTo(LoketCommand.ERROR);
        assertThat(err.toString()).contains("--date", "--catch-up");
        assertThat(run("", "reconcile", "--date", "23-11-2026")).isEqualTo(LoketCommand.ERROR);
        assertThat(err.toString()).contains("not a date");
        assertThat(run("", "reconcile", "--date", LocalDate.now(BusinessCalendar.WIB).plusDays(2).toString()))
                .isEqualTo(LoketCommand.ERROR);
        assertThat(err.toString()).contains("has not begun");
        assertThat(run("", "deposit", "topup", "--amount", "1000")).isEqualTo(LoketCommand.ERROR);
    }
}
