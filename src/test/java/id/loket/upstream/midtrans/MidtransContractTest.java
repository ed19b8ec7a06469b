package id.loket.upstream.midtrans;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.core.ChargeChannel;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.upstream.midtrans.sim.MidtransFault;
import id.loket.upstream.midtrans.sim.MidtransSimulator;
import id.loket.upstream.midtrans.sim.MidtransSimulatorOptions;
import id.loket.upstream.midtrans.sim.Qris;
import id.loket.upstream.midtrans.sim.SimulatedCharge;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * {@link MidtransAcceptance} against {@link MidtransSimulator} over real loopback HTTP: every channel, every state,
 * every fault and code of the simulator.
 */
class MidtransContractTest {

    static final Instant START = Instant.parse("2025-01-01T03:00:00Z");
    static final String KEY = MidtransSimulatorOptions.DEFAULT_SERVER_KEY;

    private final MovableClock clock = new MovableClock(START);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<MidtransSimulator> simulators = new ArrayList<>();
    private MidtransSimulator sim;
    private MidtransAcceptance midtrans;

    MidtransContractTest() {
        start(MidtransSimulatorOptions.defaults());
    }

    private void start(MidtransSimulatorOptions options) {
        sim = MidtransSimulator.start(options.withClock(clock).withTimeoutHold(Duration.ofSeconds(10)));
        simulators.add(sim);
        midtrans = adapter(KEY, Duration.ofSeconds(5));
    }

    private MidtransAcceptance adapter(String key, Duration readTimeout) {
        MidtransClient client = new MidtransClient(sim.baseUri(), key, Duration.ofSeconds(2), readTimeout);
        return new MidtransAcceptance(client, clock, sleeps::add, Duration.ofMillis(500));
    }

    @AfterEach
    void close() {
        simulators.forEach(MidtransSimulator::close);
    }

    private static ChargeRequest request(String orderId, ChargeChannel channel) {
        return new ChargeRequest(orderId, channel, Money.of(152_500), "PLN 123456789012", Optional.empty());
    }

    private static <T> T answer(GatewayResult<T> result) {
        assertThat(result).isInstanceOf(GatewayResult.Answer.class);
        return ((GatewayResult.Answer<T>) result).value();
    }

    private static GatewayError refused(GatewayResult<?> result) {
        assertThat(result).isInstanceOf(GatewayResult.Refused.class);
        return ((GatewayResult.Refused<?>) result).error();
    }

    private static void noAnswer(GatewayResult<?> result) {
        assertThat(result).isInstanceOf(GatewayResult.NoAnswer.class);
    }

    private List<String> orderIdsAtSimulator() {
        return sim.charges().stream().map(SimulatedCharge::orderId).distinct().toList();
    }

    // ==== every channel ==========================================================================================

