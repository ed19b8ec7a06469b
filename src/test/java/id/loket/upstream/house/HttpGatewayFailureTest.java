package id.loket.upstream.house;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.PaymentResult;
import id.loket.upstream.house.StubGateway.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everything that is not a verified answer is {@link GatewayResult.NoAnswer}; a verified 4xx is
 * {@link GatewayResult.Refused}. A payment is never sent twice by the adapter.
 */
class HttpGatewayFailureTest {

    private final StubGateway stub = StubGateway.start();

    @AfterEach
    void close() {
        stub.close();
    }

    private HttpGateway gateway() {
        return new HttpGateway(stub.config(), new Fixtures.RecordingSleeper());
    }

    private GatewayResult<PaymentResult> payOnceWith(Reply reply) {
        stub.on("POST", "/v1/payments", reply);
        GatewayResult<PaymentResult> result = gateway().pay(Fixtures.paymentRequest());
        assertThat(stub.requests()).as("the adapter never retries a payment").hasSize(1);
        assertThat(stub.requestProblems()).isEmpty();
        return result;
    }

    private static String reasonOf(GatewayResult<?> result) {
        assertThat(result).isInstanceOf(GatewayResult.NoAnswer.class);
        return ((GatewayResult.NoAnswer<?>) result).reason();
    }

    @Test
    void aWrongSignatureIsNoAnswer() {
        GatewayResult<PaymentResult> result = payOnceWith(Reply.ok(Fixtures.payment("SUCCESS"))
                .signed(Reply.Signing.WRONG));

        assertThat(reasonOf(result)).contains("signature did not verify");
    }

    @Test
    void aSignatureOverOtherBytesIsNoAnswer() {
        // Signed for "FAILED", carrying "SUCCESS": the signature covers the body.
        GatewayResult<PaymentResult> result = payOnceWith(Reply.ok(Fixtures.payment("FAILED"))
                .withBodySwappedAfterSigning(Fixtures.payment("SUCCESS").getBytes(StandardCharsets.UTF_8)));

        assertThat(reasonOf(result)).contains("signature did not verify");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO_SIGNATURE", "NO_TIMESTAMP"})
    void aResponseWithoutSignatureHeadersIsNoAnswer(String signing) {
        GatewayResult<PaymentResult> result = payOnceWith(Reply.ok(Fixtures.payment("SUCCESS"))
                .signed(Reply.Signing.valueOf(signing)));

        assertThat(reasonOf(result)).contains("signature did not verify");
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, -400, 400, 3600})
    void aResponseStampedMoreThan300SecondsOffOurClockIsNoAnswer(long seconds) {
        GatewayResult<PaymentResult> result = payOnceWith(Reply.ok(Fixtures.payment("SUCCESS"))
                .timestampShiftedBy(Duration.ofSeconds(seconds)));

        assertThat(reasonOf(result)).contains("off this computer's clock");
    }

    @ParameterizedTest
    @ValueSource(longs = {-250, 250})
    void aResponseWithinTheWindowIsAccepted(long seconds) {
        GatewayResult<PaymentResult> result = payOnceWith(Reply.ok(Fixtures.payment("SUCCESS"))
                .timestampShiftedBy(Duration.ofSeconds(seconds)));

        assertThat(result).isInstanceOf(GatewayResult.Answer.class);
    }

    @Test
    void a500IsNoAnswerEvenWhenSigned() {
        GatewayResult<PaymentResult> result = payOnceWith(Reply.error(500, "internal", "boom"));

        assertThat(reasonOf(result)).contains("HTTP 500");
    }

    @Test
    void a503BillerUnavailableIsNoAnswerNamingTheCode() {
        stub.on("POST", "/v1/inquiries", Reply.error(503, "biller_unavailable", "PLN sedang gangguan"));

        assertThat(reasonOf(gateway().inquire(Fixtures.inquiryRequest()))).contains("503", "biller_unavailable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json at all", "{\"payment_id\": ", "[1, 2]", "", "null",
        "{\"status\": \"SUCCESS\"} trailing", "<html>Bad Gateway</html>"})
    void anAnswerThatIsNotAJsonObjectIsNoAnswer(String body) {
        GatewayResult<PaymentResult> result = payOnceWith(Reply.ok(body));

        assertThat(reasonOf(result)).contains("malformed");
    }

    @Test
    void duplicateKeysInASignedAnswerAreNoAnswer() {
        String doubled = Fixtures.payment("FAILED").replace("\"status\": \"FAILED\"",
                "\"status\": \"FAILED\", \"status\": \"SUCCESS\"");

        assertThat(reasonOf(payOnceWith(Reply.ok(doubled)))).contains("malformed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"152500.5", "152500.0", "1.525e5", "\"152500\"", "99999999999999999999", "true"})
    void anAmountThatIsNotAWholeRupiahIsNoAnswer(String amount) {
        stub.on("POST", "/v1/inquiries", Reply.ok(Fixtures.inquiry(amount, "2500", "155000")));

        assertThat(reasonOf(gateway().inquire(Fixtures.inquiryRequest()))).contains("'amount'");
    }

    @Test
    void aFractionalDepositBalanceInAPaymentAnswerIsNoAnswer() {
        String answer = Fixtures.payment("SUCCESS").replace("4850000", "4850000.75");

        assertThat(reasonOf(payOnceWith(Reply.ok(answer)))).contains("deposit_balance");
    }

