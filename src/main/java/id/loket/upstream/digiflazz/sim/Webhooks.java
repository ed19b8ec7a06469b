package id.loket.upstream.digiflazz.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhooks the way the webhook page describes them: a POST of {@code {"data": ...}} with
 * {@code X-Digiflazz-Event}, the prepaid or postpaid {@code User-Agent} and, with a secret,
 * {@code X-Hub-Signature}. One delivery at a time, in order, so {@code create} always arrives before its
 * {@code update}. Retries are undocumented, so there are none; a failed delivery is logged and dropped.
 * Only loopback targets are ever called: the simulator must not reach out of the machine.
 */
final class Webhooks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Optional<String> secret;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "digiflazz-sim-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    Webhooks(Optional<String> secret) {
        this.secret = secret;
    }

    /** Whether {@code url} is an http(s) URL on this machine, the only kind the simulator calls. */
    static boolean isLoopback(URI url) {
        if (url == null || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            return false;
        }
        try {
            String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                    : url.getHost();
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    void sendAll(List<Engine.Hook> hooks) {
        for (Engine.Hook hook : hooks) {
            send(hook);
        }
    }

    void send(Engine.Hook hook) {
        if (!isLoopback(hook.url())) {
            LOG.warn("Digiflazz simulator: webhook to {} not sent; only loopback URLs are called", hook.url());
            return;
        }
        try {
            sender.execute(() -> deliver(hook));
        } catch (RejectedExecutionException e) {
            LOG.debug("Digiflazz simulator closed; webhook {} to {} dropped", hook.event(), hook.url());
        }
    }

    private void deliver(Engine.Hook hook) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hook.url())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", hook.userAgent())
                .header("X-Digiflazz-Event", hook.event())
                .POST(HttpRequest.BodyPublishers.ofByteArray(hook.body()));
        secret.ifPresent(s -> request.header("X-Hub-Signature", Signs.hubSignature(hook.body(), s)));
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            LOG.info("Digiflazz simulator webhook {} to {}: HTTP {}", hook.event(), hook.url(),
                    response.statusCode());
        } catch (IOException e) {
            LOG.info("Digiflazz simulator webhook {} to {} failed: {}", hook.event(), hook.url(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(2, TimeUnit.SECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
