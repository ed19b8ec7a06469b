package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.testing.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandbox on a fresh state file and a clock standing at {@link #START}, with a signed client on the same clock;
 * plus the few calls most tests make. Subclasses change {@link #options} to start it differently.
 */
abstract class SandboxTestBase {

    /** 10:00 WIB on Saturday 21 November 2026. */
    static final Instant START = Instant.parse("2026-11-21T03:00:00Z");

    private static final AtomicInteger REFS = new AtomicInteger();

    @TempDir
    Path dir;

    TestClock clock;
    SandboxServer server;
    SignedClient client;

    SandboxOptions options() {
        return SandboxOptions.defaults(dir.resolve("sandbox.db")).withClock(clock);
    }

    @BeforeEach
    void startSandbox() {
        clock = TestClock.at(START);
        server = SandboxServer.start(options());
        client = new SignedClient(server.baseUri(), server.options().merchant(), server.options().secret(), clock);
    }

    @AfterEach
    void stopSandbox() {
        server.close();
    }

    /** Stops the server and starts a new one on the same state file (and port-free options). */
    void restart() {
        SandboxOptions same = server.options();
        server.close();
        server = SandboxServer.start(same);
        client = new SignedClient(server.baseUri(), same.merchant(), same.secret(), clock);
    }

    static String newRef() {
        return "T-" + System.nanoTime() + "-" + REFS.incrementAndGet();
    }

    SignedClient.Response inquiry(String biller, String reference, String product) {
        String productJson = product == null ? "null" : "\"" + product + "\"";
        return client.post("/v1/inquiries", "{\"biller\": \"" + biller + "\", \"reference\": \"" + reference
                + "\", \"product\": " + productJson + "}");
    }

    JsonNode inquire(String biller, String reference) {
        return inquire(biller, reference, null);
    }

    JsonNode inquire(String biller, String reference, String product) {
        SignedClient.Response r = inquiry(biller, reference, product);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.signed()).isTrue();
        return r.json();
    }

    static String paymentBody(String clientRef, String inquiryId, String amountJson, String method, String chargeId) {
        return "{\"client_ref\": \"" + clientRef + "\", \"inquiry_id\": \"" + inquiryId + "\", \"amount\": "
                + amountJson + ", \"method\": \"" + method + "\", \"charge_id\": "
                + (chargeId == null ? "null" : "\"" + chargeId + "\"") + "}";
    }

    static String cashBody(String clientRef, JsonNode inquiry) {
        return paymentBody(clientRef, inquiry.get("inquiry_id").asText(), inquiry.get("total").asText(), "CASH",
                null);
    }

    SignedClient.Response payCash(String clientRef, JsonNode inquiry) {
        return client.pay(cashBody(clientRef, inquiry), clientRef);
    }

    JsonNode paidCash(String clientRef, JsonNode inquiry) {
        SignedClient.Response r = payCash(clientRef, inquiry);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.signed()).isTrue();
        return r.json();
    }

    long balance() {
        SignedClient.Response r = client.get("/v1/balance");
        assertThat(r.status()).isEqualTo(200);
        return r.json().get("balance").asLong();
    }

    /** An unsigned call to a /sandbox endpoint. */
    SignedClient.Response sandbox(String method, String path, String json) {
        SignedClient.Request request = client.request(method, path).unsigned();
        if (json != null) {
            request.body(json);
        }
        return request.send();
    }

    JsonNode sandboxOk(String method, String path, String json) {
        SignedClient.Response r = sandbox(method, path, json);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    void armFault(String json) {
        sandboxOk("POST", "/sandbox/faults", json);
    }

    JsonNode charge(String clientRef, String method, long amount) {
        SignedClient.Response r = client.post("/v1/charges", "{\"client_ref\": \"" + clientRef + "\", \"method\": \""
                + method + "\", \"amount\": " + amount + "}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }
}
