package id.loket.upstream.fonnte.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import id.loket.upstream.SimulatorHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Fonnte's send API ({@code https://api.fonnte.com/send}) on loopback, written from the public docs
 * as summarised in the research notes (payments-messaging.md §4.1), not from the adapter. Nothing leaves the
 * machine: the "sent" texts are kept in memory and listed, so a test or a person training reads the code a
 * customer would have received. A restart forgets everything.
 *
 * <h2>{@code POST /send}</h2>
 * Header {@code Authorization: <token>} (no "Bearer"); body {@code multipart/form-data} or
 * {@code application/x-www-form-urlencoded} with {@code target} (comma-separated; each {@code number|name|var1}),
 * {@code message} ({@code {name}} and {@code {var1}} filled per target), {@code countryCode} (default 62: a leading
 * 0 becomes 62; {@code 0} turns that off); {@code url}/{@code file} count as content too. Success (HTTP 200):
 * <pre>{"detail":"success! message in queue","id":["80367170"],"process":"pending","requestid":2937124,
 * "status":true,"target":["6282227097005"]}</pre>
 * one id per target. Failures, HTTP {@code failureHttpStatus} (200 by default), nothing sent:
 * {@code {"status":false,"reason":"token invalid"}} (no or another token), {@code "input invalid"} (no target, or
 * no message/url/file, or a body that is no form), {@code "target invalid"} (a target that is not 8 to 15 digits
 * after the country code), {@code "insufficient quota"} (the quota option, one message per target).
 *
 * <h2>Control (loopback peers only; also as Java methods)</h2>
 * {@code POST /sim/faults} {@code {"fault": "timeout"|"garbage"|"http_500"|"status_casing"|"reason", "reason",
 * "times"}} ({@link #armFault}); {@code GET /sim/faults}; {@code DELETE /sim/faults} ({@link #clearFaults});
 * {@code GET /sim/messages} ({@link #messages}: target, message, at, id); {@code DELETE /sim/messages};
 * {@code POST /sim/quota {"quota": N|null}} ({@link #setQuota}).
 *
 * <h2>Inferences (the docs do not say)</h2>
 * <ul>
 * <li>The token is checked before the body; a missing target is "input invalid", a malformed one "target invalid";
 *     one bad target refuses the whole request.</li>
 * <li>Method other than POST: 405; unknown paths: 404 {@code {"status":false,"reason":"not found"}}. The GET variant
 *     ({@code /send?token=…}), schedules, media, polls and buttons are not simulated (the fields are accepted and
 *     ignored).</li>
 * <li>The garbage fault sends first (the drill is an unknown outcome); timeout and http_500 send nothing.</li>
 * </ul>
 */
public final class FonnteSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FonnteSimulator.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final int THREADS = 8;
    /** How long a timeout fault holds a request unanswered (or until close). */
    static final Duration TIMEOUT_HOLD = Duration.ofSeconds(60);
    private static final String JSON = "application/json";
    private static final long FIRST_ID = 80_367_170L;
    private static final long FIRST_REQUEST_ID = 2_937_124L;
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{4,8})(?!\\d)");

    private final FonnteSimulatorOptions options;
    private final SimulatorHttp http;
    private final URI baseUri;
    private final String banner;
    private final Object lock = new Object();
    private final List<SentMessage> sent = new ArrayList<>();
    private final List<FonnteFault> faults = new ArrayList<>();
    private OptionalLong quota;
    private long nextId = FIRST_ID;
    private long nextRequestId = FIRST_REQUEST_ID;

    private FonnteSimulator(FonnteSimulatorOptions options, SimulatorHttp http) {
        this.options = options;
        this.http = http;
        this.quota = options.quota();
        this.baseUri = http.rootUri();
        this.banner = "LOKET_MESSENGER=fonnte LOKET_FONNTE_URL=" + baseUri + " LOKET_FONNTE_TOKEN=" + options.token();
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static FonnteSimulator start(FonnteSimulatorOptions options) {
        SimulatorHttp http = SimulatorHttp.bindLoopback("Fonnte simulator", LOG, options.port(), 64, THREADS,
                "fonnte-sim-http");
        FonnteSimulator simulator = new FonnteSimulator(options, http);
        http.start(simulator::handle, (exchange, e) -> reply(exchange, 500, failure("simulator error: " + e, false)));
        LOG.info("Fonnte simulator listening on {}", simulator.baseUri);
        return simulator;
    }

    /** {@code http://127.0.0.1:PORT}: the URL to configure in place of https://api.fonnte.com. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return http.address().getPort();
    }

    public FonnteSimulatorOptions options() {
        return options;
    }

    /** The line to paste into a shell: {@code LOKET_MESSENGER=fonnte LOKET_FONNTE_URL=… LOKET_FONNTE_TOKEN=…}. */
    public String banner() {
        return banner;
    }

    // ---- control, from Java

    public void armFault(FonnteFault fault) {
        synchronized (lock) {
            faults.add(fault);
        }
        LOG.info("Fonnte simulator fault armed: {}", fault);
    }

    public void clearFaults() {
        synchronized (lock) {
            faults.clear();
        }
    }

    public List<FonnteFault> armedFaults() {
        synchronized (lock) {
            return List.copyOf(faults);
        }
    }

    /** Every text "sent", oldest first. */
    public List<SentMessage> messages() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    public void clearMessages() {
        synchronized (lock) {
            sent.clear();
        }
    }

    /** The last text sent to {@code target} (any form: 0812…, 62812…). */
    public Optional<SentMessage> lastMessageTo(String target) {
        String number = dialled(target, "62").orElse(target);
        synchronized (lock) {
            for (int i = sent.size() - 1; i >= 0; i--) {
                if (sent.get(i).target().equals(number)) {
                    return Optional.of(sent.get(i));
                }
            }
        }
        return Optional.empty();
    }

    /** The first run of 4 to 8 digits in the last text to {@code target}: the one-time code a customer would read. */
    public Optional<String> lastCodeSentTo(String target) {
        return lastMessageTo(target).flatMap(m -> {
            Matcher matcher = CODE.matcher(m.message());
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        });
    }

    /** Messages the device may still send; empty = no limit. */
    public OptionalLong quota() {
        synchronized (lock) {
            return quota;
        }
    }

    public void setQuota(OptionalLong messages) {
        if (messages.isPresent() && messages.getAsLong() < 0) {
            throw new IllegalArgumentException("quota must not be negative");
        }
        synchronized (lock) {
            quota = messages;
        }
    }

    /** Stops listening and releases held requests; safe to call twice. */
    @Override
    public void close() {
        if (!http.stop()) {
            return;
        }
        http.drain();
        LOG.info("Fonnte simulator on {} stopped", baseUri);
    }

    // ---- transport

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith("/sim/")) {
            control(exchange, path);
        } else if (path.equals("/send") || path.equals("/send/")) {
            send(exchange);
        } else {
            reply(exchange, 404, failure("not found", false));
        }
    }

    private void send(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            reply(exchange, 405, failure("method not allowed", false));
            return;
        }
        byte[] body = SimulatorHttp.readBody(exchange, MAX_BODY_BYTES);
        Optional<FonnteFault> fault = takeFault();
        FonnteFault.Kind kind = fault.map(FonnteFault::kind).orElse(null);
        if (kind != null) {
            LOG.info("Fonnte simulator fault {} on /send", kind.wireName());
        }
        if (kind == FonnteFault.Kind.TIMEOUT) {
            http.hold(TIMEOUT_HOLD);
            return;
        }
        if (kind == FonnteFault.Kind.HTTP_500) {
            byte[] html = "<html><body><h1>500 Internal Server Error</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            SimulatorHttp.sendBytes(exchange, 500, "text/html", html);
            return;
        }
        boolean capitalised = kind == FonnteFault.Kind.STATUS_CASING;
        if (kind == FonnteFault.Kind.REASON) {
            reply(exchange, options.failureHttpStatus(), failure(fault.get().reason(), false));
            return;
        }
        ObjectNode answer = body == null ? failure("input invalid", capitalised)
                : process(exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body, capitalised);
        if (kind == FonnteFault.Kind.GARBAGE) {
            byte[] garbage = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad"
                    .getBytes(StandardCharsets.UTF_8);
            SimulatorHttp.sendBytes(exchange, 200, "text/html", garbage);
            return;
        }
        boolean ok = answer.path(capitalised ? "Status" : "status").asBoolean(false);
        reply(exchange, ok ? 200 : options.failureHttpStatus(), answer);
    }

    /** The documented behaviour of {@code /send}: the answer, with the texts recorded when it succeeds. */
    private ObjectNode process(String authorization, String contentType, byte[] body, boolean capitalised) {
        if (authorization == null || !authorization.strip().equals(options.token())) {
            return failure("token invalid", capitalised);
        }
        Map<String, String> form;
        try {
            form = Forms.parse(contentType, body);
        } catch (Forms.NotAForm e) {
            LOG.info("Fonnte simulator: input invalid ({})", e.getMessage());
            return failure("input invalid", capitalised);
        }
        String targets = form.getOrDefault("target", "").strip();
        String message = form.getOrDefault("message", "");
        boolean media = !form.getOrDefault("url", "").isBlank() || form.containsKey("file");
        if (targets.isEmpty() || (message.isBlank() && !media)) {
            return failure("input invalid", capitalised);
        }
        String countryCode = form.getOrDefault("countryCode", "62").strip();
        List<String[]> recipients = new ArrayList<>();
        for (String entry : targets.split(",")) {
            String[] parts = entry.split("\\|", -1);
            Optional<String> number = dialled(parts[0], countryCode);
            if (number.isEmpty()) {
                return failure("target invalid", capitalised);
            }
            parts[0] = number.get();
            recipients.add(parts);
        }
        synchronized (lock) {
            if (quota.isPresent() && quota.getAsLong() < recipients.size()) {
                return failure("insufficient quota", capitalised);
            }
            if (quota.isPresent()) {
                quota = OptionalLong.of(quota.getAsLong() - recipients.size());
            }
            ObjectNode answer = MAPPER.createObjectNode();
            ArrayNode ids = MAPPER.createArrayNode();
            ArrayNode dialledTargets = MAPPER.createArrayNode();
            for (String[] r : recipients) {
                String id = Long.toString(nextId++);
                sent.add(new SentMessage(id, r[0], fill(message, r), options.clock().instant()));
                ids.add(id);
                dialledTargets.add(r[0]);
            }
            answer.put(key("detail", capitalised), "success! message in queue");
            answer.set(key("id", capitalised), ids);
            answer.put(key("process", capitalised), "pending");
            answer.put(key("requestid", capitalised), nextRequestId++);
            answer.put(key("status", capitalised), true);
            answer.set(key("target", capitalised), dialledTargets);
            LOG.info("Fonnte simulator queued {} message(s), request {}", recipients.size(), nextRequestId - 1);
            return answer;
        }
    }

    /** {@code {name}} and {@code {var1}}, {@code {var2}}… of one {@code number|name|var1|…} target. */
    private static String fill(String message, String[] target) {
        String text = message.replace("{name}", target.length > 1 ? target[1] : "");
        for (int i = 2; i < target.length; i++) {
            text = text.replace("{var" + (i - 1) + "}", target[i]);
        }
        return text;
    }

    /** The number Fonnte would dial: separators dropped, a leading 0 replaced by the country code (unless "0"). */
    static Optional<String> dialled(String typed, String countryCode) {
        String digits = typed.strip().replaceAll("[\\s\\-+().]", "");
        if (digits.startsWith("0") && !countryCode.equals("0") && countryCode.matches("\\d{1,4}")) {
            digits = countryCode + digits.substring(1);
        }
        if (!digits.matches("\\d{8,15}")) {
            return Optional.empty();
        }
        return Optional.of(digits);
    }

    private Optional<FonnteFault> takeFault() {
        synchronized (lock) {
            if (faults.isEmpty()) {
                return Optional.empty();
            }
            FonnteFault first = faults.get(0);
            if (first.times() <= 1) {
                faults.remove(0);
            } else {
                faults.set(0, first.times(first.times() - 1));
            }
            return Optional.of(first);
        }
    }

    private void control(HttpExchange exchange, String path) throws IOException {
        byte[] body = SimulatorHttp.controlBody(exchange, MAX_BODY_BYTES,
                (status, text) -> reply(exchange, status, message(text)));
        if (body == null) {
            return;
        }
        String route = exchange.getRequestMethod() + " " + path;
        try {
            switch (route) {
                case "POST /sim/faults", "POST /sim/fault" -> {
                    JsonNode request = object(body);
                    FonnteFault.Kind kind = FonnteFault.kindOf(request.path("fault").asText(""));
                    String reason = request.hasNonNull("reason") ? request.get("reason").asText() : null;
                    int times = request.path("times").asInt(1);
                    armFault(new FonnteFault(kind, reason, times));
                    reply(exchange, 200, faultList());
                }
                case "GET /sim/faults" -> reply(exchange, 200, faultList());
                case "DELETE /sim/faults" -> {
                    clearFaults();
                    reply(exchange, 200, faultList());
                }
                case "GET /sim/messages" -> reply(exchange, 200, messageList());
                case "DELETE /sim/messages" -> {
                    clearMessages();
                    reply(exchange, 200, messageList());
                }
                case "POST /sim/quota" -> {
                    JsonNode q = object(body).get("quota");
                    if (q != null && !q.isNull() && !q.canConvertToLong()) {
                        throw new IllegalArgumentException("quota is a whole number or null");
                    }
                    setQuota(q == null || q.isNull() ? OptionalLong.empty() : OptionalLong.of(q.asLong()));
                    ObjectNode answer = MAPPER.createObjectNode();
                    if (quota().isPresent()) {
                        answer.put("quota", quota().getAsLong());
                    } else {
                        answer.putNull("quota");
                    }
                    reply(exchange, 200, answer);
                }
                default -> reply(exchange, 404, message("No control endpoint " + route));
            }
        } catch (IllegalArgumentException e) {
            reply(exchange, 400, message(e.getMessage()));
        }
    }

    private static JsonNode object(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("The body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("The body is not valid JSON");
        }
    }

    private ObjectNode faultList() {
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode list = answer.putArray("faults");
        for (FonnteFault f : armedFaults()) {
            ObjectNode node = list.addObject();
            node.put("fault", f.kind().wireName());
            if (f.reason() != null) {
                node.put("reason", f.reason());
            }
            node.put("times", f.times());
        }
        return answer;
    }

    private ObjectNode messageList() {
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode list = answer.putArray("messages");
        for (SentMessage m : messages()) {
            ObjectNode node = list.addObject();
            node.put("id", m.id());
            node.put("target", m.target());
            node.put("message", m.message());
            node.put("at", m.at().toString());
        }
        return answer;
    }

    private static String key(String name, boolean capitalised) {
        return capitalised ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : name;
    }

    private static ObjectNode failure(String reason, boolean capitalised) {
        ObjectNode answer = MAPPER.createObjectNode();
        answer.put(key("status", capitalised), false);
        answer.put(key("reason", capitalised), reason);
        return answer;
    }

    private static ObjectNode message(String text) {
        ObjectNode answer = MAPPER.createObjectNode();
        answer.put("message", text);
        return answer;
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        SimulatorHttp.sendBytes(exchange, status, JSON, bytes);
    }

    @Override
    public String toString() {
        return "FonnteSimulator[" + baseUri + "]";
    }
}
