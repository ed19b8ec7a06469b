package id.loket.upstream;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * One request to a provider and what came back, the way every provider adapter does it: an HTTP/1.1 client that
 * never follows a redirect (it would carry the credentials or a signed request somewhere the provider did not say),
 * {@code connectTimeout} for connecting, {@code readTimeout} for the answer's headers, and the whole exchange, body
 * included, over after both at the latest, so an answer that stalls after its headers cannot hold the counter.
 * Bodies are read through {@link CappedBody}. Nothing is retried.
 *
 * <p>Shared by the providers' adapters (it knows nothing of any provider), which is why it sits above their packages.
 * Thread-safe and immutable; {@link #exchange} blocks the calling thread.
 */
public final class ProviderHttp {

    /** What came back: an HTTP status and a body, or why nothing did ({@code failure} not null, status 0). */
    public record Exchange(int status, byte[] body, String failure) {
        static Exchange failed(String failure) {
            return new Exchange(0, null, failure);
        }

        public boolean answered() {
            return failure == null;
        }
    }

    private final HttpClient http;
    private final Duration readTimeout;
    private final Duration deadline;
    /** Quotes the message of an unrecognised failure into the reason; null: the reason names the failure's class. */
    private final UnaryOperator<String> failureMessage;

    /**
     * @throws IllegalArgumentException for a timeout that is not positive
     * @throws NullPointerException for a timeout that is null
     */
    public ProviderHttp(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, null);
    }

    /**
     * @param failureMessage when not null, the reason for a failure this class does not recognise also carries the
     *     failure's message, as this function quotes it (shortened, say)
     */
    public ProviderHttp(Duration connectTimeout, Duration readTimeout, UnaryOperator<String> failureMessage) {
        requirePositive(connectTimeout, "connectTimeout");
        this.readTimeout = requirePositive(readTimeout, "readTimeout");
        this.deadline = connectTimeout.plus(readTimeout);
        this.failureMessage = failureMessage;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Sends {@code request} (with the read timeout set on it) and waits for the whole answer, at most {@code cap}
     * bytes of body.
     */
    public Exchange exchange(HttpRequest.Builder request, long cap) {
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request.timeout(readTimeout).build(),
                CappedBody.handler(cap));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return Exchange.failed("no complete answer within " + describe(deadline));
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return Exchange.failed("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            return Exchange.failed(describeFailure(e.getCause()));
        }
        return new Exchange(response.statusCode(), response.body(), null);
    }

    private String describeFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CappedBody.TooLarge) {
                return t.getMessage();
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "could not connect within the connect timeout";
            }
            if (t instanceof HttpTimeoutException) {
                return "no answer within " + describe(readTimeout);
            }
            if (t instanceof ConnectException) {
                return "could not connect (" + t.getClass().getSimpleName() + ")";
            }
        }
        String reason = "the connection failed: " + (failure == null ? "unknown" : failure.getClass().getSimpleName());
        String message = failure == null ? null : failure.getMessage();
        return failureMessage == null || message == null ? reason
                : reason + " (" + failureMessage.apply(message) + ")";
    }

    /** {@code 30 s}, or {@code 1500 ms} when not whole seconds. */
    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /**
     * @return {@code duration}
     * @throws IllegalArgumentException saying {@code name} must be positive
     */
    public static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
        return duration;
    }
}
