package id.loket.upstream.digiflazz.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /v1} endpoints: reading the request, the checks every call goes through (whitelist 45, payload 40,
 * username 42, sign 41, key/mode 41), and the endpoints other than the transaction engine's.
 *
 * <p>Order of the checks (inference; the docs give none): the caller's IP first (an edge filter would refuse before
 * reading anything), then the JSON, then {@code username}, then the other documented fields, then {@code sign}.
 */
final class Api {

    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    static final String CEK_SALDO = "/v1/cek-saldo";
    static final String PRICE_LIST = "/v1/price-list";
    static final String DEPOSIT = "/v1/deposit";
    static final String TRANSACTION = Engine.TRANSACTION_PATH;
    static final String INQUIRY_PLN = "/v1/inquiry-pln";
    static final Pattern PING = Pattern.compile("^/v1/report/hooks/([^/]+)/pings$");
    static final List<String> PATHS = List.of(CEK_SALDO, PRICE_LIST, DEPOSIT, TRANSACTION, INQUIRY_PLN);

    private static final Duration FULL_LIST_INTERVAL = Duration.ofMinutes(5);
    private static final Duration CODE_INTERVAL = Duration.ofSeconds(1);
    /** The deposit page's banks: personal Flip / ShopeePay, company BCA / MANDIRI / BRI / BNI. */
    private static final Map<String, String> BANK_ACCOUNTS = Map.of(
            "BCA", "5270 4567 89",
            "MANDIRI", "123 00 0987654 3",
            "BRI", "0331 01 000123 30 3",
            "BNI", "0987 654 321",
            "Flip", "8808 0812 3456 7890",
            "ShopeePay", "8929 0812 3456 7890");

    /** What to answer: the HTTP status, the JSON (already wrapped), webhooks, a Pending to settle by timer. */
    record Reply(int status, JsonNode body, List<Engine.Hook> hooks, Optional<String> settleLater) {}

    private enum Mode { DEVELOPMENT, PRODUCTION }

    private final SimulatorOptions options;
    private final Engine engine;
    private final Faults faults;
    private final List<InetAddress> whitelist;
    private final Map<String, Instant> priceListCalls = new HashMap<>();

    Api(SimulatorOptions options, Engine engine, Faults faults) {
        this.options = options;
        this.engine = engine;
        this.faults = faults;
        List<InetAddress> allowed = new ArrayList<>();
        for (String ip : options.whitelistedIps()) {
            try {
                allowed.add(InetAddress.getByName(ip));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an IP address: " + ip, e);
            }
        }
        this.whitelist = List.copyOf(allowed);
    }

    static boolean known(String path) {
        return PATHS.contains(path) || PING.matcher(path).matches();
    }

    Reply handle(String path, byte[] body, InetAddress remote) {
        if (!whitelist.contains(remote)) {
            ObjectNode d = error("45");
            d.put("message", "IP Anda tidak kami kenali: " + remote.getHostAddress());
            return data(d);
        }
        Matcher ping = PING.matcher(path);
        if (ping.matches()) {
            return ping(ping.group(1));
        }
        ObjectNode request;
        try {
            request = Json.parseObject(body);
            return switch (path) {
                case CEK_SALDO -> balance(request);
                case PRICE_LIST -> priceList(request);
                case DEPOSIT -> deposit(request);
                case INQUIRY_PLN -> inquiryPln(request);
                default -> transaction(request);
            };
        } catch (Json.PayloadError e) {
            LOG.info("Digiflazz simulator {}: rc 40 ({})", path, e.getMessage());
            return data(error("40"));
        } catch (Refused e) {
            LOG.info("Digiflazz simulator {}: rc {}", path, e.answer.path("rc").asText());
            return data(e.answer);
        }
    }

    // ---- checks shared by every signed call

