package id.loket.upstream.digiflazz.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The research's test vectors (aggregators.md §1.2 and §1.7), against the simulator's code and the client's. */
class SignVectorsTest {

    private static final String USER = "loketuser";
    private static final String KEY = "dev-11111111-2222-3333-4444-555555555555";

    @Test
    void requestSignsMatchTheVectors() {
        assertThat(Signs.sign(USER, KEY, "depo")).isEqualTo("f1775f050b89b494e3068a391fa18337");
        assertThat(Signs.sign(USER, KEY, "pricelist")).isEqualTo("b5b00bb5cbfc49562f3b2cd78f8748b7");
        assertThat(Signs.sign(USER, KEY, "deposit")).isEqualTo("1126b3d1a47dd0e93f5562e3754eb947");
        assertThat(Signs.sign(USER, KEY, "LKT-20250101-0001")).isEqualTo("6fc39947b582da05825fa522a4f0869c");
        assertThat(SimClient.md5(USER + KEY + "depo")).isEqualTo("f1775f050b89b494e3068a391fa18337");
    }

    @Test
    void defaultsAreTheVectorsCredentials() {
        assertThat(SimulatorOptions.defaults().username()).isEqualTo(USER);
        assertThat(SimulatorOptions.defaults().developmentKey()).isEqualTo(KEY);
    }

    @Test
    void webhookSignatureMatchesTheVector() {
        byte[] body = "{\"data\":{\"ref_id\":\"LKT-20250101-0001\",\"status\":\"Sukses\",\"rc\":\"00\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Signs.hubSignature(body, "rahasia")).isEqualTo("sha1=724350ad8771368472d9c264819acec6c5cda607");
    }
}
