package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChargeTest extends SandboxTestBase {

    @Test
    void qrisChargeCarriesAnEmvcoStringWithAmountMerchantAndCrc() {
        String ref = newRef();
        JsonNode charge = charge(ref, "QRIS", 152_500);
        assertThat(charge.get("charge_id").asText()).startsWith("chg_");
        assertThat(charge.get("client_ref").asText()).isEqualTo(ref);
        assertThat(charge.get("method").asText()).isEqualTo("QRIS");
        assertThat(charge.get("amount").asLong()).isEqualTo(152_500);
        assertThat(charge.get("status").asText()).isEqualTo("PENDING");
        assertThat(charge.get("expires_at").asText()).isEqualTo("2026-11-21T03:15:00Z");
        assertThat(charge.get("va_number").isNull()).isTrue();
        assertThat(charge.get("payment_url").isNull()).isTrue();
        String qr = charge.get("qr_string").asText();
        assertThat(qr).startsWith("000201010212").contains("5406152500").contains("5913LOKET-SANDBOX")
                .contains("5303360").contains("6304");
        String body = qr.substring(0, qr.length() - 4);
        assertThat(qr.substring(qr.length() - 4)).isEqualTo(QrisString.crc16(body));
    }

    @Test
    void crc16IsCcittFalse() {
        assertThat(QrisString.crc16("123456789")).isEqualTo("29B1");
    }

    @Test
    void virtualAccountEwalletAndPaymentLink() {
        assertThat(charge(newRef(), "VIRTUAL_ACCOUNT", 152_500).get("va_number").asText()).matches("\\d{16}");
        String ewalletUrl = charge(newRef(), "EWALLET", 152_500).get("payment_url").asText();
        assertThat(ewalletUrl).startsWith(server.baseUri() + "/pay/chg_");
        JsonNode link = charge(newRef(), "PAYMENT_LINK", 152_500);
        assertThat(link.get("payment_url").asText()).isEqualTo(server.baseUri() + "/pay/"
                + link.get("charge_id").asText());
        assertThat(link.get("qr_string").isNull()).isTrue();
    }

    @Test
    void cashIsNotACharge() {
        SignedClient.Response r = client.post("/v1/charges",
                "{\"client_ref\": \"x\", \"method\": \"CASH\", \"amount\": 152500}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("bad_request");
        assertThat(client.post("/v1/charges", "{\"client_ref\": \"x\", \"method\": \"GOLD\", \"amount\": 1}")
                .errorCode()).isEqualTo("bad_request");
    }

    @Test
    void creatingTheSameChargeAgainReturnsTheSameOne() {
        String ref = newRef();
        String first = charge(ref, "QRIS", 152_500).get("charge_id").asText();
        assertThat(charge(ref, "QRIS", 152_500).get("charge_id").asText()).isEqualTo(first);
        assertThat(charge(ref, "VIRTUAL_ACCOUNT", 152_500).get("charge_id").asText()).isNotEqualTo(first);
    }

    @Test
    void aChargeIsPaidThroughTheSandboxAndNeverExpiresOnceSettled() {
        String id = charge(newRef(), "VIRTUAL_ACCOUNT", 152_500).get("charge_id").asText();
        JsonNode paid = sandboxOk("POST", "/sandbox/charges/" + id + "/pay", null);
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        clock.advance(Duration.ofHours(2));
        SignedClient.Response later = client.get("/v1/charges/" + id);
        assertThat(later.signed()).isTrue();
        assertThat(later.json().get("status").asText()).isEqualTo("PAID");
        assertThat(sandboxOk("POST", "/sandbox/charges/" + id + "/pay", null).get("status").asText())
                .isEqualTo("PAID");
    }

    @Test
    void anUnpaidChargeExpiresAndCannotBePaidAfterwards() {
        String id = charge(newRef(), "QRIS", 152_500).get("charge_id").asText();
        clock.advance(Duration.ofMinutes(14));
        assertThat(client.get("/v1/charges/" + id).json().get("status").asText()).isEqualTo("PENDING");
        clock.advance(Duration.ofMinutes(1));
        assertThat(client.get("/v1/charges/" + id).json().get("status").asText()).isEqualTo("EXPIRED");
        SignedClient.Response pay = sandbox("POST", "/sandbox/charges/" + id + "/pay", null);
        assertThat(pay.status()).isEqualTo(410);
        assertThat(pay.errorCode()).isEqualTo("charge_expired");
    }

    @Test
    void unknownCharges() {
        SignedClient.Response r = client.get("/v1/charges/chg_nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("charge_not_found");
        assertThat(sandbox("POST", "/sandbox/charges/chg_nope/pay", null).errorCode()).isEqualTo("charge_not_found");
    }

    @Test
    void theHostedPageShowsTheChargeAndItsFormPostPaysIt() {
        String ref = newRef();
        JsonNode link = charge(ref, "PAYMENT_LINK", 152_500);
        String id = link.get("charge_id").asText();
        SignedClient.Response page = sandbox("GET", "/pay/" + id, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.text()).contains("id=\"amount\" class=\"amount\">Rp 152.500<")
                .contains("id=\"merchant\" class=\"merchant\">LOKET-SANDBOX<")
                .contains("id=\"method-qris\"").contains("id=\"method-ewallet\"")
                .contains("id=\"method-virtual-account\"").contains("id=\"method-debit-card\"")
                .contains("id=\"pay-button\"").contains("Bayar").contains("Sisa waktu <b>15:00</b>")
                .doesNotContain("http://", "https://");

        SignedClient.Response posted = client.request("POST", "/pay/" + id).unsigned()
                .header("Content-Type", "application/x-www-form-urlencoded").body("method=DEBIT_CARD").send();
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.text()).contains("id=\"result\"").contains("Pembayaran berhasil").contains("kartu debit");
        assertThat(client.get("/v1/charges/" + id).json().get("status").asText()).isEqualTo("PAID");
        assertThat(sandbox("GET", "/pay/" + id, null).text()).contains("Sudah dibayar").doesNotContain("pay-button");
    }

    @Test
    void theHostedPageSaysPlainlyWhenExpiredOrUnknownAndAsksForAMethod() {
        String id = charge(newRef(), "PAYMENT_LINK", 152_500).get("charge_id").asText();
        SignedClient.Response noMethod = client.request("POST", "/pay/" + id).unsigned()
                .header("Content-Type", "application/x-www-form-urlencoded").body("method=BITCOIN").send();
        assertThat(noMethod.status()).isEqualTo(400);
        assertThat(noMethod.text()).contains("id=\"result\"");
        clock.advance(Duration.ofMinutes(20));
        SignedClient.Response expired = sandbox("GET", "/pay/" + id, null);
        assertThat(expired.text()).contains("Kedaluwarsa").contains("id=\"result\"").doesNotContain("pay-button");
        SignedClient.Response postExpired = client.request("POST", "/pay/" + id).unsigned()
                .header("Content-Type", "application/x-www-form-urlencoded").body("method=QRIS").send();
        assertThat(postExpired.text()).contains("Kedaluwarsa");
        assertThat(client.get("/v1/charges/" + id).json().get("status").asText()).isEqualTo("EXPIRED");
        assertThat(sandbox("GET", "/pay/chg_%3Cscript%3E", null).text()).contains("chg_&lt;script&gt;")
                .doesNotContain("<script>alert");
    }
}
