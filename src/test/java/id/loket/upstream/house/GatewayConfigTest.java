package id.loket.upstream.house;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        GatewayConfig config = GatewayConfig.of(URI.create("https://h2h.example.co.id/"), "M1", "s3cret");

        assertThat(config.baseUri()).isEqualTo(URI.create("https://h2h.example.co.id"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.clock()).isEqualTo(Clock.systemUTC());
        assertThat(config.pollInitialDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.pollFactor()).isEqualTo(2);
        assertThat(config.pollMaxDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://h2h.example.co.id", "http://10.0.0.5:8700", "http://192.168.1.1",
        "http://localhost.example.com", "http://127.0.0.1.nip.io", "http://[fe80::1]", "http://128.0.0.1"})
    void plainHttpToAnotherMachineIsRefused(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GatewayConfig.of(URI.create(url), "M1", "s3cret"))
                .withMessageContaining("must be reached over https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8700", "http://127.1.2.3", "http://localhost:8700",
        "http://LOCALHOST", "http://[::1]:8700", "http://[0:0:0:0:0:0:0:1]", "https://h2h.example.co.id",
        "https://10.0.0.5:8443/api/", "HTTPS://Example.com"})
    void httpsAnywhereAndPlainHttpOnLoopbackAreAccepted(String url) {
        assertThat(GatewayConfig.of(URI.create(url), "M1", "s3cret").baseUri().toString()).doesNotEndWith("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "/v1/billers", "https://example.com/?x=1",
        "https://user:pw@example.com", "https://example.com/#top",
        "http://127.0.0.256"})
    void otherUrlsAreRefused(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> GatewayConfig.of(URI.create(url), "M1", "s3cret"));
    }

    @Test
    void credentialsTimeoutsAndBackoffAreChecked() {
        URI uri = URI.create("https://example.com");
        assertThatIllegalArgumentException().isThrownBy(() -> GatewayConfig.of(uri, " ", "s3cret"));
        assertThatIllegalArgumentException().isThrownBy(() -> GatewayConfig.of(uri, "M1", ""));
        GatewayConfig config = GatewayConfig.of(uri, "M1", "s3cret");
        assertThatIllegalArgumentException().isThrownBy(() -> config.withReadTimeout(Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(
                () -> config.withTimeouts(Duration.ofSeconds(-1), Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> config.withPollBackoff(Duration.ofSeconds(1), 0, Duration.ofSeconds(30)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> config.withPollBackoff(Duration.ofSeconds(10), 2, Duration.ofSeconds(5)));
    }

    @Test
    void theSecretNeverAppearsInToString() {
        GatewayConfig config = GatewayConfig.of(URI.create("https://example.com"), "M1", "very-secret-value");

        assertThat(config.toString()).contains("M1", "https://example.com").doesNotContain("very-secret-value");
    }
}
