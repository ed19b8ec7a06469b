package id.loket.upstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * The JDK {@link HttpServer} plumbing of a provider's simulator: listening on 127.0.0.1, a pool of named daemon
 * handler threads, one exchange at a time per handler with failures logged and answered, request bodies read up to a
 * cap, answers written, requests held unanswered until a deadline or the close, and stopping.
 *
 * <p>Shared by the providers' simulators (it knows nothing of any provider, nor of any adapter), which is why it sits
 * above their packages. What a simulator answers stays in the simulator.
 */
public final class SimulatorHttp {

    /** Serves one exchange; the exchange is closed afterwards whatever happens. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** Answers an exchange its handler failed on (a simulator bug), as the simulator's error body. */
    @FunctionalInterface
    public interface FailureAnswer {
        void answer(HttpExchange exchange, RuntimeException failure) throws IOException;
    }

    /** Sends a short text answer in the simulator's own JSON shape. */
    @FunctionalInterface
    public interface TextAnswer {
        void send(int status, String text) throws IOException;
    }

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final String name;
    private final Logger log;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean stopped = new AtomicBoolean();

    private SimulatorHttp(String name, Logger log, HttpServer server, ExecutorService handlers) {
        this.name = name;
        this.log = log;
        this.server = server;
        this.handlers = handlers;
    }

    /**
     * Binds 127.0.0.1 itself (not "the" loopback address, which is ::1 when the JVM prefers IPv6); nothing is served
     * before {@link #start}.
     *
     * @param name the simulator as messages name it ("Midtrans simulator")
     * @param log the simulator's logger, which logs the exchanges that fail
     * @param port 0 for any free port
     * @param threadPrefix the handler threads are {@code threadPrefix-1}, {@code threadPrefix-2}...
     * @throws IllegalStateException when the port cannot be bound
     */
    public static SimulatorHttp bindLoopback(String name, Logger log, int port, int backlog, int threads,
            String threadPrefix) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(log, "log");
        HttpServer server;
        try {
            InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            server = HttpServer.create(new InetSocketAddress(loopback, port), backlog);
        } catch (IOException e) {
            throw new IllegalStateException("The " + name + " cannot listen on 127.0.0.1:" + port + ": "
                    + e.getMessage(), e);
        }
        return new SimulatorHttp(name, log, server, Executors.newFixedThreadPool(threads, named(threadPrefix)));
    }

    /**
     * Without TCP_NODELAY the JDK server's body waits for the client's delayed ACK of the headers (~40 ms per
     * answer). The JDK reads the switch once, when its first server starts; a value the user set is kept.
     */
    public static void disableNagle() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    /**
     * Serves every path with {@code handler} on the handler threads. An {@link IOException} (the peer went away) is
     * logged at debug; a {@link RuntimeException} is logged as an error and answered by {@code onFailure}.
     */
    public void start(Handler handler, FailureAnswer onFailure) {
        server.createContext("/", exchange -> serve(exchange, handler, onFailure));
        server.setExecutor(handlers);
        server.start();
    }

    private void serve(HttpExchange exchange, Handler handler, FailureAnswer onFailure) {
        try {
            handler.handle(exchange);
        } catch (IOException e) {
            log.debug("{} exchange {} {} ended: {}", name, exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.toString());
        } catch (RuntimeException e) {
            log.error("{} failed on {} {}", name, exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                onFailure.answer(exchange, e);
            } catch (IOException | RuntimeException again) {
                e.addSuppressed(again);
            }
        } finally {
            exchange.close();
        }
    }

    /** The address it listens on (always loopback). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI rootUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /**
     * Stops listening and releases the requests {@link #hold} keeps; the handler threads go on until {@link #drain}.
     *
     * @return false when it was stopped already
     */
    public boolean stop() {
        if (!stopped.compareAndSet(false, true)) {
            return false;
        }
        closing.countDown();
        server.stop(0);
        return true;
    }

    /** Lets the handler threads finish what they are at (up to 5 s), then ends them. */
    public void drain() {
        handlers.shutdown();
        try {
            if (!handlers.awaitTermination(5, TimeUnit.SECONDS)) {
                handlers.shutdownNow();
            }
        } catch (InterruptedException e) {
            handlers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code hold} but returns at once on {@link #stop}, so a held request never blocks closing. */
    public void hold(Duration hold) {
        try {
            closing.await(hold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends {@code body} (none when empty) with {@code status} and {@code contentType}. */
    public static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The request body, or null when it is longer than {@code maxBytes} (the rest is not read). */
    public static byte[] readBody(HttpExchange exchange, int maxBytes) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            return body.length > maxBytes ? null : body;
        }
    }

    /**
     * The body of a request to a {@code /sim/} control endpoint, or null when it was refused and answered already:
     * 403 for a peer not on this machine, 413 for a body longer than {@code maxBytes}.
     */
    public static byte[] controlBody(HttpExchange exchange, int maxBytes, TextAnswer refuse) throws IOException {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            refuse.send(403, "The /sim control endpoints answer this machine only");
            return null;
        }
        byte[] body = readBody(exchange, maxBytes);
        if (body == null) {
            refuse.send(413, "The body is too large");
        }
        return body;
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}... */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
