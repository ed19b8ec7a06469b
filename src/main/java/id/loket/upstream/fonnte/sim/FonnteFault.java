package id.loket.upstream.fonnte.sim;

import java.util.Locale;
import java.util.Objects;

/**
 * A misbehaviour armed for the next {@code times} calls to {@code /send} ({@link FonnteSimulator#armFault}, or
 * {@code POST /sim/faults} with {@code {"fault": "timeout"|"garbage"|"http_500"|"status_casing"|"reason",
 * "reason": "...", "times": 1}}).
 *
 * @param reason for {@link Kind#REASON}: the reason a {@code status:false} answer gives
 */
public record FonnteFault(Kind kind, String reason, int times) {

    /** The kinds; {@link #wireName()} is the name the control endpoint takes. */
    public enum Kind {
        /** Holds the request unanswered until the simulator closes or 60 s pass; nothing is sent. */
        TIMEOUT,
        /** Sends the text, then answers 200 with a body that is not JSON (an HTML error page cut short). */
        GARBAGE,
        /** Answers 500 with an HTML page (as a proxy in front would); nothing is sent. */
        HTTP_500,
        /** Works as usual but writes the answer's keys capitalised ({@code Status}, {@code Reason}, ...). */
        STATUS_CASING,
        /** Answers {@code {"status":false,"reason":<reason>}}; nothing is sent. */
        REASON;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FonnteFault {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.REASON && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A reason fault needs the reason to answer");
        }
        if (kind != Kind.REASON && reason != null) {
            throw new IllegalArgumentException("Only a reason fault takes a reason");
        }
        if (times < 1 || times > 10_000) {
            throw new IllegalArgumentException("times must be 1 to 10000, not " + times);
        }
    }

    public static FonnteFault timeout() {
        return new FonnteFault(Kind.TIMEOUT, null, 1);
    }

    public static FonnteFault garbage() {
        return new FonnteFault(Kind.GARBAGE, null, 1);
    }

    public static FonnteFault http500() {
        return new FonnteFault(Kind.HTTP_500, null, 1);
    }

    public static FonnteFault statusCasing() {
        return new FonnteFault(Kind.STATUS_CASING, null, 1);
    }

    /** {@code status:false} with {@code reason}, e.g. "device disconnected". */
    public static FonnteFault reason(String reason) {
        return new FonnteFault(Kind.REASON, reason, 1);
    }

    public FonnteFault times(int newTimes) {
        return new FonnteFault(kind, reason, newTimes);
    }

    /** The kind by its wire name, or an {@link IllegalArgumentException} naming the known ones. */
    static Kind kindOf(String wireName) {
        for (Kind k : Kind.values()) {
            if (k.wireName().equals(wireName)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown fault '" + wireName
                + "'; one of timeout, garbage, http_500, status_casing, reason");
    }
}
