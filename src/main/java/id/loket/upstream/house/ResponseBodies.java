package id.loket.upstream.house;

import id.loket.upstream.CappedBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Response bodies with a size cap: a gateway (or anything pretending to be one) cannot make the counter hold an
 * unbounded answer in memory or write an unbounded file. The settlement CSV is streamed to disk and hashed on the
 * way, so its signature and its {@code file_sha256} are checked without reading it back.
 */
final class ResponseBodies {

    private ResponseBodies() {}

    /** A response body: in memory, or streamed into a file; its SHA-256 is known either way. */
    abstract static sealed class Body permits InMemory, Saved {
        abstract String sha256Hex();
    }

    static final class InMemory extends Body {
        private final byte[] bytes;

        InMemory(byte[] bytes) {
            this.bytes = bytes;
        }

        byte[] bytes() {
            return bytes;
        }

        @Override
        String sha256Hex() {
            return Signatures.sha256Hex(bytes);
        }
    }

    static final class Saved extends Body {
        private final Path file;
        private final String sha256Hex;
        private final long size;

        Saved(Path file, String sha256Hex, long size) {
            this.file = file;
            this.sha256Hex = sha256Hex;
            this.size = size;
        }

        Path file() {
            return file;
        }

        long size() {
            return size;
        }

        @Override
        String sha256Hex() {
            return sha256Hex;
        }
    }

    /** The answer was longer than the cap; the rest was not read. */
    static final class BodyTooLargeException extends CappedBody.TooLarge {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long cap) {
            super(cap);
        }
    }

    /**
     * Writing the file on this machine failed (disk full, no permission): not the gateway's fault, so it must not
     * come out as "no answer".
     */
    static final class LocalFileException extends UncheckedIOException {
        LocalFileException(String message, IOException cause) {
            super(message, cause);
        }
    }

    static HttpResponse.BodySubscriber<Body> inMemory(long cap) {
        return HttpResponse.BodySubscribers.mapping(new CappedBody(cap), InMemory::new);
    }

    static HttpResponse.BodySubscriber<Body> toFile(Path file, long cap) {
        return HttpResponse.BodySubscribers.mapping(new DigestingFile(file, cap), saved -> saved);
    }

    /** Writes the body into a file and hashes it on the way; one buffer at a time, like the JDK's own file handler. */
    private static final class DigestingFile implements HttpResponse.BodySubscriber<Saved> {
        private final Path file;
        private final long cap;
        private final CompletableFuture<Saved> result = new CompletableFuture<>();
        private final MessageDigest digest;
        private Flow.Subscription subscription;
        private FileChannel channel;
        private long size;
        private boolean done;

        DigestingFile(Path file, long cap) {
            this.file = file;
            this.cap = cap;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }

        @Override
        public CompletionStage<Saved> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            try {
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                fail(new LocalFileException("Cannot write " + file + ": " + e.getMessage(), e));
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (done) {
                return;
            }
            try {
                for (ByteBuffer item : items) {
                    size += item.remaining();
                    if (size > cap) {
                        fail(new BodyTooLargeException(cap));
                        return;
                    }
                    digest.update(item.duplicate());
                    while (item.hasRemaining()) {
                        channel.write(item);
                    }
                }
            } catch (IOException e) {
                fail(new LocalFileException("Cannot write " + file + ": " + e.getMessage(), e));
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            if (!done) {
                done = true;
                closeAfterFailure(failure);
                result.completeExceptionally(failure);
            }
        }

        @Override
        public void onComplete() {
            if (done) {
                return;
            }
            done = true;
            try {
                channel.force(true);
                channel.close();
            } catch (IOException e) {
                result.completeExceptionally(new LocalFileException("Cannot write " + file + ": " + e.getMessage(), e));
                return;
            }
            result.complete(new Saved(file, HexFormat.of().formatHex(digest.digest()), size));
        }

        private void fail(Throwable failure) {
            done = true;
            subscription.cancel();
            closeAfterFailure(failure);
            result.completeExceptionally(failure);
        }

        private void closeAfterFailure(Throwable failure) {
            if (channel == null) {
                return;
            }
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
