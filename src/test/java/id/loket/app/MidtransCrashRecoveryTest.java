package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.cli.LoketCommand;
import id.loket.core.BusinessCalendar;
import id.loket.core.JournalRules;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.VerifyReport;
import id.loket.ledger.LedgerDatabase;
import id.loket.upstream.midtrans.sim.MidtransFault;
import id.loket.upstream.midtrans.sim.MidtransSimulator;
import id.loket.upstream.midtrans.sim.MidtransSimulatorOptions;
import id.loket.upstream.midtrans.sim.SimulatedCharge;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link CrashRecoveryTest} for non-cash money through Midtrans: {@code loket pay --method QRIS} runs as a real child
 * JVM ({@code id.loket.app.Launcher}, this test's class path, {@code LOKET_PAYMENT_GATEWAY=midtrans} against the
 * {@link MidtransSimulator} in this JVM, the biller network the embedded house sandbox of the data directory) and is
 * killed with SIGKILL while it waits for the customer's money; then {@code loket recover} and {@code loket reconcile}
 * run in this JVM (as {@link NonCashCommandLineTest} runs the command line). The simulator outlives the crash and
 * keeps whatever it did.
 *
 * <ul>
 * <li>The customer pays after the kill: recovery pays the bill, once; a second recovery changes nothing.</li>
 * <li>Nobody pays: recovery leaves the charge waiting (CHARGE_PENDING: the customer saw the QR and may still pay it,
 *     so it is not withdrawn) until Midtrans ends it; then CHARGE_EXPIRED, nothing paid, nothing owed.</li>
 * <li>The child is killed before the charge's answer came (the customer never saw it): recovery withdraws it and
 *     cancels the payment. When Midtrans does not confirm the withdrawal and the charge is paid after all, the
 *     night's reconciliation books the money as owed back (REFUND_DUE), once.</li>
 * </ul>
 *
 * <p>{@code loket init} and {@code shift open} run once, in this JVM; each case starts from a copy of that data
 * directory. Recovery runs with {@code LOKET_RECOVERY_SENT_GRACE_SECONDS=0} (the killed child will never answer).
 */
class MidtransCrashRecoveryTest {

    private static final String CLERK = "ani";
    private static final String PASSWORD = "kopi hujan sepeda lampu";
    private static final String BILLER = "PLN_POSTPAID";
    private static final String REFERENCE = "512345678901";
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(30);
    private static final Duration POLL_LIMIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shop after {@code init} and {@code shift open}, copied for each case. */
    @TempDir
    static Path shop;

    @TempDir
    Path tmp;

    private MidtransSimulator midtrans;
    private LoketChildren children;
    private Path dataDir;