    /** A refusal found while checking a request; carries its answer. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ObjectNode answer;

        Refused(ObjectNode answer) {
            super(answer.path("rc").asText(), null, false, false);
            this.answer = answer;
        }
    }

    /** Checks username (42) then sign (41, with {@code x}); answers which key signed. */
    private Mode authenticate(ObjectNode request, String x, ObjectNode failureHead) {
        String username = Json.text(request, "username");
        String sign = Json.text(request, "sign");
        if (!username.equals(options.username())) {
            throw new Refused(merge(failureHead, error("42")));
        }
        if (Signs.same(Signs.sign(username, options.developmentKey(), x), sign)) {
            return Mode.DEVELOPMENT;
        }
        if (Signs.same(Signs.sign(username, options.productionKey(), x), sign)) {
            return Mode.PRODUCTION;
        }
        throw new Refused(merge(failureHead, error("41")));
    }

    /** An armed rc fault for this endpoint answers in place of it. */
    private Optional<Reply> forcedRc(String path, ObjectNode head) {
        return faults.takeRc(path, null, false).map(f -> data(merge(head, error(f.rc()))));
    }

    // ---- endpoints

    private Reply balance(ObjectNode request) {
        String cmd = Json.text(request, "cmd");
        if (!cmd.equals("deposit")) {
            throw new Json.PayloadError("cmd must be \"deposit\"");
        }
        authenticate(request, Signs.BALANCE, Json.object());
        Optional<Reply> forced = forcedRc(CEK_SALDO, Json.object());
        if (forced.isPresent()) {
            return forced.get();
        }
        ObjectNode d = Json.object();
        d.put("deposit", engine.balance());
        return data(d);
    }

    private Reply priceList(ObjectNode request) {
        String cmd = Json.text(request, "cmd");
        if (!cmd.equals("prepaid") && !cmd.equals("pasca")) {
            throw new Json.PayloadError("cmd must be \"prepaid\" or \"pasca\"");
        }
        Optional<String> code = Json.optionalText(request, "code");
        Optional<String> category = Json.optionalText(request, "category");
        Optional<String> brand = Json.optionalText(request, "brand");
        Optional<String> type = Json.optionalText(request, "type");
        authenticate(request, Signs.PRICE_LIST, Json.object());
        Optional<Reply> forced = forcedRc(PRICE_LIST, Json.object());
        if (forced.isPresent()) {
            return forced.get();
        }
        if (options.priceListLimit() && !admitPriceList(cmd, code)) {
            return data(error("83"));
        }
        ArrayNode rows = Json.array();
        if (cmd.equals("prepaid")) {
            Catalog.PREPAID.stream()
                    .filter(p -> Catalog.matches(code, p.sku()) && Catalog.matches(category, p.category())
                            && Catalog.matches(brand, p.brand()) && Catalog.matches(type, p.type()))
                    .forEach(p -> rows.add(p.toJson()));
        } else {
            // category and type are prepaid-only filters on the daftar-harga page; category still narrows here.
            Catalog.PASCA.stream()
                    .filter(p -> Catalog.matches(code, p.sku()) && Catalog.matches(brand, p.brand())
                            && Catalog.matches(category, p.category()))
                    .forEach(p -> rows.add(p.toJson()));
        }
        return new Reply(200, Json.wrap(rows), List.of(), Optional.empty());
    }

    /**
     * The daftar-harga limits, per cmd: the list without {@code code} (whole, or filtered by category, brand or
     * type; inference: those count as "all products") once per 5 minutes; one {@code code} once per second.
     * A refused call does not restart the window.
     */
    private synchronized boolean admitPriceList(String cmd, Optional<String> code) {
        Instant now = options.clock().instant();
        String key = cmd + "|" + code.map(c -> c.toLowerCase(Locale.ROOT)).orElse("*");
        Duration interval = code.isPresent() ? CODE_INTERVAL : FULL_LIST_INTERVAL;
        Instant last = priceListCalls.get(key);
        if (last != null && Duration.between(last, now).compareTo(interval) < 0) {
            return false;
        }
        priceListCalls.put(key, now);
        return true;
    }

