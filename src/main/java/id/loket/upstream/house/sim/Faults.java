package id.loket.upstream.house.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Armed misbehaviours ({@code POST /sandbox/faults}): each applies to the next {@code count} matching {@code /v1}
 * calls and is then used up. They exist so the counter's handling of an unreliable gateway (no answer, an answer
 * lost after the work was done, garbage, forged answers, slowness, a biller that takes its time) can be tested
 * on purpose rather than hoped for. Kept in memory: a restart disarms them, which is what a drill wants.
 */
final class Faults {

    /** What the armed call does; {@link #performs} says whether the operation itself still happens. */
    enum Kind {
        TIMEOUT(false),
        DROP_RESPONSE(true),
        HTTP_500(false),
        MALFORMED_JSON(true),
        BAD_SIGNATURE(true),
        SLOW(true),
        PENDING(true);

        private final boolean performs;

        Kind(boolean performs) {
            this.performs = performs;
        }

        boolean performs() {
            return performs;
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The names a fault can target, one per endpoint family: {@code status} is {@code GET /v1/payments/{ref}},
     * {@code charges} both creating and reading a charge, {@code settlements} the summary and the file,
     * {@code otp} requesting and verifying.
     */
    static final Set<String> ENDPOINTS = Set.of(
            "billers", "inquiries", "payments", "status", "charges", "balance", "settlements", "otp");

    static final long MAX_DELAY_MILLIS = 120_000;

    /** One armed fault. {@code endpoint} empty = any /v1 call (a {@code pending} fault only ever hits payments). */
    record Fault(Kind kind, Optional<String> endpoint, long delayMillis, int polls) {}

    private static final class Armed {
        final Fault fault;
        int remaining;

        Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    /** Arms the fault described by a {@code POST /sandbox/faults} body; refuses an unknown fault or endpoint. */
    Fault arm(ObjectNode body) {
        String name = Json.text(body, "fault");
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.wireName().equals(name)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw SandboxError.badRequest("Unknown fault '" + name + "'; one of timeout, drop_response, http_500,"
                    + " malformed_json, bad_signature, slow, pending");
        }
        long count = Json.optionalInteger(body, "count").orElse(1);
        if (count < 1 || count > 10_000) {
            throw SandboxError.badRequest("count must be 1 to 10000, not " + count);
        }
        Optional<String> endpoint = Json.optionalText(body, "endpoint");
        if (endpoint.isPresent() && !ENDPOINTS.contains(endpoint.get())) {
            throw SandboxError.badRequest("Unknown endpoint '" + endpoint.get() + "'; one of "
                    + ENDPOINTS.stream().sorted().toList());
        }
        if (kind == Kind.PENDING) {
            endpoint = Optional.of("payments");
        }
        long delay = Json.optionalInteger(body, "delay_ms").orElse(kind == Kind.SLOW ? 2_000 : 0);
        if (delay < 0 || delay > MAX_DELAY_MILLIS) {
            throw SandboxError.badRequest("delay_ms must be 0 to " + MAX_DELAY_MILLIS + ", not " + delay);
        }
        long polls = Json.optionalInteger(body, "polls").orElse(2);
        if (polls < 1 || polls > 1_000) {
            throw SandboxError.badRequest("polls must be 1 to 1000, not " + polls);
        }
        Fault fault = new Fault(kind, endpoint, delay, (int) polls);
        synchronized (armed) {
            armed.add(new Armed(fault, (int) count));
        }
        return fault;
    }

    /** Uses up one application of the first armed fault that matches {@code endpoint}, if any. */
    Optional<Fault> take(String endpoint) {
        synchronized (armed) {
            for (int i = 0; i < armed.size(); i++) {
                Armed a = armed.get(i);
                if (a.fault.endpoint().map(endpoint::equals).orElse(true)) {
                    a.remaining--;
                    if (a.remaining == 0) {
                        armed.remove(i);
                    }
                    return Optional.of(a.fault);
                }
            }
            return Optional.empty();
        }
    }

    void clear() {
        synchronized (armed) {
            armed.clear();
        }
    }

    ObjectNode describe() {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("faults");
        synchronized (armed) {
            for (Armed a : armed) {
                ObjectNode f = list.addObject();
                f.put("fault", a.fault.kind().wireName());
                f.put("endpoint", a.fault.endpoint().orElse(null));
                f.put("remaining", a.remaining);
                f.put("delay_ms", a.fault.delayMillis());
                f.put("polls", a.fault.polls());
            }
        }
        return body;
    }
}
