package id.loket.upstream.midtrans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.billing.ChargeRequest;
import id.loket.billing.NetworkInfo;
import id.loket.core.ChargeChannel;
import id.loket.core.Money;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's construction rules, the reading of bodies, and the request bodies. */
class MidtransClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "SB-Mid-server-abc123cde456";

    @ParameterizedTest
    @ValueSource(strings = {"http://api.midtrans.com", "http://api.sandbox.midtrans.com/", "http://10.0.0.5:8080",
        "http://127.evil.example", "http://128.0.0.1"})
    void plainHttpToAnotherHostIsRefused(String url) {
        assertThatThrownBy(() -> new MidtransClient(URI.create(url), KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9", "https://api.midtrans.com",
        "https://api.sandbox.midtrans.com/"})
    void httpsAndLoopbackAreAccepted(String url) {
        new MidtransClient(URI.create(url), KEY);
    }

    @Test
    void otherBadSettingsAreRefused() {
        assertThatThrownBy(() -> new MidtransClient(URI.create("ftp://x"), KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MidtransClient(URI.create("https://user:pw@api.midtrans.com"), KEY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw");
        assertThatThrownBy(() -> new MidtransClient(MidtransClient.SANDBOX_URL, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MidtransClient(MidtransClient.SANDBOX_URL, KEY, Duration.ZERO,
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modeFollowsTheKeyOrTheSandboxHostAndTheKeyIsNeverShown() {
        MidtransClient sandbox = new MidtransClient(URI.create("http://127.0.0.1:1"), KEY);
        MidtransClient sandboxHost = new MidtransClient(MidtransClient.SANDBOX_URL, "Mid-server-xyz");
        MidtransClient production = new MidtransClient(MidtransClient.PRODUCTION_URL, "Mid-server-xyz");
        assertThat(sandbox.isSandbox()).isTrue();
        assertThat(sandboxHost.isSandbox()).isTrue();
        assertThat(production.isSandbox()).isFalse();
        assertThat(sandbox.toString()).doesNotContain(KEY).doesNotContain("abc123");
        assertThat(new MidtransAcceptance(sandbox, Clock.systemUTC()).acceptanceInfo())
                .isEqualTo(new NetworkInfo("midtrans", "Midtrans", NetworkInfo.Mode.TESTING, false, false));
        assertThat(new MidtransAcceptance(production, Clock.systemUTC()).acceptanceInfo().mode())
                .isEqualTo(NetworkInfo.Mode.LIVE);
        assertThat(new MidtransAcceptance(production, Clock.systemUTC()).channels())
                .isEqualTo(EnumSet.allOf(ChargeChannel.class));
        assertThat(MidtransClient.DEFAULT_CONNECT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        assertThat(MidtransClient.DEFAULT_READ_TIMEOUT).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void onlyAJsonObjectIsAnAnswer() {
        assertThat(MidtransClient.read(200, "<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MidtransClient.Reply.Lost.class);
        assertThat(MidtransClient.read(200, "{\"status_code\":\"2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MidtransClient.Reply.Lost.class);
        assertThat(MidtransClient.read(200, "[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MidtransClient.Reply.Lost.class);
        assertThat(MidtransClient.read(200, new byte[0])).isInstanceOf(MidtransClient.Reply.Lost.class);
        MidtransClient.Reply.Received r = (MidtransClient.Reply.Received) MidtransClient.read(200,
                "{\"status_code\":201}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).contains("201");
        MidtransClient.Reply.Received none = (MidtransClient.Reply.Received) MidtransClient.read(200,
                "{\"status_message\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(none.statusCode()).isEmpty();
    }

    @Test
    void amountsAreReadFromTheTwoDecimalStrings() throws IOException {
        assertThat(MidtransAcceptance.amount(JSON.readTree("\"150000.00\""))).contains(Money.of(150_000));
        assertThat(MidtransAcceptance.amount(JSON.readTree("150000"))).contains(Money.of(150_000));
        assertThat(MidtransAcceptance.amount(JSON.readTree("\"150000.50\""))).isEmpty();
        assertThat(MidtransAcceptance.amount(JSON.readTree("\"abc\""))).isEmpty();
        assertThat(MidtransAcceptance.wib("2025-01-01 10:15:00")).contains(
                java.time.Instant.parse("2025-01-01T03:15:00Z"));
        assertThat(MidtransAcceptance.wib("2025-01-01T10:15:00")).isEmpty();
    }

    // --- request bodies ---------------------------------------------------------------------------------------------

    private static JsonNode body(ChargeChannel channel, String description) throws IOException {
        return JSON.readTree(ChargeBodies.charge(new ChargeRequest("LKT-1", channel, Money.of(150_000), description,
                Optional.of("081234567890"))));
    }

    @Test
    void chargeBodiesPerChannel() throws IOException {
        JsonNode qris = body(ChargeChannel.QRIS, "");
        assertThat(qris.get("payment_type").asText()).isEqualTo("qris");
        assertThat(qris.at("/qris/acquirer").asText()).isEqualTo("gopay");
        assertThat(qris.at("/transaction_details/order_id").asText()).isEqualTo("LKT-1");
        assertThat(qris.at("/transaction_details/gross_amount").isIntegralNumber()).isTrue();
        assertThat(qris.at("/transaction_details/gross_amount").asLong()).isEqualTo(150_000);
        assertThat(qris.has("item_details")).isFalse();
        assertThat(body(ChargeChannel.GOPAY, "").get("payment_type").asText()).isEqualTo("gopay");
        for (ChargeChannel va : EnumSet.of(ChargeChannel.VA_BCA, ChargeChannel.VA_BNI, ChargeChannel.VA_BRI)) {
            JsonNode b = body(va, "");
            assertThat(b.get("payment_type").asText()).isEqualTo("bank_transfer");
            assertThat(b.at("/bank_transfer/bank").asText()).isEqualTo(va.code());
        }
        assertThat(body(ChargeChannel.VA_PERMATA, "").get("payment_type").asText()).isEqualTo("permata");
        JsonNode mandiri = body(ChargeChannel.MANDIRI_BILL, "PLN 123456789012 January 2025 bill and more");
        assertThat(mandiri.get("payment_type").asText()).isEqualTo("echannel");
        assertThat(mandiri.at("/echannel/bill_info1").asText()).hasSizeLessThanOrEqualTo(10);
        assertThat(mandiri.at("/echannel/bill_info2").asText()).isEqualTo("PLN 123456789012 January 2025");
        assertThat(mandiri.at("/item_details/0/price").asLong()).isEqualTo(150_000);
        assertThat(mandiri.at("/customer_details/phone").asText()).isEqualTo("081234567890");
        assertThatThrownBy(() -> ChargeBodies.charge(new ChargeRequest("x", ChargeChannel.LINK, Money.of(1), "",
                Optional.empty()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paymentLinkBody() throws IOException {
        JsonNode link = JSON.readTree(ChargeBodies.paymentLink(new ChargeRequest("LKT-2", ChargeChannel.LINK,
                Money.of(75_000), "BPJS Kesehatan 0001234567890 for three family members", Optional.of("0812")),
                Duration.ofHours(24)));
        assertThat(link.at("/transaction_details/order_id").asText()).isEqualTo("LKT-2");
        assertThat(link.at("/transaction_details/gross_amount").asLong()).isEqualTo(75_000);
        assertThat(link.get("usage_limit").asInt()).isEqualTo(1);
        assertThat(link.at("/expiry/duration").asLong()).isEqualTo(1440);
        assertThat(link.at("/expiry/unit").asText()).isEqualTo("minute");
        assertThat(link.get("title").asText()).hasSize(40);
        assertThat(link.at("/customer_details/phone").asText()).isEqualTo("0812");
    }

    @Test
    void theSameRequestGivesTheSameBytes() {
        ChargeRequest request = new ChargeRequest("LKT-3", ChargeChannel.VA_BCA, Money.of(10_000), "PDAM",
                Optional.empty());
        assertThat(ChargeBodies.charge(request)).isEqualTo(ChargeBodies.charge(request));
    }
}
