package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.cli.LoketCommand;
import id.loket.ledger.LedgerDatabase;
import id.loket.users.PasswordHasher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code loket init}, {@code users …} and {@code audit}, and the sign-in of every operator command, end to end. */
class UsersCommandLineTest {

    private static final String OWNER_PASSWORD = "kopi hujan sepeda lampu";
    private static final String CLERK_PASSWORD = "gerobak biru menari pelan";

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Runs one command with {@code stdin} as its standard input; {@link #out} and {@link #err} hold only its output. */
    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        AppBackend backend = new AppBackend(Map.of("LOKET_HOME", tmp.resolve("home").toString()), "Linux",
                tmp.toString(), Clock.systemUTC());
        CommandLine cli = LoketCommand.commandLine(backend,
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

    private void init() {
        assertThat(run(OWNER_PASSWORD + "\n", "init", "--shop-name", "Toko Sari", "--owner", "sari",
                "--owner-name", "Sari Wulandari", "--password-stdin")).as(err.toString()).isZero();
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void beforeInitEveryOperatorCommandSaysToRunItFirstWhileReadOnlyCommandsWork() {
        for (String[] command : List.of(new String[] {"shift", "open", "--float", "0"},
                new String[] {"payments"}, new String[] {"recover"}, new String[] {"users", "list"},
                new String[] {"audit"}, new String[] {"restore", "--from", "x.db"},
                new String[] {"receipt", "--ref", "LKT-1", "--out", "r.pdf"})) {
            assertThat(as("ani", CLERK_PASSWORD, command)).as(String.join(" ", command)).isEqualTo(1);
            assertThat(err.toString()).contains("Loket is not set up yet: run loket init first");
        }
        assertThat(run("", "verify")).isZero();
        assertThat(run("", "backup", "--out", tmp.resolve("b.db").toString())).isZero();
    }

    @Test
    void initSetsUpTheShopOnceAndSaysWhatToDoNext() {
        assertThat(run("", "init", "--shop-name", "Toko Sari", "--owner", "sari")).isEqualTo(1);
        assertThat(err.toString()).contains("--password-stdin");
        assertThat(run("password123\n", "init", "--shop-name", "Toko Sari", "--owner", "sari", "--password-stdin"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("too easy to guess");

        init();

        assertThat(out.toString()).contains("set up for Toko Sari", "sari as the owner", "users add",
                "users activate");
        assertThat(run("hutan pinus bernyanyi riang\n", "init", "--shop-name", "Toko Lain", "--owner", "budi",
                "--password-stdin")).isEqualTo(1);
        assertThat(err.toString()).contains("already set up");
    }

    @Test
    void theOwnerRegistersAClerkWhoActivatesSignsInAndIsRefusedTheOwnersCommands() throws IOException {
        init();

        assertThat(as("sari", OWNER_PASSWORD, "users", "add", "--username", "ani", "--name", "Ani Setiawati"))
                .as(err.toString()).isZero();
        String code = out.toString().replaceAll("(?s).*Activation code: (\\S+).*", "$1");
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(out.toString()).contains("Shown only now", "users activate --username ani --code " + code);

        assertThat(run("ABCD-EFGH-JKMN\n" , "users", "activate", "--username", "ani", "--code", "ABCD-EFGH-JKMN",
                "--password-stdin")).isEqualTo(1);
        assertThat(err.toString()).contains("Wrong activation code for ani");
        assertThat(run(CLERK_PASSWORD + "\n", "users", "activate", "--username", "ani", "--code", code,
                "--password-stdin")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ani) is activated");
        assertThat(run(CLERK_PASSWORD + "\n", "users", "activate", "--username", "ani", "--code", code,
                "--password-stdin")).isEqualTo(1);
        assertThat(err.toString()).contains("only once");

        assertThat(as("ani", CLERK_PASSWORD, "shift", "open", "--float", "100000")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("opened for ani");

        assertThat(as("ani", CLERK_PASSWORD, "users", "add", "--username", "budi", "--name", "Budi")).isEqualTo(1);
        assertThat(err.toString()).contains("Only the owner may register a clerk; ani is a clerk");
        assertThat(as("ani", CLERK_PASSWORD, "audit")).isEqualTo(1);
        assertThat(err.toString()).contains("Only the owner may read the audit log");
        assertThat(as("ani", CLERK_PASSWORD, "restore", "--from", tmp.resolve("any.db").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Only the owner may restore a backup");

        // --user and --password-stdin after the command work too (inherited options).
        assertThat(run(OWNER_PASSWORD + "\n", "users", "list", "--json", "--user", "sari", "--password-stdin"))
                .as(err.toString()).isZero();
        JsonNode operators = json().path("operators");
        assertThat(operators).hasSize(2);
        assertThat(operators.get(0).path("username").asText()).isEqualTo("sari");
        assertThat(operators.get(0).path("role").asText()).isEqualTo("OWNER");
        assertThat(operators.get(1).path("username").asText()).isEqualTo("ani");
        assertThat(operators.get(1).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(operators.get(1).path("name").asText()).isEqualTo("Ani Setiawati");
        assertThat(out.toString()).doesNotContain("$2a$");
    }

    @Test
    void theOwnerDisablesAndResetsAClerk() {
        init();
        assertThat(as("sari", OWNER_PASSWORD, "users", "add", "--username", "ani", "--name", "Ani")).isZero();
        String first = out.toString().replaceAll("(?s).*Activation code: (\\S+).*", "$1");
        assertThat(run(CLERK_PASSWORD + "\n", "users", "activate", "--username", "ani", "--code", first,
                "--password-stdin")).isZero();

        assertThat(as("sari", OWNER_PASSWORD, "users", "disable", "--username", "ani")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("is disabled");
        assertThat(as("ani", CLERK_PASSWORD, "payments")).isEqualTo(1);
        assertThat(err.toString()).contains("ani was disabled by the owner");

        assertThat(as("sari", OWNER_PASSWORD, "users", "reset", "--username", "ani", "--json")).isZero();
        String second = out.toString().replaceAll("(?s).*\"activation_code\" : \"([^\"]+)\".*", "$1");
        assertThat(second).isNotEqualTo(first);
        assertThat(run("hutan pinus bernyanyi riang\n", "users", "activate", "--username", "ani", "--code", second,
                "--password-stdin")).as(err.toString()).isZero();
        assertThat(as("ani", "hutan pinus bernyanyi riang", "payments")).as(err.toString()).isZero();
    }

    @Test
    void anOperatorCommandNeedsThePasswordAndTheRightOne() {
        init();

        assertThat(run("", "--user", "sari", "payments")).isEqualTo(1);
        assertThat(err.toString()).contains("acts as an operator", "--password-stdin");
        assertThat(as("sari", "not the password", "payments")).isEqualTo(1);
        assertThat(err.toString()).contains("Wrong password for sari", "4 more tries");
        assertThat(as("sari", "", "payments")).isEqualTo(1);
        assertThat(err.toString()).contains("holds no password");
        assertThat(as("nobody", OWNER_PASSWORD, "payments")).isEqualTo(1);
        assertThat(err.toString()).contains("There is no operator 'nobody'");
        assertThat(as("sari", OWNER_PASSWORD, "payments")).as(err.toString()).isZero();
    }

    @Test
    void auditJsonListsWhatHappenedAndFilters() throws IOException {
        init();
        assertThat(as("sari", OWNER_PASSWORD, "users", "add", "--username", "ani", "--name", "Ani")).isZero();
        assertThat(as("ani", "a wrong password", "payments")).isEqualTo(1);
        assertThat(as("sari", OWNER_PASSWORD, "audit", "--json")).as(err.toString()).isZero();

        JsonNode entries = json().path("entries");
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.path("action").asText()));
        assertThat(actions).containsSubsequence("SET_UP", "SETTINGS_CHANGED", "SIGN_IN", "USER_REGISTERED",
                "SIGN_IN_FAILED", "SIGN_IN");
        assertThat(out.toString()).doesNotContain(OWNER_PASSWORD);

        assertThat(as("sari", OWNER_PASSWORD, "audit", "--operator", "ani", "--action", "SIGN_IN_FAILED", "--json"))
                .as(err.toString()).isZero();
        JsonNode failed = json().path("entries");
        assertThat(failed).as(out.toString()).hasSize(1);
        assertThat(failed.get(0).path("operator").asText()).isEqualTo("ani");
        assertThat(failed.get(0).path("detail").asText()).contains("refused");

        assertThat(as("sari", OWNER_PASSWORD, "audit", "--from", "2000-01-01", "--to", "2000-01-31", "--json"))
                .isZero();
        assertThat(json().path("entries")).isEmpty();
        assertThat(as("sari", OWNER_PASSWORD, "audit", "--action", "NO_SUCH_THING")).isEqualTo(1);
        assertThat(err.toString()).contains("SIGN_IN_FAILED");
    }

    @Test
    void theAppStoresPasswordsAsBcryptWithCost12() {
        init();

        try (LedgerDatabase ledger = LedgerDatabase.open(tmp.resolve("home/ledger.db"))) {
            String hash = ledger.operators().find("sari").orElseThrow().passwordHash().orElseThrow();
            assertThat(PasswordHasher.costOf(hash)).isEqualTo(12);
        }
    }
}
