package id.loket.upstream.digiflazz;

import id.loket.core.Money;
import id.loket.upstream.ProviderHttp;
import id.loket.upstream.ProviderUrls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Digiflazz Buyer API over HTTPS: one call is one signed JSON POST, answered by a {@link DigiflazzResult}.
 *
 * <p><b>This client never retries.</b> A timeout or a broken connection after a purchase was sent leaves its outcome
 * unknown ({@link DigiflazzResult.NoAnswer}); only the caller knows whether and when to ask again, and it must ask
 * with the same {@code ref_id} (a prepaid purchase with {@link #recheckTopup}, a postpaid one with
 * {@link #statusPostpaid}), never with a new one. Digiflazz asks for at most one call per minute about the same
 * transaction.
 *
 * <p>Timeouts: {@code connectTimeout} bounds connecting; {@code readTimeout} bounds the wait for the answer's
 * headers; and the whole call, body included, ends after {@code connectTimeout + readTimeout} at the latest, so an
 * answer that stalls after its headers cannot hold the counter. Bodies are capped (8 MiB for price lists, 1 MiB for
 * everything else); a longer one is no answer.
 *
 * <p>Each call logs one line: the endpoint, the {@code ref_id} when there is one, the {@code rc}, the HTTP status
 * and the time taken. The API key and the signatures are never logged; neither are customer numbers.
 *
 * <p>Thread-safe: the object is immutable and one {@link HttpClient} (HTTP/1.1, pooled connections, redirects not
 * followed) serves every caller. Calls block the calling thread, so keep them off the JavaFX thread.
 */
public final class DigiflazzClient {

    public static final URI PRODUCTION_URL = URI.create("https://api.digiflazz.com/v1");

    private static final Logger LOG = LoggerFactory.getLogger(DigiflazzClient.class);

    /** The full prepaid list is a few thousand rows of a few hundred bytes each. */
    static final long MAX_PRICE_LIST_BYTES = 8L * 1024 * 1024;
    /** No other answer comes near this. */
    static final long MAX_ANSWER_BYTES = 1024L * 1024;

    static final String USER_AGENT = "Loket/" + Optional.ofNullable(
            DigiflazzClient.class.getPackage().getImplementationVersion()).orElse("dev");

    /** How many skipped price-list rows one log line names; the full list is in the answer. */
    private static final int SKIPPED_IN_LOG = 3;

    private final String baseUrl;
    private final DigiflazzCredentials credentials;
    /** The read timeout only covers the headers; the whole exchange ends after both timeouts at the latest. */
    private final ProviderHttp http;

    /**
     * @param baseUrl {@link #PRODUCTION_URL}, or a simulator's; must be {@code https://} unless the host is this
     *     computer ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}, judged from the URL without DNS)
     * @throws IllegalArgumentException saying why the URL is refused, or for a timeout that is not positive
     */
    public DigiflazzClient(URI baseUrl, DigiflazzCredentials credentials, Duration connectTimeout,
            Duration readTimeout) {
        this.baseUrl = checkBaseUrl(baseUrl);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        // Never follows a redirect: it would re-send a signed purchase somewhere Digiflazz did not say.
        this.http = new ProviderHttp(connectTimeout, readTimeout, Fields::quote);
    }

    // --- the calls ------------------------------------------------------------------------------------------------

    /** {@code /cek-saldo}: the remaining deposit. */
    public DigiflazzResult<Reply<Balance>> balance() {
        return call("/cek-saldo", "-", Requests.balance(credentials), MAX_ANSWER_BYTES, Answers::balance,
                UnaryOperator.identity());
    }

    /**
     * {@code /price-list} with {@code cmd=prepaid}: the whole prepaid list. Digiflazz allows this once every 5
     * minutes and answers RC 83 otherwise ({@link PriceListAnswer.Rejected}); keep the list locally.
     */
    public DigiflazzResult<PriceListAnswer<PriceListRow>> prepaidPriceList() {
        return call("/price-list", "-", Requests.priceList(credentials, "prepaid"), MAX_PRICE_LIST_BYTES,
                Answers::prepaidPriceList, this::logSkipped);
    }

    /** {@code /price-list} with {@code cmd=pasca}: the whole postpaid list, under the same limit. */
    public DigiflazzResult<PriceListAnswer<PascaPriceListRow>> pascaPriceList() {
        return call("/price-list", "-", Requests.priceList(credentials, "pasca"), MAX_PRICE_LIST_BYTES,
                Answers::pascaPriceList, this::logSkipped);
    }

    /**
     * {@code /deposit}: asks for a deposit ticket. The bank is sent as given (the docs list {@code Flip},
     * {@code ShopeePay}, {@code BCA}, {@code MANDIRI}, {@code BRI}, {@code BNI}); Digiflazz judges it.
     *
     * @param amount the rupiah to deposit; the ticket's amount to transfer differs by a unique suffix
     * @param ownerName the holder of the account the transfer comes from
     */
    public DigiflazzResult<Reply<DepositTicket>> depositTicket(long amount, String bank, String ownerName) {
        return call("/deposit", "-", Requests.depositTicket(credentials, amount, bank, ownerName), MAX_ANSWER_BYTES,
                Answers::depositTicket, UnaryOperator.identity());
    }

    /**
     * {@code /transaction}: buys a prepaid product. Sends {@code "testing": true} when the credentials are the
     * development ones, and {@code max_price} when given (Digiflazz then refuses a seller above it with RC 69).
     *
     * @param sku the buyer's own product code, as configured in the Digiflazz panel
     * @param refId unique per purchase; a failed purchase (Txn=Ya) consumes it, so a new attempt needs a new one
     */
    public DigiflazzResult<TransactionAnswer> topup(String sku, String customerNo, String refId,
            Optional<Money> maxPrice) {
        return transaction("/transaction", refId, encodeTopup(credentials, sku, customerNo, refId, maxPrice));
    }

    /**
     * Asks the outcome of a prepaid purchase. Digiflazz has no status call for prepaid: the re-check is the
     * identical topup request, and Digiflazz answers with the stored transaction. <b>The caller must pass exactly
     * the arguments of the original {@link #topup} (same sku, customer number, ref_id and maxPrice) on a client with
     * the same credentials</b>: then the request is byte-for-byte the same. Different arguments are a different
     * purchase. Never re-check a ref_id older than 90 days (Digiflazz would make a new purchase of it), and not more
     * often than once a minute.
     */
    public DigiflazzResult<TransactionAnswer> recheckTopup(String sku, String customerNo, String refId,
            Optional<Money> maxPrice) {
        return topup(sku, customerNo, refId, maxPrice);
    }

    /** {@code /transaction} with {@code commands=inq-pasca}: the bill; the inquiry creates the ref_id's record. */
    public DigiflazzResult<TransactionAnswer> inquirePostpaid(String sku, String customerNo, String refId) {
        return transaction("/transaction", refId,
                Requests.postpaid(credentials, "inq-pasca", sku, customerNo, refId));
    }

    /**
     * {@code /transaction} with {@code commands=pay-pasca}: pays the bill of an inquiry. {@code refId} must be the
     * inquiry's, and the payment must happen on the same calendar date as the inquiry.
     */
    public DigiflazzResult<TransactionAnswer> payPostpaid(String sku, String customerNo, String refId) {
        return transaction("/transaction", refId,
                Requests.postpaid(credentials, "pay-pasca", sku, customerNo, refId));
    }

    /** {@code /transaction} with {@code commands=status-pasca}: the outcome of a payment (up to 90 days back). */
    public DigiflazzResult<TransactionAnswer> statusPostpaid(String sku, String customerNo, String refId) {
        return transaction("/transaction", refId,
                Requests.postpaid(credentials, "status-pasca", sku, customerNo, refId));
    }

    /** {@code /inquiry-pln}: who a PLN customer or meter number belongs to. Limited by Digiflazz (RC 86). */
    public DigiflazzResult<Reply<PlnCustomer>> inquiryPln(String customerNo) {
        return call("/inquiry-pln", "-", Requests.inquiryPln(credentials, customerNo), MAX_ANSWER_BYTES,
                Answers::plnCustomer, UnaryOperator.identity());
    }

    // --- the wire, without HTTP (for benchmarks and tests) --------------------------------------------------------

    /**
     * The exact body {@link #topup} and {@link #recheckTopup} send, signature included: fields {@code username},
     * {@code buyer_sku_code}, {@code customer_no}, {@code ref_id}, {@code sign}, then {@code testing} (development
     * credentials only) and {@code max_price} (when given), in that order.
     */
    public static byte[] encodeTopup(DigiflazzCredentials credentials, String sku, String customerNo, String refId,
            Optional<Money> maxPrice) {
        Objects.requireNonNull(credentials, "credentials");
        return Requests.topup(credentials, sku, customerNo, refId, maxPrice);
    }

    /**
     * Reads a {@code /transaction} response body exactly as the client does, except for the client's check that the
     * answer is about the ref_id it asked for.
     *
     * @param status the HTTP status the body came with
     */
    public static DigiflazzResult<TransactionAnswer> parseTransaction(byte[] body, int status) {
        Objects.requireNonNull(body, "body");
        return Answers.transaction(body, status).result();
    }

    // --- the exchange ---------------------------------------------------------------------------------------------

    private DigiflazzResult<TransactionAnswer> transaction(String endpoint, String refId, byte[] request) {
        return call(endpoint, refId, request, MAX_ANSWER_BYTES, (body, status) -> {
            Answers.Parsed<TransactionAnswer> parsed = Answers.transaction(body, status);
            parsed.warnings().forEach(w -> LOG.warn("Digiflazz {} ref_id={}: {}", endpoint, refId, w));
            return parsed;
        }, result -> sameRefId(result, refId));
    }

    /**
     * An answer about another ref_id is not an answer to this request. A refusal before any transaction existed
     * (RC 41, 45...) may come without a ref_id; an outcome of a transaction may not.
     */
    private static DigiflazzResult<TransactionAnswer> sameRefId(DigiflazzResult<TransactionAnswer> result,
            String refId) {
        if (!(result instanceof DigiflazzResult.Answer<TransactionAnswer> answer)) {
            return result;
        }
        TransactionAnswer t = answer.value();
        if (t.refId().isEmpty() && t.code().transactionCreated()) {
            return new DigiflazzResult.NoAnswer<>("HTTP " + answer.httpStatus() + ": rc " + t.rc()
                    + " came without the ref_id it is about");
        }
        if (!t.refId().isEmpty() && !t.refId().equals(refId)) {
            return new DigiflazzResult.NoAnswer<>("HTTP " + answer.httpStatus()
                    + ": the answer is about another ref_id (" + Fields.quote(t.refId()) + ")");
        }
        return result;
    }

    private <T> DigiflazzResult<PriceListAnswer<T>> logSkipped(DigiflazzResult<PriceListAnswer<T>> result) {
        if (result instanceof DigiflazzResult.Answer<PriceListAnswer<T>> answer
                && answer.value() instanceof PriceListAnswer.Rows<T> rows
                && !rows.priceList().skipped().isEmpty()) {
            List<String> skipped = rows.priceList().skipped();
            LOG.warn("Digiflazz /price-list: skipped {} malformed row(s), kept {}; {}{}", skipped.size(),
                    rows.priceList().rows().size(),
                    skipped.stream().limit(SKIPPED_IN_LOG).collect(Collectors.joining("; ")),
                    skipped.size() > SKIPPED_IN_LOG ? "; ..." : "");
        }
        return result;
    }

    private <T> DigiflazzResult<T> call(String endpoint, String refId, byte[] request, long cap,
            BiFunction<byte[], Integer, Answers.Parsed<T>> parser, UnaryOperator<DigiflazzResult<T>> check) {
        long started = System.nanoTime();
        DigiflazzResult<T> result;
        int status = 0;
        ProviderHttp.Exchange exchange = exchange(endpoint, request, cap);
        if (!exchange.answered()) {
            result = new DigiflazzResult.NoAnswer<>(exchange.failure());
        } else {
            status = exchange.status();
            result = check.apply(parser.apply(exchange.body(), exchange.status()).result());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (result instanceof DigiflazzResult.Answer<T> answer) {
            LOG.info("Digiflazz {} ref_id={} rc={} HTTP {} in {} ms", endpoint, refId, rcOf(answer.value()),
                    answer.httpStatus(), millis);
        } else if (result instanceof DigiflazzResult.NoAnswer<T> none) {
            LOG.warn("Digiflazz {} ref_id={} rc=- HTTP {} in {} ms: no answer: {}", endpoint, refId,
                    status == 0 ? "-" : status, millis, none.reason());
        }
        return result;
    }

    private static String rcOf(Object value) {
        if (value instanceof TransactionAnswer t) {
            return t.rc();
        } else if (value instanceof Reply.Rejected<?> r) {
            return r.code().code();
        } else if (value instanceof PriceListAnswer.Rejected<?> r) {
            return r.code().code();
        } else if (value instanceof PriceListAnswer.Rows<?> rows) {
            return "- rows=" + rows.priceList().rows().size();
        }
        return "00";
    }

    private ProviderHttp.Exchange exchange(String endpoint, byte[] request, long cap) {
        return http.exchange(HttpRequest.newBuilder(URI.create(baseUrl + endpoint))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)), cap);
    }

    // --- construction ---------------------------------------------------------------------------------------------

    /** The base URL without a trailing slash, or why it is refused. */
    static String checkBaseUrl(URI baseUrl) {
        return ProviderUrls.checkBaseUrl(baseUrl, "Digiflazz", PRODUCTION_URL,
                "read and change the purchases and their answers");
    }

    /** The credentials' username and masked key, the URL and the timeouts; never the key. */
    @Override
    public String toString() {
        return "DigiflazzClient[" + baseUrl + ", " + credentials + ", read timeout "
                + ProviderHttp.describe(http.readTimeout()) + "]";
    }
}
