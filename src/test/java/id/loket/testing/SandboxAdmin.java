package id.loket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox gateway's unsigned control endpoints ({@code /sandbox/…}) for tests and benchmarks: faults, the
 * deposit, charges paid by the "customer", and what the gateway holds. One helper for every test that drives it.
 */
public final class SandboxAdmin {

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    public SandboxAdmin(URI base) {
        this.base = base;
    }

    /** The next call of {@code endpoint} ({@code payments}, {@code status}, {@code charges} …) misbehaves. */
    public void fault(String fault, String endpoint) {
        post("/sandbox/faults", "{\"fault\": \"" + fault + "\", \"count\": 1, \"endpoint\": \"" + endpoint + "\"}");
    }

    /** As {@link #fault(String, String)}, holding the call {@code delayMillis} first (for {@code slow}). */
    public void fault(String fault, String endpoint, long delayMillis) {
        post("/sandbox/faults", "{\"fault\": \"" + fault + "\", \"count\": 1, \"endpoint\": \"" + endpoint + "\""
                + (delayMillis > 0 ? ", \"delay_ms\": " + delayMillis : "") + "}");
    }

    /** True once every armed fault has been used up. */
    public boolean noFaultArmed() {
        return get("/sandbox/faults").path("faults").isEmpty();
    }

    /** The next payment answers PENDING and becomes SUCCESS at the {@code polls}-th status check. */
    public void pendingPayment(int polls) {
        post("/sandbox/faults", "{\"fault\": \"pending\", \"count\": 1, \"polls\": " + polls + "}");
    }

    /** The customer pays the charge, as the hosted page or the banking app would. */
    public void customerPays(String chargeId) {
        post("/sandbox/charges/" + chargeId + "/pay", "{}");
    }

    /** Tops the merchant's deposit up by {@code rupiah}. */
    public void deposit(long rupiah) {
        post("/sandbox/deposit", "{\"amount\": " + rupiah + "}");
    }

    /** Every payment the gateway holds. */
    public List<JsonNode> payments() {
        List<JsonNode> all = new ArrayList<>();
        get("/sandbox/payments").path("payments").forEach(all::add);
        return all;
    }

    /** The payments the gateway holds under {@code clientRef} (0 or 1: the gateway keeps one per key). */
    public List<JsonNode> paymentsOf(String clientRef) {
        return payments().stream().filter(p -> p.path("client_ref").asText().equals(clientRef)).toList();
    }

    public int paymentCount() {
        return payments().size();
    }

    public JsonNode post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** The status of an unsigned control call that is expected to fail. */
    public int postStatus(String path, String json) {
        try {
            return client.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("The sandbox refused " + response.request().uri() + ": "
                        + response.statusCode() + " " + response.body());
            }
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