    private Reply deposit(ObjectNode request) {
        long amount = Json.integer(request, "amount");
        Optional<String> bankUpper = Json.optionalText(request, "Bank");
        String bank = bankUpper.isPresent() ? bankUpper.get() : Json.text(request, "bank");
        Json.text(request, "owner_name");
        String canonical = BANK_ACCOUNTS.keySet().stream().filter(b -> b.equalsIgnoreCase(bank)).findFirst()
                .orElseThrow(() -> new Json.PayloadError("Unknown bank " + bank));
        if (amount <= 0) {
            throw new Json.PayloadError("amount must be positive");
        }
        authenticate(request, Signs.DEPOSIT, Json.object());
        Optional<Reply> forced = forcedRc(DEPOSIT, Json.object());
        if (forced.isPresent()) {
            return forced.get();
        }
        ObjectNode d = Json.object();
        d.put("rc", "00");
        d.put("bank", canonical);
        // Inference: the page names both methods without saying which bank uses which.
        d.put("payment_method", canonical.equals("Flip") || canonical.equals("ShopeePay") ? "Virtual Account"
                : "Bank Transfer");
        d.put("account_no", BANK_ACCOUNTS.get(canonical));
        d.put("notes", notes());
        d.put("amount", engine.ticketAmount(amount));
        LOG.info("Digiflazz simulator deposit ticket: {} via {}", d.path("amount").asLong(), canonical);
        return data(d);
    }

    private static String notes() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            out.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private Reply inquiryPln(ObjectNode request) {
        String customerNo = Json.text(request, "customer_no");
        ObjectNode head = Json.object();
        authenticate(request, customerNo, head);
        Optional<Reply> forced = forcedRc(INQUIRY_PLN, head);
        if (forced.isPresent()) {
            ((ObjectNode) forced.get().body().get("data")).put("customer_no", customerNo);
            return forced.get();
        }
        Optional<Customers.PlnCustomer> found = Customers.pln(customerNo);
        if (found.isEmpty()) {
            // rc choice (inference): a wrong length is 57 Jumlah Digit Kurang Atau Lebih, an unknown meter 54.
            ObjectNode d = error(customerNo.matches("\\d{11,12}") ? "54" : "57");
            d.put("customer_no", customerNo);
            return data(d);
        }
        Customers.PlnCustomer c = found.get();
        Rc ok = Rc.of("00");
        ObjectNode d = Json.object();
        d.put("message", ok.message());
        d.put("status", ok.status());
        d.put("rc", ok.code());
        d.put("customer_no", customerNo);
        d.put("meter_no", c.meterNo());
        d.put("subscriber_id", c.subscriberId());
        d.put("name", c.name());
        d.put("segment_power", c.segmentPower());
        return data(d);
    }

    private Reply transaction(ObjectNode request) {
        Optional<String> commands = Json.optionalText(request, "commands");
        if (commands.isPresent() && commands.get().equals("pln-subscribe")) {
            return plnSubscribe(request);
        }
        Engine.Request r = new Engine.Request(Json.text(request, "ref_id"), Json.text(request, "buyer_sku_code"),
                Json.text(request, "customer_no"), Json.optionalBoolean(request, "testing"),
                Json.optionalInteger(request, "max_price"), Json.optionalBoolean(request, "allow_dot"),
                hook(Json.optionalText(request, "cb_url")), Json.optionalInteger(request, "year"));
        if (commands.isPresent() && !List.of("inq-pasca", "pay-pasca", "status-pasca").contains(commands.get())) {
            throw new Json.PayloadError("Unknown commands " + commands.get());
        }
        ObjectNode head = Json.object();
        head.put("ref_id", r.refId());
        head.put("customer_no", r.customerNo());
        head.put("buyer_sku_code", r.sku());
        Mode mode = authenticate(request, r.refId(), head);
        if ((mode == Mode.DEVELOPMENT) != r.testing()) {
            // The rc table: the key must match the API mode. testing:true is development; its absence production.
            LOG.info("Digiflazz simulator: ref_id {} signed with the {} key but testing={}; rc 41", r.refId(),
                    mode.name().toLowerCase(Locale.ROOT), r.testing());
            throw new Refused(merge(head, error("41")));
        }
        Engine.Result result = switch (commands.orElse("")) {
            case "inq-pasca" -> engine.inquire(r);
            case "pay-pasca" -> engine.pay(r);
            case "status-pasca" -> engine.status(r);
            default -> engine.topup(r);
        };
        return new Reply(result.failed() ? options.httpStatusOnError() : 200, Json.wrap(result.data()),
                result.hooks(), result.settleLater());
    }

