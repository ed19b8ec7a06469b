package id.loket.upstream.midtrans.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator over raw HTTP, checked against the docs (research §1) independently of the adapter: auth, shapes,
 * codes, idempotency, uniqueness, expiry, signatures, QRIS CRC, the control endpoints.
 */
class MidtransSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = MidtransSimulatorOptions.DEFAULT_SERVER_KEY;
    private static final Instant START = Instant.parse("2025-01-01T03:00:00Z");

    private final TestClock clock = new TestClock(START);
    private final MidtransSimulator sim = MidtransSimulator.start(MidtransSimulatorOptions.defaults()
            .withClock(clock));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        sim.close();
    }

    /** A clock a test moves. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now;

        TestClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    record Answer(int http, JsonNode body, String raw) {
        String code() {
            return body.path("status_code").asText();
        }
    }

    private Answer call(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        headers.forEach(b::header);
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node;
        try {
            node = JSON.readTree(response.body());
        } catch (IOException e) {
            node = JSON.createObjectNode();
        }
        return new Answer(response.statusCode(), node == null ? JSON.createObjectNode() : node, response.body());
    }

    private Answer api(String method, String path, String body) throws Exception {
        return call(method, path, body, Map.of("Authorization", auth(KEY)));
    }

    private Answer api(String method, String path, String body, String idempotencyKey) throws Exception {
        return call(method, path, body, Map.of("Authorization", auth(KEY), "Idempotency-Key", idempotencyKey));
    }

    private static String auth(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static String qris(String orderId, long amount) {
        return "{\"payment_type\":\"qris\",\"qris\":{\"acquirer\":\"gopay\"},\"transaction_details\":{\"order_id\":\""
                + orderId + "\",\"gross_amount\":" + amount + "}}";
    }

    private static String bca(String orderId) {
        return "{\"payment_type\":\"bank_transfer\",\"bank_transfer\":{\"bank\":\"bca\"},"
                + "\"transaction_details\":{\"order_id\":\"" + orderId + "\",\"gross_amount\":275000}}";
    }

    private static String sha512(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- auth

    @Test
    void aWrongKeyIs401WithAStringMessage() throws Exception {
        for (Map<String, String> headers : java.util.List.of(Map.<String, String>of(),
                Map.of("Authorization", auth("SB-Mid-server-wrong")), Map.of("Authorization", "Basic !!"))) {
            Answer a = call("POST", "/v2/charge", qris("o-401", 1000), headers);
            assertThat(a.http()).isEqualTo(401);
            assertThat(a.body().get("status_code").isTextual()).isTrue();
            assertThat(a.code()).isEqualTo("401");
            assertThat(a.body().get("status_message").asText())
                    .isEqualTo("Transaction cannot be authorized with the current client/server key.");
        }
        Answer link = call("POST", "/v1/payment-links", "{}", Map.of());
        assertThat(link.http()).isEqualTo(401);
        assertThat(link.body().get("error_messages").isTextual()).isTrue();
        assertThat(sim.charges()).isEmpty();
    }

    // ---- charge shapes

    @Test
    void qrisChargeHasTheDocumentedShapeAndAValidQr() throws Exception {
        Answer a = api("POST", "/v2/charge", qris("o-qris", 275000));
        assertThat(a.http()).isEqualTo(200);
        assertThat(a.code()).isEqualTo("201");
        assertThat(a.body().get("transaction_status").asText()).isEqualTo("pending");
        assertThat(a.body().get("gross_amount").asText()).isEqualTo("275000.00");
        assertThat(a.body().get("acquirer").asText()).isEqualTo("gopay");
        assertThat(a.body().get("expire_time").asText()).isEqualTo("2025-01-01 10:15:00");
        assertThat(a.body().get("transaction_time").asText()).isEqualTo("2025-01-01 10:00:00");
        assertThat(a.body().at("/actions/0/name").asText()).isEqualTo("generate-qr-code");
        String qr = a.body().get("qr_string").asText();
        assertThat(qr).startsWith("000201010212").contains("5409275000.00").contains("6304");
        assertThat(qr.substring(qr.length() - 4)).isEqualTo(Qris.crc16(qr.substring(0, qr.length() - 4)));
    }

    @Test
    void vaPermataAndMandiriShapes() throws Exception {
        Answer va = api("POST", "/v2/charge", bca("o-bca"));
        assertThat(va.body().at("/va_numbers/0/bank").asText()).isEqualTo("bca");
        assertThat(va.body().at("/va_numbers/0/va_number").asText()).containsOnlyDigits();
        assertThat(va.body().get("expiry_time").asText()).isEqualTo("2025-01-02 10:00:00");
        Answer permata = api("POST", "/v2/charge", "{\"payment_type\":\"permata\",\"transaction_details\":"
                + "{\"order_id\":\"o-permata\",\"gross_amount\":1000}}");
        assertThat(permata.body().get("permata_va_number").asText()).hasSize(15);
        assertThat(permata.body().has("va_numbers")).isFalse();
        Answer permata2 = api("POST", "/v2/charge", "{\"payment_type\":\"bank_transfer\",\"bank_transfer\":"
                + "{\"bank\":\"permata\"},\"transaction_details\":{\"order_id\":\"o-permata2\",\"gross_amount\":1000}}");
        assertThat(permata2.body().get("payment_type").asText()).isEqualTo("permata");
        Answer mandiri = api("POST", "/v2/charge", "{\"payment_type\":\"echannel\",\"echannel\":{\"bill_info1\":"
                + "\"Payment:\",\"bill_info2\":\"Online purchase\"},\"transaction_details\":{\"order_id\":\"o-mandiri\","
                + "\"gross_amount\":1000}}");
        assertThat(mandiri.body().get("biller_code").asText()).isEqualTo("70012");
        assertThat(mandiri.body().get("bill_key").asText()).hasSize(12);
        assertThat(mandiri.body().get("status_message").asText()).isEqualTo("OK, Mandiri Bill transaction is successful");
        Answer gopay = api("POST", "/v2/charge", "{\"payment_type\":\"gopay\",\"transaction_details\":"
                + "{\"order_id\":\"o-gopay\",\"gross_amount\":1000}}");
        assertThat(gopay.body().findValuesAsText("name")).contains("generate-qr-code", "deeplink-redirect",
                "get-status", "cancel");
    }

    @Test
    void badRequestsAre400Or413AndCreateNothing() throws Exception {
        Answer missing = api("POST", "/v2/charge", "{\"payment_type\":\"qris\",\"transaction_details\":"
                + "{\"gross_amount\":1000}}");
        assertThat(missing.http()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("400");
        assertThat(missing.body().get("validation_messages").toString()).contains("order_id is required");
        assertThat(api("POST", "/v2/charge", "{\"transaction_details\":{\"order_id\":\"x\",\"gross_amount\":1}}")
                .code()).isEqualTo("400");
        assertThat(api("POST", "/v2/charge", qris("x", 0)).code()).isEqualTo("400");
        assertThat(api("POST", "/v2/charge", "{\"payment_type\":\"qris\",\"transaction_details\":{\"order_id\":\"x\","
                + "\"gross_amount\":\"1000.50\"}}").code()).isEqualTo("400");
        assertThat(api("POST", "/v2/charge", "{\"payment_type\":\"qris\",\"transaction_details\":{\"order_id\":\"x\","
                + "\"gross_amount\":1000},\"item_details\":[{\"price\":500,\"quantity\":1,\"name\":\"a\"}]}").code())
                .isEqualTo("400");
        assertThat(api("POST", "/v2/charge", "{not json").code()).isEqualTo("413");
        assertThat(sim.charges()).isEmpty();
    }

    @Test
    void aDisabledPaymentTypeIs402() throws Exception {
        try (MidtransSimulator disabled = MidtransSimulator.start(MidtransSimulatorOptions.defaults()
                .withDisabledPaymentTypes(Set.of("QRIS")))) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(disabled.baseUri() + "/v2/charge"))
                    .header("Authorization", auth(KEY)).POST(HttpRequest.BodyPublishers.ofString(qris("o", 1000)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(402);
            assertThat(JSON.readTree(r.body()).get("status_code").asText()).isEqualTo("402");
        }
    }

    // ---- uniqueness and idempotency

    @Test
    void anOrderIdIsUniqueUntilCancelledOrExpired() throws Exception {
        api("POST", "/v2/charge", qris("o-dup", 1000));
        Answer dup = api("POST", "/v2/charge", qris("o-dup", 1000));
        assertThat(dup.http()).isEqualTo(200);
        assertThat(dup.code()).isEqualTo("406");
        assertThat(api("POST", "/v2/o-dup/cancel", null).code()).isEqualTo("200");
        assertThat(api("POST", "/v2/charge", qris("o-dup", 1000)).code()).isEqualTo("201");
        assertThat(api("POST", "/v2/o-dup/expire", null).code()).isEqualTo("407");
        assertThat(api("POST", "/v2/charge", qris("o-dup", 1000)).code()).isEqualTo("201");
        assertThat(sim.charges()).extracting(SimulatedCharge::transactionStatus)
                .containsExactly("cancel", "expire", "pending");
        assertThat(sim.charges()).extracting(SimulatedCharge::current).containsExactly(false, false, true);
    }

    @Test
    void aSuccessfulAnswerIsReplayedForFiveMinutesOnly() throws Exception {
        Answer first = api("POST", "/v2/charge", qris("o-idem", 1000), "key-1");
        Answer replay = api("POST", "/v2/charge", qris("something-else", 5), "key-1");
        assertThat(replay.raw()).isEqualTo(first.raw());
        assertThat(sim.charges()).hasSize(1);
        clock.advance(Duration.ofMinutes(5));
        assertThat(api("POST", "/v2/charge", qris("o-idem", 1000), "key-1").code()).isEqualTo("406");
        // Failures are not stored: the same key then processes afresh.
        assertThat(api("POST", "/v2/charge", qris("o-idem-2", 0), "key-2").code()).isEqualTo("400");
        assertThat(api("POST", "/v2/charge", qris("o-idem-2", 1000), "key-2").code()).isEqualTo("201");
        // A key over 46 characters is ignored.
        String longKey = "k".repeat(47);
        api("POST", "/v2/charge", qris("o-idem-3", 1000), longKey);
        assertThat(api("POST", "/v2/charge", qris("o-idem-3", 1000), longKey).code()).isEqualTo("406");
    }

    // ---- status, signature, expiry

    @Test
    void statusIsSignedPerTheDocsByOrderIdOrTransactionId() throws Exception {
        Answer charge = api("POST", "/v2/charge", bca("o-sig"));
        Answer status = api("GET", "/v2/o-sig/status", null);
        assertThat(status.code()).isEqualTo("201");
        assertThat(status.body().has("qr_string")).isFalse();
        assertThat(status.body().has("actions")).isFalse();
        assertThat(status.body().get("gross_amount").asText()).isEqualTo("275000.00");
        assertThat(status.body().get("signature_key").asText())
                .isEqualTo(sha512("o-sig" + "201" + "275000.00" + KEY));
        Answer byTx = api("GET", "/v2/" + charge.body().get("transaction_id").asText() + "/status", null);
        assertThat(byTx.body().get("order_id").asText()).isEqualTo("o-sig");
        sim.settle("o-sig");
        Answer settled = api("GET", "/v2/o-sig/status", null);
        assertThat(settled.code()).isEqualTo("200");
        assertThat(settled.body().get("transaction_status").asText()).isEqualTo("settlement");
        assertThat(settled.body().has("settlement_time")).isTrue();
        assertThat(settled.body().get("signature_key").asText())
                .isEqualTo(sha512("o-sig" + "200" + "275000.00" + KEY));
        assertThat(api("POST", "/v2/o-sig/cancel", null).code()).isEqualTo("412");
        sim.reverse("o-sig");
        Answer reversed = api("GET", "/v2/o-sig/status", null);
        assertThat(reversed.code()).isEqualTo("202");
        assertThat(reversed.body().get("transaction_status").asText()).isEqualTo("deny");
    }

    @Test
    void theClockExpiresPendingCharges() throws Exception {
        api("POST", "/v2/charge", qris("o-clock", 1000));
        clock.advance(Duration.ofMinutes(15));
        Answer status = api("GET", "/v2/o-clock/status", null);
        assertThat(status.code()).isEqualTo("407");
        assertThat(status.body().get("transaction_status").asText()).isEqualTo("expire");
        assertThat(api("POST", "/v2/charge", qris("o-clock", 1000)).code()).isEqualTo("201");
    }

    @Test
    void unknownOrdersAlternateBetweenTheTwo404Forms() throws Exception {
        Answer first = api("GET", "/v2/nope/status", null);
        Answer second = api("GET", "/v2/nope/status", null);
        assertThat(first.code()).isEqualTo("404");
        assertThat(second.code()).isEqualTo("404");
        assertThat(Set.of(first.http(), second.http())).containsExactlyInAnyOrder(200, 404);
        assertThat(first.body().get("status_message").asText()).isEqualTo("Transaction doesn't exist.");
        assertThat(api("POST", "/v2/nope/cancel", null).code()).isEqualTo("404");
    }

    // ---- payment links

    @Test
    void paymentLinksCreateReadPayDelete() throws Exception {
        String body = "{\"transaction_details\":{\"order_id\":\"link-1\",\"gross_amount\":190000},\"usage_limit\":1,"
                + "\"expiry\":{\"duration\":2,\"unit\":\"days\"},\"title\":\"t\"}";
        Answer created = api("POST", "/v1/payment-links", body);
        assertThat(created.http()).isEqualTo(200);
        assertThat(created.body().get("order_id").asText()).isEqualTo("link-1");
        assertThat(created.body().get("payment_url").asText()).startsWith(sim.baseUri() + "/payment-links/");
        Answer taken = api("POST", "/v1/payment-links", body);
        assertThat(taken.http()).isEqualTo(409);
        assertThat(taken.body().get("error_messages").get(0).asText()).contains("has been taken");
        assertThat(api("POST", "/v1/payment-links", "{\"transaction_details\":{}}").http()).isEqualTo(400);

        Answer details = api("GET", "/v1/payment-links/link-1", null);
        assertThat(details.body().get("gross_amount").asLong()).isEqualTo(190000);
        assertThat(details.body().get("expiry_start").asText()).isEqualTo("2025-01-01 10:00 +0700");
        assertThat(details.body().get("purchases")).isEmpty();

        Answer paid = call("POST", "/sim/payment-links/link-1/pay", "{\"payment_type\":\"qris\"}", Map.of());
        assertThat(paid.http()).isEqualTo(200);
        Answer after = api("GET", "/v1/payment-links/link-1", null);
        JsonNode purchase = after.body().at("/purchases/0");
        assertThat(purchase.get("payment_status").asText()).isEqualTo("SETTLEMENT");
        String purchaseOrder = purchase.get("order_id").asText();
        assertThat(purchaseOrder).isEqualTo("link-1-" + START.toEpochMilli());
        assertThat(api("GET", "/v2/" + purchaseOrder + "/status", null).code()).isEqualTo("200");
        // Its one use is taken.
        assertThat(call("POST", "/sim/payment-links/link-1/pay", null, Map.of()).http()).isEqualTo(409);

        assertThat(api("DELETE", "/v1/payment-links/link-1", null).http()).isEqualTo(200);
        assertThat(api("GET", "/v1/payment-links/link-1", null).http()).isEqualTo(404);
    }

    // ---- control and faults over HTTP

    @Test
    void controlEndpointsAndFaultsOverHttp() throws Exception {
        api("POST", "/v2/charge", qris("o-ctl", 1000));
        assertThat(call("POST", "/sim/charges/o-ctl/settle", null, Map.of()).body()
                .get("transaction_status").asText()).isEqualTo("settlement");
        assertThat(call("POST", "/sim/charges/o-ctl/settle", null, Map.of()).http()).isEqualTo(409);
        assertThat(call("POST", "/sim/charges/o-ctl/refund", null, Map.of()).body()
                .get("transaction_status").asText()).isEqualTo("refund");
        assertThat(call("POST", "/sim/charges/nope/settle", null, Map.of()).http()).isEqualTo(404);
        api("POST", "/v2/charge", qris("o-ctl2", 1000));
        assertThat(call("POST", "/sim/charges/o-ctl2/deny", null, Map.of()).http()).isEqualTo(200);
        api("POST", "/v2/charge", qris("o-ctl3", 1000));
        assertThat(call("POST", "/sim/charges/o-ctl3/expire", null, Map.of()).http()).isEqualTo(200);
        api("POST", "/v2/charge", qris("o-ctl4", 1000));
        call("POST", "/sim/charges/o-ctl4/settle", null, Map.of());
        assertThat(call("POST", "/sim/charges/o-ctl4/reverse", null, Map.of()).body()
                .get("transaction_status").asText()).isEqualTo("deny");
        assertThat(call("GET", "/sim/charges", null, Map.of()).body()).hasSize(4);

        assertThat(call("POST", "/sim/faults", "{\"fault\":\"body_code\",\"code\":\"500\",\"endpoint\":\"status\","
                + "\"times\":2}", Map.of()).http()).isEqualTo(200);
        assertThat(call("GET", "/sim/faults", null, Map.of()).body().get(0).get("times").asInt()).isEqualTo(2);
        Answer faulted = api("GET", "/v2/o-ctl/status", null);
        assertThat(faulted.http()).isEqualTo(200);
        assertThat(faulted.code()).isEqualTo("500");
        assertThat(call("DELETE", "/sim/faults", null, Map.of()).body()).isEmpty();
        assertThat(api("GET", "/v2/o-ctl/status", null).code()).isEqualTo("200");
        assertThat(call("POST", "/sim/faults", "{\"fault\":\"nonsense\"}", Map.of()).http()).isEqualTo(400);

        call("POST", "/sim/faults", "{\"fault\":\"forged_signature\"}", Map.of());
        Answer forged = api("GET", "/v2/o-ctl2/status", null);
        assertThat(forged.body().get("transaction_status").asText()).isEqualTo("settlement");
        assertThat(forged.body().get("signature_key").asText())
                .isNotEqualTo(sha512("o-ctl2" + "200" + "1000.00" + KEY));

        call("POST", "/sim/faults", "{\"fault\":\"garbage_body\",\"endpoint\":\"status\"}", Map.of());
        assertThat(api("GET", "/v2/o-ctl/status", null).raw()).startsWith("<html>");
        call("POST", "/sim/faults", "{\"fault\":\"http_503\"}", Map.of());
        assertThat(api("GET", "/v2/o-ctl/status", null).http()).isEqualTo(503);
        call("POST", "/sim/faults", "{\"fault\":\"rate_limited\"}", Map.of());
        assertThat(api("GET", "/v2/o-ctl/status", null).code()).isEqualTo("429");
        call("POST", "/sim/faults", "{\"fault\":\"http_500\"}", Map.of());
        assertThat(api("GET", "/v2/o-ctl/status", null).http()).isEqualTo(500);
    }

    @Test
    void faultsRefuseNonsense() {
        assertThatThrownBy(() -> MidtransFault.bodyCode("4x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MidtransFault.timeout().times(0)).isInstanceOf(IllegalArgumentException.class);
        sim.armFault(MidtransFault.timeout().times(3));
        assertThat(sim.armedFaults()).containsExactly(MidtransFault.timeout().times(3));
        sim.clearFaults();
        assertThat(sim.armedFaults()).isEmpty();
    }

    @Test
    void theBannerSaysHowToPointLoketAtIt() {
        assertThat(sim.banner()).contains("LOKET_PAYMENT_GATEWAY=midtrans LOKET_MIDTRANS_URL=" + sim.baseUri()
                + " LOKET_MIDTRANS_SERVER_KEY=" + KEY);
        assertThat(sim.baseUri().toString()).isEqualTo("http://127.0.0.1:" + sim.port());
    }

    // ---- QRIS CRC (research §3.1, §3.3)

    @Test
    void crcVectors() {
        assertThat(Qris.crc16("123456789")).isEqualTo("29B1");
        String input = "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW"
                + "0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567"
                + "6304";
        assertThat(Qris.crc16(input)).isEqualTo("58C7");
        String dynamic = "00020101021226570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014"
                + "ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605405100005802ID5922Warung Sayur Bu Sugeng"
                + "6010Kab. Demak6105595676304";
        assertThat(Qris.crc16(dynamic)).isEqualTo("460E");
    }
}
