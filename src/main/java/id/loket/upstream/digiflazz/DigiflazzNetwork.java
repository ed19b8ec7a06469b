package id.loket.upstream.digiflazz;

import id.loket.billing.BillerNetwork;
import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.NetworkInfo;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.billing.SettlementSummary;
import id.loket.billing.TopUpTicket;
import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import id.loket.core.BusinessCalendar;
import id.loket.core.Money;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The biller network over Digiflazz's Buyer API (research/aggregators.md §1; docs/upstreams.md).
 *
 * <ul>
 *   <li><b>Catalog</b>: the price lists (prepaid and pasca) as billers ({@link DigiflazzCatalog}), fetched at most
 *       once per {@link #PRICE_LIST_TTL} and kept in the data directory; when Digiflazz cannot be reached or limits
 *       the list (RC 83), the kept list is used and its age said in the log and {@link #priceListAge()}.</li>
 *   <li><b>Postpaid</b>: {@code inq-pasca} with the payment's own client_ref as {@code ref_id} (the inquiry answer
 *       says so with {@link Inquiry#paymentRef()}), {@code pay-pasca} with the same ref_id on the same calendar day
 *       (WIB; a payment of yesterday's look-up is refused before Digiflazz is asked), {@code status-pasca} to
 *       re-check.</li>
 *   <li><b>Prepaid</b>: the topup, with {@code max_price} = the cost the counter booked, so a price that rose since
 *       the list was read is refused (RC 69) rather than charged; its re-check is the identical request sent again.
 *       A PLN token's meter is looked up with {@code /inquiry-pln} so the clerk sees the name before selling.</li>
 *   <li><b>Codes</b>: {@link ResponseCode} is the one table. Success, failure and pending are answers; a refusal
 *       (no transaction created: deposit too low, product inactive, wrong key …) is {@link GatewayResult.Refused},
 *       so nothing is charged; RC 49 (ref_id used with other data) is the idempotency conflict the services treat
 *       as unknown. An unknown code, a malformed body, a timeout is {@link GatewayResult.NoAnswer}.</li>
 *   <li><b>Re-checks</b> of one transaction at most once a minute (Digiflazz's rule: the same transaction more often
 *       risks duplication), and never for a transaction older than {@link #RECHECK_HORIZON}: Digiflazz would
 *       create a new one (it keeps 90 days).</li>
 * </ul>
 *
 * <p>There is no day's statement ({@link #settlement} refuses with {@code no_statement}): the nightly reconciliation
 * re-checks each transaction and proves the deposit from balance snapshots. Thread-safe.
 */
public final class DigiflazzNetwork implements BillerNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(DigiflazzNetwork.class);

    /** Digiflazz allows the whole price list once per five minutes. */
    public static final Duration PRICE_LIST_TTL = Duration.ofMinutes(5);
    /** Digiflazz's rule: the same transaction at most once a minute. */
    public static final Duration RECHECK_INTERVAL = Duration.ofMinutes(1);
    /** Digiflazz keeps 90 days; a re-check beyond would create a new transaction. Ten days' margin. */
    public static final Duration RECHECK_HORIZON = Duration.ofDays(80);
    /** How long a prepaid quote is offered before it is looked up again (prices move during the day). */
    static final Duration PREPAID_QUOTE = Duration.ofMinutes(15);

    private static final Pattern REF_DAY = Pattern.compile("^[A-Z]+-(\\d{8})-");
    private static final Pattern SEGMENT_POWER = Pattern.compile("(\\S+?)\\s*/\\s*0*(\\d+)(\\s*VA)?");
    private static final Pattern KWH = Pattern.compile("\\d+([.,]\\d+)?");
    private static final String POSTPAID = "pasca:";
    private static final String PREPAID = "prepaid:";

    private final DigiflazzClient client;
    private final NetworkInfo info;
    private final PriceListCache cache;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final Map<String, Instant> lastCall = new ConcurrentHashMap<>();
    /** The deposit as last read or reported with a new purchase (a re-check repeats an old running balance). */
    private final java.util.concurrent.atomic.AtomicReference<Money> lastKnownDeposit =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final Object catalogLock = new Object();
    private DigiflazzCatalog catalog;
    private Instant catalogFetchedAt = Instant.EPOCH;
    private Instant lastAttempt = Instant.EPOCH;

    /**
     * @param testing       Digiflazz's development mode ({@code testing: true}): shown as TESTING
     * @param priceListFile where the last price list is kept
     */
    public DigiflazzNetwork(DigiflazzClient client, boolean testing, Path priceListFile, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.info = new NetworkInfo("digiflazz", "Digiflazz", testing ? NetworkInfo.Mode.TESTING : NetworkInfo.Mode.LIVE,
                false, true);
        this.cache = new PriceListCache(priceListFile);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calendar = new BusinessCalendar(clock);
    }

    @Override
    public NetworkInfo info() {
        return info;
    }

    // ---- catalog ---------------------------------------------------------------------------------------------

    @Override
    public GatewayResult<List<Biller>> billers() {
        GatewayResult<DigiflazzCatalog> read = catalog();
        if (read instanceof GatewayResult.Answer<DigiflazzCatalog> answer) {
            return new GatewayResult.Answer<>(answer.value().billers());
        }
        return relay(read);
    }

    /** How old the price list the counter sells from is; empty before one was read. */
    public Optional<Duration> priceListAge() {
        synchronized (catalogLock) {
            return catalog == null ? Optional.empty()
                    : Optional.of(Duration.between(catalogFetchedAt, clock.instant()));
        }
    }

    @Override
    public Optional<Instant> catalogAsOf() {
        synchronized (catalogLock) {
            return catalog == null ? Optional.empty() : Optional.of(catalogFetchedAt);
        }
    }

    /** Fetches the price list now unless Digiflazz's five minutes have not passed; the kept one otherwise. */
    @Override
    public GatewayResult<List<Biller>> refreshCatalog() {
        synchronized (catalogLock) {
            // Asked for now: the pause after a failed attempt does not hold, Digiflazz's five minutes do.
            lastAttempt = Instant.EPOCH;
            if (catalog != null && Duration.between(catalogFetchedAt, clock.instant()).compareTo(PRICE_LIST_TTL) < 0) {
                return new GatewayResult.Answer<>(catalog.billers());
            }
        }
        return billers();
    }

    private GatewayResult<DigiflazzCatalog> catalog() {
        synchronized (catalogLock) {
            Instant now = clock.instant();
            if (catalog == null) {
                cache.load().ifPresent(s -> {
                    catalog = DigiflazzCatalog.of(s.prepaid(), s.pasca());
                    catalogFetchedAt = s.fetchedAt();
                });
            }
            boolean fresh = catalog != null
                    && Duration.between(catalogFetchedAt, now).compareTo(PRICE_LIST_TTL) < 0;
            boolean triedLately = Duration.between(lastAttempt, now).compareTo(PRICE_LIST_TTL) < 0;
            if (fresh || (catalog != null && triedLately)) {
                return new GatewayResult.Answer<>(catalog);
            }
            lastAttempt = now;
            Optional<Problem> problem = fetchPriceList(now);
            if (problem.isEmpty()) {
                return new GatewayResult.Answer<>(catalog);
            }
            if (catalog != null) {
                LOG.warn("Digiflazz price list not refreshed ({}); selling from the list of {} ({} old)",
                        problem.get(), catalogFetchedAt, Duration.between(catalogFetchedAt, now).truncatedTo(
                                ChronoUnit.MINUTES));
                return new GatewayResult.Answer<>(catalog);
            }
            return problemResult(problem.get());
        }
    }

    /** Why a price list could not be read: its text, and Digiflazz's code when it refused. */
    private record Problem(String text, Optional<ResponseCode> code) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Empty when the list was fetched and kept; otherwise what went wrong. */
    private Optional<Problem> fetchPriceList(Instant now) {
        DigiflazzResult<PriceListAnswer<PriceListRow>> prepaid = client.prepaidPriceList();
        Optional<List<PriceListRow>> prepaidRows = rows(prepaid);
        if (prepaidRows.isEmpty()) {
            return Optional.of(new Problem("prepaid list: " + describe(prepaid), refusal(prepaid)));
        }
        DigiflazzResult<PriceListAnswer<PascaPriceListRow>> pasca = client.pascaPriceList();
        Optional<List<PascaPriceListRow>> pascaRows = rows(pasca);
        if (pascaRows.isEmpty()) {
            return Optional.of(new Problem("postpaid list: " + describe(pasca), refusal(pasca)));
        }
        PriceListCache.Snapshot snapshot = new PriceListCache.Snapshot(now, prepaidRows.get(), pascaRows.get());
        catalog = DigiflazzCatalog.of(snapshot.prepaid(), snapshot.pasca());
        catalogFetchedAt = now;
        cache.save(snapshot);
        LOG.info("Digiflazz price list read: {} prepaid and {} postpaid products, {} billers", prepaidRows.get().size(),
                pascaRows.get().size(), catalog.billers().size());
        return Optional.empty();
    }

    private static <R> Optional<List<R>> rows(DigiflazzResult<PriceListAnswer<R>> result) {
        if (result instanceof DigiflazzResult.Answer<PriceListAnswer<R>> answer
                && answer.value() instanceof PriceListAnswer.Rows<R> rows) {
            if (!rows.priceList().skipped().isEmpty()) {
                LOG.warn("Digiflazz price list: {} malformed rows skipped: {}", rows.priceList().skipped().size(),
                        rows.priceList().skipped());
            }
            return Optional.of(rows.priceList().rows());
        }
        return Optional.empty();
    }

    private static <R> String describe(DigiflazzResult<PriceListAnswer<R>> result) {
        if (result instanceof DigiflazzResult.NoAnswer<PriceListAnswer<R>> none) {
            return "no answer: " + none.reason();
        }
        PriceListAnswer<R> value = ((DigiflazzResult.Answer<PriceListAnswer<R>>) result).value();
        if (value instanceof PriceListAnswer.Rejected<R> rejected) {
            return "rc " + rejected.code().code() + " " + rejected.message()
                    + rejected.code().hint().map(h -> " (" + h + ")").orElse("");
        }
        return "an answer";
    }

    private static <R> Optional<ResponseCode> refusal(DigiflazzResult<PriceListAnswer<R>> result) {
        if (result instanceof DigiflazzResult.Answer<PriceListAnswer<R>> answer
                && answer.value() instanceof PriceListAnswer.Rejected<R> rejected) {
            return Optional.of(rejected.code());
        }
        return Optional.empty();
    }

    /** A price-list problem as the port's result: a refusal when Digiflazz said why, no answer otherwise. */
    private static <T> GatewayResult<T> problemResult(Problem problem) {
        String text = "Digiflazz price list unavailable and none kept: " + problem.text();
        if (problem.code().isPresent()) {
            return refused(0, mapped(problem.code().get()), text);
        }
        return new GatewayResult.NoAnswer<>(text);
    }

    // ---- inquiry ---------------------------------------------------------------------------------------------

    @Override
    public GatewayResult<Inquiry> inquire(InquiryRequest request) {
        GatewayResult<DigiflazzCatalog> read = catalog();
        if (!(read instanceof GatewayResult.Answer<DigiflazzCatalog> answer)) {
            return relay(read);
        }
        Optional<DigiflazzCatalog.Entry> entry = answer.value().entry(request.biller());
        if (entry.isEmpty()) {
            return refused(404, GatewayError.UNKNOWN_BILLER, "Digiflazz sells no " + request.biller()
                    + " for this account (see 'loket products')");
        }
        Biller biller = entry.get().biller();
        if (biller.kind() == BillerKind.POSTPAID) {
            String ref = request.clientRef().orElseThrow(() -> new IllegalArgumentException(
                    "A Digiflazz postpaid inquiry needs the payment's client_ref (its ref_id)"));
            return inquirePostpaid(biller, entry.get().postpaidSku().orElseThrow(), request.reference(), ref);
        }
        String sku = request.product().orElseThrow(() -> new IllegalArgumentException(
                "A prepaid inquiry needs the product"));
        Optional<PriceListRow> row = answer.value().prepaid(sku);
        if (row.isEmpty()) {
            return refused(404, GatewayError.UNKNOWN_PRODUCT, "Digiflazz has no active product " + sku);
        }
        return quotePrepaid(biller, row.get(), request.reference());
    }

    private GatewayResult<Inquiry> inquirePostpaid(Biller biller, String sku, String customerNo, String refId) {
        DigiflazzResult<TransactionAnswer> result = client.inquirePostpaid(sku, customerNo, refId);
        remember(refId);
        if (result instanceof DigiflazzResult.NoAnswer<TransactionAnswer> none) {
            return new GatewayResult.NoAnswer<>(none.reason());
        }
        DigiflazzResult.Answer<TransactionAnswer> answer = (DigiflazzResult.Answer<TransactionAnswer>) result;
        TransactionAnswer a = answer.value();
        switch (a.code().rcClass()) {
            case SUCCESS -> {
                return bill(biller, sku, customerNo, refId, a);
            }
            case PENDING -> {
                return new GatewayResult.NoAnswer<>("Digiflazz answered the look-up Pending (rc " + a.rc()
                        + "): look it up again in a minute");
            }
            default -> {
                return refusal(answer.httpStatus(), a.code(), a.message());
            }
        }
    }

    private GatewayResult<Inquiry> bill(Biller biller, String sku, String customerNo, String refId,
            TransactionAnswer a) {
        Optional<Money> sellingPrice = a.sellingPrice();
        Optional<Money> price = a.price();
        if (sellingPrice.isEmpty() || price.isEmpty()) {
            return new GatewayResult.NoAnswer<>("Digiflazz's bill of " + customerNo + " has no selling_price or price");
        }
        Money admin = a.admin().orElse(Money.ZERO);
        if (sellingPrice.get().isLessThan(admin)) {
            return new GatewayResult.NoAnswer<>("Digiflazz's bill of " + customerNo + " has an admin fee " + admin
                    + " above its selling price " + sellingPrice.get());
        }
        Map<String, String> details = billDetails(biller.category(), customerNo, a);
        Instant endOfDay = calendar.endOf(calendar.today()).minusSeconds(1);
        return new GatewayResult.Answer<>(new Inquiry(POSTPAID + sku, biller.code(), customerNo,
                a.customerName().orElse(""), sellingPrice.get().minus(admin), admin, sellingPrice.get(), details,
                endOfDay, price.get(), Optional.of(refId)));
    }

    /** The details a receipt prints, under the keys the receipt layouts read. */
    private static Map<String, String> billDetails(BillerCategory category, String customerNo, TransactionAnswer a) {
        Map<String, String> details = new LinkedHashMap<>();
        Optional<BillDesc> desc = a.billDesc();
        if (category == BillerCategory.ELECTRICITY) {
            details.put("idpel", customerNo);
        }
        desc.ifPresent(d -> {
            String tarifDaya = d.tarif().orElse("") + d.daya().map(v -> "/" + v + " VA").orElse("");
            if (!tarifDaya.isBlank()) {
                details.put("tarif_daya", tarifDaya.strip());
            }
            List<BillDetail> periods = d.detail();
            String periode = periods.stream().map(BillDetail::periode).filter(p -> !p.isBlank())
                    .collect(Collectors.joining(","));
            if (!periode.isEmpty()) {
                details.put("periode", periode);
            } else {
                a.periode().ifPresent(p -> details.put("periode", p));
            }
            d.lembarTagihan().ifPresent(n -> details.put("lembar_tagihan", Integer.toString(n)));
            Money denda = periods.stream().map(BillDetail::denda).reduce(Money.ZERO, Money::plus);
            if (denda.isPositive()) {
                details.put("denda", Long.toString(denda.rupiah()));
            }
            Optional<String> from = periods.stream().map(BillDetail::meterAwal).flatMap(Optional::stream).findFirst();
            Optional<String> to = periods.stream().map(BillDetail::meterAkhir).flatMap(Optional::stream)
                    .reduce((x, y) -> y);
            if (from.isPresent() && to.isPresent()) {
                details.put("stand_meter", from.get() + "-" + to.get());
            }
            d.alamat().ifPresent(v -> details.put("alamat", v));
            d.jatuhTempo().ifPresent(v -> details.put("jatuh_tempo", v));
            d.otherFields().forEach((k, v) -> details.putIfAbsent(k, v));
        });
        return details;
    }

    private GatewayResult<Inquiry> quotePrepaid(Biller biller, PriceListRow row, String customerNo) {
        Map<String, String> details = new LinkedHashMap<>();
        String name = "";
        if (biller.category() == BillerCategory.ELECTRICITY) {
            DigiflazzResult<Reply<PlnCustomer>> meter = client.inquiryPln(customerNo);
            if (meter instanceof DigiflazzResult.NoAnswer<Reply<PlnCustomer>> none) {
                return new GatewayResult.NoAnswer<>(none.reason());
            }
            Reply<PlnCustomer> reply = ((DigiflazzResult.Answer<Reply<PlnCustomer>>) meter).value();
            if (reply instanceof Reply.Rejected<PlnCustomer> rejected) {
                return refusal(((DigiflazzResult.Answer<Reply<PlnCustomer>>) meter).httpStatus(), rejected.code(),
                        rejected.message());
            }
            PlnCustomer pln = ((Reply.Ok<PlnCustomer>) reply).value();
            if (pln.name().isBlank()) {
                return refused(404, GatewayError.REFERENCE_NOT_FOUND, "Digiflazz knows no PLN meter " + customerNo);
            }
            name = pln.name().strip();
            details.put("no_meter", pln.meterNo().isBlank() ? customerNo : pln.meterNo());
            if (!pln.subscriberId().isBlank()) {
                details.put("idpel", pln.subscriberId());
            }
            if (!pln.segmentPower().isBlank()) {
                details.put("tarif_daya", tarifDaya(pln.segmentPower()));
            }
        } else if (biller.category() == BillerCategory.PHONE) {
            details.put("no_hp", customerNo);
            details.put("operator", row.brand());
        }
        details.put("produk", row.productName());
        Instant now = clock.instant();
        return new GatewayResult.Answer<>(new Inquiry(PREPAID + row.buyerSkuCode(), biller.code(), customerNo, name,
                row.price(), Money.ZERO, row.price(), details, now.plus(PREPAID_QUOTE), row.price(), Optional.empty()));
    }

    // ---- paying ----------------------------------------------------------------------------------------------

    @Override
    public GatewayResult<PaymentResult> pay(PaymentRequest request) {
        Optional<Sku> product = product(request);
        if (product.isEmpty()) {
            return refused(400, GatewayError.INQUIRY_NOT_FOUND, "Payment " + request.clientRef()
                    + " names no Digiflazz product (" + request.inquiryId() + "): look the bill up again");
        }
        if (product.get().postpaid()) {
            Optional<LocalDate> inquired = dayOf(request.clientRef());
            if (inquired.isPresent() && !inquired.get().equals(calendar.today())) {
                return refused(410, GatewayError.INQUIRY_EXPIRED, "The bill was looked up on " + inquired.get()
                        + "; Digiflazz pays a bill only on the day of its look-up: look it up again");
            }
            remember(request.clientRef());
            GatewayResult<PaymentResult> paid = payment(request, client.payPostpaid(product.get().sku(),
                    request.reference(), request.clientRef()));
            noteDeposit(paid);
            return paid;
        }
        remember(request.clientRef());
        GatewayResult<PaymentResult> bought = payment(request, client.topup(product.get().sku(), request.reference(),
                request.clientRef(), Optional.of(request.cost())));
        noteDeposit(bought);
        return bought;
    }

    @Override
    public Optional<Money> lastKnownDeposit() {
        return Optional.ofNullable(lastKnownDeposit.get());
    }

    private void noteDeposit(GatewayResult<PaymentResult> result) {
        if (result instanceof GatewayResult.Answer<PaymentResult> a) {
            a.value().depositBalance().ifPresent(lastKnownDeposit::set);
        }
    }

    @Override
    public GatewayResult<PaymentResult> paymentStatus(PaymentRequest request) {
        Optional<Sku> product = product(request);
        if (product.isEmpty()) {
            return new GatewayResult.NoAnswer<>("payment " + request.clientRef() + " names no Digiflazz product ("
                    + request.inquiryId() + "); it cannot be re-checked");
        }
        Optional<LocalDate> made = dayOf(request.clientRef());
        if (made.isPresent() && made.get().plus(RECHECK_HORIZON.toDays(), ChronoUnit.DAYS)
                .isBefore(calendar.today())) {
            return new GatewayResult.NoAnswer<>("payment " + request.clientRef() + " was made on " + made.get()
                    + ", more than " + RECHECK_HORIZON.toDays() + " days ago: Digiflazz would take a re-check for a"
                    + " new purchase, so it is not asked; settle it by hand from the Digiflazz panel");
        }
        Instant now = clock.instant();
        Instant previous = lastCall.get(request.clientRef());
        if (previous != null && Duration.between(previous, now).compareTo(RECHECK_INTERVAL) < 0) {
            return new GatewayResult.NoAnswer<>("payment " + request.clientRef() + " was asked about "
                    + Duration.between(previous, now).toSeconds() + " s ago; Digiflazz allows once a minute");
        }
        remember(request.clientRef());
        if (product.get().postpaid()) {
            GatewayResult<PaymentResult> status = payment(request, client.statusPostpaid(product.get().sku(),
                    request.reference(), request.clientRef()));
            if (status instanceof GatewayResult.Answer<PaymentResult> a && "50".equals(a.value().rc())) {
                // "Transaksi Tidak Ditemukan" for a bill's status: the payment never reached Digiflazz (the
                // look-up did). The services then send it once more under the same ref_id, as for the house's
                // payment_not_found; a bill of another day is refused before Digiflazz is asked.
                return refused(404, GatewayError.PAYMENT_NOT_FOUND, "rc 50 " + a.value().message()
                        + ": Digiflazz has no payment under ref_id " + request.clientRef());
            }
            return status;
        }
        return payment(request, client.recheckTopup(product.get().sku(), request.reference(), request.clientRef(),
                Optional.of(request.cost())));
    }

    /**
     * Digiflazz allows one re-check a minute, so this waits that long between checks; the counter does not wait
     * here (a pending answer goes back to the clerk at once) — recovery and reconciliation ask later.
     */
    @Override
    public GatewayResult<PaymentResult> awaitPayment(PaymentRequest request, int maxChecks) {
        return paymentStatus(request);
    }

    private GatewayResult<PaymentResult> payment(PaymentRequest request, DigiflazzResult<TransactionAnswer> result) {
        if (result instanceof DigiflazzResult.NoAnswer<TransactionAnswer> none) {
            return new GatewayResult.NoAnswer<>(none.reason());
        }
        DigiflazzResult.Answer<TransactionAnswer> answer = (DigiflazzResult.Answer<TransactionAnswer>) result;
        TransactionAnswer a = answer.value();
        if (!a.refId().isEmpty() && !a.refId().equals(request.clientRef())) {
            return new GatewayResult.NoAnswer<>("Digiflazz answered about ref_id " + a.refId() + ", not "
                    + request.clientRef());
        }
        PaymentResult.Status status;
        switch (a.code().rcClass()) {
            case SUCCESS -> status = PaymentResult.Status.SUCCESS;
            case PENDING -> status = PaymentResult.Status.PENDING;
            case FAILED -> status = PaymentResult.Status.FAILED;
            default -> {
                if (a.code() == ResponseCode.of("49").orElseThrow()) {
                    return refused(answer.httpStatus(), GatewayError.IDEMPOTENCY_CONFLICT, "rc 49 " + a.message()
                            + ": Digiflazz holds ref_id " + request.clientRef() + " with other data");
                }
                return refusal(answer.httpStatus(), a.code(), a.message());
            }
        }
        Optional<String> token = Optional.empty();
        Optional<String> kwh = Optional.empty();
        Optional<String> billerRef = a.sn();
        if (status == PaymentResult.Status.SUCCESS && request.inquiryId().startsWith(PREPAID) && a.sn().isPresent()
                && sellsElectricity(request.inquiryId().substring(PREPAID.length())).orElse(true)
                && isToken(a.sn().get())) {
            String[] parts = a.sn().get().split("/");
            token = Optional.of(parts[0].strip());
            String last = parts[parts.length - 1].strip();
            if (parts.length > 1 && KWH.matcher(last).matches()) {
                kwh = Optional.of(last);
            }
            billerRef = Optional.empty();
        }
        Optional<Instant> paidAt = status == PaymentResult.Status.SUCCESS ? Optional.of(clock.instant())
                : Optional.empty();
        // A paid bill's answer carries what its look-up did not (PLN's stand meter): the receipt prints it.
        Map<String, String> details = status == PaymentResult.Status.SUCCESS && request.inquiryId().startsWith(POSTPAID)
                ? billDetails(BillerCategory.OTHER, request.reference(), a) : Map.of();
        return new GatewayResult.Answer<>(new PaymentResult("df:" + request.clientRef(), request.clientRef(), status,
                a.rc(), a.message(), billerRef, token, kwh, paidAt, a.buyerLastSaldo(), a.price(), details));
    }

    /** PLN's segment and power as Digiflazz sends them ("R1 /000001300") the way receipts print them ("R1/1300 VA"). */
    static String tarifDaya(String segmentPower) {
        Matcher m = SEGMENT_POWER.matcher(segmentPower.strip());
        if (m.matches()) {
            return m.group(1) + "/" + m.group(2) + " VA";
        }
        return segmentPower.replaceAll("\\s+", " ").strip();
    }

    /**
     * Whether {@code sku} is an electricity token (its serial number is the token the customer types into the
     * meter); a phone credit's twenty-digit serial is its biller reference. Empty when no price list was ever kept
     * (the serial's shape then decides).
     */
    private Optional<Boolean> sellsElectricity(String sku) {
        synchronized (catalogLock) {
            if (catalog == null) {
                // A fresh process (recovery after a crash) has not read the list yet: the kept one says.
                cache.load().ifPresent(k -> {
                    catalog = DigiflazzCatalog.of(k.prepaid(), k.pasca());
                    catalogFetchedAt = k.fetchedAt();
                });
            }
            if (catalog == null && !(catalog() instanceof GatewayResult.Answer<DigiflazzCatalog>)) {
                return Optional.empty();
            }
            return Optional.of(catalog.prepaid(sku)
                    .map(r -> DigiflazzCatalog.prepaidCategory(r.category()) == BillerCategory.ELECTRICITY)
                    .orElse(false));
        }
    }

    /** A PLN token: twenty digits, maybe grouped, maybe followed by "/name/tarif/daya/kWh". */
    private static boolean isToken(String sn) {
        String first = sn.split("/")[0].replaceAll("[\\s-]", "");
        return first.length() == 20 && first.chars().allMatch(Character::isDigit);
    }

    // ---- deposit ---------------------------------------------------------------------------------------------

    @Override
    public GatewayResult<DepositBalance> balance() {
        DigiflazzResult<Reply<Balance>> result = client.balance();
        if (result instanceof DigiflazzResult.NoAnswer<Reply<Balance>> none) {
            return new GatewayResult.NoAnswer<>(none.reason());
        }
        DigiflazzResult.Answer<Reply<Balance>> answer = (DigiflazzResult.Answer<Reply<Balance>>) result;
        if (answer.value() instanceof Reply.Rejected<Balance> rejected) {
            return refusal(answer.httpStatus(), rejected.code(), rejected.message());
        }
        Balance balance = ((Reply.Ok<Balance>) answer.value()).value();
        lastKnownDeposit.set(balance.deposit());
        return new GatewayResult.Answer<>(new DepositBalance(balance.deposit(), clock.instant()));
    }

    @Override
    public GatewayResult<TopUpTicket> depositTicket(Money amount, String bank, String ownerName) {
        if (!amount.isPositive()) {
            return refused(400, GatewayError.INVALID_AMOUNT, "A top-up must be a positive amount, not " + amount);
        }
        DigiflazzResult<Reply<DepositTicket>> result = client.depositTicket(amount.rupiah(), bank, ownerName);
        if (result instanceof DigiflazzResult.NoAnswer<Reply<DepositTicket>> none) {
            return new GatewayResult.NoAnswer<>(none.reason());
        }
        DigiflazzResult.Answer<Reply<DepositTicket>> answer = (DigiflazzResult.Answer<Reply<DepositTicket>>) result;
        if (answer.value() instanceof Reply.Rejected<DepositTicket> rejected) {
            return refusal(answer.httpStatus(), rejected.code(), rejected.message());
        }
        DepositTicket t = ((Reply.Ok<DepositTicket>) answer.value()).value();
        return new GatewayResult.Answer<>(new TopUpTicket(t.bank(), t.paymentMethod(), t.accountNo(), t.amount(),
                t.notes()));
    }

    @Override
    public GatewayResult<SettlementSummary> settlement(LocalDate day, Path csvFile) {
        return refused(0, GatewayError.NO_STATEMENT, "Digiflazz gives no day's statement: the day is reconciled by"
                + " re-checking each transaction and proving the deposit");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** What a payment request names: its SKU and whether it is postpaid (kept in the inquiry id). */
    private record Sku(String sku, boolean postpaid) {}

    private static Optional<Sku> product(PaymentRequest request) {
        String id = request.inquiryId();
        if (id.startsWith(POSTPAID) && id.length() > POSTPAID.length()) {
            return Optional.of(new Sku(id.substring(POSTPAID.length()), true));
        }
        if (id.startsWith(PREPAID) && id.length() > PREPAID.length()) {
            return Optional.of(new Sku(id.substring(PREPAID.length()), false));
        }
        return Optional.empty();
    }

    /** The business day a client_ref was made on ({@code LKT-20261207-…}), when it says. */
    private static Optional<LocalDate> dayOf(String clientRef) {
        Matcher m = REF_DAY.matcher(clientRef);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void remember(String refId) {
        lastCall.put(refId, clock.instant());
    }

    private static <T> GatewayResult<T> refused(int http, String code, String message) {
        return new GatewayResult.Refused<>(new GatewayError(http, code, message));
    }

    /** A Digiflazz refusal or failure as the port's refusal, its code mapped to the counter's. */
    private static <T> GatewayResult<T> refusal(int http, ResponseCode code, String message) {
        String text = "rc " + code.code() + " " + message + code.hint().map(h -> ": " + h).orElse("");
        return refused(http, mapped(code), text);
    }

    private static String mapped(ResponseCode code) {
        return switch (code.code()) {
            case "44" -> GatewayError.INSUFFICIENT_DEPOSIT;
            case "43", "53", "55", "58", "62", "66", "68", "71" -> GatewayError.BILLER_UNAVAILABLE;
            case "02", "50", "51", "52", "54", "57", "59" -> GatewayError.REFERENCE_NOT_FOUND;
            case "60" -> GatewayError.BILL_ALREADY_PAID;
            case "69" -> GatewayError.AMOUNT_MISMATCH;
            case "41" -> GatewayError.WRONG_KEY;
            case "42" -> GatewayError.WRONG_USERNAME;
            case "45" -> GatewayError.IP_NOT_WHITELISTED;
            default -> switch (code.rcClass()) {
                case CONFIG_ERROR -> GatewayError.CONFIGURATION_ERROR;
                case RATE_LIMITED -> GatewayError.RATE_LIMITED;
                default -> "digiflazz_rc_" + code.code();
            };
        };
    }

    private static <T> GatewayResult<T> relay(GatewayResult<DigiflazzCatalog> failed) {
        if (failed instanceof GatewayResult.Refused<DigiflazzCatalog> r) {
            return new GatewayResult.Refused<>(r.error());
        }
        return new GatewayResult.NoAnswer<>(((GatewayResult.NoAnswer<DigiflazzCatalog>) failed).reason());
    }
}
