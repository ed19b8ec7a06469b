package id.loket.upstream.digiflazz.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A Digiflazz buyer over real HTTP, signing as the docs say (computed here, independently of the simulator's own
 * code, so a wrong formula on either side shows).
 */
final class SimClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One answer: the HTTP status, the raw text, and the parsed body (null if it is not JSON). */
    record Response(int status, String text, JsonNode body) {
        JsonNode data() {
            return body.get("data");
        }

        String rc() {
            return data().path("rc").asText();
        }
    }

    private final URI root;
    private final String username;
    private final String devKey;
    private final String prodKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SimClient(DigiflazzSimulator sim) {
        this.root = sim.baseUri().resolve("/");
        this.username = sim.options().username();
        this.devKey = sim.options().developmentKey();
        this.prodKey = sim.options().productionKey();
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String sign(String x) {
        return md5(username + devKey + x);
    }

    String prodSign(String x) {
        return md5(username + prodKey + x);
    }

    // ---- bodies

    ObjectNode topupBody(String sku, String customerNo, String refId) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("username", username);
        body.put("buyer_sku_code", sku);
        body.put("customer_no", customerNo);
        body.put("ref_id", refId);
        body.put("testing", true);
        body.put("sign", sign(refId));
        return body;
    }

    ObjectNode pascaBody(String command, String sku, String customerNo, String refId) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("commands", command);
        body.put("username", username);
        body.put("buyer_sku_code", sku);
        body.put("customer_no", customerNo);
        body.put("ref_id", refId);
        body.put("testing", true);
        body.put("sign", sign(refId));
        return body;
    }

    // ---- calls

    Response topup(String sku, String customerNo, String refId) {
        return post("/v1/transaction", topupBody(sku, customerNo, refId));
    }

    Response inquire(String sku, String customerNo, String refId) {
        return post("/v1/transaction", pascaBody("inq-pasca", sku, customerNo, refId));
    }

    Response pay(String sku, String customerNo, String refId) {
        return post("/v1/transaction", pascaBody("pay-pasca", sku, customerNo, refId));
    }

    Response status(String sku, String customerNo, String refId) {
        return post("/v1/transaction", pascaBody("status-pasca", sku, customerNo, refId));
    }

    Response balance() {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("cmd", "deposit");
        body.put("username", username);
        body.put("sign", sign("depo"));
        return post("/v1/cek-saldo", body);
    }

    long deposit() {
        Response r = balance();
        return r.data().get("deposit").asLong();
    }

    ObjectNode priceListBody(String cmd) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("cmd", cmd);
        body.put("username", username);
        body.put("sign", sign("pricelist"));
        return body;
    }

    Response post(String path, JsonNode body) {
        return post(path, body.toString(), Duration.ofSeconds(10));
    }

    Response post(String path, String body, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(root.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(10)).DELETE().build());
    }

    /** Sends and returns the answer; transport failures (timeouts, dropped connections) throw unchecked. */
    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
