package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.upstream.house.Signatures;
import org.junit.jupiter.api.Test;

class SettleImmediatelyTest extends SandboxTestBase {

    @Override
    SandboxOptions options() {
        return super.options().withSettleImmediately(true);
    }

    @Test
    void theCurrentDayIsServedButNotTomorrow() {
        String ref = newRef();
        JsonNode bill = inquire("PLN_POSTPAID", "512345678901");
        paidCash(ref, bill);
        SignedClient.Response summary = client.get("/v1/settlements/2026-11-21");
        assertThat(summary.status()).isEqualTo(200);
        SignedClient.Response file = client.get("/v1/settlements/2026-11-21/file");
        assertThat(file.text()).contains(ref);
        assertThat(summary.json().get("file_sha256").asText()).isEqualTo(Signatures.sha256Hex(file.body()));
        assertThat(summary.json().get("closing_balance").asLong()).isEqualTo(balance());
        assertThat(client.get("/v1/settlements/2026-11-22").status()).isEqualTo(425);
    }
}
