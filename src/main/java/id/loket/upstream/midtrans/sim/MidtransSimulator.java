package id.loket.upstream.midtrans.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import id.loket.upstream.SimulatorHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the Midtrans Core API and Payment Link API on loopback, written from the public docs (research
 * payments-messaging.md §1, mostly §1.12), so the Midtrans adapter is proven against the protocol rather than against
 * a mock of its own making. In memory; a restart forgets everything.
 *
 * <h2>API</h2>
 * Every request needs {@code Authorization: Basic base64(serverKey + ":")} (default key
 * {@value MidtransSimulatorOptions#DEFAULT_SERVER_KEY}); otherwise HTTP 401 with body
 * {@code {"status_code":"401","status_message":"Transaction cannot be authorized with the current client/server
 * key."}} (the Payment Link API: {@code {"error_messages":"Access denied due to unauthorized request"}}).
 * <ul>
 * <li>{@code POST /v2/charge}: {@code qris}, {@code gopay}, {@code bank_transfer} (bca, bni, bri, cimb, permata),
 *     {@code permata}, {@code echannel}. HTTP 200 with body {@code "201"} pending and the documented keys
 *     ({@code qr_string}, a valid EMV QRIS payload with its CRC; {@code va_numbers}; {@code permata_va_number};
 *     {@code bill_key} + {@code biller_code "70012"}; {@code actions}); {@code expire_time} (QRIS/GoPay) or
 *     {@code expiry_time} (VA); 400 with {@code validation_messages} for a missing or bad field (items must sum to
 *     gross_amount); 413 for a body that is not JSON; 402 for a payment type disabled in the options; HTTP 200 with
 *     body 406 for an order id already pending or settled (allowed again after cancel or expire). Expiry defaults 15
 *     min QRIS/GoPay, 24 h VA; {@code custom_expiry} honoured. The clock expires pending transactions.</li>
 * <li>{@code GET /v2/{order_id|transaction_id}/status}: signed ({@code signature_key} per §1.6, gross_amount
 *     {@code "%.2f"}); body 200 settled/refunded, 201 pending, 202 deny/cancel, 407 expired. No qr_string and no
 *     actions (as documented).</li>
 * <li>{@code POST /v2/{id}/cancel}: pending → cancel (200), else 412. {@code POST /v2/{id}/expire}: pending → expire
 *     (body 407 "Success, transaction has expired"), else 412.</li>
 * <li>An unknown order: body {@code "404"} "Transaction doesn't exist.", sent as HTTP 200 or HTTP 404 per
 *     {@link MidtransSimulatorOptions#notFound()} (alternating by default).</li>
 * <li>{@code POST /v1/payment-links} → {@code {order_id, payment_url}}; 409 for a taken order id; 400 with
 *     {@code error_messages}. {@code GET /v1/payment-links/{order_id}} → details with {@code purchases[]} (each
 *     with its own order id {@code order_id-<epoch millis>} and an upper-case {@code payment_status}).
 *     {@code DELETE /v1/payment-links/{order_id}}.</li>
 * <li>{@code Idempotency-Key} (≤ 46 chars, global across endpoints): a successful answer is replayed for 5 minutes
 *     of the simulator's clock, whatever the body; failures are not stored. (HTTP 202 for a key still in flight is
 *     not simulated: requests are processed one at a time.)</li>
 * </ul>
 *
 * <h2>Control (loopback only; also as Java methods)</h2>
 * {@code POST /sim/charges/{order_id}/settle|deny|expire|reverse|refund} ({@link #settle}, {@link #deny},
 * {@link #expire}, {@link #reverse} (settlement → deny), {@link #refund}); {@code POST /sim/payment-links/{order_id}/pay}
 * ({@link #payLink}: a settled purchase) and {@code .../start} ({@link #startLinkPurchase}: a pending one), both with
 * an optional {@code {"payment_type": "qris"}}; {@code GET /sim/charges} ({@link #charges}); {@code POST /sim/faults}
 * {@code {"fault": "timeout"|"drop_after_processing"|"http_500"|"http_503"|"body_code"|"garbage_body"|
 * "forged_signature"|"rate_limited", "endpoint": "any"|"charge"|"status"|"cancel"|"expire"|"payment_links",
 * "times": 1, "code": "401"}} ({@link #armFault}); {@code GET /sim/faults}; {@code DELETE /sim/faults}
 * ({@link #clearFaults}).
 *
 * <h2>Inferences (the docs do not say)</h2>
 * Cancel of an expired transaction is 412 like any other non-pending one; a deleted link answers 404; timeout,
 * drop and garbage faults process the request first (the drill is an unknown outcome), the others do nothing; the
 * VA numbers are random digits of plausible lengths; the payment URL points at the simulator itself.
 */
public final class MidtransSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MidtransSimulator.class);
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int THREADS = 16;
    private static final String JSON = "application/json";

    private final MidtransSimulatorOptions options;
    private final SimulatorHttp http;
    private final SimEngine engine;
    private final URI baseUri;
    private final String banner;
    private final List<Armed> faults = new ArrayList<>();

    private static final class Armed {
        final MidtransFault fault;
        int remaining;

        Armed(MidtransFault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private MidtransSimulator(MidtransSimulatorOptions options, SimulatorHttp http) {
        this.options = options;
        this.http = http;
        this.baseUri = http.rootUri();
        this.engine = new SimEngine(options, baseUri::toString);
        this.banner = "Midtrans simulator listening on " + baseUri + " (server key " + options.serverKey() + ")\n"
                + "Point Loket at it with: LOKET_PAYMENT_GATEWAY=midtrans LOKET_MIDTRANS_URL=" + baseUri
                + " LOKET_MIDTRANS_SERVER_KEY=" + options.serverKey();
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static MidtransSimulator start(MidtransSimulatorOptions options) {
        SimulatorHttp.disableNagle();
        SimulatorHttp http = SimulatorHttp.bindLoopback("Midtrans simulator", LOG, options.port(), 128, THREADS,
                "midtrans-sim-http");
        MidtransSimulator simulator = new MidtransSimulator(options, http);
        http.start(simulator::handle, (exchange, e) ->
                send(exchange, 500, SimEngine.error(500, "500", "The simulator failed: " + e).body()));
        LOG.info("{}", simulator.banner);
        return simulator;
    }

    /** {@code http://127.0.0.1:PORT}: the base URL to configure in place of https://api.sandbox.midtrans.com. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return http.address().getPort();
    }

    public MidtransSimulatorOptions options() {
        return options;
    }

    /** The start-up lines (also logged): where it listens and how to point Loket at it. */
    public String banner() {
        return banner;
    }

    // ---- control from Java

    public void armFault(MidtransFault fault) {
        synchronized (faults) {
            faults.add(new Armed(fault));
        }
        LOG.info("Midtrans simulator fault armed: {}", fault);
    }

    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** The armed faults, {@code times} being what is left of each. */
    public List<MidtransFault> armedFaults() {
        synchronized (faults) {
            return faults.stream().map(a -> a.fault.times(a.remaining)).toList();
        }
    }

    /** The customer pays: pending → settlement. */
    public SimulatedCharge settle(String orderId) {
        return engine.move(orderId, Set.of("pending"), "settlement");
    }

    /** The payment is denied: pending → deny. */
    public SimulatedCharge deny(String orderId) {
        return engine.move(orderId, Set.of("pending"), "deny");
    }

    /** Midtrans' scheduler expires it now: pending → expire. */
    public SimulatedCharge expire(String orderId) {
        return engine.move(orderId, Set.of("pending"), "expire");
    }

    /** A reversal after settlement (documented for Permata VA, Mandiri bill, Indomaret): settlement → deny. */
    public SimulatedCharge reverse(String orderId) {
        return engine.move(orderId, Set.of("settlement"), "deny");
    }

    /** A full refund: settlement → refund. */
    public SimulatedCharge refund(String orderId) {
        return engine.move(orderId, Set.of("settlement"), "refund");
    }

    /** A customer pays the link (a settled purchase, paid by QRIS). */
    public SimulatedCharge payLink(String orderId) {
        return engine.linkPurchase(orderId, "qris", true);
    }

    /** A customer opens the link and starts paying by {@code paymentType} (a pending purchase). */
    public SimulatedCharge startLinkPurchase(String orderId, String paymentType) {
        return engine.linkPurchase(orderId, paymentType, false);
    }

    /** Every transaction in creation order, those superseded after a cancel or expiry included. */
    public List<SimulatedCharge> charges() {
        return engine.charges();
    }

    @Override
    public void close() {
        if (!http.stop()) {
            return;
        }
        http.drain();
        LOG.info("Midtrans simulator on {} stopped", baseUri);
    }

    // ---- transport

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith("/sim/")) {
            control(exchange, path);
        } else {
            api(exchange, path);
        }
    }

    /** The route of an API path: endpoint and the id in it. */
    private record Route(MidtransFault.Endpoint endpoint, String method, String id, String action) {}

    private static Optional<Route> route(String method, String path) {
        String[] parts = path.split("/", -1); // "", "v2", ...
        if (parts.length == 3 && parts[1].equals("v2") && parts[2].equals("charge") && method.equals("POST")) {
            return Optional.of(new Route(MidtransFault.Endpoint.CHARGE, method, null, "charge"));
        }
        if (parts.length == 4 && parts[1].equals("v2") && !parts[2].isEmpty()) {
            String id = URLDecoder.decode(parts[2], StandardCharsets.UTF_8);
            return switch (method + " " + parts[3]) {
                case "GET status" -> Optional.of(new Route(MidtransFault.Endpoint.STATUS, method, id, "status"));
                case "POST cancel" -> Optional.of(new Route(MidtransFault.Endpoint.CANCEL, method, id, "cancel"));
                case "POST expire" -> Optional.of(new Route(MidtransFault.Endpoint.EXPIRE, method, id, "expire"));
                default -> Optional.empty();
            };
        }
        if (parts.length == 3 && parts[1].equals("v1") && parts[2].equals("payment-links") && method.equals("POST")) {
            return Optional.of(new Route(MidtransFault.Endpoint.PAYMENT_LINKS, method, null, "create-link"));
        }
        if (parts.length == 4 && parts[1].equals("v1") && parts[2].equals("payment-links") && !parts[3].isEmpty()
                && (method.equals("GET") || method.equals("DELETE"))) {
            return Optional.of(new Route(MidtransFault.Endpoint.PAYMENT_LINKS, method,
                    URLDecoder.decode(parts[3], StandardCharsets.UTF_8), method.equals("GET") ? "get-link"
                            : "delete-link"));
        }
        return Optional.empty();
    }

    private void api(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        byte[] body = SimulatorHttp.readBody(exchange, MAX_BODY_BYTES);
        Optional<Route> found = route(method, path);
        if (found.isEmpty()) {
            send(exchange, 404, SimEngine.error(404, "404", "The requested resource is not found").body());
            return;
        }
        Route route = found.get();
        boolean linkApi = route.endpoint() == MidtransFault.Endpoint.PAYMENT_LINKS;
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            SimEngine.Reply reply = linkApi ? SimEngine.linkUnauthorized() : SimEngine.unauthorized();
            send(exchange, reply.http(), reply.body());
            return;
        }
        if (body == null) {
            send(exchange, 413, SimEngine.error(413, "413", "The request body is too large").body());
            return;
        }
        Optional<MidtransFault> fault = takeFault(route.endpoint());
        MidtransFault.Kind kind = fault.map(MidtransFault::kind).orElse(null);
        if (kind != null) {
            LOG.info("Midtrans simulator fault {} on {} {}", kind.wireName(), method, path);
        }
        if (kind != null) {
            switch (kind) {
                case HTTP_500 -> {
                    send(exchange, 500, SimEngine.error(500, "500",
                            "Sorry, we encountered internal server error. We will fix this soon.").body());
                    return;
                }
                case HTTP_503 -> {
                    send(exchange, 503, SimEngine.error(503, "503",
                            "Bank/partner is experiencing connection issue").body());
                    return;
                }
                case RATE_LIMITED -> {
                    send(exchange, 429, SimEngine.error(429, "429", "API rate limit exceeded").body());
                    return;
                }
                case BODY_CODE -> {
                    send(exchange, 200, SimEngine.error(200, fault.get().code(),
                            "Simulated status_code " + fault.get().code()).body());
                    return;
                }
                default -> {
                    // processed first, below
                }
            }
        }
        Optional<String> key = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        SimEngine.Reply reply = switch (route.action()) {
            case "charge" -> engine.idempotent(key, () -> engine.charge(body));
            case "status" -> engine.status(route.id(), kind == MidtransFault.Kind.FORGED_SIGNATURE);
            case "cancel" -> engine.idempotent(key, () -> engine.cancel(route.id()));
            case "expire" -> engine.idempotent(key, () -> engine.expire(route.id()));
            case "create-link" -> engine.idempotent(key, () -> engine.createLink(body));
            case "get-link" -> engine.getLink(route.id());
            default -> engine.deleteLink(route.id());
        };
        if (kind == MidtransFault.Kind.DROP_AFTER_PROCESSING) {
            return; // closing the exchange before any header closes the connection unanswered
        }
        if (kind == MidtransFault.Kind.TIMEOUT) {
            http.hold(options.timeoutHold());
            return;
        }
        if (kind == MidtransFault.Kind.GARBAGE_BODY) {
            SimulatorHttp.sendBytes(exchange, 200, "text/html",
                    "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        send(exchange, reply.http(), reply.body());
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.UTF_8);
            return decoded.equals(options.serverKey() + ":");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<MidtransFault> takeFault(MidtransFault.Endpoint endpoint) {
        synchronized (faults) {
            for (int i = 0; i < faults.size(); i++) {
                Armed a = faults.get(i);
                MidtransFault.Endpoint target = a.fault.endpoint();
                if (target == MidtransFault.Endpoint.ANY || target == endpoint) {
                    if (a.fault.kind() == MidtransFault.Kind.FORGED_SIGNATURE
                            && endpoint != MidtransFault.Endpoint.STATUS) {
                        continue;
                    }
                    if (--a.remaining == 0) {
                        faults.remove(i);
                    }
                    return Optional.of(a.fault);
                }
            }
            return Optional.empty();
        }
    }

    private void control(HttpExchange exchange, String path) throws IOException {
        byte[] body = SimulatorHttp.controlBody(exchange, MAX_BODY_BYTES,
                (status, text) -> send(exchange, status, message(text)));
        if (body == null) {
            return;
        }
        String method = exchange.getRequestMethod();
        String[] parts = path.split("/", -1); // "", "sim", ...
        try {
            if (method.equals("GET") && path.equals("/sim/charges")) {
                ArrayNode list = SimJson.array();
                charges().forEach(c -> list.add(toJson(c)));
                send(exchange, 200, list);
            } else if (method.equals("POST") && path.equals("/sim/faults")) {
                MidtransFault fault = MidtransFault.fromJson(SimJson.parse(body)
                        .orElseThrow(() -> new IllegalArgumentException("A JSON object is required")));
                armFault(fault);
                send(exchange, 200, fault.toJson());
            } else if (path.equals("/sim/faults") && (method.equals("GET") || method.equals("DELETE"))) {
                if (method.equals("DELETE")) {
                    clearFaults();
                }
                ArrayNode list = SimJson.array();
                armedFaults().forEach(f -> list.add(f.toJson()));
                send(exchange, 200, list);
            } else if (method.equals("POST") && parts.length == 5 && parts[2].equals("charges")) {
                String orderId = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
                SimulatedCharge charge = switch (parts[4]) {
                    case "settle" -> settle(orderId);
                    case "deny" -> deny(orderId);
                    case "expire" -> expire(orderId);
                    case "reverse" -> reverse(orderId);
                    case "refund" -> refund(orderId);
                    default -> throw new NoSuchElementException("No control action " + parts[4]);
                };
                send(exchange, 200, toJson(charge));
            } else if (method.equals("POST") && parts.length == 5 && parts[2].equals("payment-links")
                    && (parts[4].equals("pay") || parts[4].equals("start"))) {
                String orderId = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
                String type = SimJson.parse(body).flatMap(b -> SimJson.text(b, "payment_type")).orElse("qris");
                send(exchange, 200, toJson(engine.linkPurchase(orderId, type, parts[4].equals("pay"))));
            } else {
                send(exchange, 404, message("No control endpoint " + method + " " + path));
            }
        } catch (IllegalArgumentException e) {
            send(exchange, 400, message(e.getMessage()));
        } catch (NoSuchElementException e) {
            send(exchange, 404, message(e.getMessage()));
        } catch (IllegalStateException e) {
            send(exchange, 409, message(e.getMessage()));
        }
    }

    private static ObjectNode toJson(SimulatedCharge c) {
        ObjectNode node = SimJson.object();
        node.put("order_id", c.orderId());
        node.put("transaction_id", c.transactionId());
        node.put("payment_type", c.paymentType());
        node.put("gross_amount", c.grossAmount());
        node.put("transaction_status", c.transactionStatus());
        node.put("transaction_time", c.transactionTime().toString());
        node.put("expiry_time", c.expiryTime().toString());
        c.settlementTime().ifPresent(t -> node.put("settlement_time", t.toString()));
        node.put("current", c.current());
        c.linkOrderId().ifPresent(l -> node.put("link_order_id", l));
        return node;
    }

    private static ObjectNode message(String text) {
        ObjectNode node = SimJson.object();
        node.put("message", text);
        return node;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        SimulatorHttp.sendBytes(exchange, status, JSON, SimJson.bytes(body));
    }

    @Override
    public String toString() {
        return "MidtransSimulator[" + baseUri + "]";
    }
}
