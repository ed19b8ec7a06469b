package id.loket.upstream.digiflazz.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deposit and the transactions keyed by ref_id: what {@code /v1/transaction} does once a request is
 * authenticated. One lock guards everything, so concurrent sales, re-checks and control calls see one order of
 * events (the deposit can never be spent twice).
 */
final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** The cek-status page: a prepaid re-send after this is a new transaction; status-pasca says "Data belum ada". */
    static final Duration RETENTION = Duration.ofDays(90);
    static final String TRANSACTION_PATH = "/v1/transaction";
    static final String PREPAID_AGENT = "Digiflazz-Hookshot";
    static final String PASCA_AGENT = "Digiflazz-Pasca-Hookshot";

    enum Type { PREPAID, PASCA }

    /** One authenticated {@code /transaction} request. {@code hook}: where its webhooks go, if anywhere. */
    record Request(String refId, String sku, String customerNo, boolean testing, OptionalLong maxPrice,
            boolean allowDot, Optional<URI> hook, OptionalLong year) {

        /** The number a seller sees: dots dropped only when {@code allow_dot} says they are allowed. */
        String number() {
            return allowDot ? customerNo.replace(".", "") : customerNo;
        }
    }

    /** A webhook to deliver. */
    record Hook(URI url, String userAgent, String event, byte[] body) {}

    /**
     * What a call answers: {@code data} (to wrap), whether its status is Gagal, webhooks to send, and the ref_id of
     * a new Pending to settle by itself after the pending delay (it has a webhook to report that on).
     */
    record Result(ObjectNode data, boolean failed, List<Hook> hooks, Optional<String> settleLater) {

        static Result of(ObjectNode data) {
            return new Result(data, isFailed(data), List.of(), Optional.empty());
        }

        private static boolean isFailed(ObjectNode data) {
            return data.path("status").asText().equals(Rc.GAGAL);
        }
    }

    /** The money side of a topup or a payment. */
    private static final class Charge {
        final Instant createdAt;
        long price;
        long buyerLastSaldo;
        String status;
        String rc;
        String message;
        String sn;
        final String successSn;
        /** For a Pending: what it settles to. */
        String finalStatus;
        boolean reserved;
        int checks;
        Instant updatedAt;

        Charge(Instant createdAt, long price, String successSn) {
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.price = price;
            this.successSn = successSn;
        }

        void answer(Rc rc) {
            this.rc = rc.code();
            this.status = rc.status();
            this.message = rc.message();
        }
    }

    private static final class Record {
        final String refId;
        final Type type;
        final String sku;
        final String customerNo;
        final Instant createdAt;
        final boolean testing;
        final Optional<URI> hook;
        Instant lastCall;
        Charge charge;
        boolean superseded;
        // Postpaid only.
        String inquiryRc;
        long inquirySaldo;
        Bills.Bill bill;
        Bills.Pay pay;

        Record(Request r, Type type, Instant now) {
            this.refId = r.refId();
            this.type = type;
            this.sku = r.sku();
            this.customerNo = r.customerNo();
            this.createdAt = now;
            this.lastCall = now;
            this.testing = r.testing();
            this.hook = r.hook();
        }

        boolean sameTarget(Request r, Type t) {
            return type == t && sku.equalsIgnoreCase(r.sku()) && customerNo.equals(r.customerNo());
        }
    }

    /** How a new charge goes: its first rc and, when that is a Pending, what it settles to. */
    private record Plan(Rc rc, String finalStatus) {
        static Plan of(String code) {
            return new Plan(Rc.of(code), Rc.SUKSES);
        }
    }

    private final SimulatorOptions options;
    private final Faults faults;
    private final Object lock = new Object();
    private final Map<String, Record> byRef = new HashMap<>();
    private final List<Record> history = new ArrayList<>();
    private long balance;
    private int ticketSuffix;

    Engine(SimulatorOptions options, Faults faults) {
        this.options = options;
        this.faults = faults;
        this.balance = options.startingDeposit();
    }

    // ---- deposit

    long balance() {
        synchronized (lock) {
            return balance;
        }
    }

    void setBalance(long amount) {
        synchronized (lock) {
            LOG.info("Digiflazz simulator deposit set from {} to {}", balance, amount);
            balance = amount;
        }
    }

    /** The amount of a new deposit ticket: {@code amount} plus a unique suffix 1..999 (10000000 to 10000001). */
    long ticketAmount(long amount) {
        synchronized (lock) {
            ticketSuffix = ticketSuffix % 999 + 1;
            return amount + ticketSuffix;
        }
    }

    // ---- prepaid

    Result topup(Request r) {
        synchronized (lock) {
            Instant now = options.clock().instant();
            Record existing = byRef.get(r.refId());
            if (existing != null) {
                if (!existing.sameTarget(r, Type.PREPAID)) {
                    return Result.of(refusal(r, "49"));
                }
                if (Duration.between(existing.createdAt, now).compareTo(RETENTION) <= 0) {
                    return recheck(existing, now);
                }
                LOG.warn("Digiflazz simulator: ref_id {} re-sent {} days after it was created; as the cek-status"
                        + " page warns, that is a NEW transaction", r.refId(),
                        Duration.between(existing.createdAt, now).toDays());
                existing.superseded = true;
                byRef.remove(r.refId());
            }
            Optional<Catalog.Prepaid> found = Catalog.prepaid(r.sku()).filter(Catalog.Prepaid::active);
            if (found.isEmpty()) {
                return Result.of(refusal(r, "43"));
            }
            Catalog.Prepaid product = found.get();
            Optional<SimulatorFault> fault = faults.takeRc(TRANSACTION_PATH, "topup", true);
            Optional<Rc> forced = fault.map(f -> Rc.of(f.rc()));
            if (forced.isPresent() && !forced.get().created()) {
                return Result.of(refusalWithSaldo(r, forced.get().code()));
            }
            if (forced.isEmpty()) {
                if (r.maxPrice().isPresent() && product.price() > r.maxPrice().getAsLong()) {
                    return Result.of(refusal(r, "69"));
                }
                if (!product.multi() && soldToday(r, now)) {
                    return Result.of(refusalWithSaldo(r, "63"));
                }
            }
            if (balance < product.price()) {
                return Result.of(refusal(r, "44"));
            }
            Plan plan = forced.map(rc -> new Plan(rc, fault.get().then())).orElseGet(() -> plan(product, r, now));
            Record record = new Record(r, Type.PREPAID, now);
            record.charge = charge(now, product.price(), successSn(product, r), plan);
            store(record);
            return created(record, PREPAID_AGENT, prepaidAnswer(record));
        }
    }

    private Plan plan(Catalog.Prepaid product, Request r, Instant now) {
        if (product.sku().equalsIgnoreCase("xld10")) {
            switch (r.customerNo()) {
                case "087800001230" -> {
                    return Plan.of("00");
                }
                case "087800001232" -> {
                    return Plan.of("02");
                }
                case "087800001233" -> {
                    return Plan.of("03");
                }
                case "087800001234" -> {
                    return new Plan(Rc.of("03"), Rc.GAGAL);
                }
                default -> {
                    // Any other number: sold like the other products below.
                }
            }
        }
        if (product.hasCutOff() && inCutOff(product, now)) {
            return Plan.of("58");
        }
        Optional<String> rejected = Customers.prepaidRejection(product, r.number());
        if (rejected.isPresent()) {
            return Plan.of(rejected.get());
        }
        if (r.number().endsWith("9")) {
            return Plan.of("03");
        }
        return Plan.of("00");
    }

    private static String successSn(Catalog.Prepaid product, Request r) {
        if (product.sku().equalsIgnoreCase("xld10") && r.customerNo().equals("087800001230")) {
            return "1234567890";
        }
        String number = r.number();
        if (product.category().equals(Catalog.PLN)) {
            return Customers.pln(number).map(c -> Customers.tokenSn(c, product.nominal(), r.refId()))
                    .orElse(Customers.pulsaSn(r.refId(), number));
        }
        if (product.category().equals(Catalog.E_MONEY)) {
            return Customers.emoneySn(r.refId(), number);
        }
        return Customers.pulsaSn(r.refId(), number);
    }

    private static boolean inCutOff(Catalog.Prepaid product, Instant now) {
        LocalTime t = now.atZone(JAKARTA).toLocalTime();
        LocalTime start = LocalTime.parse(product.startCutOff());
        LocalTime end = LocalTime.parse(product.endCutOff());
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** Whether another live sale of this SKU to this number happened today (Jakarta), for non-"multi" SKUs. */
    private boolean soldToday(Request r, Instant now) {
        LocalDate today = now.atZone(JAKARTA).toLocalDate();
        return byRef.values().stream().anyMatch(x -> x.type == Type.PREPAID && x.sku.equalsIgnoreCase(r.sku())
                && x.customerNo.equals(r.customerNo()) && !x.refId.equals(r.refId())
                && !x.charge.status.equals(Rc.GAGAL) && x.createdAt.atZone(JAKARTA).toLocalDate().equals(today));
    }

    private ObjectNode prepaidAnswer(Record record) {
        Charge c = record.charge;
        ObjectNode d = head(record.refId, record.customerNo, record.sku);
        d.put("message", c.message);
        d.put("status", c.status);
        d.put("rc", c.rc);
        if (c.status.equals(Rc.SUKSES)) {
            d.put("sn", c.sn);
        } else if (c.status.equals(Rc.PENDING)) {
            d.put("sn", "");
        }
        d.put("buyer_last_saldo", c.buyerLastSaldo);
        d.put("price", c.price);
        return d;
    }

    // ---- postpaid

    Result inquire(Request r) {
        synchronized (lock) {
            Instant now = options.clock().instant();
            Record existing = byRef.get(r.refId());
            if (existing != null) {
                if (!existing.sameTarget(r, Type.PASCA)) {
                    return Result.of(refusal(r, "49"));
                }
                noteCall(existing, now);
                return Result.of(inquiryAnswer(existing));
            }
            Optional<Catalog.Pasca> found = Catalog.pasca(r.sku()).filter(Catalog.Pasca::active);
            if (found.isEmpty()) {
                return Result.of(refusal(r, "43"));
            }
            Optional<Rc> forced = faults.takeRc(TRANSACTION_PATH, "inq-pasca", false).map(f -> Rc.of(f.rc()));
            if (forced.isPresent() && !forced.get().created()) {
                return Result.of(refusal(r, forced.get().code()));
            }
            Record record = new Record(r, Type.PASCA, now);
            Bills.Scenario scenario = Bills.scenario(found.get(), r.number(), r.year(),
                    now.atZone(JAKARTA).toLocalDate());
            if (forced.isPresent() && !forced.get().success()) {
                record.inquiryRc = forced.get().code();
            } else if (scenario.failRc().isPresent()) {
                record.inquiryRc = scenario.failRc().get();
            } else {
                record.inquiryRc = "00";
                record.bill = scenario.bill();
                record.pay = scenario.pay();
            }
            record.inquirySaldo = balance;
            store(record);
            LOG.info("Digiflazz simulator inq-pasca {} {} {}: rc {}", r.refId(), r.sku(), r.customerNo(),
                    record.inquiryRc);
            return Result.of(inquiryAnswer(record));
        }
    }

    Result pay(Request r) {
        synchronized (lock) {
            Instant now = options.clock().instant();
            Record record = byRef.get(r.refId());
            if (record == null) {
                // Inference: the docs only say pay-pasca reuses the inquiry's ref_id; nothing to pay is rc 50.
                return Result.of(refusal(r, "50"));
            }
            if (!record.sameTarget(r, Type.PASCA)) {
                return Result.of(refusal(r, "49"));
            }
            if (record.charge != null) {
                return recheck(record, now);
            }
            if (!record.inquiryRc.equals("00")) {
                return Result.of(refusal(r, record.inquiryRc));
            }
            if (!record.createdAt.atZone(JAKARTA).toLocalDate().equals(now.atZone(JAKARTA).toLocalDate())) {
                // Inference: the docs require paying on the inquiry's date but name no rc; 02 Gagal, nothing paid.
                LOG.info("Digiflazz simulator pay-pasca {}: the inquiry was made on another day; Gagal 02",
                        r.refId());
                Charge late = new Charge(now, record.bill.price(), record.bill.sn());
                late.answer(Rc.of("02"));
                late.buyerLastSaldo = balance;
                record.charge = late;
                return Result.of(payAnswer(record));
            }
            Optional<SimulatorFault> fault = faults.takeRc(TRANSACTION_PATH, "pay-pasca", true);
            Optional<Rc> forced = fault.map(f -> Rc.of(f.rc()));
            if (forced.isPresent() && !forced.get().created()) {
                return Result.of(refusal(r, forced.get().code()));
            }
            if (balance < record.bill.price()) {
                return Result.of(refusal(r, "44"));
            }
            Plan plan = forced.map(rc -> new Plan(rc, fault.get().then())).orElseGet(() -> switch (record.pay) {
                case SUKSES -> Plan.of("00");
                case GAGAL -> Plan.of("02");
                case PENDING_SUKSES -> Plan.of("03");
                case PENDING_GAGAL -> new Plan(Rc.of("03"), Rc.GAGAL);
            });
            record.charge = charge(now, record.bill.price(), record.bill.sn(), plan);
            record.lastCall = now;
            return created(record, PASCA_AGENT, payAnswer(record));
        }
    }

    Result status(Request r) {
        synchronized (lock) {
            Instant now = options.clock().instant();
            Record record = byRef.get(r.refId());
            if (record == null) {
                return Result.of(refusal(r, "50"));
            }
            if (!record.sameTarget(r, Type.PASCA)) {
                return Result.of(refusal(r, "49"));
            }
            if (Duration.between(record.createdAt, now).compareTo(RETENTION) > 0) {
                ObjectNode gone = refusal(r, "50");
                gone.put("message", "Data belum ada");
                return Result.of(gone);
            }
            if (record.charge == null) {
                // Inference: an inquiry never paid is no payment; answering its Sukses inquiry would read as paid.
                return Result.of(refusal(r, "50"));
            }
            return recheck(record, now);
        }
    }

    private ObjectNode inquiryAnswer(Record record) {
        if (!record.inquiryRc.equals("00")) {
            return failure(record, Rc.of(record.inquiryRc));
        }
        return billAnswer(record, Rc.of("00"), Optional.empty(), record.inquirySaldo, record.bill.price(),
                record.bill.inquiryDesc());
    }

    /** A settled Sukses in full (the bayar-tagihan shape); Pending and Gagal in the test-case page's short shape. */
    private ObjectNode payAnswer(Record record) {
        Charge c = record.charge;
        if (!c.status.equals(Rc.SUKSES)) {
            ObjectNode d = head(record.refId, record.customerNo, record.sku);
            d.put("message", c.message);
            d.put("status", c.status);
            d.put("rc", c.rc);
            return d;
        }
        return billAnswer(record, Rc.of(c.rc), Optional.of(c.sn), c.buyerLastSaldo, c.price,
                record.bill.paidDesc());
    }

    private static ObjectNode billAnswer(Record record, Rc rc, Optional<String> sn, long saldo, long price,
            ObjectNode desc) {
        Bills.Bill bill = record.bill;
        ObjectNode d = Json.object();
        d.put("ref_id", record.refId);
        d.put("customer_no", record.customerNo);
        d.put("customer_name", bill.customerName());
        d.put("buyer_sku_code", record.sku);
        d.put("admin", bill.admin());
        d.put("message", rc.message());
        d.put("status", rc.status());
        d.put("rc", rc.code());
        sn.ifPresent(s -> d.put("sn", s));
        d.put("buyer_last_saldo", saldo);
        d.put("price", price);
        d.put("selling_price", bill.sellingPrice());
        d.set("desc", desc.deepCopy());
        return d;
    }

    // ---- the life of a charge

    /** Takes the price from the deposit and answers per the plan; an immediate Gagal gives it back at once. */
    private Charge charge(Instant now, long price, String successSn, Plan plan) {
        Charge c = new Charge(now, price, successSn);
        balance -= price;
        c.reserved = true;
        c.answer(plan.rc());
        c.finalStatus = plan.finalStatus();
        if (plan.rc().success()) {
            c.sn = successSn;
        } else if (!plan.rc().pending()) {
            // The official Gagal example shows buyer_last_saldo unchanged (1000000 after a 10000 Gagal).
            balance += price;
            c.reserved = false;
        }
        c.buyerLastSaldo = balance;
        return c;
    }

    /** A re-send / repeated pay / status-pasca: counts as a check, may settle a Pending, answers the state. */
    private Result recheck(Record record, Instant now) {
        noteCall(record, now);
        Charge c = record.charge;
        boolean changed = false;
        if (c.status.equals(Rc.PENDING)) {
            c.checks++;
            if (c.checks >= options.pendingChecks()
                    && Duration.between(c.createdAt, now).compareTo(options.pendingDelay()) >= 0) {
                settle(c, now);
                changed = true;
            }
        } else {
            c.checks++;
        }
        ObjectNode answer = answer(record);
        List<Hook> hooks = changed ? hooks(record, "update", answer) : List.of();
        return new Result(answer, answer.path("status").asText().equals(Rc.GAGAL), hooks, Optional.empty());
    }

    private void settle(Charge c, Instant now) {
        if (c.finalStatus.equals(Rc.SUKSES)) {
            c.answer(Rc.of("00"));
            c.sn = c.successSn;
        } else {
            c.answer(Rc.of("02"));
            c.sn = null;
            if (c.reserved) {
                balance += c.price;
                c.reserved = false;
            }
        }
        c.updatedAt = now;
    }

    /** The timer of a Pending that has a webhook: it settles by itself, as a "callback sukses/gagal" would. */
    List<Hook> settleByTimer(String refId) {
        synchronized (lock) {
            Record record = byRef.get(refId);
            if (record == null || record.charge == null || !record.charge.status.equals(Rc.PENDING)) {
                return List.of();
            }
            settle(record.charge, options.clock().instant());
            LOG.info("Digiflazz simulator: Pending {} settled by itself to {}", refId, record.charge.status);
            return hooks(record, "update", answer(record));
        }
    }

    private Result created(Record record, String agent, ObjectNode answer) {
        Charge c = record.charge;
        LOG.info("Digiflazz simulator {} {} {} {}: {} rc {} price {} deposit {}", agent.equals(PASCA_AGENT)
                ? "pay-pasca" : "topup", record.refId, record.sku, record.customerNo, c.status, c.rc, c.price,
                balance);
        Optional<String> later = c.status.equals(Rc.PENDING) && record.hook.isPresent()
                ? Optional.of(record.refId) : Optional.empty();
        return new Result(answer, c.status.equals(Rc.GAGAL), hooks(record, "create", answer), later);
    }

    private List<Hook> hooks(Record record, String event, ObjectNode answer) {
        return record.hook.map(url -> List.of(new Hook(url, record.type == Type.PASCA ? PASCA_AGENT : PREPAID_AGENT,
                event, Json.bytes(Json.wrap(answer))))).orElse(List.of());
    }

    private ObjectNode answer(Record record) {
        return record.type == Type.PREPAID ? prepaidAnswer(record) : payAnswer(record);
    }

    private void store(Record record) {
        byRef.put(record.refId, record);
        history.add(record);
    }

    private static void noteCall(Record record, Instant now) {
        if (Duration.between(record.lastCall, now).compareTo(Duration.ofMinutes(1)) < 0) {
            LOG.info("Digiflazz simulator: ref_id {} called again within a minute (the cek-status page asks for"
                    + " at least 1 minute between calls for the same transaction)", record.refId);
        }
        record.lastCall = now;
    }

    // ---- answers that create nothing

    private static ObjectNode head(String refId, String customerNo, String sku) {
        ObjectNode d = Json.object();
        d.put("ref_id", refId);
        d.put("customer_no", customerNo);
        d.put("buyer_sku_code", sku);
        return d;
    }

    /** A Gagal answer that created (or changed) nothing: no price, no buyer_last_saldo (observed). */
    static ObjectNode refusal(Request r, String code) {
        Rc rc = Rc.of(code);
        ObjectNode d = head(r.refId(), r.customerNo(), r.sku());
        d.put("message", rc.message());
        d.put("status", rc.status());
        d.put("rc", rc.code());
        return d;
    }

    /** As {@link #refusal}, but rc 63 carries buyer_last_saldo (observed in real logs). */
    private ObjectNode refusalWithSaldo(Request r, String code) {
        ObjectNode d = refusal(r, code);
        if (code.equals("63")) {
            d.put("buyer_last_saldo", balance);
        }
        return d;
    }

    private static ObjectNode failure(Record record, Rc rc) {
        ObjectNode d = head(record.refId, record.customerNo, record.sku);
        d.put("message", rc.message());
        d.put("status", rc.status());
        d.put("rc", rc.code());
        return d;
    }

    // ---- control

    /** Forces a stored transaction's final state (and price), moving the deposit to match; sends an update. */
    List<Hook> forceStatus(String refId, String status, OptionalLong price) {
        if (!status.equals(Rc.SUKSES) && !status.equals(Rc.GAGAL)) {
            throw new IllegalArgumentException("status must be Sukses or Gagal, not " + status);
        }
        synchronized (lock) {
            Record record = byRef.get(refId);
            if (record == null) {
                throw new NoSuchElementException("No transaction with ref_id " + refId);
            }
            Charge c = record.charge;
            if (c == null) {
                throw new IllegalStateException("ref_id " + refId + " is an inquiry that was never paid");
            }
            Instant now = options.clock().instant();
            if (price.isPresent()) {
                if (price.getAsLong() < 0) {
                    throw new IllegalArgumentException("price must not be negative");
                }
                if (c.reserved) {
                    balance += c.price - price.getAsLong();
                }
                c.price = price.getAsLong();
            }
            if (status.equals(Rc.SUKSES)) {
                if (!c.reserved) {
                    balance -= c.price;
                    c.reserved = true;
                }
                c.answer(Rc.of("00"));
                c.sn = c.sn == null || c.sn.isEmpty() ? c.successSn : c.sn;
            } else {
                if (c.reserved) {
                    balance += c.price;
                    c.reserved = false;
                }
                c.answer(Rc.of("02"));
                c.sn = null;
            }
            c.updatedAt = now;
            LOG.info("Digiflazz simulator: {} forced to {} (price {}), deposit {}", refId, status, c.price, balance);
            return hooks(record, "update", answer(record));
        }
    }

    List<SimulatedTransaction> transactions() {
        synchronized (lock) {
            return history.stream().map(Engine::snapshot).toList();
        }
    }

    Optional<SimulatedTransaction> transaction(String refId) {
        synchronized (lock) {
            return Optional.ofNullable(byRef.get(refId)).map(Engine::snapshot);
        }
    }

    private static SimulatedTransaction snapshot(Record r) {
        String type = r.type == Type.PREPAID ? "prepaid" : "pasca";
        long selling = r.bill == null ? 0 : r.bill.sellingPrice();
        Charge c = r.charge;
        if (c == null) {
            Rc rc = Rc.of(r.inquiryRc);
            return new SimulatedTransaction(r.refId, type, r.sku, r.customerNo, "inquiry", rc.status(), rc.code(),
                    rc.message(), "", r.bill == null ? 0 : r.bill.price(), selling, r.inquirySaldo, false,
                    r.testing, r.createdAt, r.createdAt, 0, r.superseded);
        }
        return new SimulatedTransaction(r.refId, type, r.sku, r.customerNo,
                r.type == Type.PREPAID ? "topup" : "payment", c.status, c.rc, c.message, c.sn == null ? "" : c.sn,
                c.price, selling, c.buyerLastSaldo, c.reserved, r.testing, c.createdAt, c.updatedAt, c.checks,
                r.superseded);
    }
}
