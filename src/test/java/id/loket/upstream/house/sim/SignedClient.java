package id.loket.upstream.house.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.upstream.house.Signatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The counter's side of the protocol as the contract tests need it: signs requests with {@link Signatures} (the
 * same code the real client uses) and verifies every response's signature, exposing the result rather than
 * throwing, so a test can assert that a forged response does <em>not</em> verify.
 */
final class SignedClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A response as received, with whether its signature verified. */
    record Response(int status, HttpHeaders headers, byte[] body, boolean signed) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + text(), e);
            }
        }

        String errorCode() {
            return json().path("error").path("code").asText();
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private final String merchant;
    private final String secret;
    private final Clock clock;

    SignedClient(URI base, String merchant, String secret, Clock clock) {
        this.base = base;
        this.merchant = merchant;
        this.secret = secret;
        this.clock = clock;
    }

    URI base() {
        return base;
    }

    Response get(String path) {
        return request("GET", path).send();
    }

    Response post(String path, String json) {
        return request("POST", path).body(json).send();
    }

    /** A payment: the Idempotency-Key header carries {@code key}. */
    Response pay(String json, String key) {
        return request("POST", "/v1/payments").body(json).header(Signatures.IDEMPOTENCY_HEADER, key).send();
    }

    Request request(String method, String pathWithQuery) {
        return new Request(method, pathWithQuery);
    }

    String timestampNow() {
        return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** A request being built: signed by default with the client's merchant, secret and clock. */
    final class Request {
        private final String method;
        private final String pathWithQuery;
        private byte[] body = new byte[0];
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String timestamp;
        private String signingSecret = secret;
        private String merchantId = merchant;
        private boolean signed = true;
        private Duration timeout = Duration.ofSeconds(30);

        private Request(String method, String pathWithQuery) {
            this.method = method;
            this.pathWithQuery = pathWithQuery;
        }

        Request body(String json) {
            this.body = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Request body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request timestamp(String value) {
            this.timestamp = value;
            return this;
        }

        Request signedWith(String otherMerchant, String otherSecret) {
            this.merchantId = otherMerchant;
            this.signingSecret = otherSecret;
            return this;
        }

        Request unsigned() {
            this.signed = false;
            return this;
        }

        Request timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        Response send() {
            try {
                return sendRaw();
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + pathWithQuery + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }

        /** Sends and lets transport failures (timeouts, dropped connections) through, for the fault tests. */
        Response sendRaw() throws IOException, InterruptedException {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathWithQuery))
                    .timeout(timeout)
                    .method(method, body.length == 0 && !method.equals("POST")
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (body.length > 0) {
                builder.header("Content-Type", "application/json");
            }
            if (signed) {
                String ts = timestamp != null ? timestamp : timestampNow();
                builder.header(Signatures.MERCHANT_HEADER, merchantId);
                builder.header(Signatures.TIMESTAMP_HEADER, ts);
                builder.header(Signatures.SIGNATURE_HEADER,
                        Signatures.signRequest(signingSecret, method, pathWithQuery, ts, body));
            }
            headers.forEach(builder::header);
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body(), verifies(response));
        }
    }

    private boolean verifies(HttpResponse<byte[]> response) {
        Optional<String> ts = response.headers().firstValue(Signatures.TIMESTAMP_HEADER);
        Optional<String> signature = response.headers().firstValue(Signatures.SIGNATURE_HEADER);
        if (ts.isEmpty() || signature.isEmpty()) {
            return false;
        }
        return Signatures.matches(Signatures.signResponse(secret, response.statusCode(), ts.get(), response.body()),
                signature.get());
    }
}
