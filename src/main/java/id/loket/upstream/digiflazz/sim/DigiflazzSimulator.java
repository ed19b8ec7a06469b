package id.loket.upstream.digiflazz.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import id.loket.upstream.SimulatorHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A faithful stand-in for the Digiflazz Buyer API ({@code https://api.digiflazz.com/v1}) on loopback, so the
 * counter's Digiflazz adapter is tested against the protocol (research: aggregators.md §1 and the §4 checklist)
 * rather than a mock of its own making. In memory: a restart forgets everything.
 *
 * <h2>Endpoints</h2>
 * {@code POST} with a JSON body only; every answer is {@code {"data": ...}} (HTTP {@code httpStatusOnError},
 * default 400, when its status is Gagal). {@code /v1/cek-saldo} (sign "depo"), {@code /v1/price-list} ("pricelist";
 * cmd prepaid|pasca; filters code, category, brand, type), {@code /v1/deposit} ("deposit"; {@code Bank} or
 * {@code bank}; a ticket whose amount carries a unique suffix), {@code /v1/transaction} (sign ref_id: a topup and
 * its status re-check by identical re-send; {@code commands} inq-pasca, pay-pasca, status-pasca; the legacy
 * unsigned {@code pln-subscribe}), {@code /v1/inquiry-pln} (sign customer_no),
 * {@code /v1/report/hooks/{webhookId}/pings}. Refusals: 45 IP not whitelisted, 40 payload, 42 username, 41 sign or
 * key/mode mismatch ({@code testing:true} needs the development key, no {@code testing} the production key), 43
 * unknown or inactive SKU, 44 deposit too low, 49 ref_id reused for another SKU/number/command, 69 over
 * {@code max_price}, 63 second same-day sale of a non-"multi" SKU ({@code xl5}), 83 price list more than once per 5
 * minutes per cmd (one {@code code}: once per second). Refusals create nothing and carry no price or
 * buyer_last_saldo.
 *
 * <h2>Official test numbers (any key mode)</h2>
 * Prepaid {@code xld10} (price 10000): {@code 087800001230} Sukses sn "1234567890"; {@code 087800001232} Gagal rc
 * 02; {@code 087800001233} Pending then Sukses; {@code 087800001234} Pending then Gagal. Postpaid (inq-pasca, then
 * pay-pasca with the same ref_id) per SKU: success / inquiry fails (rc 02) / payment fails (rc 02) / Pending then
 * Sukses / Pending then Gagal:
 * <ul>
 * <li>{@code pln}: 530000000001 (1 bill), 530000000002 (2 bills) / 530000000003 / 530000000006 / 630000000001
 *     (1 bill), 630000000002 (2 bills) / 630000000006</li>
 * <li>{@code pdam}: 1013226 / 1013227 / 1013230 / 2013226 / 2013230</li>
 * <li>{@code internet}: 6391601001 / 6391601002 / 6391601005 / 7391601001 / 7391601005</li>
 * <li>{@code bpjs}: 8801234560001 / 8801234560002 / 8801234560005 / 9801234560001 / 9801234560005</li>
 * <li>{@code tv}: 127246500101 / 127246500102 / 127246500105 / 227246500101 / 227246500105</li>
 * <li>{@code multifinance}: 6391601201 / 6391601202 / 6391601205 / 7391601201 / 7391601205</li>
 * <li>{@code pgas}: 0110014601 (1), 0110014602 (2) / 0110014603 / 0110014605 / 1110014601, 1110014602 /
 *     1110014605</li>
 * <li>{@code cimahi} (PBB): 329801092375999991 / …992 / …995 / 429801092375999991 / 429801092375999995</li>
 * </ul>
 * Bills use the test-case page's figures; see {@link Bills} for the selling-price invariant and the figures added
 * where the page's examples do not add up.
 *
 * <h2>The shop's own products ({@code /price-list})</h2>
 * PLN tokens {@code pln20 pln50 pln100 pln200 pln500} (category PLN); pulsa {@code tsel5..tsel100} (TELKOMSEL),
 * {@code xl5 xld10 xl25 xl50 xl100} (XL; xl100 has the 23:45-00:15 cut-off, rc 58 inside it), {@code isat5}
 * (seller inactive: rc 43); data {@code tseldata1 tseldata3 xldata5}; e-money {@code gopay20 gopay50 gopay100}
 * (GO PAY), {@code ovo20 ovo50}. Postpaid rows (category Pascabayar, with admin and commission): {@code pln}
 * (PLN PASCABAYAR), {@code pdam}, {@code aetra} (PDAM), {@code bpjs} (BPJS KESEHATAN), {@code internet}
 * (INTERNET PASCABAYAR), {@code hp} (HP PASCABAYAR), {@code tv}, {@code multifinance}, {@code pgas}, {@code cimahi}.
 * <ul>
 * <li>Prepaid numbers: PLN tokens take any 11-12 digit meter or customer number; pulsa/data/e-money an
 *     {@code 08} number of 10-13 digits, of the brand's operator for TELKOMSEL and XL (else rc 52). A wrong length
 *     is rc 57, meter {@code 00000000000} / {@code 000000000000} rc 54 (all created, then Gagal and refunded).</li>
 * <li><b>A number ending in 9 goes Pending, then Sukses</b> on re-check (every prepaid SKU, PLN tokens included),
 *     so the app can watch a pending token settle. Anything else plausible succeeds at once.</li>
 * <li>A token's sn is {@code 1234-5678-9012-3456-7890/NAME/TARIF/DAYA/KWH} (IAK's documented format, assumed;
 *     Digiflazz does not document it).</li>
 * <li>{@code /inquiry-pln} names any 11-12 digit number (stable fake names), plus the page's own example
 *     {@code 1234554321} (DAVID); {@code 00000000000} / {@code 000000000000} answer Gagal rc 54 Nomor Tujuan Salah,
 *     another length rc 57.</li>
 * <li>Any other number of a postpaid SKU (6-20 digits) gets a generated, stable bill that pays Sukses.</li>
 * </ul>
 *
 * <h2>Transactions and the deposit</h2>
 * Keyed by ref_id. A topup or a payment takes its {@code price} from the deposit when it is created;
 * {@code buyer_last_saldo} is the deposit right after, and every later answer repeats that original figure. A Gagal
 * gives the price back (an immediate Gagal at once, so its buyer_last_saldo is unchanged, as in the official Gagal
 * example). A Pending settles at the first re-check (identical re-send, repeated pay-pasca, status-pasca) made at
 * least {@code pendingDelay} after creation and not before the {@code pendingChecks}-th; with a webhook it also
 * settles by itself {@code pendingDelay} after creation (real time). An inquiry quotes {@code price} and
 * {@code selling_price} and moves nothing.
 *
 * <h2>Control (loopback peers only; also as Java methods)</h2>
 * {@code POST /sim/fault} {@code {"fault": "timeout"|"drop_after_processing"|"malformed_body"|"http_500"|"rc",
 * "rc": "85", "times": 1, "path": "/v1/transaction", "command": "topup"|"inq-pasca"|"pay-pasca",
 * "then": "Sukses"|"Gagal"}} ({@link #armFault}); {@code GET /sim/faults}; {@code DELETE /sim/faults}
 * ({@link #clearFaults}); {@code POST /sim/deposit {"amount": N}} ({@link #setDeposit}); {@code GET /sim/deposit};
 * {@code POST /sim/transaction-status {"ref_id", "status": "Sukses"|"Gagal", "price"}} ({@link #forceStatus});
 * {@code GET /sim/transactions} ({@link #transactions}). An rc fault answers with the official table's semantics:
 * Txn=Tidak codes (40-49, 56, 61-69, 80-83, 87, 88) refuse before anything exists; 00 succeeds; 03/99 go Pending
 * and settle to {@code then}; the other codes create the transaction and fail it at once (refunded).
 *
 * <h2>Inferences (the docs do not say)</h2>
 * <ul>
 * <li>Check order 45, 40, 42, 41; {@code testing:true} with the production key, or no {@code testing} with the
 *     development key, is rc 41.</li>
 * <li>Same ref_id with another SKU, number or kind (prepaid vs postpaid) is rc 49.</li>
 * <li>pay-pasca on a later Jakarta date than its inquiry: Gagal rc 02, nothing paid (stored, so re-sends agree).
 *     pay-pasca without an inquiry: rc 50 Transaksi Tidak Ditemukan. status-pasca of an inquiry never paid: rc 50.
 *     status-pasca more than 90 days after the inquiry: rc 50 "Data belum ada".</li>
 * <li>A prepaid re-send more than 90 days after creation is a new transaction (the cek-status page's warning),
 *     charged again; the old one stays listed as superseded.</li>
 * <li>Failed postpaid answers (inquiry, payment, Pending) use the test-case page's short shape (no price).</li>
 * <li>Price list "all products" includes lists filtered by category, brand or type; limits are per cmd.</li>
 * <li>Deposit tickets: Flip/ShopeePay answer "Virtual Account", banks "Bank Transfer".</li>
 * <li>The ping answer is not wrapped in "data" (as the webhook page shows it).</li>
 * <li>malformed_body and drop_after_processing do the call first (the drill is an unknown outcome), timeout and
 *     http_500 do nothing.</li>
 * </ul>
 */
public final class DigiflazzSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DigiflazzSimulator.class);

    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int THREADS = 32;
    /** How long a {@code timeout} fault holds a request unanswered (or until close). */
    static final Duration TIMEOUT_HOLD = Duration.ofSeconds(60);
    private static final String JSON = "application/json";

    private final SimulatorOptions options;
    private final SimulatorHttp http;
    private final ScheduledExecutorService timers;
    private final Faults faults = new Faults();
    private final Engine engine;
    private final Api api;
    private final Webhooks webhooks;
    private final URI baseUri;
    private final String banner;

    private DigiflazzSimulator(SimulatorOptions options, SimulatorHttp http) {
        this.options = options;
        this.http = http;
        this.engine = new Engine(options, faults);
        this.api = new Api(options, engine, faults);
        this.webhooks = new Webhooks(options.webhookSecret());
        this.timers = Executors.newSingleThreadScheduledExecutor(SimulatorHttp.named("digiflazz-sim-pending"));
        this.baseUri = URI.create(http.rootUri() + "/v1");
        this.banner = "Digiflazz simulator listening on " + baseUri + " (username " + options.username()
                + ", development key " + options.developmentKey() + ")";
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @throws IllegalStateException when the port cannot be bound
     * @throws IllegalArgumentException when the static webhook is not a loopback URL
     */
    public static DigiflazzSimulator start(SimulatorOptions options) {
        if (options.webhookUrl().isPresent() && !Webhooks.isLoopback(options.webhookUrl().get())) {
            throw new IllegalArgumentException("The webhook URL must be on this machine (loopback), not "
                    + options.webhookUrl().get());
        }
        SimulatorHttp.disableNagle();
        SimulatorHttp http = SimulatorHttp.bindLoopback("Digiflazz simulator", LOG, options.port(), 128, THREADS,
                "digiflazz-sim-http");
        DigiflazzSimulator simulator = new DigiflazzSimulator(options, http);
        http.start(simulator::handle, (exchange, e) -> send(exchange, 500, message("The simulator failed: " + e)));
        LOG.info("{}", simulator.banner);
        return simulator;
    }

    /** {@code http://127.0.0.1:PORT/v1}: the base URL to configure in place of https://api.digiflazz.com/v1. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return http.address().getPort();
    }

    /** The address it listens on (always loopback). */
    public InetSocketAddress address() {
        return http.address();
    }

    public SimulatorOptions options() {
        return options;
    }

    /** The start-up line (also logged), for a CLI to print. */
    public String banner() {
        return banner;
    }

    // ---- control, from Java

    public void armFault(SimulatorFault fault) {
        faults.arm(fault);
        LOG.info("Digiflazz simulator fault armed: {}", fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    public List<SimulatorFault> armedFaults() {
        return faults.armed();
    }

    /** The deposit now, as {@code /cek-saldo} answers it. */
    public long deposit() {
        return engine.balance();
    }

    public void setDeposit(long amount) {
        engine.setBalance(amount);
    }

    /**
     * Forces a stored transaction to a final state, for reconciliation drills: e.g. a sale the ledger thinks
     * succeeded that Digiflazz reports Gagal, or another price. The deposit follows; an {@code update} webhook
     * goes out if the transaction has one. The original buyer_last_saldo stays.
     *
     * @param status {@code Sukses} or {@code Gagal}
     * @throws NoSuchElementException for an unknown ref_id
     * @throws IllegalStateException for an inquiry never paid
     */
    public SimulatedTransaction forceStatus(String refId, String status, OptionalLong price) {
        webhooks.sendAll(engine.forceStatus(refId, status, price));
        return engine.transaction(refId).orElseThrow();
    }

    public SimulatedTransaction forceStatus(String refId, String status) {
        return forceStatus(refId, status, OptionalLong.empty());
    }

    /** Every transaction (and postpaid inquiry) in creation order, superseded ones included. */
    public List<SimulatedTransaction> transactions() {
        return engine.transactions();
    }

    /** The current transaction of {@code refId}. */
    public Optional<SimulatedTransaction> transaction(String refId) {
        return engine.transaction(refId);
    }

    /** Stops listening and releases held requests; safe to call twice. */
    @Override
    public void close() {
        if (!http.stop()) {
            return;
        }
        timers.shutdownNow();
        http.drain();
        webhooks.close();
        LOG.info("Digiflazz simulator on {} stopped", baseUri);
    }

    // ---- transport

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith("/sim/")) {
            control(exchange, path);
        } else if (path.startsWith("/v1/") && Api.known(path)) {
            v1(exchange, path);
        } else {
            send(exchange, 404, message("Not found: " + path));
        }
    }

    private void v1(HttpExchange exchange, String path) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            send(exchange, 405, message("Method " + exchange.getRequestMethod() + " not allowed; use POST"));
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body = SimulatorHttp.readBody(exchange, MAX_BODY_BYTES);
        if (body == null) {
            send(exchange, 413, message("The body is larger than " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        Optional<SimulatorFault> fault = faults.takeTransport(path, commandOf(path, body));
        SimulatorFault.Kind kind = fault.map(SimulatorFault::kind).orElse(null);
        if (kind != null) {
            LOG.info("Digiflazz simulator fault {} on {}", kind.wireName(), path);
        }
        if (kind == SimulatorFault.Kind.TIMEOUT) {
            http.hold(TIMEOUT_HOLD);
            return;
        }
        if (kind == SimulatorFault.Kind.HTTP_500) {
            byte[] html = "<html><body><h1>500 Internal Server Error</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            SimulatorHttp.sendBytes(exchange, 500, "text/html", html);
            return;
        }
        Api.Reply reply;
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")
                && body.length > 0) {
            reply = new Api.Reply(options.httpStatusOnError(), Json.wrap(Api.error("40")), List.of(),
                    Optional.empty());
        } else {
            reply = api.handle(path, body, exchange.getRemoteAddress().getAddress());
        }
        webhooks.sendAll(reply.hooks());
        reply.settleLater().ifPresent(this::settleLater);
        if (kind == SimulatorFault.Kind.DROP_AFTER_PROCESSING) {
            // Closing an exchange before any header is sent closes its connection unanswered.
            return;
        }
        byte[] bytes = Json.bytes(reply.body());
        if (kind == SimulatorFault.Kind.MALFORMED_BODY) {
            SimulatorHttp.sendBytes(exchange, 200, JSON, Arrays.copyOf(bytes, Math.max(1, bytes.length / 2)));
            return;
        }
        SimulatorHttp.sendBytes(exchange, reply.status(), JSON, bytes);
    }

    private void settleLater(String refId) {
        try {
            timers.schedule(() -> webhooks.sendAll(engine.settleByTimer(refId)),
                    options.pendingDelay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Digiflazz simulator closing; Pending {} left to re-checks", refId);
        }
    }

    private void control(HttpExchange exchange, String path) throws IOException {
        byte[] body = SimulatorHttp.controlBody(exchange, MAX_BODY_BYTES,
                (status, text) -> send(exchange, status, message(text)));
        if (body == null) {
            return;
        }
        String route = exchange.getRequestMethod() + " " + path;
        try {
            switch (route) {
                case "POST /sim/fault" -> {
                    SimulatorFault fault = SimulatorFault.fromJson(Json.parseObject(body));
                    armFault(fault);
                    send(exchange, 200, Json.wrap(fault.toJson()));
                }
                case "GET /sim/faults" -> send(exchange, 200, Json.wrap(faultList()));
                case "DELETE /sim/faults" -> {
                    clearFaults();
                    send(exchange, 200, Json.wrap(faultList()));
                }
                case "POST /sim/deposit" -> {
                    setDeposit(Json.integer(Json.parseObject(body), "amount"));
                    send(exchange, 200, depositAnswer());
                }
                case "GET /sim/deposit" -> send(exchange, 200, depositAnswer());
                case "POST /sim/transaction-status" -> {
                    ObjectNode request = Json.parseObject(body);
                    SimulatedTransaction t = forceStatus(Json.text(request, "ref_id"), Json.text(request, "status"),
                            Json.optionalInteger(request, "price"));
                    send(exchange, 200, Json.wrap(t.toJson()));
                }
                case "GET /sim/transactions" -> {
                    ArrayNode list = Json.array();
                    transactions().forEach(t -> list.add(t.toJson()));
                    send(exchange, 200, Json.wrap(list));
                }
                default -> send(exchange, 404, message("No control endpoint " + route));
            }
        } catch (Json.PayloadError | IllegalArgumentException e) {
            send(exchange, 400, message(e.getMessage()));
        } catch (NoSuchElementException e) {
            send(exchange, 404, message(e.getMessage()));
        } catch (IllegalStateException e) {
            send(exchange, 409, message(e.getMessage()));
        }
    }

    private ArrayNode faultList() {
        ArrayNode list = Json.array();
        faults.armed().forEach(f -> list.add(f.toJson()));
        return list;
    }

    private ObjectNode depositAnswer() {
        ObjectNode d = Json.object();
        d.put("deposit", deposit());
        return Json.wrap(d);
    }

    private static ObjectNode message(String text) {
        ObjectNode d = Json.object();
        d.put("message", text);
        return Json.wrap(d);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        SimulatorHttp.sendBytes(exchange, status, JSON, Json.bytes(body));
    }

    /**
     * What a request to {@code /transaction} does, as a fault's {@code command} names it ({@code topup} unless the
     * body says {@code commands}); {@code null} for other paths and for a body that is no JSON object.
     */
    private static final com.fasterxml.jackson.databind.ObjectMapper COMMAND_READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static String commandOf(String path, byte[] body) {
        if (!path.endsWith("/transaction")) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode root = COMMAND_READER.readTree(body);
            if (root == null || !root.isObject()) {
                return null;
            }
            com.fasterxml.jackson.databind.JsonNode commands = root.get("commands");
            return commands != null && commands.isTextual() ? commands.asText() : "topup";
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
