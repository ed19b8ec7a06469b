package id.loket.upstream.house;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A middlebox between the client and the sandbox that forwards everything and flips one byte of every
 * settlement CSV on the way back — optionally re-signing it with the secret, to play a gateway whose file
 * disagrees with its own signed summary.
 */
final class TamperingProxy implements AutoCloseable {

    private static final List<String> REQUEST_HEADERS = List.of(Signatures.MERCHANT_HEADER,
            Signatures.TIMESTAMP_HEADER, Signatures.SIGNATURE_HEADER, Signatures.IDEMPOTENCY_HEADER, "Content-Type",
            "Accept");
    private static final List<String> RESPONSE_HEADERS = List.of(Signatures.TIMESTAMP_HEADER,
            Signatures.SIGNATURE_HEADER, Signatures.REPLAYED_HEADER, "Content-Type");

    private final URI target;
    private final Optional<String> resignWith;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param resignWith the secret to sign the tampered file with, or empty to leave the gateway's signature */
    TamperingProxy(URI target, Optional<String> resignWith) {
        this.target = target;
        this.resignWith = resignWith;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(uri.getRawPath()
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : REQUEST_HEADERS) {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            byte[] answer = response.body();
            for (String name : RESPONSE_HEADERS) {
                response.headers().firstValue(name).ifPresent(v -> exchange.getResponseHeaders().set(name, v));
            }
            if (uri.getRawPath().endsWith("/file") && response.statusCode() == 200 && answer.length > 0) {
                answer = StubGateway.flipOneByte(answer, answer.length - 2);
                if (resignWith.isPresent()) {
                    String timestamp = response.headers().firstValue(Signatures.TIMESTAMP_HEADER).orElseThrow();
                    exchange.getResponseHeaders().set(Signatures.SIGNATURE_HEADER,
                            Signatures.signResponse(resignWith.get(), 200, timestamp, answer));
                }
            }
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }
}
