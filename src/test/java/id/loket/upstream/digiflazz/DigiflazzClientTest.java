package id.loket.upstream.digiflazz;

import static id.loket.upstream.digiflazz.Results.answer;
import static id.loket.upstream.digiflazz.Results.httpStatus;
import static id.loket.upstream.digiflazz.Results.noAnswer;
import static id.loket.upstream.digiflazz.Results.ok;
import static id.loket.upstream.digiflazz.Results.rejected;
import static id.loket.upstream.digiflazz.Results.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.loket.core.Money;
import id.loket.upstream.digiflazz.ResponseCode.RcClass;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The client over real loopback HTTP against a scripted stand-in for Digiflazz. */
class DigiflazzClientTest {

    private static final String KEY = "dev-11111111-2222-3333-4444-555555555555";
    private static final DigiflazzCredentials DEV = new DigiflazzCredentials("loketuser", KEY, true);
    private static final DigiflazzCredentials PRODUCTION = new DigiflazzCredentials("loketuser", KEY, false);
    private static final String REF = "LKT-20250101-0001";
    private static final String REF_SIGN = "6fc39947b582da05825fa522a4f0869c";

    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    private DigiflazzClient client(DigiflazzCredentials credentials) {
        return new DigiflazzClient(server.baseUrl(), credentials, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private DigiflazzClient client() {
        return client(DEV);
    }

    private static String withRef(String example, String from) {
        return example.replace("\"" + from + "\"", "\"" + REF + "\"");
    }

    // --- what is sent --------------------------------------------------------------------------------------------

    @Test
    void balanceSendsTheDocumentedFieldsAndHeaders() {
        server.thenJson(200, DocsExamples.BALANCE);

        Balance balance = ok(answer(client().balance()));

        assertThat(balance.deposit()).isEqualTo(Money.of(500_000_000_000L));
        ScriptedServer.Request request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/cek-saldo");
        assertThat(request.bodyText())
                .isEqualTo("{\"cmd\":\"deposit\",\"username\":\"loketuser\",\"sign\":\"f1775f050b89b494e3068a391fa18337\"}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("User-Agent")).startsWith("Loket/");
    }

    @Test
    void priceListsSendCmdPrepaidOrPasca() {
        server.thenJson(200, DocsExamples.PREPAID_PRICE_LIST_WITH_A_BAD_ROW).thenJson(200, DocsExamples.PASCA_PRICE_LIST);

        PriceList<PriceListRow> prepaid = rows(answer(client().prepaidPriceList()));
        PriceList<PascaPriceListRow> pasca = rows(answer(client().pascaPriceList()));

        assertThat(prepaid.rows()).hasSize(2);
        assertThat(prepaid.skipped()).containsExactly("row 2: buyer_sku_code is missing");
        assertThat(pasca.rows()).hasSize(2);
        assertThat(server.requests()).extracting(ScriptedServer.Request::path)
                .containsExactly("/v1/price-list", "/v1/price-list");
        assertThat(server.requests()).extracting(ScriptedServer.Request::bodyText).containsExactly(
                "{\"cmd\":\"prepaid\",\"username\":\"loketuser\",\"sign\":\"b5b00bb5cbfc49562f3b2cd78f8748b7\"}",
                "{\"cmd\":\"pasca\",\"username\":\"loketuser\",\"sign\":\"b5b00bb5cbfc49562f3b2cd78f8748b7\"}");
    }

    @Test
    void aRateLimitedPriceListIsARejection() {
        server.thenJson(400, DocsExamples.PRICE_LIST_RATE_LIMITED);

        DigiflazzResult<PriceListAnswer<PriceListRow>> result = client().prepaidPriceList();

        assertThat(rejected(answer(result)).code()).isEqualTo(ResponseCode.PRICE_LIST_RATE_LIMIT);
        assertThat(httpStatus(result)).isEqualTo(400);
    }

    @Test
    void depositTicketSendsBankCapitalised() {
        server.thenJson(200, DocsExamples.DEPOSIT_TICKET);

        DepositTicket ticket = ok(answer(client().depositTicket(10_000_000, "BCA", "John Doe")));

        assertThat(ticket.amount()).isEqualTo(Money.of(10_000_001));
        assertThat(server.onlyRequest().path()).isEqualTo("/v1/deposit");
        assertThat(server.onlyRequest().bodyText()).isEqualTo("{\"username\":\"loketuser\",\"amount\":10000000,"
                + "\"Bank\":\"BCA\",\"owner_name\":\"John Doe\",\"sign\":\"1126b3d1a47dd0e93f5562e3754eb947\"}");
    }

    @Test
    void topupInTestingModeSendsTestingAndMaxPrice() {
        server.thenJson(200, withRef(DocsExamples.PREPAID_SUCCESS, "test1"));

        TransactionAnswer t = answer(client().topup("xld10", "087800001230", REF, Optional.of(Money.of(10_500))));

        assertThat(t.code()).isEqualTo(ResponseCode.TRANSACTION_SUCCESS);
        assertThat(t.sn()).contains("1234567890");
        assertThat(server.onlyRequest().path()).isEqualTo("/v1/transaction");
        assertThat(server.onlyRequest().bodyText()).isEqualTo("{\"username\":\"loketuser\",\"buyer_sku_code\":\"xld10\","
                + "\"customer_no\":\"087800001230\",\"ref_id\":\"LKT-20250101-0001\",\"sign\":\"" + REF_SIGN + "\","
                + "\"testing\":true,\"max_price\":10500}");
    }

    @Test
    void topupInProductionSendsNeitherTestingNorAnAbsentMaxPrice() {
        server.thenJson(200, withRef(DocsExamples.PREPAID_PENDING, "test3"));

        TransactionAnswer t = answer(client(PRODUCTION).topup("xld10", "087800001233", REF, Optional.empty()));

        assertThat(t.code().rcClass()).isEqualTo(RcClass.PENDING);
        assertThat(server.onlyRequest().bodyText()).isEqualTo("{\"username\":\"loketuser\",\"buyer_sku_code\":\"xld10\","
                + "\"customer_no\":\"087800001233\",\"ref_id\":\"LKT-20250101-0001\",\"sign\":\"" + REF_SIGN + "\"}");
    }

    @Test
    void theRecheckIsByteForByteTheTopup() {
        server.thenJson(200, withRef(DocsExamples.PREPAID_PENDING, "test3"))
                .thenJson(200, withRef(DocsExamples.PREPAID_SUCCESS, "test1"));
        DigiflazzClient client = client();

        TransactionAnswer first = answer(client.topup("xld10", "087800001233", REF, Optional.of(Money.of(10_500))));
        TransactionAnswer second =
                answer(client.recheckTopup("xld10", "087800001233", REF, Optional.of(Money.of(10_500))));

        assertThat(first.code()).isEqualTo(ResponseCode.TRANSACTION_PENDING);
        assertThat(second.code()).isEqualTo(ResponseCode.TRANSACTION_SUCCESS);
        List<ScriptedServer.Request> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(requests.get(0).body()).isEqualTo(DigiflazzClient.encodeTopup(DEV, "xld10", "087800001233", REF,
                Optional.of(Money.of(10_500))));
    }

    @Test
    void postpaidCallsSendCommandsAndTesting() {
        String inquiry = withRef(DocsExamples.PLN_INQUIRY_ONE_BILL, "some1d");
        server.thenJson(200, inquiry).thenJson(200, inquiry).thenJson(200, inquiry);
        DigiflazzClient client = client();

        TransactionAnswer inq = answer(client.inquirePostpaid("pln", "530000000001", REF));
        answer(client.payPostpaid("pln", "530000000001", REF));
        answer(client.statusPostpaid("pln", "530000000001", REF));

        assertThat(inq.sellingPrice()).contains(Money.of(11_000));
        assertThat(inq.billDesc().orElseThrow().detail()).hasSize(1);
        String rest = "\"username\":\"loketuser\",\"buyer_sku_code\":\"pln\",\"customer_no\":\"530000000001\","
                + "\"ref_id\":\"LKT-20250101-0001\",\"sign\":\"" + REF_SIGN + "\",\"testing\":true}";
        assertThat(server.requests()).extracting(ScriptedServer.Request::bodyText).containsExactly(
                "{\"commands\":\"inq-pasca\"," + rest,
                "{\"commands\":\"pay-pasca\"," + rest,
                "{\"commands\":\"status-pasca\"," + rest);
    }

    @Test
    void postpaidInProductionSendsNoTesting() {
        server.thenJson(200, withRef(DocsExamples.POSTPAID_FAILED, "some1d"));

        answer(client(PRODUCTION).payPostpaid("pln", "530000000003", REF));

        assertThat(server.onlyRequest().bodyText()).doesNotContain("testing").startsWith("{\"commands\":\"pay-pasca\"");
    }

    @Test
    void inquiryPlnIsSignedWithTheCustomerNumber() {
        server.thenJson(200, DocsExamples.INQUIRY_PLN);

        PlnCustomer customer = ok(answer(client().inquiryPln("530000000001")));

        assertThat(customer.name()).isEqualTo("DAVID");
        assertThat(server.onlyRequest().path()).isEqualTo("/v1/inquiry-pln");
        assertThat(server.onlyRequest().bodyText()).isEqualTo("{\"username\":\"loketuser\","
                + "\"customer_no\":\"530000000001\",\"sign\":\"53dd03c44d9031fc7e1f54ea877e8fbc\"}");
    }

    @Test
    void argumentsThatCannotBeSentAreRefusedBeforeSending() {
        DigiflazzClient client = client();

        assertThatThrownBy(() -> client.topup("xld10", "0878", " ", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.topup("xld10", "0878", REF, Optional.of(Money.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.depositTicket(0, "BCA", "John Doe"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests()).isEmpty();
    }

    // --- what comes back -----------------------------------------------------------------------------------------

    @Test
    void http400WithAJsonBodyIsAnAnswer() {
        server.thenJson(400, """
                {"data":{"ref_id":"LKT-20250101-0001","customer_no":"087800001230","buyer_sku_code":"",\
                "message":"IP Anda tidak kami kenali: 114.125.15.74","status":"Gagal","rc":"45"}}""");

        DigiflazzResult<TransactionAnswer> result = client().topup("xld10", "087800001230", REF, Optional.empty());

        assertThat(httpStatus(result)).isEqualTo(400);
        assertThat(answer(result).code()).isEqualTo(ResponseCode.UNKNOWN_IP);
        assertThat(answer(result).code().rcClass()).isEqualTo(RcClass.CONFIG_ERROR);
    }

    @Test
    void aRefusalWithoutRefIdIsStillAnAnswer() {
        server.thenJson(400, "{\"data\":{\"message\":\"Signature Anda salah\",\"status\":\"Gagal\",\"rc\":\"41\"}}");

        assertThat(answer(client().topup("xld10", "0878", REF, Optional.empty())).code())
                .isEqualTo(ResponseCode.INVALID_SIGNATURE);
    }

    @Test
    void anOutcomeWithoutRefIdIsNoAnswer() {
        server.thenJson(200, DocsExamples.PREPAID_PENDING.replace("\"ref_id\": \"test3\",", ""));

        assertThat(noAnswer(client().topup("xld10", "087800001233", REF, Optional.empty())))
                .contains("without the ref_id");
    }

    @Test
    void anAnswerAboutAnotherRefIdIsNoAnswer() {
        server.thenJson(200, DocsExamples.PREPAID_SUCCESS);

        assertThat(noAnswer(client().topup("xld10", "087800001230", REF, Optional.empty())))
                .contains("another ref_id");
    }

    @Test
    void http500IsNoAnswerEvenWithADataBody() {
        server.thenJson(500, withRef(DocsExamples.PREPAID_FAILED, "test2"));

        assertThat(noAnswer(client().topup("xld10", "087800001232", REF, Optional.empty()))).startsWith("HTTP 500");
        assertThat(server.requests()).as("never retried").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>502 Bad Gateway</body></html>", "", "{\"data\":", "OK"})
    void aGarbageBodyIsNoAnswer(String body) {
        server.then(ScriptedServer.bytes(200, "text/html", body.getBytes(StandardCharsets.UTF_8)));

        noAnswer(client().topup("xld10", "087800001230", REF, Optional.empty()));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anUnknownRcIsNoAnswer() {
        server.thenJson(200, withRef(DocsExamples.PREPAID_FAILED, "test2").replace("\"02\"", "\"46\""));

        assertThat(noAnswer(client().topup("xld10", "087800001232", REF, Optional.empty())))
                .isEqualTo("HTTP 200: rc 46 is not in Digiflazz's table");
    }

    @Test
    void aRedirectIsNotFollowed() {
        server.then(ScriptedServer.redirect("https://example.com/v1/transaction"));

        assertThat(noAnswer(client().topup("xld10", "087800001230", REF, Optional.empty()))).startsWith("HTTP 302");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aHangingServerIsNoAnswerWithinTheReadTimeout() {
        server.then(ScriptedServer.hang());
        DigiflazzClient client = new DigiflazzClient(server.baseUrl(), DEV, Duration.ofSeconds(2),
                Duration.ofMillis(400));

        long started = System.nanoTime();
        String reason = noAnswer(client.topup("xld10", "087800001230", REF, Optional.empty()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reason).contains("no answer within 400 ms");
        assertThat(took).isBetween(Duration.ofMillis(350), Duration.ofMillis(1_500));
        assertThat(server.requests()).as("never retried").hasSize(1);
    }

    @Test
    void aBodyThatStallsAfterItsHeadersIsNoAnswerWithinTheDeadline() {
        server.then(ScriptedServer.stallAfterHeaders());
        DigiflazzClient client = new DigiflazzClient(server.baseUrl(), DEV, Duration.ofMillis(300),
                Duration.ofMillis(400));

        long started = System.nanoTime();
        String reason = noAnswer(client.topup("xld10", "087800001230", REF, Optional.empty()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reason).containsAnyOf("no complete answer within 700 ms", "no answer within 400 ms");
        assertThat(took).isLessThan(Duration.ofMillis(2_000));
    }

    @Test
    void aRefusedConnectionIsNoAnswer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        DigiflazzClient client = new DigiflazzClient(URI.create("http://127.0.0.1:" + port + "/v1"), DEV,
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertThat(noAnswer(client.balance())).contains("could not connect");
    }

    @Test
    void anOversizedAnswerIsNoAnswerButAPriceListMayBeLarger() {
        byte[] huge = new byte[(int) DigiflazzClient.MAX_ANSWER_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        server.then(ScriptedServer.bytes(200, "application/json", huge));

        assertThat(noAnswer(client().topup("xld10", "087800001230", REF, Optional.empty())))
                .contains("longer than 1048576 bytes");

        StringBuilder list = new StringBuilder("{\"data\":[");
        String row = "{\"product_name\":\"Xl 100.000\",\"category\":\"Pulsa\",\"brand\":\"XL\",\"type\":\"Umum\","
                + "\"seller_name\":\"PT. ABC\",\"price\":98000,\"buyer_sku_code\":\"X%d\",\"buyer_product_status\":true,"
                + "\"seller_product_status\":true,\"unlimited_stock\":true,\"stock\":0,\"multi\":true,"
                + "\"start_cut_off\":\"23:45\",\"end_cut_off\":\"00:15\",\"desc\":\"Pulsa Xl Rp 100.000\"}";
        int count = 0;
        while (list.length() < 3 * DigiflazzClient.MAX_ANSWER_BYTES) {
            list.append(count == 0 ? "" : ",").append(String.format(row, count));
            count++;
        }
        server.thenJson(200, list.append("]}").toString());

        assertThat(rows(answer(client().prepaidPriceList())).rows()).hasSize(count);
    }

    // --- construction --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/v1", "http://api.digiflazz.com/v1", "http://127.0.0.1.example.com/v1",
        "http://10.0.0.1/v1", "http://[::2]/v1"})
    void plainHttpIsRefusedExceptOnThisComputer(String url) {
        assertThatThrownBy(() -> new DigiflazzClient(URI.create(url), DEV, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://")
                .hasMessageContaining("127.0.0.1, ::1, localhost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/v1", "http://127.0.0.1:8080/v1/", "http://127.1.2.3:1", "http://localhost/v1",
        "http://LOCALHOST:9/v1", "http://[::1]:8080/v1", "https://api.digiflazz.com/v1", "https://10.0.0.1/v1"})
    void httpsAnywhereAndHttpOnLoopbackAreAccepted(String url) {
        assertThatCode(() -> new DigiflazzClient(URI.create(url), DEV, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/v1", "/v1", "https://user:s3cr3t@api.digiflazz.com/v1",
        "https://api.digiflazz.com/v1?x=1"})
    void otherUrlsAreRefused(String url) {
        assertThatThrownBy(() -> new DigiflazzClient(URI.create(url), DEV, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> new DigiflazzClient(server.baseUrl(), DEV, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theClientsToStringDoesNotShowTheKey() {
        assertThat(client().toString()).contains("loketuser").contains("dev-****5555").doesNotContain(KEY);
    }

    // --- logging -------------------------------------------------------------------------------------------------

    @Test
    void logsOneLinePerCallAndNeverTheKeyTheSignOrTheCustomerNumber() {
        Logger logger = (Logger) LoggerFactory.getLogger("id.loket.upstream.digiflazz");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            server.thenJson(200, withRef(DocsExamples.PREPAID_SUCCESS, "test1"))
                    .thenJson(400, "{\"data\":{\"rc\":\"41\",\"message\":\"Signature Anda salah\",\"status\":\"Gagal\"}}")
                    .thenJson(500, "{\"data\":{}}")
                    .thenJson(200, "not json " + KEY)
                    .thenJson(200, DocsExamples.BALANCE)
                    .thenJson(200, DocsExamples.INQUIRY_PLN);
            DigiflazzClient client = client();
            for (int i = 0; i < 4; i++) {
                client.topup("xld10", "087800001230", REF, Optional.empty());
            }
            client.balance();
            client.inquiryPln("530000000001");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage());
        }
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).matches(".* in \\d+ ms").startsWith("Digiflazz /transaction ref_id=LKT-20250101-0001 rc=00 HTTP 200 in ");
        assertThat(lines.get(1)).contains("rc=41 HTTP 400");
        assertThat(lines.get(2)).contains("no answer: HTTP 500");
        assertThat(lines.get(4)).startsWith("Digiflazz /cek-saldo ref_id=- rc=00 HTTP 200");
        for (String line : lines) {
            assertThat(line).doesNotContain(KEY).doesNotContain("555555555555").doesNotContain(REF_SIGN)
                    .doesNotContain("f1775f050b89b494e3068a391fa18337")
                    .doesNotContain("53dd03c44d9031fc7e1f54ea877e8fbc")
                    .doesNotContain("087800001230").doesNotContain("530000000001");
        }
    }
}
