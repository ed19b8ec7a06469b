package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreLoopbackAFreePortAndTheSandboxMerchant() {
        SandboxOptions options = SandboxOptions.defaults(dir.resolve("s.db"));
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isZero();
        assertThat(options.merchant()).isEqualTo("LOKET-SANDBOX");
        assertThat(options.secret()).isEqualTo("sandbox-secret");
        assertThat(options.settleImmediately()).isFalse();
        assertThat(options.clock()).isEqualTo(Clock.systemUTC());
        assertThat(options.inquiryTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(options.chargeTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(options.otpTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.withMerchant("M", "top-secret").toString()).doesNotContain("top-secret");
        assertThatThrownBy(() -> options.withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withChargeTtl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startsOnAFreePortAndClosesTwiceQuietly() {
        SandboxServer server = SandboxServer.start(SandboxOptions.defaults(dir.resolve("s.db")));
        try {
            assertThat(server.port()).isPositive();
            assertThat(server.baseUri().toString()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(Files.exists(dir.resolve("s.db"))).isTrue();
        } finally {
            server.close();
        }
        server.close();
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            SandboxOptions options = SandboxOptions.defaults(dir.resolve("s.db")).withPort(taken.getLocalPort());
            assertThatThrownBy(() -> SandboxServer.start(options)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use").hasMessageContaining("" + taken.getLocalPort());
        }
        // The state file was closed again: a new server opens it.
        SandboxServer.start(SandboxOptions.defaults(dir.resolve("s.db"))).close();
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are my notes, not a database, and long enough to have a header page......");
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults(file)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void anotherProgramsDatabaseIsRefused() throws Exception {
        Path file = dir.resolve("ledger.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE journal_entry (id INTEGER PRIMARY KEY)");
        }
        assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults(file)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a sandbox state file");
    }

    @Test
    void aFolderIsNotAStateFile() {
        assertThatThrownBy(() -> SandboxServer.start(SandboxOptions.defaults(dir)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("folder");
    }
}
