package id.loket.upstream.fonnte.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * One text the simulator "sent": the id it answered, the target as Fonnte would dial it (country code applied), the
 * message after {@code {name}}/{@code {var1}} substitution, and when.
 */
public record SentMessage(String id, String target, String message, Instant at) {

    public SentMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
