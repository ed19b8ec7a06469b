package id.loket.upstream.midtrans.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;

/**
 * A misbehaviour armed for the next {@code times} requests to {@code endpoint} ({@link MidtransSimulator#armFault},
 * or {@code POST /sim/faults}). Build one with a factory, then narrow it: {@code MidtransFault.http500().times(3)}.
 *
 * @param kind what happens
 * @param endpoint which API requests it hits
 * @param times how many of them
 * @param code for {@link Kind#BODY_CODE}: the body {@code status_code} sent with HTTP 200
 */
public record MidtransFault(Kind kind, Endpoint endpoint, int times, String code) {

    /** The kinds; the lower-case name is what {@code POST /sim/faults} takes. */
    public enum Kind {
        /** Does the request, then holds the answer longer than a client waits (or until close). */
        TIMEOUT,
        /** Does the request, then closes the connection without answering. */
        DROP_AFTER_PROCESSING,
        /** Answers HTTP 500 with body 500; nothing is done. */
        HTTP_500,
        /** Answers HTTP 503 with body 503 "Bank/partner is experiencing connection issue"; nothing is done. */
        HTTP_503,
        /** Answers HTTP 200 with body {@code status_code} = {@code code} (e.g. "401", "500"); nothing is done. */
        BODY_CODE,
        /** Does the request, then answers HTTP 200 with a body that is not JSON. */
        GARBAGE_BODY,
        /** A status answer claiming settlement with a signature_key made with another key. */
        FORGED_SIGNATURE,
        /** Answers HTTP 429 with body 429 (rate limit); nothing is done. */
        RATE_LIMITED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which requests a fault hits. */
    public enum Endpoint {
        ANY, CHARGE, STATUS, CANCEL, EXPIRE, PAYMENT_LINKS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MidtransFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoint, "endpoint");
        if (times < 1 || times > 10_000) {
            throw new IllegalArgumentException("times must be 1 to 10000, not " + times);
        }
        if (kind == Kind.BODY_CODE) {
            if (code == null || !code.matches("[1-9]\\d\\d")) {
                throw new IllegalArgumentException("A body_code fault needs a 3-digit code, not " + code);
            }
        } else if (code != null) {
            throw new IllegalArgumentException("Only a body_code fault takes a code");
        }
    }

    public static MidtransFault timeout() {
        return new MidtransFault(Kind.TIMEOUT, Endpoint.ANY, 1, null);
    }

    public static MidtransFault dropAfterProcessing() {
        return new MidtransFault(Kind.DROP_AFTER_PROCESSING, Endpoint.ANY, 1, null);
    }

    public static MidtransFault http500() {
        return new MidtransFault(Kind.HTTP_500, Endpoint.ANY, 1, null);
    }

    public static MidtransFault http503() {
        return new MidtransFault(Kind.HTTP_503, Endpoint.ANY, 1, null);
    }

    public static MidtransFault bodyCode(String code) {
        return new MidtransFault(Kind.BODY_CODE, Endpoint.ANY, 1, code);
    }

    public static MidtransFault garbageBody() {
        return new MidtransFault(Kind.GARBAGE_BODY, Endpoint.ANY, 1, null);
    }

    public static MidtransFault forgedSignature() {
        return new MidtransFault(Kind.FORGED_SIGNATURE, Endpoint.STATUS, 1, null);
    }

    public static MidtransFault rateLimited() {
        return new MidtransFault(Kind.RATE_LIMITED, Endpoint.ANY, 1, null);
    }

    public MidtransFault times(int newTimes) {
        return new MidtransFault(kind, endpoint, newTimes, code);
    }

    public MidtransFault on(Endpoint newEndpoint) {
        return new MidtransFault(kind, newEndpoint, times, code);
    }

    /** A {@code POST /sim/faults} body: {@code {"fault": "timeout", "endpoint": "charge", "times": 1, "code"}}. */
    static MidtransFault fromJson(JsonNode body) {
        String name = SimJson.text(body, "fault").orElseThrow(() -> new IllegalArgumentException("fault is required"));
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.wireName().equals(name)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("Unknown fault '" + name + "'");
        }
        Endpoint endpoint = kind == Kind.FORGED_SIGNATURE ? Endpoint.STATUS : Endpoint.ANY;
        String endpointName = SimJson.text(body, "endpoint").orElse(null);
        if (endpointName != null) {
            endpoint = null;
            for (Endpoint e : Endpoint.values()) {
                if (e.wireName().equals(endpointName)) {
                    endpoint = e;
                }
            }
            if (endpoint == null) {
                throw new IllegalArgumentException("Unknown endpoint '" + endpointName + "'");
            }
        }
        int times = body.has("times") ? body.get("times").asInt(1) : 1;
        return new MidtransFault(kind, endpoint, times, SimJson.text(body, "code").orElse(null));
    }

    ObjectNode toJson() {
        ObjectNode node = SimJson.object();
        node.put("fault", kind.wireName());
        node.put("endpoint", endpoint.wireName());
        node.put("times", times);
        if (code != null) {
            node.put("code", code);
        }
        return node;
    }
}
