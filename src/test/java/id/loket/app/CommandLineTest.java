package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.cli.LoketCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end, through the real composition root, on temporary data directories. */
class CommandLineTest {

    @TempDir
    Path tmp;

    static final String OWNER_PASSWORD = "kopi hujan sepeda lampu";
    static final String CLERK_PASSWORD = "gerobak biru menari pelan";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String stdin = "";

    private int run(String... args) {
        AppBackend backend = new AppBackend(Map.of("LOKET_HOME", tmp.resolve("home").toString()), "Linux",
                tmp.toString(), Clock.systemUTC());
        CommandLine cli = LoketCommand.commandLine(backend,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Runs a command as {@code user}, the password on standard input. */
    private int as(String user, String password, String... args) {
        stdin = password + "\n";
        String[] all = new String[args.length + 3];
        all[0] = "--user";
        all[1] = user;
        all[2] = "--password-stdin";
        System.arraycopy(args, 0, all, 3, args.length);
        return run(all);
    }

    /** The first run: the shop "Toko Sari" and its owner sari. */
    private void init() {
        stdin = OWNER_PASSWORD + "\n";
        assertThat(run("init", "--shop-name", "Toko Sari", "--owner", "sari", "--password-stdin"))
                .as(err.toString()).isZero();
    }

    /** The owner registers a clerk, who activates with {@link #CLERK_PASSWORD}. */
    private void clerk(String username) {
        assertThat(as("sari", OWNER_PASSWORD, "users", "add", "--username", username, "--name", "Clerk " + username,
                "--json")).as(err.toString()).isZero();
        String code = out.toString().replaceAll("(?s).*\"activation_code\" : \"([^\"]+)\".*", "$1");
        stdin = CLERK_PASSWORD + "\n";
        assertThat(run("users", "activate", "--username", username, "--code", code, "--password-stdin"))
                .as(err.toString()).isZero();
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("verify", "backup", "restore", "--data-dir");
    }

    @Test
    void versionComesFromTheBuild() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Loket ").doesNotContain("unknown");
    }

    @Test
    void anUnknownCommandPrintsUsageAndExitsOne() {
        assertThat(run("frobnicate")).isEqualTo(1);
        assertThat(err.toString()).contains("frobnicate").contains("Usage: loket");
    }

    @Test
    void verifyOnAFreshDataDirectorySaysTheLedgerIsSound() {
        assertThat(run("verify")).isZero();
        assertThat(out.toString()).contains("is sound", "0 entries");
        assertThat(tmp.resolve("home/ledger.db")).exists();
        assertThat(tmp.resolve("home/logs/loket.log")).exists();
    }

    @Test
    void verifyJsonIsMachineReadable() {
        assertThat(run("verify", "--json")).isZero();
        assertThat(out.toString()).contains("\"sound\" : true", "\"entries\" : 0", "\"first_bad_entry\" : null");
    }

    @Test
    void dataDirOptionWorksAfterTheCommandToo() {
        Path other = tmp.resolve("other");
        assertThat(run("verify", "--data-dir", other.toString())).isZero();
        assertThat(other.resolve("ledger.db")).exists();
    }

    @Test
    void backupThenRestoreRoundTrips() {
        init();
        Path backup = tmp.resolve("backup.db");
        assertThat(run("backup", "--out", backup.toString())).isZero();
        assertThat(backup).exists();
        assertThat(out.toString()).contains("Backup written", "verified");
        assertThat(as("sari", OWNER_PASSWORD, "restore", "--from", backup.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Ledger restored");
    }

    @Test
    void backupRefusesToOverwriteAFile() throws IOException {
        Path existing = Files.writeString(tmp.resolve("precious.txt"), "keep me");
        assertThat(run("backup", "--out", existing.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void restoreRefusesAFileThatIsNotALedger() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.db"), "this is not a database, just some text".repeat(10));
        init();
        assertThat(as("sari", OWNER_PASSWORD, "restore", "--from", junk.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("not a Loket ledger");
    }

    @Test
    void aLedgerThatIsNotSqliteIsRefusedAndLeftAlone() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        byte[] junk = "PK\u0003\u0004 a zip file, not a ledger".repeat(20).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(home.resolve("ledger.db"), junk);
        assertThat(run("verify")).isEqualTo(1);
        assertThat(err.toString()).contains("not a Loket ledger");
        assertThat(Files.readAllBytes(home.resolve("ledger.db"))).isEqualTo(junk);
    }

    @Test
    void anUnwritableDataDirectoryIsNamed() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThat(run("--data-dir", file.resolve("loket").toString(), "verify")).isEqualTo(1);
        assertThat(err.toString()).contains("Cannot write to the data directory", "--data-dir");
    }

    @Test
    void billersListsTheCatalogOfTheEmbeddedSandbox() {
        assertThat(run("billers")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("PLN_POSTPAID", "PLN_PREPAID", "PDAM_BANDUNG", "PDAM_SURABAYA",
                "PDAM_MEDAN", "TELKOM", "HALO", "PULSA", "KAI");
        assertThat(tmp.resolve("home/sandbox.db")).exists();
    }

    @Test
    void inquiryShowsTheBill() {
        assertThat(run("inquiry", "--biller", "PLN_POSTPAID", "--ref", "512345678901", "--json")).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("\"customer_name\"", "\"total\"", "\"tarif_daya\"");
    }

    @Test
    void aMistypedReferenceIsRefusedBeforeTheGatewayIsAsked() {
        assertThat(run("inquiry", "--biller", "PLN_POSTPAID", "--ref", "12345")).isEqualTo(1);
        assertThat(err.toString()).contains("is not valid for PLN Pascabayar");
    }

    @Test
    void aReferenceTheGatewayDoesNotKnowIsADefinitiveFailure() {
        assertThat(run("inquiry", "--biller", "PLN_POSTPAID", "--ref", "512345670000")).isEqualTo(2);
        assertThat(err.toString()).contains("reference_not_found");
    }

    @Test
    void verifyNeverStartsTheSandbox() {
        assertThat(run("verify")).isZero();
        assertThat(tmp.resolve("home/sandbox.db")).doesNotExist();
    }

    @Test
    void aClerkOpensAShiftPaysABillInCashReprintsItAndClosesTheShift() throws IOException {
        init();
        clerk("ani");
        assertThat(as("ani", CLERK_PASSWORD, "shift", "open", "--float", "200.000")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("opened for ani", "Rp 200,000");

        assertThat(as("ani", CLERK_PASSWORD, "pay", "--biller", "PLN_POSTPAID", "--ref", "512345678901",
                "--tendered", "500000", "--json")).as(err.toString()).isZero();
        String paid = out.toString();
        assertThat(paid).contains("\"state\" : \"SUCCESS\"", "\"change\"", "saved as PDF");
        String clientRef = paid.replaceAll("(?s).*\"client_ref\" : \"([^\"]+)\".*", "$1");

        assertThat(as("ani", CLERK_PASSWORD, "payments", "--status", "SUCCESS", "--json")).isZero();
        assertThat(out.toString()).contains(clientRef);

        Path reprint = tmp.resolve("reprint.pdf");
        assertThat(as("ani", CLERK_PASSWORD, "receipt", "--ref", clientRef, "--out", reprint.toString()))
                .as(err.toString()).isZero();
        assertThat(Files.readAllBytes(reprint)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(as("ani", CLERK_PASSWORD, "recover", "--json")).isZero();
        assertThat(out.toString()).contains("\"checked\" : 0");

        assertThat(as("ani", CLERK_PASSWORD, "shift", "close", "--counted", "700000", "--json")).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("\"succeeded\" : 1");
        assertThat(run("verify")).isZero();
    }

    @Test
    void aPaymentWithoutAnOpenShiftIsRefused() {
        init();
        clerk("budi");
        assertThat(as("budi", CLERK_PASSWORD, "pay", "--biller", "PLN_POSTPAID", "--ref", "512345678901",
                "--tendered", "500000")).isEqualTo(1);
        assertThat(err.toString()).containsIgnoringCase("shift");
    }

    @Test
    void aBillTheGatewayFailsExitsTwo() {
        init();
        clerk("ani");
        assertThat(as("ani", CLERK_PASSWORD, "shift", "open", "--float", "0")).isZero();
        assertThat(as("ani", CLERK_PASSWORD, "pay", "--biller", "PLN_POSTPAID", "--ref", "512345672222",
                "--tendered", "1000000", "--no-print")).isEqualTo(2);
        assertThat(out.toString()).contains("FAILED");
    }
}