    /** One in-process run of the command line. */
    private record Run(int code, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\nout: " + out + "\nerr: " + err;
        }
    }

    @BeforeAll
    static void prepareTheShop() {
        Path template = shop.resolve("template");
        Run init = runIn(template, Map.of(), "init", "--shop-name", "Toko Sari", "--owner", CLERK);
        assertThat(init.code()).as(init.toString()).isZero();
        Run shift = runIn(template, Map.of(), "shift", "open", "--float", "0");
        assertThat(shift.code()).as(shift.toString()).isZero();
    }

    @BeforeEach
    void startMidtrans() throws IOException {
        midtrans = MidtransSimulator.start(MidtransSimulatorOptions.defaults());
        dataDir = tmp.resolve("loket");
        LoketChildren.copyTree(shop.resolve("template"), dataDir);
        Path passwordFile = Files.writeString(tmp.resolve("password.txt"), PASSWORD + "\n");
        children = new LoketChildren(tmp, dataDir, passwordFile, CLERK, List.of(), midtransEnvironment(
                midtrans.baseUri()), CHILD_LIMIT);
    }

    @AfterEach
    void stopEverything() {
        if (children != null) {
            children.close();
        }
        // Closing the simulator also releases a charge answer it holds (timeout fault).
        if (midtrans != null) {
            midtrans.close();
        }
    }

    @Test
    void theCustomerPaysAfterTheKillAndRecoveryPaysTheBillOnce() {
        String order = killWhileWaitingForTheMoney();
        assertThat(sandboxPayments()).as("nothing paid before the customer paid").isEmpty();

        midtrans.settle(order);
        Run recovered = recover();
        assertThat(recovered.code()).as(recovered.toString()).isEqualTo(LoketCommand.OK);
        JsonNode summary = recovered.json();
        assertThat(summary.get("succeeded").asInt()).isEqualTo(1);
        assertThat(summary.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("client_ref").asText()).isEqualTo(order);
            assertThat(item.get("before").asText()).isEqualTo("CHARGE_PENDING");
            assertThat(item.get("after").asText()).isEqualTo("SUCCESS");
        });

        paidOnce(order);
        long entries = query("SELECT count(*) FROM journal_entry", null);

        Run again = recover();
        assertThat(again.code()).as(again.toString()).isEqualTo(LoketCommand.OK);
        assertThat(again.json().get("checked").asInt()).as("nothing left to recover").isZero();
        paidOnce(order);
        assertThat(query("SELECT count(*) FROM journal_entry", null)).as("the second recovery wrote nothing")
                .isEqualTo(entries);
    }

    @Test
    void nobodyPaysAfterTheKillAndTheChargeWaitsUntilMidtransEndsIt() {
        String order = killWhileWaitingForTheMoney();

        // PaymentService.recover: a CHARGE_PENDING payment is asked about (advanceCharge): still pending at
        // Midtrans → left as it is; the customer saw the QR, so it is not withdrawn. Exit 3: still pending.
        Run recovered = recover();
        assertThat(recovered.code()).as(recovered.toString()).isEqualTo(LoketCommand.PENDING);
        assertThat(recovered.json().get("still_pending").asInt()).isEqualTo(1);
        assertThat(recovered.json().get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("before").asText()).isEqualTo("CHARGE_PENDING");
            assertThat(item.get("after").asText()).isEqualTo("CHARGE_PENDING");
        });
        assertThat(ledgerState(order)).contains("CHARGE_PENDING");
        assertThat(chargeAtMidtrans(order).transactionStatus()).as("not withdrawn").isEqualTo("pending");
        assertThat(sandboxPayments()).isEmpty();

        // Midtrans' own scheduler ends the charge unpaid.
        midtrans.expire(order);
        Run ended = recover();
        assertThat(ended.code()).as(ended.toString()).isEqualTo(LoketCommand.OK);
        assertThat(ended.json().get("items")).singleElement().satisfies(item ->
                assertThat(item.get("after").asText()).isEqualTo("CHARGE_EXPIRED"));
        assertThat(ledgerState(order)).contains("CHARGE_EXPIRED");
        assertThat(sandboxPayments()).as("the bill was never paid").isEmpty();
        assertThat(query("SELECT count(*) FROM journal_entry WHERE reference = ?", order)).as("no money moved")
                .isZero();

        Run reconciled = reconcileToday();
        assertThat(reconciled.code()).as(reconciled.toString()).isZero();
        assertThat(itemsOf(reconciled.json())).as("nothing taken, nothing owed")
                .noneMatch(i -> order.equals(i.path("client_ref").asText(null)));
        assertThat(verified()).isTrue();
    }

    @Test
    void aChargeWithdrawnOnRecoveryThatIsPaidAnywayIsReconciledAsARefundDue() {
        // The charge is made at Midtrans, its answer held: the child dies with the payment NEW (nothing shown).
        midtrans.armFault(MidtransFault.timeout().on(MidtransFault.Endpoint.CHARGE));
        Process pay = children.start(Map.of(), payCommand());
        String order = NonCashCommandLineTest.awaitValue(POLL_LIMIT, () -> {
            if (!pay.isAlive()) {
                throw new AssertionError("loket pay exited " + pay.exitValue() + " before the kill");
            }
            return midtrans.charges().stream().map(SimulatedCharge::orderId)
                    .filter(o -> ledgerState(o).filter("NEW"::equals).isPresent()).findFirst();
        });
        LoketChildren.kill(pay);
        assertThat(ledgerState(order)).contains("NEW");
        assertThat(chargeAtMidtrans(order).transactionStatus()).isEqualTo("pending");

        // Recovery finds the charge by its order id and withdraws it (the customer never saw it); Midtrans answers
        // the cancel with HTTP 500, so the withdrawal is not confirmed, and the payment is cancelled all the same.
        midtrans.armFault(MidtransFault.http500().on(MidtransFault.Endpoint.CANCEL).times(5));
        Run recovered = recover();
        midtrans.clearFaults();
        assertThat(recovered.code()).as(recovered.toString()).isEqualTo(LoketCommand.OK);
        assertThat(recovered.json().get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("client_ref").asText()).isEqualTo(order);
            assertThat(item.get("before").asText()).isEqualTo("NEW");
            assertThat(item.get("after").asText()).isEqualTo("CANCELLED");
            assertThat(item.get("note").asText()).contains("did not confirm the withdrawal");
        });
        assertThat(chargeAtMidtrans(order).transactionStatus()).isEqualTo("pending");

        // ... and the customer pays it after all.
        midtrans.settle(order);
        Run reconciled = reconcileToday();
        assertThat(reconciled.code()).as(reconciled.toString()).isZero();
        assertThat(itemsOf(reconciled.json())).filteredOn(i -> i.get("kind").asText().equals("REFUND_DUE"))
                .singleElement().satisfies(i -> {
                    assertThat(i.get("client_ref").asText()).isEqualTo(order);
                    assertThat(i.get("ledger_status").asText()).isEqualTo("CANCELLED");
                    assertThat(i.get("gateway_status").asText()).isEqualTo("PAID");
                });
        assertThat(sandboxPayments()).as("the bill was not paid").isEmpty();
        assertThat(query("SELECT refund_due FROM payment WHERE client_ref = ?", order)).isEqualTo(1);
        assertThat(query("SELECT count(*) FROM journal_entry WHERE kind = 'POSTED' AND reference = ?", order))
                .as("the money owed back, booked").isEqualTo(1);

        Run again = reconcileToday();
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(query("SELECT count(*) FROM journal_entry WHERE kind = 'POSTED' AND reference = ?", order))
                .as("booked once").isEqualTo(1);
        Run charges = inThisJvm(dataDir, Map.of(), "charges", "--json");
        assertThat(charges.json().get("charges")).singleElement().satisfies(c -> {
            assertThat(c.get("state").asText()).isEqualTo("CANCELLED");
            assertThat(c.get("refund_due").asBoolean()).isTrue();
        });
        assertThat(verified()).isTrue();
    }

    // ---- the steps ---------------------------------------------------------------------------------------------

    private String[] payCommand() {
        return new String[] {"pay", "--biller", BILLER, "--ref", REFERENCE, "--method", "QRIS", "--wait", "600",
            "--no-print", "--json", "--qr-png", tmp.resolve("qris.png").toString()};
    }

    /**
     * Starts {@code loket pay --method QRIS --wait 600} in a child, waits until Midtrans holds its order and the
     * ledger says CHARGE_PENDING (the child is polling), kills it; the order id (= the payment's client_ref).
     */
    private String killWhileWaitingForTheMoney() {
        Process pay = children.start(Map.of(), payCommand());
        String order = NonCashCommandLineTest.awaitValue(POLL_LIMIT, () -> {
            if (!pay.isAlive()) {
                throw new AssertionError("loket pay exited " + pay.exitValue() + " before the kill");
            }
            return midtrans.charges().stream().map(SimulatedCharge::orderId)
                    .filter(o -> ledgerState(o).filter("CHARGE_PENDING"::equals).isPresent()).findFirst();
        });
        LoketChildren.kill(pay);
        assertThat(midtrans.charges()).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo(order);
            assertThat(c.paymentType()).isEqualTo("qris");
            assertThat(c.transactionStatus()).isEqualTo("pending");
        });
        assertThat(ledgerState(order)).contains("CHARGE_PENDING");
        return order;
    }

    private Run recover() {
        return inThisJvm(dataDir, Map.of(AppServices.SENT_GRACE_ENV, "0"), "recover", "--json");
    }

    private Run reconcileToday() {
        return inThisJvm(dataDir, Map.of("LOKET_SANDBOX_SETTLE_TODAY", "true"), "reconcile", "--date",
                LocalDate.now(BusinessCalendar.WIB).toString(), "--json");
    }

    /** Paid once: SUCCESS in the ledger, one reservation posted, one payment at the house sandbox, settled at Midtrans. */
    private void paidOnce(String order) {
        assertThat(ledgerState(order)).contains("SUCCESS");
        assertThat(query("SELECT count(*) FROM payment", null)).isEqualTo(1);
        assertThat(query("SELECT count(*) FROM journal_entry WHERE kind = 'PENDING' AND reference = ?", order))
                .isEqualTo(1);
        assertThat(query("SELECT count(*) FROM journal_entry WHERE kind = 'POST_PENDING' AND reference = ?", order))
                .isEqualTo(1);
        assertThat(query("SELECT count(*) FROM journal_entry WHERE kind = 'VOID_PENDING' AND reference = ?", order))
                .isZero();
        Run payments = inThisJvm(dataDir, Map.of(), "payments", "--json");
        assertThat(payments.code()).as(payments.toString()).isZero();
        assertThat(payments.json().get("payments")).singleElement().satisfies(p -> {
            assertThat(p.get("client_ref").asText()).isEqualTo(order);
            assertThat(p.get("state").asText()).isEqualTo("SUCCESS");
            assertThat(p.get("method").asText()).isEqualTo("QRIS");
        });
        assertThat(sandboxPayments()).as("exactly one payment at the house sandbox").containsExactly(
                order + " SUCCESS");
        assertThat(midtrans.charges()).singleElement().satisfies(c ->
                assertThat(c.transactionStatus()).isEqualTo("settlement"));
        assertThat(verified()).isTrue();
    }

    private SimulatedCharge chargeAtMidtrans(String order) {
        return midtrans.charges().stream().filter(c -> c.orderId().equals(order) && c.current()).findFirst()
                .orElseThrow(() -> new AssertionError("Midtrans has no order " + order));
    }

    private static List<JsonNode> itemsOf(JsonNode reconciliation) {
        assertThat(reconciliation.get("status").asText()).isEqualTo("RECONCILED");
        List<JsonNode> items = new ArrayList<>();
        reconciliation.get("items").forEach(items::add);
        return items;
    }

    private List<String> sandboxPayments() {
        return NonCashCommandLineTest.sandboxPayments(dataDir.resolve(GatewayFactory.SANDBOX_STATE_FILE));
    }

    private boolean verified() {
        try (LedgerDatabase ledger = LedgerDatabase.open(dataDir.resolve("ledger.db"))) {
            VerifyReport report = new LedgerVerifier(JournalRules.standard()).verify(ledger.journal());
            assertThat(report.problems()).isEmpty();
            return report.sound();
        }
    }

    // ---- the command line, in this JVM ---------------------------------------------------------------------------

    /** Midtrans' sandbox key at {@code url}; the biller network stays the embedded house sandbox. */
    private static Map<String, String> midtransEnvironment(URI url) {
        Map<String, String> env = new HashMap<>();
        env.put("LOKET_PAYMENT_GATEWAY", "midtrans");
        env.put("LOKET_MIDTRANS_URL", url.toString());
        env.put("LOKET_MIDTRANS_SERVER_KEY", MidtransSimulatorOptions.DEFAULT_SERVER_KEY);
        return env;
    }

    /** {@code loket --data-dir DIR --user ani --password-stdin COMMAND} in this JVM, against this case's Midtrans. */
    private Run inThisJvm(Path dir, Map<String, String> extra, String... command) {
        Map<String, String> env = midtransEnvironment(midtrans.baseUri());
        env.putAll(extra);
        return runIn(dir, env, command);
    }

    private static Run runIn(Path dir, Map<String, String> env, String... command) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.toString(), "--user", CLERK,
                "--password-stdin"));
        args.addAll(List.of(command));
        AppBackend backend = new AppBackend(Map.copyOf(env), "Linux", shop.toString(), Clock.systemUTC());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LoketCommand.commandLine(backend,
                new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }


    // ---- the ledger, read-only -----------------------------------------------------------------------------------

    private Connection ledgerConnection() throws SQLException {
        return LoketChildren.readLedger(dataDir);
    }

    private Optional<String> ledgerState(String clientRef) {
        try (Connection c = ledgerConnection();
                PreparedStatement s = c.prepareStatement("SELECT state FROM payment WHERE client_ref = ?")) {
            s.setString(1, clientRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long query(String sql, String parameter) {
        try (Connection c = ledgerConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