    @ParameterizedTest
    @EnumSource(value = ChargeChannel.class, names = "LINK", mode = EnumSource.Mode.EXCLUDE)
    void everyChannelIsPendingUntilSettledThenPaid(ChargeChannel channel) {
        String orderId = "LKT-" + channel;
        Charge created = answer(midtrans.createCharge(request(orderId, channel)));

        assertThat(created.chargeId()).isEqualTo(orderId);
        assertThat(created.clientRef()).isEqualTo(orderId);
        assertThat(created.status()).isEqualTo(Charge.Status.PENDING);
        assertThat(created.amount()).isEqualTo(Money.of(152_500));
        assertThat(created.method()).isEqualTo(channel.method());
        switch (channel) {
            case QRIS -> {
                String qr = created.qrString().orElseThrow();
                assertThat(qr).startsWith("000201010212").contains("5409152500.00");
                assertThat(qr.substring(qr.length() - 4)).isEqualTo(Qris.crc16(qr.substring(0, qr.length() - 4)));
                assertThat(created.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
            }
            case GOPAY -> {
                assertThat(created.paymentUrl()).isPresent();
                assertThat(created.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
            }
            case MANDIRI_BILL -> {
                assertThat(created.vaNumber()).get().asString().hasSize(12);
                assertThat(created.billerCode()).contains("70012");
                assertThat(created.expiresAt()).isEqualTo(START.plus(Duration.ofHours(24)));
            }
            default -> {
                assertThat(created.vaNumber()).get().asString().containsOnlyDigits();
                assertThat(created.expiresAt()).isEqualTo(START.plus(Duration.ofHours(24)));
            }
        }

        Charge pending = answer(midtrans.charge(orderId));
        assertThat(pending.status()).isEqualTo(Charge.Status.PENDING);
        assertThat(pending.vaNumber()).isEqualTo(created.vaNumber());
        assertThat(pending.billerCode()).isEqualTo(created.billerCode());
        assertThat(pending.qrString()).isEmpty(); // the status has no qr_string
        assertThat(pending.expiresAt()).isEqualTo(created.expiresAt());

        sim.settle(orderId);
        Charge paid = answer(midtrans.charge(orderId));
        assertThat(paid.status()).isEqualTo(Charge.Status.PAID);
        assertThat(paid.amount()).isEqualTo(Money.of(152_500));
        assertThat(answer(midtrans.findCharge(request(orderId, channel))).status()).isEqualTo(Charge.Status.PAID);
        assertThat(orderIdsAtSimulator()).containsExactly(orderId);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aPaymentLinkIsPaidOnlyThroughAVerifiedPurchase() {
        ChargeRequest link = new ChargeRequest("LKT-LINK-1", ChargeChannel.LINK, Money.of(75_000),
                "BPJS Kesehatan 0001234567890", Optional.of("081234567890"));
        Charge created = answer(midtrans.createCharge(link));
        assertThat(created.method()).isEqualTo(PaymentMethod.PAYMENT_LINK);
        assertThat(created.paymentUrl()).get().asString().startsWith(sim.baseUri() + "/payment-links/");
        assertThat(created.status()).isEqualTo(Charge.Status.PENDING);
        assertThat(created.expiresAt()).isEqualTo(START.plus(MidtransAcceptance.LINK_EXPIRY));

        Charge before = answer(midtrans.charge("LKT-LINK-1"));
        assertThat(before.status()).isEqualTo(Charge.Status.PENDING);
        assertThat(before.paymentUrl()).isEqualTo(created.paymentUrl());
        assertThat(before.expiresAt()).isEqualTo(created.expiresAt());

        SimulatedCharge purchase = sim.payLink("LKT-LINK-1");
        assertThat(purchase.orderId()).startsWith("LKT-LINK-1-");
        assertThat(answer(midtrans.charge("LKT-LINK-1")).status()).isEqualTo(Charge.Status.PAID);
        assertThat(answer(midtrans.findCharge(link)).status()).isEqualTo(Charge.Status.PAID);
        // Within 5 minutes a second create is the stored answer replayed (its key is the same)...
        assertThat(answer(midtrans.createCharge(link)).paymentUrl()).isEqualTo(created.paymentUrl());
        // ...after that, Midtrans answers 409 "has been taken" and the adapter reads the link.
        clock.advance(Duration.ofMinutes(6));
        assertThat(answer(midtrans.createCharge(link)).status()).isEqualTo(Charge.Status.PAID);

        // A forged status of the purchase is not trusted (the first status read, of the link's own order id,
        // is a 404 and uses the first application of the fault).
        sim.armFault(MidtransFault.forgedSignature().times(2));
        noAnswer(midtrans.charge("LKT-LINK-1"));
    }

    @Test
    void aPaymentLinkWithAPendingPurchaseIsCancelledWithIt() {
        ChargeRequest link = new ChargeRequest("LKT-LINK-2", ChargeChannel.LINK, Money.of(75_000), "",
                Optional.empty());
        answer(midtrans.createCharge(link));
        SimulatedCharge purchase = sim.startLinkPurchase("LKT-LINK-2", "bank_transfer");
        assertThat(answer(midtrans.charge("LKT-LINK-2")).status()).isEqualTo(Charge.Status.PENDING);

        assertThat(answer(midtrans.cancelCharge("LKT-LINK-2")).status()).isEqualTo(Charge.Status.CANCELLED);
        assertThat(sim.charges()).filteredOn(c -> c.orderId().equals(purchase.orderId()))
                .extracting(SimulatedCharge::transactionStatus).containsExactly("cancel");
        assertThat(refused(midtrans.findCharge(link)).code()).isEqualTo(GatewayError.CHARGE_NOT_FOUND);
    }

    @Test
    void aLinkPastItsExpiryIsExpired() {
        ChargeRequest link = new ChargeRequest("LKT-LINK-3", ChargeChannel.LINK, Money.of(5_000), "", Optional.empty());
        answer(midtrans.createCharge(link));
        clock.advance(Duration.ofHours(25));
        assertThat(answer(midtrans.charge("LKT-LINK-3")).status()).isEqualTo(Charge.Status.EXPIRED);
    }

    // ==== states =================================================================================================

    @Test
    void pendingExpiresOnTheClockAndByTheHook() {
        answer(midtrans.createCharge(request("LKT-EXP-1", ChargeChannel.QRIS)));
        clock.advance(Duration.ofMinutes(14));
        assertThat(answer(midtrans.charge("LKT-EXP-1")).status()).isEqualTo(Charge.Status.PENDING);
        clock.advance(Duration.ofMinutes(1));
        assertThat(answer(midtrans.charge("LKT-EXP-1")).status()).isEqualTo(Charge.Status.EXPIRED);

        answer(midtrans.createCharge(request("LKT-EXP-2", ChargeChannel.VA_BNI)));
        sim.expire("LKT-EXP-2");
        Charge expired = answer(midtrans.charge("LKT-EXP-2"));
        assertThat(expired.status()).isEqualTo(Charge.Status.EXPIRED);
        assertThat(expired.vaNumber()).isPresent();
        // Cancelling an expired charge (412) reports it as it is.
        assertThat(answer(midtrans.cancelCharge("LKT-EXP-2")).status()).isEqualTo(Charge.Status.EXPIRED);
    }

    @Test
    void theExpireEndpointAnswers407AndTheStatusSaysExpired() throws Exception {
        answer(midtrans.createCharge(request("LKT-EXP-3", ChargeChannel.VA_BRI)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.baseUri() + "/v2/LKT-EXP-3/expire"))
                .header("Authorization", MidtransClient.authorization(KEY))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"status_code\":\"407\"").contains("\"transaction_status\":\"expire\"");
        assertThat(answer(midtrans.charge("LKT-EXP-3")).status()).isEqualTo(Charge.Status.EXPIRED);
    }

    @Test
    void pendingIsCancelledThroughTheAdapter() {
        answer(midtrans.createCharge(request("LKT-CAN-1", ChargeChannel.QRIS)));
        assertThat(answer(midtrans.cancelCharge("LKT-CAN-1")).status()).isEqualTo(Charge.Status.CANCELLED);
        assertThat(answer(midtrans.charge("LKT-CAN-1")).status()).isEqualTo(Charge.Status.CANCELLED);

        // The status unreadable right after a successful cancel: the cancel's own answer says CANCELLED.
        answer(midtrans.createCharge(request("LKT-CAN-3", ChargeChannel.VA_BCA)));
        sim.armFault(MidtransFault.http500().on(MidtransFault.Endpoint.STATUS));
        Charge cancelled = answer(midtrans.cancelCharge("LKT-CAN-3"));
        assertThat(cancelled.status()).isEqualTo(Charge.Status.CANCELLED);
        assertThat(cancelled.amount()).isEqualTo(Money.of(152_500));
        // A cancel whose answer is lost is no answer.
        answer(midtrans.createCharge(request("LKT-CAN-4", ChargeChannel.VA_BCA)));
        sim.armFault(MidtransFault.garbageBody().on(MidtransFault.Endpoint.CANCEL));
        noAnswer(midtrans.cancelCharge("LKT-CAN-4"));
    }

    @Test
    void cancelAfterSettleIs412AndReportsPaid() {
        answer(midtrans.createCharge(request("LKT-CAN-2", ChargeChannel.VA_BCA)));
        sim.settle("LKT-CAN-2");
        assertThat(answer(midtrans.cancelCharge("LKT-CAN-2")).status()).isEqualTo(Charge.Status.PAID);
    }

    @Test
    void cancelOfAnUnknownOrderIsNotFound() {
        assertThat(refused(midtrans.cancelCharge("LKT-NOPE")).code()).isEqualTo(GatewayError.CHARGE_NOT_FOUND);
    }

    @Test
    void deniedIsCancelledAndAReversalOrRefundIsReversed() {
        answer(midtrans.createCharge(request("LKT-DENY", ChargeChannel.GOPAY)));
        sim.deny("LKT-DENY");
        assertThat(answer(midtrans.charge("LKT-DENY")).status()).isEqualTo(Charge.Status.CANCELLED);

        answer(midtrans.createCharge(request("LKT-REV", ChargeChannel.VA_PERMATA)));
        sim.settle("LKT-REV");
        assertThat(answer(midtrans.charge("LKT-REV")).status()).isEqualTo(Charge.Status.PAID);
        sim.reverse("LKT-REV");
        assertThat(answer(midtrans.charge("LKT-REV")).status()).isEqualTo(Charge.Status.REVERSED);

        answer(midtrans.createCharge(request("LKT-REF", ChargeChannel.QRIS)));
        sim.settle("LKT-REF");
        sim.refund("LKT-REF");
        assertThat(answer(midtrans.charge("LKT-REF")).status()).isEqualTo(Charge.Status.REVERSED);
    }

    // ==== signatures =============================================================================================

    @Test
    void aForgedSignatureIsNoAnswerNeverPaid() {
        answer(midtrans.createCharge(request("LKT-FORGE", ChargeChannel.QRIS)));
        sim.armFault(MidtransFault.forgedSignature().times(2));
        noAnswer(midtrans.charge("LKT-FORGE"));
        noAnswer(midtrans.findCharge(request("LKT-FORGE", ChargeChannel.QRIS)));
        assertThat(answer(midtrans.charge("LKT-FORGE")).status()).isEqualTo(Charge.Status.PENDING);
    }

    // ==== lost answers and duplicates ============================================================================

    @Test
    void aDuplicateOrderReturnsTheExistingCharge() {
        Charge first = answer(midtrans.createCharge(request("LKT-DUP-1", ChargeChannel.VA_BCA)));
        clock.advance(Duration.ofMinutes(6)); // past the idempotency window: Midtrans answers 406
        Charge again = answer(midtrans.createCharge(request("LKT-DUP-1", ChargeChannel.VA_BCA)));
        assertThat(again.vaNumber()).isEqualTo(first.vaNumber());
        assertThat(again.status()).isEqualTo(Charge.Status.PENDING);
        assertThat(sim.charges()).hasSize(1);
    }

    @Test
    void aRetryWithinTheIdempotencyWindowGetsTheSameAnswer() {
        Charge first = answer(midtrans.createCharge(request("LKT-IDEM", ChargeChannel.QRIS)));
        Charge again = answer(midtrans.createCharge(request("LKT-IDEM", ChargeChannel.QRIS)));
        assertThat(again.qrString()).isEqualTo(first.qrString());
        assertThat(sim.charges()).hasSize(1);
    }

    @Test
    void aDuplicateQrisWithoutItsQrIsCancelledAndChargedAgainUnderTheSameOrderId() {
        Charge first = answer(midtrans.createCharge(request("LKT-DUP-2", ChargeChannel.QRIS)));
        clock.advance(Duration.ofMinutes(6));
        Charge again = answer(midtrans.createCharge(request("LKT-DUP-2", ChargeChannel.QRIS)));
        assertThat(again.qrString()).isPresent().isNotEqualTo(first.qrString());
        assertThat(orderIdsAtSimulator()).containsExactly("LKT-DUP-2");
        assertThat(sim.charges()).extracting(SimulatedCharge::transactionStatus).containsExactly("cancel", "pending");
        sim.settle("LKT-DUP-2");
        assertThat(answer(midtrans.charge("LKT-DUP-2")).status()).isEqualTo(Charge.Status.PAID);
    }

    @Test
    void aDroppedAnswerIsResentWithTheSameKeyAndFindsTheSameCharge() {
        sim.armFault(MidtransFault.dropAfterProcessing().on(MidtransFault.Endpoint.CHARGE));
        Charge charge = answer(midtrans.createCharge(request("LKT-DROP-1", ChargeChannel.QRIS)));
        assertThat(sim.charges()).hasSize(1);
        assertThat(sim.charges().get(0).transactionStatus()).isEqualTo("pending");
        assertThat(charge.qrString().orElseThrow()).contains(sim.charges().get(0).transactionId());
        assertThat(sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void answersDroppedEveryTimeAreFoundByStatusAndRechargedUnderTheSameOrderId() {
        sim.armFault(MidtransFault.dropAfterProcessing().on(MidtransFault.Endpoint.CHARGE).times(3));
        Charge charge = answer(midtrans.createCharge(request("LKT-DROP-2", ChargeChannel.QRIS)));
        assertThat(charge.qrString()).isPresent();
        assertThat(orderIdsAtSimulator()).containsExactly("LKT-DROP-2");
        assertThat(sim.charges()).filteredOn(SimulatedCharge::current).hasSize(1);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void aDroppedVaAnswerIsFoundByStatusWithItsNumber() {
        sim.armFault(MidtransFault.dropAfterProcessing().on(MidtransFault.Endpoint.CHARGE).times(3));
        Charge charge = answer(midtrans.createCharge(request("LKT-DROP-3", ChargeChannel.MANDIRI_BILL)));
        assertThat(charge.vaNumber()).isPresent();
        assertThat(charge.billerCode()).contains("70012");
        assertThat(sim.charges()).hasSize(1);
    }

    @Test
    void aTimeoutIsResentAndFindsTheSameCharge() {
        midtrans = adapter(KEY, Duration.ofMillis(400));
        sim.armFault(MidtransFault.timeout().on(MidtransFault.Endpoint.CHARGE));
        Charge charge = answer(midtrans.createCharge(request("LKT-TIME", ChargeChannel.QRIS)));
        assertThat(charge.qrString()).isPresent();
        assertThat(sim.charges()).hasSize(1);
    }

    @Test
    void aTimeoutOnStatusIsNoAnswer() {
        answer(midtrans.createCharge(request("LKT-TIME-2", ChargeChannel.VA_BCA)));
        midtrans = adapter(KEY, Duration.ofMillis(400));
        sim.armFault(MidtransFault.timeout().on(MidtransFault.Endpoint.STATUS));
        noAnswer(midtrans.charge("LKT-TIME-2"));
    }

    @Test
    void aGarbageBodyAfterProcessingIsResentAndFindsTheSameCharge() {
        sim.armFault(MidtransFault.garbageBody().on(MidtransFault.Endpoint.CHARGE));
        answer(midtrans.createCharge(request("LKT-GARB", ChargeChannel.VA_BRI)));
        assertThat(sim.charges()).hasSize(1);
        sim.armFault(MidtransFault.garbageBody().on(MidtransFault.Endpoint.STATUS));
        noAnswer(midtrans.charge("LKT-GARB"));
    }

    @Test
    void serverErrorsAreResentThenStatusThenNoAnswer() {
        sim.armFault(MidtransFault.http503().on(MidtransFault.Endpoint.CHARGE));
        answer(midtrans.createCharge(request("LKT-5XX-1", ChargeChannel.QRIS)));
        assertThat(sim.charges()).hasSize(1);

        sim.armFault(MidtransFault.http500().on(MidtransFault.Endpoint.CHARGE).times(100));
        GatewayResult<Charge> result = midtrans.createCharge(request("LKT-5XX-2", ChargeChannel.QRIS));
        noAnswer(result);
        assertThat(orderIdsAtSimulator()).containsExactly("LKT-5XX-1");
        assertThat(refused(midtrans.findCharge(request("LKT-5XX-2", ChargeChannel.QRIS))).code())
                .isEqualTo(GatewayError.CHARGE_NOT_FOUND);

        sim.clearFaults();
        sim.armFault(MidtransFault.http500().on(MidtransFault.Endpoint.STATUS));
        noAnswer(midtrans.charge("LKT-5XX-1"));
        sim.armFault(MidtransFault.bodyCode("503").on(MidtransFault.Endpoint.STATUS));
        noAnswer(midtrans.charge("LKT-5XX-1"));
    }

    @Test
    void rateLimitIsRefusedAndNothingIsCharged() {
        sim.armFault(MidtransFault.rateLimited().on(MidtransFault.Endpoint.CHARGE));
        assertThat(refused(midtrans.createCharge(request("LKT-429", ChargeChannel.QRIS))).code())
                .isEqualTo(GatewayError.RATE_LIMITED);
        assertThat(sim.charges()).isEmpty();
        sim.armFault(MidtransFault.bodyCode("429").on(MidtransFault.Endpoint.STATUS));
        assertThat(refused(midtrans.charge("LKT-429")).code()).isEqualTo(GatewayError.RATE_LIMITED);
    }

    // ==== refusals ===============================================================================================

    @Test
    void aWrongKeyIsRefusedWithAClearMessageAndNothingIsCharged() {
        MidtransAcceptance wrong = adapter("SB-Mid-server-wrong", Duration.ofSeconds(5));
        GatewayError error = refused(wrong.createCharge(request("LKT-401", ChargeChannel.QRIS)));
        assertThat(error.code()).isEqualTo(GatewayError.WRONG_KEY);
        assertThat(error.httpStatus()).isEqualTo(401);
        assertThat(error.message()).contains("server key not accepted — sandbox key against production or the "
                + "reverse?");
        assertThat(refused(wrong.charge("LKT-401")).code()).isEqualTo(GatewayError.WRONG_KEY);
        assertThat(refused(wrong.createCharge(new ChargeRequest("LKT-401L", ChargeChannel.LINK, Money.of(1000), "",
                Optional.empty()))).code()).isEqualTo(GatewayError.WRONG_KEY);
        assertThat(sim.charges()).isEmpty();
    }

    @Test
    void aBody401UnderHttp200IsStillAWrongKey() {
        sim.armFault(MidtransFault.bodyCode("401").on(MidtransFault.Endpoint.CHARGE));
        GatewayError error = refused(midtrans.createCharge(request("LKT-401B", ChargeChannel.VA_BCA)));
        assertThat(error.code()).isEqualTo(GatewayError.WRONG_KEY);
        assertThat(error.httpStatus()).isEqualTo(200);
        assertThat(sim.charges()).isEmpty();
    }

    @Test
    void aPaymentTypeNotActivatedIsNotSupported() {
        start(MidtransSimulatorOptions.defaults().withDisabledPaymentTypes(Set.of("gopay")));
        GatewayError error = refused(midtrans.createCharge(request("LKT-402", ChargeChannel.GOPAY)));
        assertThat(error.code()).isEqualTo(GatewayError.NOT_SUPPORTED);
        assertThat(error.message()).contains("payment type not activated for this merchant");
        answer(midtrans.createCharge(request("LKT-402-QR", ChargeChannel.QRIS)));
    }

    @Test
    void aValidationErrorIsABadRequest() {
        sim.armFault(MidtransFault.bodyCode("400").on(MidtransFault.Endpoint.CHARGE));
        assertThat(refused(midtrans.createCharge(request("LKT-400", ChargeChannel.QRIS))).code())
                .isEqualTo(GatewayError.BAD_REQUEST);
        // A request the simulator itself refuses: the order id has a character Midtrans does not allow.
        assertThat(refused(midtrans.createCharge(request("LKT 400/x", ChargeChannel.QRIS))).code())
                .isEqualTo(GatewayError.BAD_REQUEST);
        assertThat(sim.charges()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MidtransSimulatorOptions.NotFound.class)
    void anUnknownOrderIsNotFoundInEitherForm(MidtransSimulatorOptions.NotFound form) {
        start(MidtransSimulatorOptions.defaults().withNotFound(form));
        for (int i = 0; i < 2; i++) {
            GatewayError error = refused(midtrans.charge("LKT-UNKNOWN"));
            assertThat(error.code()).isEqualTo(GatewayError.CHARGE_NOT_FOUND);
            assertThat(refused(midtrans.findCharge(request("LKT-UNKNOWN", ChargeChannel.QRIS))).code())
                    .isEqualTo(GatewayError.CHARGE_NOT_FOUND);
        }
        assertThat(sim.charges()).isEmpty();
    }

    @Test
    void theConnectionTestNamesTheModeOrTheWrongKey() {
        MidtransClient good = new MidtransClient(sim.baseUri(), KEY);
        assertThat(answer(MidtransAcceptance.testKey(good))).isEqualTo("accepted (sandbox)");
        assertThat(answer(MidtransAcceptance.testKey(good))).isEqualTo("accepted (sandbox)"); // the other 404 form
        MidtransClient production = new MidtransClient(sim.baseUri(), "Mid-server-production-like");
        GatewayError error = refused(MidtransAcceptance.testKey(production));
        assertThat(error.code()).isEqualTo(GatewayError.WRONG_KEY);
        sim.armFault(MidtransFault.http503().on(MidtransFault.Endpoint.STATUS));
        noAnswer(MidtransAcceptance.testKey(good));
        sim.close();
        noAnswer(MidtransAcceptance.testKey(good));
    }

    // ==== logs ===================================================================================================

    @Test
    void theServerKeyIsNeverLogged() {
        String secretKey = "SB-Mid-server-s3cr3t-never-logged";
        start(MidtransSimulatorOptions.defaults().withServerKey(secretKey));
        Logger logger = (Logger) LoggerFactory.getLogger("id.loket.upstream.midtrans");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            MidtransAcceptance adapter = adapter(secretKey, Duration.ofMillis(400));
            sim.armFault(MidtransFault.dropAfterProcessing().on(MidtransFault.Endpoint.CHARGE).times(3));
            answer(adapter.createCharge(request("LKT-LOG", ChargeChannel.QRIS)));
            sim.armFault(MidtransFault.forgedSignature());
            noAnswer(adapter.charge("LKT-LOG"));
            sim.armFault(MidtransFault.timeout().on(MidtransFault.Endpoint.STATUS));
            noAnswer(adapter.charge("LKT-LOG"));
            refused(adapter(secretKey + "x", Duration.ofSeconds(5)).charge("LKT-LOG"));
            MidtransAcceptance.testKey(new MidtransClient(sim.baseUri(), secretKey));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
        String authorization = Base64.getEncoder().encodeToString((secretKey + ":").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        List<ILoggingEvent> adapterEvents = appender.list.stream()
                .filter(e -> !e.getLoggerName().contains(".sim.")).toList();
        assertThat(adapterEvents).isNotEmpty();
        assertThat(adapterEvents).anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains("signature_key"));
        for (ILoggingEvent event : adapterEvents) {
            assertThat(event.getFormattedMessage()).doesNotContain(secretKey).doesNotContain("s3cr3t")
                    .doesNotContain(authorization);
        }
    }
}
