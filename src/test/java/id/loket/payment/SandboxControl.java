package id.loket.payment;

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

/** The sandbox's unsigned control endpoints ({@code /sandbox/…}): faults, charges paid by the "customer", deposit. */
public final class SandboxControl {

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    SandboxControl(URI base) {
        this.base = base;
    }

    /** The next call of {@code endpoint} ({@code payments}, {@code status}, {@code charges} …) misbehaves. */
    public void fault(String fault, String endpoint) {
        post("/sandbox/faults", "{\"fault\": \"" + fault + "\", \"count\": 1, \"endpoint\": \"" + endpoint + "\"}");
    }

    /** The next payment answers PENDING and becomes SUCCESS at the {@code polls}-th status check. */
    public void pendingPayment(int polls) {
        post("/sandbox/faults", "{\"fault\": \"pending\", \"count\": 1, \"polls\": " + polls + "}");
    }

    /** The customer pays the charge, as the hosted page or the banking app would. */
    public void customerPays(String chargeId) {
        post("/sandbox/charges/" + chargeId + "/pay", "{}");
    }

    /** The payments the gateway holds under {@code clientRef} (0 or 1: the gateway keeps one per key). */
    public List<JsonNode> paymentsOf(String clientRef) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode p : get("/sandbox/payments").get("payments")) {
            if (p.get("client_ref").asText().equals(clientRef)) {
                found.add(p);
            }
        }
        return found;
    }

    public int paymentCount() {
        return get("/sandbox/payments").get("payments").size();
    }

    JsonNode post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
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