    @Test
    void aTotalThatIsNotBillPlusFeeIsNoAnswer() {
        stub.on("POST", "/v1/inquiries", Reply.ok(Fixtures.inquiry("150000", "2500", "150000")));

        assertThat(reasonOf(gateway().inquire(Fixtures.inquiryRequest()))).contains("total");
    }

    @ParameterizedTest
    @ValueSource(strings = {"payment_id", "client_ref", "status", "rc"})
    void aPaymentAnswerMissingARequiredFieldIsNoAnswer(String field) {
        String answer = Fixtures.payment("SUCCESS").replace("\"" + field + "\"", "\"x_" + field + "\"");

        assertThat(reasonOf(payOnceWith(Reply.ok(answer)))).contains(field);
    }

    @Test
    void aPaymentStatusNobodyKnowsIsNoAnswer() {
        assertThat(reasonOf(payOnceWith(Reply.ok(Fixtures.payment("REVERSED"))))).contains("status");
    }

    @Test
    void anAnswerAboutAnotherPaymentIsNoAnswer() {
        assertThat(reasonOf(payOnceWith(Reply.ok(Fixtures.payment("LKT-someone-else", "SUCCESS")))))
                .contains("another client_ref");
    }

    @Test
    void aReadTimeoutIsNoAnswer() {
        stub.on("POST", "/v1/payments", Reply.hang());
        HttpGateway impatient = new HttpGateway(stub.config().withReadTimeout(Duration.ofMillis(300)));

        Instant start = Instant.now();
        GatewayResult<PaymentResult> result = impatient.pay(Fixtures.paymentRequest());

        assertThat(reasonOf(result)).contains("no answer in time");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsNoAnswer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpGateway nobodyHome = new HttpGateway(GatewayConfig.of(URI.create("http://127.0.0.1:" + port),
                StubGateway.MERCHANT, StubGateway.SECRET));

        assertThat(reasonOf(nobodyHome.pay(Fixtures.paymentRequest()))).contains("could not connect");
    }

    @Test
    void anAnswerLargerThanTheCapIsNoAnswer() {
        byte[] huge = new byte[(int) HttpGateway.MAX_JSON_BYTES + 10];
        Arrays.fill(huge, (byte) ' ');
        stub.on("GET", "/v1/billers", Reply.bytes(200, huge, "application/json"));

        assertThat(reasonOf(gateway().billers())).contains("too large");
    }

    @ParameterizedTest
    @CsvSource({
        "404, reference_not_found", "409, bill_already_paid", "422, invalid_reference",
        "402, insufficient_deposit", "410, inquiry_expired", "425, day_not_closed", "409, idempotency_conflict",
        "422, a_code_from_the_future"})
    void aVerified4xxIsRefusedWithTheGatewaysCode(int status, String code) {
        GatewayResult<PaymentResult> result = payOnceWith(Reply.error(status, code, "Pesan untuk kasir"));

        assertThat(result).isEqualTo(new GatewayResult.Refused<PaymentResult>(
                new GatewayError(status, code, "Pesan untuk kasir")));
    }

    @Test
    void a4xxWithoutTheErrorBodyIsNoAnswer() {
        assertThat(reasonOf(payOnceWith(Reply.json(404, "{\"detail\": \"Not Found\"}")))).contains("error");
    }

    @Test
    void aRedirectIsNotFollowedAndIsNoAnswer() {
        assertThat(reasonOf(payOnceWith(Reply.json(302, "{}").header("Location", "https://elsewhere.example/"))))
                .contains("302");
    }

    @Test
    void paymentNotFoundIsRefused() {
        stub.on("GET", "/v1/payments/" + Fixtures.CLIENT_REF,
                Reply.error(404, "payment_not_found", "Tidak ada pembayaran"));

        GatewayResult<PaymentResult> result = gateway().paymentStatus(Fixtures.CLIENT_REF);

        assertThat(result).isInstanceOf(GatewayResult.Refused.class);
        assertThat(((GatewayResult.Refused<PaymentResult>) result).error().is(GatewayError.PAYMENT_NOT_FOUND)).isTrue();
    }

    /**
     * With a wrong secret the gateway's 401 is signed with the real secret, which this client cannot check: an
     * unverifiable answer is no answer (docs/gateway-api.md), but the reason says what it claims.
     */
    @Test
    void withAWrongSecretTheUnverifiable401IsNoAnswerThatNamesTheClaim() {
        HttpGateway wrongSecret = new HttpGateway(stub.config().withCredentials(StubGateway.MERCHANT, "wrong"));

        String reason = reasonOf(wrongSecret.balance());

        assertThat(reason).contains("signature did not verify", "bad_signature", "secret");
        assertThat(stub.requestProblems()).containsExactly("bad signature");
    }

    /** The gateway's signed word that our clock is off is the one answer whose own timestamp must look off. */
    @Test
    void aSigned401StaleTimestampIsRefusedAlthoughItsTimestampLooksOff() {
        Clock tenMinutesSlow = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        HttpGateway slow = new HttpGateway(stub.config().withClock(tenMinutesSlow));

        GatewayResult<?> result = slow.balance();

        assertThat(result).isInstanceOf(GatewayResult.Refused.class);
        assertThat(((GatewayResult.Refused<?>) result).error().code()).isEqualTo(GatewayError.STALE_TIMESTAMP);
        assertThat(((GatewayResult.Refused<?>) result).error().httpStatus()).isEqualTo(401);
    }
}
