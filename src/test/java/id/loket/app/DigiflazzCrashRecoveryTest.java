package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.loket.cli.LoketCommand;
import id.loket.core.JournalRules;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.VerifyReport;
import id.loket.ledger.LedgerDatabase;
import id.loket.upstream.digiflazz.DigiflazzClient;
import id.loket.upstream.digiflazz.DigiflazzCredentials;
import id.loket.upstream.digiflazz.DigiflazzResult;
import id.loket.upstream.digiflazz.TransactionAnswer;
import id.loket.upstream.digiflazz.sim.DigiflazzSimulator;
import id.loket.upstream.digiflazz.sim.SimulatedTransaction;
import id.loket.upstream.digiflazz.sim.SimulatorFault;
import id.loket.upstream.digiflazz.sim.SimulatorOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * {@link CrashRecoveryTest} on Digiflazz (issue 13): the app runs as a real child JVM ({@code id.loket.app.Launcher}
 * with this test's class path, {@code LOKET_BILLER_NETWORK=digiflazz} and the development account), is killed with
 * SIGKILL ({@link Process#destroyForcibly()}) — or, where the fault answers the child at once, lets it exit 3 with
 * the payment SUSPECT — and a fresh child runs {@code loket recover}. The {@link DigiflazzSimulator} runs in this
 * JVM, so it outlives the crash and keeps whatever it did. Whatever the kill point, the end is the same: exactly one
 * transaction for the ref_id at the simulator, Sukses, the deposit charged once; SUCCESS in the ledger with one
 * PENDING and one POST_PENDING entry whose {@code gateway_deposit} credit is the cost; the ledger verifies.
 *
 * <p><b>The gate.</b> The children reach the simulator through a small loopback forwarder in this JVM
 * ({@link Gate}) that arms a simulator fault on the one Digiflazz command named ({@code topup}, {@code pay-pasca}) just
 * before forwarding that request, or holds the request itself until the test releases it. The simulator alone
 * cannot aim a transport fault at a command: {@link SimulatorFault#onCommand} is ignored by {@code timeout} and
 * {@code drop_after_processing} (see {@link #aTransportFaultArmedForOneCommandSparesTheOthers}), and a postpaid
 * sale sends {@code inq-pasca} and {@code pay-pasca} to the same path. The gate forwards the bytes as they are; the
 * fault itself is the simulator's. Holding at the gate and then forwarding is the house test's {@code slow} fault,
 * which the simulator lacks: the request is performed after the child died.
 *
 * <p>{@code loket init} and {@code shift open} run once, in this JVM ({@link #prepareTheShop}); each case starts
 * from a copy of that data directory. The recovery children run with {@code LOKET_RECOVERY_SENT_GRACE_SECONDS=0}.
 */
class DigiflazzCrashRecoveryTest {

    private static final String CLERK = "ani";
    /** The clerk is the shop's owner here ({@code loket init}); every child reads the password from its stdin. */
    private static final String PASSWORD = "kopi hujan sepeda lampu";
    /** A PLN meter that buys a token at once (a number ending in 9 would go Pending). */
    private static final String METER = "14234567890";
    private static final String TOKEN_SKU = "pln20";
    /** The simulator's PLN postpaid test number that is looked up and paid Sukses (one bill). */
    private static final String BILL = "530000000001";
    private static final String BILL_SKU = "pln";
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(30);
    private static final Duration POLL_LIMIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the child dies, and what the biller network did with the request. */
    enum KillPoint {
        /**
         * A PLN token's {@code topup} is held at Digiflazz and never performed ({@code timeout}); the child is
         * killed while the ledger says SENT. Recovery re-sends the identical topup under the same ref_id: the first
         * time Digiflazz sees it, so it is bought then.
         */
        PREPAID_HELD(false),
        /**
         * Digiflazz performs the {@code topup} and the connection closes unanswered
         * ({@code drop_after_processing}): the child hears nothing, keeps the payment SUSPECT and exits 3. Recovery's
         * identical re-send is answered with the stored transaction.
         */
        PREPAID_PERFORMED_ANSWER_LOST(false),
        /**
         * The {@code topup} is held on its way (at the gate), the child is killed while SENT, and only then does
         * Digiflazz perform it: the answer has nobody to go to. Recovery's re-send finds it.
         */
        PREPAID_PERFORMED_AFTER_THE_KILL(false),
        /**
         * The bill is looked up ({@code inq-pasca}, Sukses), its {@code pay-pasca} held and never performed; the child
         * is killed while SENT. Recovery asks {@code status-pasca} (rc 50, payment_not_found) and the service sends
         * the payment once more with the same ref_id.
         */
        POSTPAID_HELD(true),
        /** {@code pay-pasca} performed, then the connection dropped: SUSPECT, exit 3; recovery finds it by status. */
        POSTPAID_PERFORMED_ANSWER_LOST(true),
        /** {@code pay-pasca} held at the gate, the child killed while SENT, then performed; found by status. */
        POSTPAID_PERFORMED_AFTER_THE_KILL(true);

        final boolean postpaid;

        KillPoint(boolean postpaid) {
            this.postpaid = postpaid;
        }
    }

    /** The shop after {@code init} and {@code shift open}, copied for each case. */
    @TempDir
    static Path shop;

    @TempDir
    Path tmp;

    private LoketChildren children;
    private DigiflazzSimulator sim;
    private Gate gate;
    private Path dataDir;
    private Path passwordFile;

    /**
     * {@code loket init} and {@code shift open}, in this JVM as {@code DigiflazzCommandLineTest} runs the command
     * line (two JVM starts fewer; nothing is killed here): the shop every case starts from a copy of.
     */
    @BeforeAll
    static void prepareTheShop() {
        try (DigiflazzSimulator setUp = DigiflazzSimulator.start(SimulatorOptions.defaults())) {
            Map<String, String> env = digiflazzEnvironment(setUp.baseUri());
            assertThat(inThisJvm(env, "init", "--shop-name", "Toko Sari", "--owner", CLERK)).isZero();
            assertThat(inThisJvm(env, "shift", "open", "--float", "0")).isZero();
        }
    }

    private static int inThisJvm(Map<String, String> env, String... command) {
        List<String> args = new ArrayList<>(List.of("--data-dir", shop.resolve("template").toString(), "--user",
                CLERK, "--password-stdin"));
        args.addAll(List.of(command));
        AppBackend backend = new AppBackend(env, "Linux", shop.toString(), Clock.systemUTC());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LoketCommand.commandLine(backend,
                new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args.toArray(String[]::new));
        if (code != 0) {
            System.err.printf("loket %s exited %d%nout: %s%nerr: %s%n", String.join(" ", command), code, out, err);
        }
        return code;
    }

    @BeforeEach
    void startTheSimulator() throws IOException {
        sim = DigiflazzSimulator.start(SimulatorOptions.defaults());
        gate = new Gate(sim);
        passwordFile = Files.writeString(tmp.resolve("password.txt"), PASSWORD + "\n");
        dataDir = tmp.resolve("loket");
        LoketChildren.copyTree(shop.resolve("template"), dataDir);
        // Through the gate to the simulator.
        children = new LoketChildren(tmp, dataDir, passwordFile, CLERK, List.of(),
                digiflazzEnvironment(gate.baseUri()), CHILD_LIMIT);
    }

    @AfterEach
    void stopEverything() {
        if (children != null) {
            children.close();
        }
        // The simulator first: closing it releases the requests it holds, and with them the gate's threads.
        if (sim != null) {
            sim.close();
        }
        if (gate != null) {
            gate.close();
        }
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aDigiflazzSaleKilledMidFlightIsRecoveredExactlyOnce(KillPoint point) {
        String command = point.postpaid ? "pay-pasca" : "topup";
        String clientRef;
        switch (point) {
            case PREPAID_HELD, POSTPAID_HELD -> {
                gate.armOn(command, SimulatorFault.timeout());
                clientRef = killPayWhenSent(point, () -> gate.armedFaultTaken() && sim.armedFaults().isEmpty());
                assertThat(paidAtTheSimulator(clientRef)).as("the simulator never performed it").isEmpty();
            }
            case PREPAID_PERFORMED_ANSWER_LOST, POSTPAID_PERFORMED_ANSWER_LOST -> {
                gate.armOn(command, SimulatorFault.dropAfterProcessing());
                clientRef = payUntilItExits(point, 3);
                assertThat(ledgerState(clientRef)).as("no answer: pending, do not refund or retry").contains("SUSPECT");
                assertThat(paidAtTheSimulator(clientRef)).as("the simulator performed it").isPresent();
            }
            case PREPAID_PERFORMED_AFTER_THE_KILL, POSTPAID_PERFORMED_AFTER_THE_KILL -> {
                gate.holdOn(command);
                clientRef = killPayWhenSent(point, gate::holding);
                assertThat(paidAtTheSimulator(clientRef)).as("not performed before the kill").isEmpty();
                gate.release();
                awaitUntil(POLL_LIMIT, () -> paidAtTheSimulator(clientRef).isPresent());
                assertThat(ledgerState(clientRef)).as("the answer never reached the ledger").contains("SENT");
            }
            default -> throw new AssertionError(point);
        }

        assertThat(runToEnd(recoveryEnvironment(), "recover", "--json")).isZero();

        // What recovery asked: a prepaid sale is re-checked by its identical topup; a bill by status-pasca, and
        // paid once more under the same ref_id only when Digiflazz had no payment of it.
        List<String> asked = gate.commandsFor(clientRef);
        List<String> expected = switch (point) {
            case PREPAID_HELD, PREPAID_PERFORMED_ANSWER_LOST, PREPAID_PERFORMED_AFTER_THE_KILL ->
                    List.of("topup", "topup");
            case POSTPAID_HELD -> List.of("inq-pasca", "pay-pasca", "status-pasca", "pay-pasca");
            case POSTPAID_PERFORMED_ANSWER_LOST, POSTPAID_PERFORMED_AFTER_THE_KILL ->
                    List.of("inq-pasca", "pay-pasca", "status-pasca");
        };
        assertThat(asked).as("the requests about %s, in order", clientRef).isEqualTo(expected);
        assertThat(query("SELECT resends FROM payment WHERE client_ref = ?", clientRef))
                .as("sent again after payment_not_found").isEqualTo(point == KillPoint.POSTPAID_HELD ? 1 : 0);

        recoveredExactlyOnce(point, clientRef);
    }

    /** After the recovery: everything is checked. */
    private void recoveredExactlyOnce(KillPoint point, String clientRef) {
        List<SimulatedTransaction> atDigiflazz = sim.transactions().stream()
                .filter(t -> t.refId().equals(clientRef)).toList();
        assertThat(atDigiflazz).as("transactions under ref_id %s", clientRef).hasSize(1);
        SimulatedTransaction t = atDigiflazz.get(0);
        assertThat(t.status()).isEqualTo("Sukses");
        assertThat(t.superseded()).isFalse();
        assertThat(t.stage()).isEqualTo(point.postpaid ? "payment" : "topup");
        assertThat(sim.transactions()).as("every transaction at the simulator").hasSize(1);
        assertThat(sim.deposit()).as("the deposit charged once")
                .isEqualTo(SimulatorOptions.DEFAULT_DEPOSIT - t.price());

        assertThat(ledgerState(clientRef)).contains("SUCCESS");
        assertThat(query("SELECT count(*) FROM payment", null)).isEqualTo(1);
        assertThat(query("SELECT cost FROM payment WHERE client_ref = ?", clientRef))
                .as("the cost the ledger booked is the price Digiflazz took").isEqualTo(t.price());
        assertThat(query("SELECT count(*) FROM journal_entry WHERE kind = 'PENDING' AND reference = ?", clientRef))
                .isEqualTo(1);
        assertThat(query("SELECT count(*) FROM journal_entry WHERE kind = 'POST_PENDING' AND reference = ?",
                clientRef)).isEqualTo(1);
        assertThat(query("SELECT count(*) FROM journal_entry WHERE kind = 'VOID_PENDING' AND reference = ?",
                clientRef)).isZero();
        assertThat(query("SELECT coalesce(sum(p.amount), 0) FROM posting p JOIN journal_entry e ON e.id = p.entry_id"
                + " WHERE e.kind = 'POST_PENDING' AND e.reference = ? AND p.account = 'gateway_deposit'"
                + " AND p.side = 'CREDIT'", clientRef)).as("gateway_deposit credited with the cost")
                .isEqualTo(t.price());
        if (!point.postpaid) {
            assertThat(text("SELECT token FROM payment WHERE client_ref = ?", clientRef)).as("the token")
                    .matches("[0-9-]{20,24}");
        }

        try (LedgerDatabase ledger = LedgerDatabase.open(dataDir.resolve("ledger.db"))) {
            VerifyReport report = new LedgerVerifier(JournalRules.standard()).verify(ledger.journal());
            assertThat(report.problems()).isEmpty();
            assertThat(report.sound()).isTrue();
        }
    }

    /**
     * The simulator's transaction of {@code clientRef} once it is a purchase or a payment (a postpaid look-up that
     * was never paid does not count).
     */
    private Optional<SimulatedTransaction> paidAtTheSimulator(String clientRef) {
        return sim.transaction(clientRef).filter(t -> !t.stage().equals("inquiry"));
    }

    /**
     * Runs {@code pay}, waits until the payment row is committed SENT and {@code requestHeld} (the purchase is being
     * held), kills the child; the row's client_ref.
     */
    private String killPayWhenSent(KillPoint point, BooleanSupplier requestHeld) {
        Process pay = start(Map.of(), payCommand(point));
        awaitUntil(POLL_LIMIT, () -> (sentRef().isPresent() && requestHeld.getAsBoolean()) || !pay.isAlive());
        kill(pay);
        String clientRef = sentRef().orElseThrow(() -> new AssertionError("no SENT payment in the ledger"));
        assertThat(ledgerState(clientRef)).contains("SENT");
        return clientRef;
    }

    /** Runs {@code pay} to its end, which must be {@code exitCode}; the payment's client_ref. */
    private String payUntilItExits(KillPoint point, int exitCode) {
        assertThat(runToEnd(exitCode, Map.of(), payCommand(point))).isEqualTo(exitCode);
        try (Connection c = ledgerConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT client_ref FROM payment")) {
            assertThat(rs.next()).as("a payment in the ledger").isTrue();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] payCommand(KillPoint point) {
        return point.postpaid
                ? new String[] {"pay", "--sku", BILL_SKU, "--ref", BILL, "--tendered", "500000", "--no-print"}
                : new String[] {"pay", "--sku", TOKEN_SKU, "--ref", METER, "--tendered", "500000", "--no-print"};
    }

    private static Map<String, String> recoveryEnvironment() {
        return Map.of(AppServices.SENT_GRACE_ENV, "0");
    }

    // ---- a bug in the simulator ------------------------------------------------------------------------------

    /**
     * {@code SimulatorFault.timeout().onCommand("pay-pasca")} is accepted, listed with its command, and then used
     * up by whatever reaches the simulator first: the transport faults ({@code timeout}, {@code drop_after_processing},
     * {@code malformed_body}, {@code http_500}) are taken by path alone ({@code Faults.takeTransport}), before the
     * body is read, and a fault built without a path matches every path. Here the bill's look-up is held instead of
     * its payment; in a prepaid drill a "timeout on topup" holds the price list or the PLN meter look-up.
     */
    @Test
    void aTransportFaultArmedForOneCommandSparesTheOthers() {
        sim.armFault(SimulatorFault.timeout().onCommand("pay-pasca"));
        DigiflazzClient client = new DigiflazzClient(sim.baseUri(), new DigiflazzCredentials(
                SimulatorOptions.DEFAULT_USERNAME, SimulatorOptions.DEFAULT_DEVELOPMENT_KEY, true),
                Duration.ofSeconds(2), Duration.ofSeconds(2));
        String ref = "LKT-20261207-BUGTEST001";

        DigiflazzResult<TransactionAnswer> lookUp = client.inquirePostpaid(BILL_SKU, BILL, ref);

        assertThat(lookUp).as("the inq-pasca is answered: the fault is armed for pay-pasca")
                .isInstanceOf(DigiflazzResult.Answer.class);
        assertThat(sim.armedFaults()).as("the fault still waits for the pay-pasca").hasSize(1);
        assertThat(client.payPostpaid(BILL_SKU, BILL, ref)).as("the pay-pasca is held")
                .isInstanceOf(DigiflazzResult.NoAnswer.class);
    }

    // ---- the child JVM ---------------------------------------------------------------------------------------

    /** Digiflazz's development account at {@code url}; the house gateway is the embedded sandbox. */
    private static Map<String, String> digiflazzEnvironment(URI url) {
        Map<String, String> env = new HashMap<>();
        env.put("LOKET_BILLER_NETWORK", "digiflazz");
        env.put("LOKET_DIGIFLAZZ_URL", url.toString());
        env.put("LOKET_DIGIFLAZZ_USERNAME", SimulatorOptions.DEFAULT_USERNAME);
        env.put("LOKET_DIGIFLAZZ_KEY", SimulatorOptions.DEFAULT_DEVELOPMENT_KEY);
        env.put("LOKET_DIGIFLAZZ_TESTING", "true");
        return env;
    }

    private Process start(Map<String, String> environment, String... command) {
        return children.start(environment, command);
    }

    private int runToEnd(Map<String, String> environment, String... command) {
        return runToEnd(0, environment, command);
    }

    private int runToEnd(int expected, Map<String, String> environment, String... command) {
        return children.runToEnd(expected, environment, command);
    }

    private static void kill(Process process) {
        LoketChildren.kill(process);
    }


    // ---- the child's ledger, read-only -----------------------------------------------------------------------

    private Connection ledgerConnection() throws SQLException {
        return LoketChildren.readLedger(dataDir);
    }

    private Optional<String> sentRef() {
        try (Connection c = ledgerConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT client_ref FROM payment WHERE state = 'SENT'")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> ledgerState(String clientRef) {
        return Optional.ofNullable(text("SELECT state FROM payment WHERE client_ref = ?", clientRef));
    }

    private String text(String sql, String parameter) {
        try (Connection c = ledgerConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
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

    private static void awaitUntil(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + limit);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    // ---- the gate between the children and the simulator -----------------------------------------------------

    /**
     * A loopback HTTP forwarder to the simulator's {@code /v1} that knows the Digiflazz command of each
     * {@code /v1/transaction} request ({@code commands}, or {@code topup} without one). For the next request of an
     * armed command it arms the simulator fault on {@code /v1/transaction} just before forwarding it, or holds it
     * until {@link #release()}. An answer is passed back as it came; a connection the simulator closed unanswered
     * is closed unanswered. Each request is forwarded on a connection of its own, so no pooled connection the
     * simulator closed while idle can fail a purchase here.
     */
    static final class Gate implements AutoCloseable {

        private final DigiflazzSimulator sim;
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "digiflazz-gate");
            t.setDaemon(true);
            return t;
        });
        private final URI baseUri;
        private final List<String[]> seen = new CopyOnWriteArrayList<>();
        private final CountDownLatch released = new CountDownLatch(1);
        private String armedCommand;
        private SimulatorFault armedFault;
        private boolean armedFaultTaken;
        private String holdCommand;
        private volatile boolean holding;

        Gate(DigiflazzSimulator sim) throws IOException {
            this.sim = sim;
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}),
                    0), 50);
            server.createContext("/", this::handle);
            server.setExecutor(threads);
            server.start();
            this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        }

        URI baseUri() {
            return baseUri;
        }

        /** The next {@code command} request makes the simulator apply {@code fault} to it. */
        synchronized void armOn(String command, SimulatorFault fault) {
            armedCommand = command;
            armedFault = fault;
            armedFaultTaken = false;
        }

        /** Whether the fault was armed for its request (the simulator has it or has used it up). */
        synchronized boolean armedFaultTaken() {
            return armedFaultTaken;
        }

        /** The next {@code command} request waits here, unforwarded, until {@link #release()}. */
        synchronized void holdOn(String command) {
            holdCommand = command;
        }

        boolean holding() {
            return holding;
        }

        void release() {
            released.countDown();
        }

        /** The commands sent under {@code refId}, in the order they arrived. */
        List<String> commandsFor(String refId) {
            return seen.stream().filter(s -> s[1].equals(refId)).map(s -> s[0]).toList();
        }

        private void handle(HttpExchange exchange) {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getRawPath();
                boolean hold = false;
                if (path.equals("/v1/transaction")) {
                    JsonNode request = JSON.readTree(body);
                    String command = request.hasNonNull("commands") ? request.get("commands").asText() : "topup";
                    synchronized (this) {
                        seen.add(new String[] {command, request.path("ref_id").asText()});
                        if (command.equals(armedCommand)) {
                            sim.armFault(armedFault.onPath("/v1/transaction"));
                            armedCommand = null;
                            armedFaultTaken = true;
                        }
                        if (command.equals(holdCommand)) {
                            holdCommand = null;
                            hold = true;
                        }
                    }
                }
                if (hold) {
                    holding = true;
                    if (!released.await(60, TimeUnit.SECONDS)) {
                        return;
                    }
                }
                forward(exchange, path, body);
            } catch (IOException e) {
                // The child died, or the simulator closed the connection unanswered: close ours unanswered too.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        }

        private void forward(HttpExchange exchange, String path, byte[] body) throws IOException,
                InterruptedException {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest toSim = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.port() + path))
                    // Longer than the simulator holds a timed-out request (60 s): its release is its answer.
                    .timeout(Duration.ofSeconds(90))
                    .header("Content-Type", Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                            .orElse("application/json"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<byte[]> answer = client.send(toSim, HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = answer.body();
            answer.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        @Override
        public void close() {
            released.countDown();
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
