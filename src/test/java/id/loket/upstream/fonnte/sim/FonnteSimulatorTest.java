package id.loket.upstream.fonnte.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator as the docs describe Fonnte, spoken to in raw HTTP (no adapter involved). */
class FonnteSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = FonnteSimulatorOptions.DEFAULT_TOKEN;

    private final FonnteSimulator sim = FonnteSimulator.start(FonnteSimulatorOptions.defaults());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void bannerSaysHowToPointTheCounterAtIt() {
        assertThat(sim.banner()).isEqualTo("LOKET_MESSENGER=fonnte LOKET_FONNTE_URL=http://127.0.0.1:" + sim.port()
                + " LOKET_FONNTE_TOKEN=loket-fonnte-simulator");
        assertThat(sim.baseUri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aFormPostIsAnsweredWithTheDocumentedSuccessBody() throws Exception {
        HttpResponse<String> r = post(TOKEN, "application/x-www-form-urlencoded",
                "target=082227097005&message=Halo+dunia");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"detail\":\"success! message in queue\","
                + "\"id\":[\"80367170\"],\"process\":\"pending\",\"requestid\":2937124,\"status\":true,"
                + "\"target\":[\"6282227097005\"]}"));
        assertThat(sim.messages()).singleElement().satisfies(m -> {
            assertThat(m.target()).isEqualTo("6282227097005");
            assertThat(m.message()).isEqualTo("Halo dunia");
        });
    }

    @Test
    void multipartWithSeveralTargetsAndTheirVariables() throws Exception {
        String boundary = "----loket42";
        String body = part(boundary, "target", "081111111111|Budi|Rp 10.000,082222222222|Sari|Rp 20.000")
                + part(boundary, "message", "Halo {name}, tagihan {var1} sudah lunas. Terima kasih \u2764")
                + "--" + boundary + "--\r\n";

        HttpResponse<String> r = post(TOKEN, "multipart/form-data; boundary=" + boundary, body);

        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("status").asBoolean()).isTrue();
        assertThat(answer.get("id")).hasSize(2);
        assertThat(sim.messages()).extracting(SentMessage::target, SentMessage::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("6281111111111", "Halo Budi, tagihan Rp 10.000 sudah lunas."
                        + " Terima kasih \u2764"),
                org.assertj.core.groups.Tuple.tuple("6282222222222", "Halo Sari, tagihan Rp 20.000 sudah lunas."
                        + " Terima kasih \u2764"));
    }

    @Test
    void countryCodeZeroLeavesTheNumberAlone() throws Exception {
        post(TOKEN, "application/x-www-form-urlencoded", "target=081234567890&message=x&countryCode=0");

        assertThat(sim.messages()).extracting(SentMessage::target).containsExactly("081234567890");
    }

    @Test
    void theDocumentedFailuresComeWithHttp200AndSendNothing() throws Exception {
        String form = "application/x-www-form-urlencoded";
        assertFailure(post(null, form, "target=081234567890&message=x"), 200, "token invalid");
        assertFailure(post("nope", form, "target=081234567890&message=x"), 200, "token invalid");
        assertFailure(post(TOKEN, form, "target=081234567890"), 200, "input invalid");
        assertFailure(post(TOKEN, form, "message=x"), 200, "input invalid");
        assertFailure(post(TOKEN, form, "target=12ab&message=x"), 200, "target invalid");
        assertFailure(post(TOKEN, form, "target=081234567890,123&message=x"), 200, "target invalid");
        assertFailure(post(TOKEN, "application/json", "{\"target\":\"081234567890\"}"), 200, "input invalid");
        sim.setQuota(OptionalLong.of(0));
        assertFailure(post(TOKEN, form, "target=081234567890&message=x"), 200, "insufficient quota");
        assertThat(sim.messages()).isEmpty();
    }

    @Test
    void faultsOverTheControlEndpoints() throws Exception {
        assertThat(control("POST", "/sim/faults", "{\"fault\":\"http_500\",\"times\":2}").statusCode()).isEqualTo(200);
        assertThat(control("POST", "/sim/faults", "{\"fault\":\"status_casing\"}").statusCode()).isEqualTo(200);
        assertThat(control("POST", "/sim/faults", "{\"fault\":\"bogus\"}").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(control("GET", "/sim/faults", null).body()).get("faults")).hasSize(2);
        String form = "application/x-www-form-urlencoded";

        assertThat(post(TOKEN, form, "target=081234567890&message=x").statusCode()).isEqualTo(500);
        assertThat(post(TOKEN, form, "target=081234567890&message=x").statusCode()).isEqualTo(500);
        JsonNode cased = JSON.readTree(post(TOKEN, form, "target=081234567890&message=x").body());
        assertThat(cased.has("Status")).isTrue();
        assertThat(cased.has("status")).isFalse();
        control("POST", "/sim/faults", "{\"fault\":\"garbage\"}");
        HttpResponse<String> garbage = post(TOKEN, form, "target=081234567890&message=y");
        assertThat(garbage.statusCode()).isEqualTo(200);
        assertThat(garbage.body()).startsWith("<html>");

        JsonNode messages = JSON.readTree(control("GET", "/sim/messages", null).body()).get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).get("target").asText()).isEqualTo("6281234567890");
        assertThat(messages.get(1).get("message").asText()).isEqualTo("y");
        assertThat(messages.get(1).has("at")).isTrue();
        assertThat(control("POST", "/sim/quota", "{\"quota\":0}").statusCode()).isEqualTo(200);
        assertThat(sim.quota()).isEqualTo(OptionalLong.of(0));
        assertThat(control("DELETE", "/sim/messages", null).statusCode()).isEqualTo(200);
        assertThat(sim.messages()).isEmpty();
    }

    @Test
    void lastCodeSentToReadsTheCodeAPersonWouldRead() throws Exception {
        post(TOKEN, "application/x-www-form-urlencoded",
                "target=081234567890&message=" + java.net.URLEncoder.encode(
                        "Kode verifikasi Loket Anda: 042917. Berlaku 5 menit.", StandardCharsets.UTF_8));

        assertThat(sim.lastCodeSentTo("+62 812-3456-7890")).contains("042917");
        assertThat(sim.lastCodeSentTo("0899999999")).isEmpty();
    }

    @Test
    void onlyPostSends() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(sim.baseUri().resolve("/send")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> post(String token, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(sim.baseUri().resolve("/send"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> control(String method, String path, String body)
            throws IOException, InterruptedException {
        URI uri = sim.baseUri().resolve(path);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(uri).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static void assertFailure(HttpResponse<String> r, int status, String reason) throws IOException {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"status\":false,\"reason\":\"" + reason
                + "\"}"));
    }
}
