package id.loket.upstream.digiflazz.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A misbehaviour armed for the next {@code times} matching calls ({@link DigiflazzSimulator#armFault}, or
 * {@code POST /sim/fault}). Build one with a factory, then narrow it: {@code SimulatorFault.rc("85").times(2)}.
 *
 * @param kind what happens
 * @param rc for {@link Kind#RC}: the official rc to answer
 * @param times how many matching calls it applies to
 * @param path which {@code /v1} path it applies to; empty = any. An rc fault defaults to
 *     {@code /v1/transaction} (rc 83 to {@code /v1/price-list}, rc 86 to {@code /v1/inquiry-pln})
 * @param command for an rc fault on {@code /v1/transaction}: {@code topup}, {@code inq-pasca} or
 *     {@code pay-pasca}; empty = whichever comes first
 * @param then for an rc fault with a Pending rc (03, 99): the final status the Pending settles to
 */
public record SimulatorFault(Kind kind, String rc, int times, Optional<String> path, Optional<String> command,
        String then) {

    /** The kinds; {@link #wireName()} is the name {@code POST /sim/fault} takes. */
    public enum Kind {
        /** Holds the connection unanswered until the simulator closes or 60 s pass; nothing is done. */
        TIMEOUT,
        /** Does the call, then closes the connection without answering. */
        DROP_AFTER_PROCESSING,
        /** Does the call, then answers 200 with its JSON cut in half. */
        MALFORMED_BODY,
        /** Answers 500 with an HTML page (as a proxy in front would); nothing is done. */
        HTTP_500,
        /** The next call that would create something answers {@code rc} with the official semantics of it. */
        RC;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final Set<String> COMMANDS = Set.of("topup", "inq-pasca", "pay-pasca");

    public SimulatorFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(command, "command");
        if (kind == Kind.RC) {
            if (rc == null || Rc.find(rc).isEmpty()) {
                throw new IllegalArgumentException("An rc fault needs an official rc (00-99 of the table), not "
                        + rc);
            }
        } else if (rc != null) {
            throw new IllegalArgumentException("Only an rc fault takes an rc");
        }
        if (times < 1 || times > 10_000) {
            throw new IllegalArgumentException("times must be 1 to 10000, not " + times);
        }
        if (path.isPresent() && !path.get().startsWith("/v1/")) {
            throw new IllegalArgumentException("path must be a /v1 path, not " + path.get());
        }
        if (command.isPresent() && !COMMANDS.contains(command.get())) {
            throw new IllegalArgumentException("command must be one of " + COMMANDS + ", not " + command.get());
        }
        if (!Rc.SUKSES.equals(then) && !Rc.GAGAL.equals(then)) {
            throw new IllegalArgumentException("then must be Sukses or Gagal, not " + then);
        }
    }

    public static SimulatorFault timeout() {
        return of(Kind.TIMEOUT, null);
    }

    public static SimulatorFault dropAfterProcessing() {
        return of(Kind.DROP_AFTER_PROCESSING, null);
    }

    public static SimulatorFault malformedBody() {
        return of(Kind.MALFORMED_BODY, null);
    }

    public static SimulatorFault http500() {
        return of(Kind.HTTP_500, null);
    }

    public static SimulatorFault rc(String rc) {
        Optional<String> path = switch (rc == null ? "" : rc) {
            case "83" -> Optional.of("/v1/price-list");
            case "86" -> Optional.of("/v1/inquiry-pln");
            default -> Optional.of("/v1/transaction");
        };
        return new SimulatorFault(Kind.RC, rc, 1, path, Optional.empty(), Rc.SUKSES);
    }

    private static SimulatorFault of(Kind kind, String rc) {
        return new SimulatorFault(kind, rc, 1, Optional.empty(), Optional.empty(), Rc.SUKSES);
    }

    public SimulatorFault times(int newTimes) {
        return new SimulatorFault(kind, rc, newTimes, path, command, then);
    }

    public SimulatorFault onPath(String newPath) {
        return new SimulatorFault(kind, rc, times, Optional.of(newPath), command, then);
    }

    public SimulatorFault onCommand(String newCommand) {
        return new SimulatorFault(kind, rc, times, path, Optional.of(newCommand), then);
    }

    /** For a Pending rc: what the Pending settles to ({@code Sukses} by default, or {@code Gagal}). */
    public SimulatorFault thenStatus(String status) {
        return new SimulatorFault(kind, rc, times, path, command, status);
    }

    /** A {@code POST /sim/fault} body: {@code {"fault", "rc", "times", "path", "command", "then"}}. */
    static SimulatorFault fromJson(ObjectNode body) {
        String name = Json.text(body, "fault");
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.wireName().equals(name)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("Unknown fault '" + name
                    + "'; one of timeout, drop_after_processing, malformed_body, http_500, rc");
        }
        SimulatorFault fault = kind == Kind.RC ? rc(Json.text(body, "rc")) : of(kind, null);
        fault = fault.times((int) Math.min(Integer.MAX_VALUE, Json.optionalInteger(body, "times").orElse(1)));
        Optional<String> newPath = Json.optionalText(body, "path");
        if (newPath.isPresent()) {
            fault = fault.onPath(newPath.get());
        }
        Optional<String> newCommand = Json.optionalText(body, "command");
        if (newCommand.isPresent()) {
            fault = fault.onCommand(newCommand.get());
        }
        Optional<String> newThen = Json.optionalText(body, "then");
        if (newThen.isPresent()) {
            fault = fault.thenStatus(newThen.get());
        }
        return fault;
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("fault", kind.wireName());
        if (rc != null) {
            node.put("rc", rc);
            node.put("then", then);
        }
        node.put("times", times);
        node.put("path", path.orElse(null));
        node.put("command", command.orElse(null));
        return node;
    }
}
