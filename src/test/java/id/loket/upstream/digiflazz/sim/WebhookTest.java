package id.loket.upstream.digiflazz.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks to a receiver on loopback: create then update, headers and the HMAC signature. */
class WebhookTest extends SimTestBase {

    record Delivery(String event, String userAgent, String signature, String body) {}

    private final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Digiflazz-Event"),
                    exchange.getRequestHeaders().getFirst("User-Agent"),
                    exchange.getRequestHeaders().getFirst("X-Hub-Signature"),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        // The simulator of the base class has no webhook; this one sends to the receiver.
        sim.close();
        sim = DigiflazzSimulator.start(options().clock(clock).webhookSecret("rahasia").build());
        client = new SimClient(sim);
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void pendingPrepaidSendsCreateThenUpdateSigned() throws Exception {
        var body = client.topupBody("xld10", "087800001233", ref());
        body.put("cb_url", hookUrl());

        assertThat(client.post("/v1/transaction", body).rc()).isEqualTo("03");

        Delivery create = received.poll(5, TimeUnit.SECONDS);
        Delivery update = received.poll(5, TimeUnit.SECONDS);
        assertThat(create).isNotNull();
        assertThat(create.event()).isEqualTo("create");
        assertThat(create.userAgent()).isEqualTo("Digiflazz-Hookshot");
        assertThat(create.body()).contains("\"rc\":\"03\"");
        assertThat(create.signature()).isEqualTo(Signs.hubSignature(create.body().getBytes(StandardCharsets.UTF_8),
                "rahasia"));
        assertThat(update).isNotNull();
        assertThat(update.event()).isEqualTo("update");
        assertThat(update.body()).contains("\"rc\":\"00\"").contains("\"sn\":\"");
        assertThat(client.topup("xld10", "087800001233", body.get("ref_id").asText()).rc()).isEqualTo("00");
    }

    @Test
    void postpaidUsesThePascaUserAgentAndTheStaticWebhook() throws Exception {
        sim.close();
        sim = DigiflazzSimulator.start(options().clock(clock).webhook(URI.create(hookUrl()), null).build());
        client = new SimClient(sim);
        String ref = ref();
        client.inquire("pln", "530000000001", ref);
        client.pay("pln", "530000000001", ref);

        Delivery create = received.poll(5, TimeUnit.SECONDS);
        assertThat(create).isNotNull();
        assertThat(create.userAgent()).isEqualTo("Digiflazz-Pasca-Hookshot");
        assertThat(create.signature()).isNull();
        assertThat(create.body()).contains("\"sn\":\"S1234554321N\"");
    }

    @Test
    void pingAnswersAndPingsTheWebhook() throws Exception {
        sim.close();
        sim = DigiflazzSimulator.start(options().clock(clock).webhook(URI.create(hookUrl()), "rahasia").build());
        client = new SimClient(sim);

        SimClient.Response ping = client.post("/v1/report/hooks/11aaabbb/pings", "", java.time.Duration.ofSeconds(5));

        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.body().get("hook_id").asText()).isEqualTo("11aaabbb");
        assertThat(ping.body().at("/hook/url").asText()).isEqualTo(hookUrl());
        Delivery delivered = received.poll(5, TimeUnit.SECONDS);
        assertThat(delivered).isNotNull();
        assertThat(delivered.event()).isEqualTo("ping");
        assertThat(client.post("/v1/report/hooks/other/pings", "", java.time.Duration.ofSeconds(5)).status())
                .isEqualTo(404);
    }
}
