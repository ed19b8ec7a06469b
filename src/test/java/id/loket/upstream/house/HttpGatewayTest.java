package id.loket.upstream.house;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.Product;
import id.loket.upstream.house.StubGateway.Recorded;
import id.loket.upstream.house.StubGateway.Reply;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The client against the stub: what goes on the wire, and how verified answers become the port's types. */
class HttpGatewayTest {

    private final StubGateway stub = StubGateway.start();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void close() {
        stub.close();
    }

    private HttpGateway gateway() {
        return new HttpGateway(stub.config(), new Fixtures.RecordingSleeper());
    }

    @Test
    void everyRequestCarriesMerchantTimestampAndTheSignatureOverTheCanonicalString() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(731);
        HttpGateway gateway = new HttpGateway(stub.config().withClock(Clock.fixed(now, ZoneOffset.ofHours(7))));
        stub.on("GET", "/v1/billers", Reply.ok(Fixtures.BILLERS));
        stub.on("POST", "/v1/inquiries", Reply.ok(Fixtures.inquiry()));

        gateway.billers().orThrow();
        gateway.inquire(Fixtures.inquiryRequest()).orThrow();

        assertThat(stub.requestProblems()).isEmpty();
        String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
        Recorded get = stub.requests().get(0);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.pathWithQuery()).isEqualTo("/v1/billers");
        assertThat(get.header("X-Loket-Merchant")).isEqualTo(StubGateway.MERCHANT);
        assertThat(get.header("X-Loket-Timestamp")).isEqualTo(timestamp).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(get.body()).isEmpty();
        assertThat(get.header("X-Loket-Signature")).isEqualTo(Signatures.hmacHex(StubGateway.SECRET,
                "GET\n/v1/billers\n" + timestamp
                        + "\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        Recorded post = stub.requests().get(1);
        assertThat(post.header("Content-Type")).startsWith("application/json");
        assertThat(post.header("X-Loket-Signature")).isEqualTo(Signatures.hmacHex(StubGateway.SECRET,
                "POST\n/v1/inquiries\n" + timestamp + "\n" + Signatures.sha256Hex(post.body())));
    }

    @Test
    void aPathPrefixOfTheBaseUriIsPartOfTheSignedPath() {
        HttpGateway gateway = new HttpGateway(GatewayConfig.of(URI.create(stub.baseUri() + "/h2h/"),
                StubGateway.MERCHANT, StubGateway.SECRET));
        stub.on("GET", "/h2h/v1/balance", Reply.ok("{\"balance\": 1, \"as_of\": \"2026-11-22T03:04:05Z\"}"));

        assertThat(gateway.balance()).isInstanceOf(GatewayResult.Answer.class);
        assertThat(stub.onlyRequest().pathWithQuery()).isEqualTo("/h2h/v1/balance");
        assertThat(stub.requestProblems()).isEmpty();
    }

    @Test
    void theCatalogIsReadWithProductsAsCodeNamePrice() {
        stub.on("GET", "/v1/billers", Reply.ok(Fixtures.BILLERS));

        List<Biller> billers = gateway().billers().orThrow();

        assertThat(billers).extracting(Biller::code).containsExactly("PLN_POSTPAID", "PLN_PREPAID", "PDAM_BDG", "BPJS");
        Biller prepaid = billers.get(1);
        assertThat(prepaid.kind()).isEqualTo(BillerKind.PREPAID);
        assertThat(prepaid.category()).isEqualTo(BillerCategory.ELECTRICITY);
        assertThat(prepaid.referenceLabel()).isEqualTo("No. Meter / ID Pelanggan");
        assertThat(prepaid.acceptsReference("12345678901")).isTrue();
        assertThat(prepaid.adminFee()).isEqualTo(Money.of(2500));
        assertThat(prepaid.products()).containsExactly(new Product("PLN20", "Token 20.000", Money.of(20000)),
                new Product("PLN1000", "Token 1.000.000", Money.of(1_000_000)));
        assertThat(billers.get(2).products()).isEmpty();
        assertThat(billers.get(3).category()).as("a category this version does not know").isEqualTo(BillerCategory.OTHER);
    }

    @Test
    void anInquirySendsBillerReferenceAndProductAndReadsTheBill() throws IOException {
        stub.on("POST", "/v1/inquiries", Reply.ok(Fixtures.inquiry()));

        Inquiry inquiry = gateway().inquire(Fixtures.inquiryRequest()).orThrow();
        gateway().inquire(new InquiryRequest("PLN_PREPAID", "12345678901", Optional.of("PLN20"))).orThrow();

        JsonNode sent = mapper.readTree(stub.requests().get(0).body());
        assertThat(sent.get("biller").textValue()).isEqualTo("PLN_POSTPAID");
        assertThat(sent.get("reference").textValue()).isEqualTo("512345678901");
        assertThat(sent.get("product").isNull()).isTrue();
        assertThat(mapper.readTree(stub.requests().get(1).body()).get("product").textValue()).isEqualTo("PLN20");
        assertThat(inquiry.inquiryId()).isEqualTo("inq_7f3a");
        assertThat(inquiry.customerName()).isEqualTo("BUDI SANTOSO");
        assertThat(inquiry.amount()).isEqualTo(Money.of(150000));
        assertThat(inquiry.adminFee()).isEqualTo(Money.of(2500));
        assertThat(inquiry.total()).isEqualTo(Money.of(152500));
        assertThat(inquiry.details()).containsExactly(
                org.assertj.core.api.Assertions.entry("tarif_daya", "R1/1300 VA"),
                org.assertj.core.api.Assertions.entry("periode", "NOV 2026"),
                org.assertj.core.api.Assertions.entry("lembar", "1"),
                org.assertj.core.api.Assertions.entry("stand_meter", "{\"awal\":1200,\"akhir\":1350}"));
        assertThat(inquiry.expiresAt()).isAfter(Instant.now());
    }

    @Test
    void aPaymentCarriesItsClientRefAsIdempotencyKeyAndReadsTheAnswer() throws IOException {
        stub.on("POST", "/v1/payments", Reply.ok(Fixtures.payment("SUCCESS")));

        PaymentResult result = gateway().pay(Fixtures.paymentRequest()).orThrow();

        Recorded sent = stub.onlyRequest();
        assertThat(sent.header("Idempotency-Key")).isEqualTo(Fixtures.CLIENT_REF);
        JsonNode body = mapper.readTree(sent.body());
        assertThat(body.get("client_ref").textValue()).isEqualTo(Fixtures.CLIENT_REF);
        assertThat(body.get("inquiry_id").textValue()).isEqualTo("inq_7f3a");
        assertThat(body.get("amount").isIntegralNumber()).isTrue();
        assertThat(body.get("amount").longValue()).isEqualTo(152500);
        assertThat(body.get("method").textValue()).isEqualTo("CASH");
        assertThat(body.get("charge_id").isNull()).isTrue();
        assertThat(result.paymentId()).isEqualTo("pay_91c2");
        assertThat(result.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(result.isDefinitive()).isTrue();
        assertThat(result.rc()).isEqualTo("00");
        assertThat(result.token()).contains("1234 5678 9012 3456 7890");
        assertThat(result.kwh()).contains("32.5");
        assertThat(result.billerRef()).contains("PLN-REF-7781");
        assertThat(result.paidAt()).contains(Instant.parse("2026-11-22T03:04:05Z"));
        assertThat(result.depositBalance()).contains(Money.of(4_850_000));
    }

    @Test
    void aReplayedPaymentAnswerIsAnAnswerLikeTheFirst() {
        stub.on("POST", "/v1/payments", Reply.ok(Fixtures.payment("PENDING")).header("Idempotent-Replayed", "true"));

        PaymentResult result = gateway().pay(Fixtures.paymentRequest()).orThrow();

        assertThat(result.status()).isEqualTo(PaymentResult.Status.PENDING);
        assertThat(result.isDefinitive()).isFalse();
    }

    @Test
    void aChargePaymentSendsItsChargeId() throws IOException {
        stub.on("POST", "/v1/payments", Reply.ok(Fixtures.payment("SUCCESS")));

        gateway().pay(new PaymentRequest(Fixtures.CLIENT_REF, "inq_7f3a", Money.of(152500), PaymentMethod.QRIS,
                Optional.of("chg_55"))).orThrow();

        JsonNode body = mapper.readTree(stub.onlyRequest().body());
        assertThat(body.get("method").textValue()).isEqualTo("QRIS");
        assertThat(body.get("charge_id").textValue()).isEqualTo("chg_55");
    }

    @Test
    void theStatusIsAskedByClientRefWhichIsEncodedAsOnePathSegment() {
        String odd = "ref/with space?x";
        stub.on("GET", "/v1/payments/ref%2Fwith%20space%3Fx", Reply.ok(Fixtures.payment(odd, "FAILED")));

        PaymentResult result = gateway().paymentStatus(odd).orThrow();

        assertThat(stub.onlyRequest().pathWithQuery()).isEqualTo("/v1/payments/ref%2Fwith%20space%3Fx");
        assertThat(stub.requestProblems()).isEmpty();
        assertThat(result.status()).isEqualTo(PaymentResult.Status.FAILED);
        assertThat(result.message()).isEqualTo("Transaksi gagal");
    }

    @Test
    void chargesAreCreatedAndPolled() throws IOException {
        String expires = Fixtures.in15Minutes();
        stub.on("POST", "/v1/charges", Reply.ok("""
                {"charge_id": "chg_55", "status": "PENDING", "qr_string": "00020101021226...6304ABCD",
                 "va_number": null, "payment_url": null, "expires_at": "%s"}""".formatted(expires)));
        stub.on("GET", "/v1/charges/chg_55", Reply.ok("""
                {"charge_id": "chg_55", "client_ref": "CHG-1", "method": "QRIS", "amount": 152500, "status": "PAID",
                 "qr_string": "00020101021226...6304ABCD", "expires_at": "%s"}""".formatted(expires)));

        Charge created = gateway().createCharge(new ChargeRequest("CHG-1", PaymentMethod.QRIS, Money.of(152500)))
                .orThrow();
        Charge polled = gateway().charge("chg_55").orThrow();

        JsonNode sent = mapper.readTree(stub.requests().get(0).body());
        assertThat(sent.get("client_ref").textValue()).isEqualTo("CHG-1");
        assertThat(sent.get("method").textValue()).isEqualTo("QRIS");
        assertThat(sent.get("amount").longValue()).isEqualTo(152500);
        assertThat(created.status()).isEqualTo(Charge.Status.PENDING);
        assertThat(created.clientRef()).isEqualTo("CHG-1");
        assertThat(created.qrString()).contains("00020101021226...6304ABCD");
        assertThat(created.vaNumber()).isEmpty();
        assertThat(created.expiresAt()).isEqualTo(Instant.parse(expires));
        assertThat(polled.status()).isEqualTo(Charge.Status.PAID);
        assertThat(polled.method()).isEqualTo(PaymentMethod.QRIS);
        assertThat(polled.amount()).isEqualTo(Money.of(152500));
    }

    @Test
    void theBalanceIsRead() {
        stub.on("GET", "/v1/balance", Reply.ok("{\"balance\": 4850000, \"as_of\": \"2026-11-22T10:00:00+07:00\"}"));

        DepositBalance balance = gateway().balance().orThrow();

        assertThat(balance.balance()).isEqualTo(Money.of(4_850_000));
        assertThat(balance.asOf()).isEqualTo(Instant.parse("2026-11-22T03:00:00Z"));
    }

    @Test
    void anOtpIsRequestedAndVerified() throws IOException {
        stub.on("POST", "/v1/otp", Reply.ok("{\"otp_id\": \"otp_9\", \"expires_at\": \"2026-11-22T03:09:05Z\"}"));
        stub.on("POST", "/v1/otp/otp_9/verify",
                Reply.ok("{\"verified\": false, \"attempts_left\": 4}"), Reply.ok("{\"verified\": true}"));

        OtpChallenge challenge = gateway().requestOtp("+6281234567890").orThrow();
        OtpVerification wrong = gateway().verifyOtp(challenge.otpId(), "000000").orThrow();
        OtpVerification right = gateway().verifyOtp(challenge.otpId(), "123456").orThrow();

        assertThat(mapper.readTree(stub.requests().get(0).body()).get("phone").textValue()).isEqualTo("+6281234567890");
        assertThat(mapper.readTree(stub.requests().get(2).body()).get("code").textValue()).isEqualTo("123456");
        assertThat(challenge.expiresAt()).isEqualTo(Instant.parse("2026-11-22T03:09:05Z"));
        assertThat(wrong).isEqualTo(new OtpVerification(false, 4));
        assertThat(right.verified()).isTrue();
    }

    @Test
    void logsNameMethodPathAndStatusButNeverTheSecretOrAPhoneNumber() {
        Logger logger = (Logger) LoggerFactory.getLogger("id.loket.upstream.house");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            stub.on("POST", "/v1/otp", Reply.ok("{\"otp_id\": \"otp_9\", \"expires_at\": \"2026-11-22T03:09:05Z\"}"),
                    Reply.error(422, "invalid_phone", "bad number +6281234567890"),
                    Reply.ok("{\"otp_id\": \"otp_9\", \"expires_at\": \"+6281234567890\"}"),
                    Reply.ok("{\"otp_id\": \"+6281234567890\", \"expires_at\": 5}"),
                    Reply.ok("+6281234567890"),
                    Reply.ok("{}").signed(Reply.Signing.WRONG));
            for (int i = 0; i < 6; i++) {
                gateway().requestOtp("+6281234567890");
            }
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()));
        }
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).contains("POST", "/v1/otp", "200");
        assertThat(lines.get(1)).contains("422", "invalid_phone");
        assertThat(String.join("\n", lines)).doesNotContain(StubGateway.SECRET).doesNotContain("81234567890");
    }

    @Test
    void sixtyFourCallersShareOneClient() throws Exception {
        stub.on("POST", "/v1/payments", request -> {
            String ref = request.header("Idempotency-Key");
            return Reply.ok(Fixtures.payment(ref, "SUCCESS"));
        });
        HttpGateway gateway = gateway();
        int callers = 64;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<GatewayResult<PaymentResult>>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String ref = "LKT-C-" + i;
                Callable<GatewayResult<PaymentResult>> call = () -> {
                    go.await();
                    return gateway.pay(new PaymentRequest(ref, "inq_" + ref, Money.of(152500), PaymentMethod.CASH,
                            Optional.empty()));
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            for (int i = 0; i < callers; i++) {
                GatewayResult<PaymentResult> result = futures.get(i).get(60, TimeUnit.SECONDS);
                assertThat(result.orThrow().clientRef()).isEqualTo("LKT-C-" + i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stub.requests()).hasSize(callers);
        assertThat(stub.requestProblems()).isEmpty();
    }
}