    /**
     * The legacy PLN check ({@code commands: "pln-subscribe"}), which clients still send without username or
     * sign: no rc or status, and empty strings for an unknown number, as seen in real logs.
     */
    private Reply plnSubscribe(ObjectNode request) {
        String customerNo = Json.text(request, "customer_no");
        Optional<Customers.PlnCustomer> found = Customers.pln(customerNo);
        ObjectNode d = Json.object();
        d.put("customer_no", customerNo);
        d.put("meter_no", found.map(Customers.PlnCustomer::meterNo).orElse(""));
        d.put("subscriber_id", found.map(Customers.PlnCustomer::subscriberId).orElse(""));
        d.put("name", found.map(Customers.PlnCustomer::name).orElse(""));
        d.put("segment_power", found.map(Customers.PlnCustomer::segmentPower).orElse(""));
        return new Reply(200, Json.wrap(d), List.of(), Optional.empty());
    }

    /** A cb_url overrides the static webhook; one off this machine is ignored (the simulator never calls out). */
    private Optional<URI> hook(Optional<String> cbUrl) {
        if (cbUrl.isPresent()) {
            URI url;
            try {
                url = URI.create(cbUrl.get());
            } catch (IllegalArgumentException e) {
                throw new Json.PayloadError("cb_url is not a URL");
            }
            if (Webhooks.isLoopback(url)) {
                return Optional.of(url);
            }
            LOG.warn("Digiflazz simulator: cb_url {} ignored; only loopback URLs are called", url);
        }
        return options.webhookUrl();
    }

    /** The webhook page's ping: answered as documented (that example is not wrapped in "data"). */
    private Reply ping(String hookId) {
        if (!hookId.equals(options.webhookId())) {
            ObjectNode d = Json.object();
            d.put("message", "Webhook tidak ditemukan");
            return new Reply(404, Json.wrap(d), List.of(), Optional.empty());
        }
        ObjectNode body = Json.object();
        body.put("sed", notes() + "Sim");
        body.put("hook_id", hookId);
        ObjectNode hook = body.putObject("hook");
        hook.put("url", options.webhookUrl().map(URI::toString).orElse(""));
        hook.put("secret", options.webhookSecret().orElse(""));
        hook.put("type", "application/json");
        hook.put("status", 1);
        List<Engine.Hook> hooks = options.webhookUrl()
                .map(url -> List.of(new Engine.Hook(url, Engine.PREPAID_AGENT, "ping", Json.bytes(body))))
                .orElse(List.of());
        return new Reply(200, body, hooks, Optional.empty());
    }

    // ---- answers

    private Reply data(ObjectNode d) {
        boolean failed = d.path("status").asText().equals(Rc.GAGAL);
        return new Reply(failed ? options.httpStatusOnError() : 200, Json.wrap(d), List.of(), Optional.empty());
    }

    /** {@code {message, status, rc}} of an official rc. */
    static ObjectNode error(String code) {
        Rc rc = Rc.of(code);
        ObjectNode d = Json.object();
        d.put("message", rc.message());
        d.put("status", rc.status());
        d.put("rc", rc.code());
        return d;
    }

    private static ObjectNode merge(ObjectNode head, ObjectNode rest) {
        ObjectNode d = head.deepCopy();
        d.setAll(rest);
        return d;
    }
}
