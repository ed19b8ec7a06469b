package id.loket.upstream.digiflazz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for Digiflazz on 127.0.0.1: replays scripted responses in order and records every request as it
 * arrived, so a test can check both what the client sent and what it made of the answer.
 */
final class ScriptedServer {

    /** A request as the server saw it. */
    record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Header names are case-insensitive, and the JDK server rewrites their case. */
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue()))
                    .findFirst()
                    .orElse(null);
        }
    }

    @FunctionalInterface
    interface Response {
        void send(HttpExchange exchange, CountDownLatch closing) throws IOException, InterruptedException;
    }

    /** How long a hanging response waits at most, in case a test forgets to close the server. */
    private static final long HANG_LIMIT_SECONDS = 30;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Response> script = new LinkedBlockingQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static ScriptedServer start() {
        try {
            return new ScriptedServer();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the test server", e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    ScriptedServer then(Response response) {
        script.add(response);
        return this;
    }

    ScriptedServer thenJson(int status, String body) {
        return then(bytes(status, "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size());
        }
        return requests.get(0);
    }

    void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Response response = script.poll();
            if (response == null) {
                response = bytes(599, "text/plain", "no scripted response".getBytes(StandardCharsets.UTF_8));
            }
            response.send(exchange, closing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    // --- responses -----------------------------------------------------------------------------------------------

    static Response bytes(int status, String contentType, byte[] body) {
        return (exchange, closing) -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        };
    }

    /** Never answers: not even the headers. */
    static Response hang() {
        return (exchange, closing) -> closing.await(HANG_LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Sends the headers and the start of a body, then stalls before the rest. */
    static Response stallAfterHeaders() {
        return (exchange, closing) -> {
            byte[] start = "{\"data\":{\"ref_id\":".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write(start);
            out.flush();
            closing.await(HANG_LIMIT_SECONDS, TimeUnit.SECONDS);
        };
    }

    static Response redirect(String location) {
        return (exchange, closing) -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        };
    }
}
