package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.core.JournalRules;
import id.loket.upstream.house.sim.SandboxOptions;
import id.loket.upstream.house.sim.SandboxServer;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.VerifyReport;
import id.loket.ledger.LedgerDatabase;
import id.loket.testing.SandboxAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 4's crash test: the app runs as a real child JVM ({@code id.loket.app.Launcher}, the class path of this
 * test), is killed with SIGKILL ({@link Process#destroyForcibly()}) at a point of the payment flow, and a fresh
 * child runs {@code loket recover}. The gateway is a {@link SandboxServer} in this JVM, so it outlives the crash
 * and keeps whatever it did. Whatever the kill point, the end is the same: exactly one payment for the
 * {@code client_ref} at the gateway, SUCCESS; SUCCESS in the ledger with one PENDING and one POST_PENDING entry;
 * the ledger verifies.
 *
 * <p>The recovery children run with {@code LOKET_RECOVERY_SENT_GRACE_SECONDS=0}: the crashed process will never
 * answer, so its SENT payment need not be left alone for the default minute.
 */
class CrashRecoveryTest {

    private static final String CLERK = "ani";
    /** The clerk is the shop's owner here ({@code loket init}); every child reads the password from its stdin. */
    private static final String PASSWORD = "kopi hujan sepeda lampu";
    private static final String REFERENCE = "512345678901";
    private static final Duration CHILD_LIMIT = Duration.ofSeconds(30);
    private static final Duration POLL_LIMIT = Duration.ofSeconds(20);
    /** How long a {@code slow} fault holds the payment request before the sandbox performs it. */
    private static final long SLOW_MILLIS = 3_000;

    /** Where the child dies. */
    enum KillPoint {
        /**
         * The request is held at the gateway and never performed ({@code timeout} fault); the ledger says SENT.
         * Recovery hears {@code payment_not_found} and sends it once more with the same {@code client_ref}.
         */
        REQUEST_HELD_NEVER_PERFORMED,
        /**
         * The request reached the gateway, which holds it ({@code slow}) and performs it after the child died: the
         * answer never arrives. The child is killed while the ledger says SENT; recovery starts only once the
         * gateway lists the payment, and finds it by its status.
         */
        PERFORMED_ANSWER_LOST,
        /**
         * As the first point, then the recovery child is killed too, while its one resend is held at the gateway
         * ({@code slow}) and the payment is SUSPECT (resent once); the gateway performs the resend after that
         * crash, and a second recovery finds it by its status (instead of giving it up as never received).
         */
        RECOVERY_KILLED_DURING_RESEND
    }

    @TempDir
    Path tmp;

    private LoketChildren children;
    private SandboxServer sandbox;
    private SandboxAdmin admin;
    private Path dataDir;
    private Path passwordFile;

    @BeforeEach
    void startTheGateway() {
        sandbox = SandboxServer.start(SandboxOptions.defaults(tmp.resolve("sandbox.db")));
        admin = new SandboxAdmin(sandbox.baseUri());
        admin.deposit(10_000_000);
        dataDir = tmp.resolve("loket");
        try {
            passwordFile = Files.writeString(tmp.resolve("password.txt"), PASSWORD + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stopEverything() {
        if (children != null) {
            children.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aPaymentKilledMidFlightIsRecoveredExactlyOnce(KillPoint point) {
        assertThat(runToEnd(Map.of(), "init", "--shop-name", "Toko Sari", "--owner", CLERK)).isZero();
        assertThat(runToEnd(Map.of(), "shift", "open", "--float", "0")).isZero();

        switch (point) {
            case REQUEST_HELD_NEVER_PERFORMED -> {
                fault("timeout", "payments", 0);
                String clientRef = killPayWhenSent();
                assertThat(gatewayPayments(clientRef)).as("the gateway never performed it").isEmpty();
                assertThat(runToEnd(Map.of(), "recover", "--json")).as("recovery leaves a fresh SENT alone")
                        .isEqualTo(0);
                assertThat(ledgerState(clientRef)).contains("SENT");
                recover(clientRef);
            }
            case PERFORMED_ANSWER_LOST -> {
                fault("slow", "payments", SLOW_MILLIS);
                String clientRef = killPayWhenSent();
                awaitUntil(POLL_LIMIT, () -> !gatewayPayments(clientRef).isEmpty());
                assertThat(ledgerState(clientRef)).as("the answer never reached the ledger").contains("SENT");
                recover(clientRef);
            }
            case RECOVERY_KILLED_DURING_RESEND -> {
                fault("timeout", "payments", 0);
                String clientRef = killPayWhenSent();
                fault("slow", "payments", SLOW_MILLIS);
                Process recovery = start(recoveryEnvironment(), "recover", "--json");
                awaitUntil(POLL_LIMIT, () -> (ledgerState(clientRef).filter("SUSPECT"::equals).isPresent()
                        && resends(clientRef) == 1 && noFaultArmed()) || !recovery.isAlive());
                kill(recovery);
                assertThat(gatewayPayments(clientRef)).as("killed before the gateway performed the resend")
                        .isEmpty();
                awaitUntil(POLL_LIMIT, () -> !gatewayPayments(clientRef).isEmpty());
                assertThat(ledgerState(clientRef)).contains("SUSPECT");
                recover(clientRef);
            }
        }
    }

    /**
     * Runs {@code pay} with a fault armed for its payment request, waits until the payment row is committed SENT
     * and the request has reached the gateway (the fault is used up), kills the child; the row's client_ref.
     */
    private String killPayWhenSent() {
        Process pay = start(Map.of(), "pay", "--biller", "PLN_POSTPAID", "--ref", REFERENCE, "--tendered", "500000",
                "--no-print");
        awaitUntil(POLL_LIMIT, () -> (sentRef().isPresent() && noFaultArmed()) || !pay.isAlive());
        kill(pay);
        String clientRef = sentRef().orElseThrow(() -> new AssertionError("no SENT payment in the ledger"));
        assertThat(ledgerState(clientRef)).contains("SENT");
        return clientRef;
    }

    /** Recovery after the crash(es): then everything is checked. */
    private void recover(String clientRef) {
        assertThat(runToEnd(recoveryEnvironment(), "recover", "--json")).isZero();

        List<JsonNode> atGateway = gatewayPayments(clientRef);
        assertThat(atGateway).as("payments for %s at the gateway", clientRef).hasSize(1);
        assertThat(atGateway.get(0).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(gatewayPaymentsFor(REFERENCE)).as("every payment of the bill at the gateway").hasSize(1);

        assertThat(ledgerState(clientRef)).contains("SUCCESS");
        assertThat(query("SELECT count(*) FROM payment", null)).isEqualTo(1);
        assertThat(query("SELECT count(*) FROM journal_entry WHERE kind = 'PENDING' AND reference = ?", clientRef))
                .isEqualTo(1);
        assertThat(query("SELECT count(*) FROM journal_entry WHERE kind = 'POST_PENDING' AND reference = ?",
                clientRef)).isEqualTo(1);
        assertThat(query("SELECT count(*) FROM journal_entry WHERE kind = 'VOID_PENDING' AND reference = ?",
                clientRef)).isZero();

        try (LedgerDatabase ledger = LedgerDatabase.open(dataDir.resolve("ledger.db"))) {
            VerifyReport report = new LedgerVerifier(JournalRules.standard()).verify(ledger.journal());
            assertThat(report.problems()).isEmpty();
            assertThat(report.sound()).isTrue();
        }
    }

    private static Map<String, String> recoveryEnvironment() {
        return Map.of(AppServices.SENT_GRACE_ENV, "0");
    }

    // ---- the child JVM ---------------------------------------------------------------------------------------

    private LoketChildren children() {
        if (children == null) {
            children = new LoketChildren(tmp, dataDir, passwordFile, CLERK, List.of(
                    "--gateway-url", sandbox.baseUri().toString(),
                    "--merchant", SandboxOptions.DEFAULT_MERCHANT,
                    "--secret", SandboxOptions.DEFAULT_SECRET), Map.of(), CHILD_LIMIT);
        }
        return children;
    }

    private Process start(Map<String, String> environment, String... command) {
        return children().start(environment, command);
    }

    private int runToEnd(Map<String, String> environment, String... command) {
        return children().runToEnd(0, environment, command);
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

    private long resends(String clientRef) {
        return query("SELECT resends FROM payment WHERE client_ref = ?", clientRef);
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

    // ---- the gateway's control endpoints ---------------------------------------------------------------------

    private void fault(String fault, String endpoint, long delayMillis) {
        admin.fault(fault, endpoint, delayMillis);
    }

    /** True once the armed fault has been used up: the request it was armed for is being held at the gateway. */
    private boolean noFaultArmed() {
        return admin.noFaultArmed();
    }

    private List<JsonNode> gatewayPayments(String clientRef) {
        return admin.paymentsOf(clientRef);
    }

    private List<JsonNode> gatewayPaymentsFor(String reference) {
        return admin.payments().stream().filter(p -> p.path("reference").asText().equals(reference)).toList();
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
}
