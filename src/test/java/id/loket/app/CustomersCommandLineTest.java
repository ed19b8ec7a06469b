package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.cli.LoketCommand;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code loket customers …} and {@code loket pay --customer} end to end, through the real composition root and the
 * embedded sandbox gateway (which shows the SMS code it "sent"), acting as a signed-in clerk and owner.
 */
class CustomersCommandLineTest {

    private static final String OWNER_PASSWORD = "Kopi-Tubruk-Senja-2026!";
    private static final String CLERK_PASSWORD = "Bakso-Malang-Pedas-77";
    private static final String BUDI_NIK = "3273011508850001";

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        AppBackend backend = new AppBackend(Map.of("LOKET_HOME", tmp.resolve("home").toString()), "Linux",
                tmp.toString(), Clock.systemUTC());
        CommandLine cli = LoketCommand.commandLine(backend,
                new ByteArrayInputStream((stdin + "\n").getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** As the clerk ani, signed in. */
    private int clerk(String... args) {
        return run(CLERK_PASSWORD, concat(new String[] {"--user", "ani", "--password-stdin"}, args));
    }

    /** As the owner sari, signed in. */
    private int owner(String... args) {
        return run(OWNER_PASSWORD, concat(new String[] {"--user", "sari", "--password-stdin"}, args));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String field(String json, String name) {
        return json.replaceAll("(?s).*\"" + name + "\" : \"?([^\",\\n]+)\"?.*", "$1");
    }

    @BeforeEach
    void anOwnerAndAnActiveClerk() {
        assertThat(run(OWNER_PASSWORD, "init", "--shop-name", "Toko Maju", "--owner", "sari", "--password-stdin"))
                .as(err.toString()).isZero();
        assertThat(owner("users", "add", "--username", "ani", "--name", "Ani Setiawati", "--json"))
                .as(err.toString()).isZero();
        String code = field(out.toString(), "activation_code");
        assertThat(run(CLERK_PASSWORD, "users", "activate", "--username", "ani", "--code", code, "--password-stdin"))
                .as(err.toString()).isZero();
    }

    @Test
    void aClerkRegistersACustomerWhoIsVerifiedWithTheSmsCode() {
        assertThat(clerk("customers", "add", "--name", "Budi Santoso", "--nik", BUDI_NIK, "--phone", "0812-3456-7890",
                "--email", "budi@example.com", "--json")).as(err.toString()).isZero();
        String added = out.toString();
        assertThat(added).contains("\"id\" : 1", "\"nik\" : \"3273********0001\"", "\"phone\" : \"+6281234567890\"",
                "\"status\" : \"UNVERIFIED\"", "\"otp_sent\" : true").doesNotContain(BUDI_NIK);
        String code = field(added, "sandbox_code");
        assertThat(code).matches("[0-9]{6}");

        assertThat(clerk("customers", "verify", "--id", "1", "--code", code.equals("000000") ? "111111" : "000000"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("The code is wrong: 4 tries left");

        assertThat(clerk("customers", "verify", "--id", "1", "--code", code)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Customer 1 (Budi Santoso) is VERIFIED.");

        assertThat(clerk("customers", "list", "--search", "0812 3456", "--json")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"status\" : \"VERIFIED\"", "3273********0001").doesNotContain(BUDI_NIK);
        assertThat(owner("customers", "list")).as(err.toString()).isZero();
        assertThat(out.toString()).as("the owner sees the NIK").contains("Budi Santoso", BUDI_NIK, "VERIFIED");

        assertThat(clerk("customers", "otp", "--id", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("verified already");
    }

    @Test
    void aNewCodeCanBeSentAndTheTextSaysWhereItWent() {
        assertThat(clerk("customers", "add", "--name", "Siti Aminah", "--nik", "3578106802920004", "--phone",
                "+62 857-1111-2222")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Customer 1 registered (UNVERIFIED): Siti Aminah, NIK 3578********0004",
                "sent by SMS to +62857*****222", "SANDBOX", "the code it sent is");
        assertThat(clerk("customers", "otp", "--id", "1")).as(err.toString()).isZero();
        String code = out.toString().replaceAll("(?s).*the code it sent is ([0-9]{6}).*", "$1");
        assertThat(clerk("customers", "verify", "--id", "1", "--code", code)).as(err.toString()).isZero();
    }

    @Test
    void badInputIsRefusedPreciselyAndWritesNothing() {
        assertThat(clerk("customers", "add", "--name", "Budi", "--nik", "9973011508850001", "--phone",
                "0812-3456-7890")).isEqualTo(1);
        assertThat(err.toString()).contains("99 is none");
        assertThat(clerk("customers", "add", "--name", "Budi", "--nik", "3273013102850001", "--phone",
                "0812-3456-7890")).isEqualTo(1);
        assertThat(err.toString()).contains("31 February 1985");
        assertThat(clerk("customers", "add", "--name", "Budi", "--nik", BUDI_NIK, "--phone", "+60 12-345 6789"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("not an Indonesian number");
        assertThat(clerk("customers", "list")).isZero();
        assertThat(out.toString()).contains("No customers yet");

        assertThat(clerk("customers", "add", "--name", "Budi", "--nik", BUDI_NIK, "--phone", "0812-3456-7890"))
                .isZero();
        assertThat(clerk("customers", "add", "--name", "Budi Lagi", "--nik", BUDI_NIK, "--phone", "0813-3456-7890"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("already registered, as customer 1 (Budi)").doesNotContain(BUDI_NIK);
        assertThat(clerk("customers", "verify", "--id", "7", "--code", "123456")).isEqualTo(1);
        assertThat(err.toString()).contains("There is no customer 7");
    }

    @Test
    void customersCommandsActAsASignedInOperator() {
        assertThat(run("", "--user", "ani", "customers", "list")).isEqualTo(1);
        assertThat(err.toString()).contains("acts as an operator", "--password-stdin");
        assertThat(run("not the password", "--user", "ani", "--password-stdin", "customers", "list")).isEqualTo(1);
    }

    @Test
    void savedReferences() {
        assertThat(clerk("customers", "add", "--name", "Budi", "--nik", BUDI_NIK, "--phone", "0812-3456-7890"))
                .isZero();
        assertThat(clerk("customers", "refs", "--id", "1")).isZero();
        assertThat(out.toString()).contains("no saved references");
        assertThat(clerk("customers", "refs", "--id", "1", "--add", "PLN_POSTPAID:512345678901:Rumah Ibu"))
                .as(err.toString()).isZero();
        assertThat(clerk("customers", "refs", "--id", "1", "--add", "pdam_bandung:12345678", "--json"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"biller\" : \"PLN_POSTPAID\"", "\"label\" : \"Rumah Ibu\"",
                "\"biller\" : \"PDAM_BANDUNG\"", "\"reference\" : \"12345678\"");
        assertThat(clerk("customers", "refs", "--id", "1", "--add", "PLN_POSTPAID")).isEqualTo(1);
        assertThat(err.toString()).contains("BILLER:REFERENCE[:LABEL]");
    }

    @Test
    void aPaymentAboveTheAmountNeedsAVerifiedCustomer() throws IOException {
        Path config = tmp.resolve("home/loket.properties");
        String before = Files.exists(config) ? Files.readString(config) : "";
        Files.writeString(config, before + "\ncustomers.verified.above=1000\n");
        assertThat(clerk("customers", "add", "--name", "Budi", "--nik", BUDI_NIK, "--phone", "0812-3456-7890",
                "--json")).isZero();
        String code = field(out.toString(), "sandbox_code");
        assertThat(clerk("customers", "verify", "--id", "1", "--code", code)).isZero();
        assertThat(clerk("customers", "add", "--name", "Siti", "--nik", "3578106802920004", "--phone",
                "0857-1111-2222")).isZero();
        assertThat(clerk("shift", "open", "--float", "0")).as(err.toString()).isZero();

        assertThat(clerk("pay", "--biller", "PLN_POSTPAID", "--ref", "512345678901", "--tendered", "5000000",
                "--no-print")).isEqualTo(1);
        assertThat(err.toString()).contains("is above 1000 and needs a verified customer");
        assertThat(clerk("pay", "--biller", "PLN_POSTPAID", "--ref", "512345678901", "--tendered", "5000000",
                "--no-print", "--customer", "2")).isEqualTo(1);
        assertThat(err.toString()).contains("customer 2 (Siti) is not verified yet");

        assertThat(clerk("pay", "--biller", "PLN_POSTPAID", "--ref", "512345678901", "--tendered", "5000000",
                "--no-print", "--customer", "1", "--json")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"state\" : \"SUCCESS\"", "\"customer\" : 1");
        assertThat(run("", "verify")).isZero();
    }
}
