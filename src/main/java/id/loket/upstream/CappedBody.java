package id.loket.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body in memory up to a cap: whatever answers on the other end cannot make the counter hold an
 * unbounded body. Past the cap the rest is not read and the body fails with {@link TooLarge}.
 *
 * <p>Shared by the providers' adapters (it knows nothing of any provider), which is why it sits above their packages.
 *
 * <p>Flow signals to one subscriber are serialized with happens-before (Reactive Streams §1.3), so the fields need
 * no locking.
 */
public final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body went past its cap. */
    public static class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        public TooLarge(long cap) {
            super("the answer is longer than " + cap + " bytes");
        }
    }

    private final long cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private boolean done;

    public CappedBody(long cap) {
        this.cap = cap;
    }

    public static HttpResponse.BodyHandler<byte[]> handler(long cap) {
        return info -> new CappedBody(cap);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (done) {
            return;
        }
        for (ByteBuffer item : items) {
            if (buffer.size() + (long) item.remaining() > cap) {
                done = true;
                subscription.cancel();
                result.completeExceptionally(new TooLarge(cap));
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable failure) {
        done = true;
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        if (!done) {
            done = true;
            result.complete(buffer.toByteArray());
        }
    }
}
