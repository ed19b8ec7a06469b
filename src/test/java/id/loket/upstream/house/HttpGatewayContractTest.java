package id.loket.upstream.house;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.billing.SettlementSummary;
import id.loket.core.Biller;
import id.loket.core.BusinessCalendar;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.Product;
import id.loket.upstream.house.sim.SandboxOptions;
import id.loket.upstream.house.sim.SandboxServer;
import id.loket.testing.SandboxAdmin;
import id.loket.testing.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the real sandbox gateway over loopback: the two ends of the protocol, written from the same
 * page by different people, must agree.
 */
class HttpGatewayContractTest {

    private static final String POSTPAID_REF = "512345678901";

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private SandboxAdmin admin;
    private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();
    private final TestClock sandboxClock = TestClock.realTime();

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private HttpGateway start() {
        return start(options -> options);
    }

    private HttpGateway start(UnaryOperator<SandboxOptions> tweak) {
        sandbox = SandboxServer.start(tweak.apply(SandboxOptions.defaults(dir.resolve("sandbox.db"))
                .withClock(sandboxClock)));
        admin = new SandboxAdmin(sandbox.baseUri());
        return client(config());
    }

    private GatewayConfig config() {
        return GatewayConfig.of(sandbox.baseUri(), SandboxOptions.DEFAULT_MERCHANT, SandboxOptions.DEFAULT_SECRET);
    }

    private HttpGateway client(GatewayConfig config) {
        return new HttpGateway(config, sleeper);
    }

    private static String newRef() {
        return "LKT-" + UUID.randomUUID().toString().substring(0, 18);
    }

    private static Inquiry inquire(HttpGateway gateway, String biller, String reference) {
        return gateway.inquire(new InquiryRequest(biller, reference, Optional.empty())).orThrow();
    }

    private static PaymentRequest cash(String clientRef, Inquiry inquiry) {
        return new PaymentRequest(clientRef, inquiry.inquiryId(), inquiry.total(), PaymentMethod.CASH,
                Optional.empty());
    }

    private static GatewayError refusal(GatewayResult<?> result) {
        assertThat(result).isInstanceOf(GatewayResult.Refused.class);
        return ((GatewayResult.Refused<?>) result).error();
    }

    private static String noAnswer(GatewayResult<?> result) {
        assertThat(result).isInstanceOf(GatewayResult.NoAnswer.class);
        return ((GatewayResult.NoAnswer<?>) result).reason();
    }

    // --- catalog and the happy paths -------------------------------------------------------------------------

    @Test
    void theCatalogHasEveryBillerOfThePage() {
        List<Biller> billers = start().billers().orThrow();

        assertThat(billers).extracting(Biller::code)
                .contains("PLN_POSTPAID", "PLN_PREPAID", "TELKOM", "HALO", "PULSA", "KAI");
        assertThat(billers).filteredOn(b -> b.code().startsWith("PDAM_")).hasSizeGreaterThanOrEqualTo(3);
        Biller token = billers.stream().filter(b -> b.code().equals("PLN_PREPAID")).findFirst().orElseThrow();
        assertThat(token.products()).extracting(Product::price).containsExactly(Money.of(20_000), Money.of(50_000),
                Money.of(100_000), Money.of(200_000), Money.of(500_000), Money.of(1_000_000));
        assertThat(token.acceptsReference("12345678901")).isTrue();
        assertThat(token.acceptsReference("512345678901")).isTrue();
        Biller postpaid = billers.stream().filter(b -> b.code().equals("PLN_POSTPAID")).findFirst().orElseThrow();
        assertThat(postpaid.acceptsReference(POSTPAID_REF)).isTrue();
        assertThat(postpaid.adminFee().isPositive()).isTrue();
    }

    @Test
    void plnPostpaidInquiryThenPaymentSucceedsAndDebitsTheDeposit() {
        HttpGateway gateway = start();
        Money before = gateway.balance().orThrow().balance();

        Inquiry inquiry = inquire(gateway, "PLN_POSTPAID", POSTPAID_REF);
        PaymentResult paid = gateway.pay(cash(newRef(), inquiry)).orThrow();

        assertThat(inquiry.total()).isEqualTo(inquiry.amount().plus(inquiry.adminFee()));
        assertThat(inquiry.customerName()).isNotBlank();
        assertThat(paid.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(paid.rc()).isEqualTo("00");
        assertThat(paid.paidAt()).isPresent();
        assertThat(paid.depositBalance()).contains(before.minus(inquiry.total()));
        assertThat(gateway.balance().orThrow().balance()).isEqualTo(before.minus(inquiry.total()));
    }

    @Test
    void plnPrepaidReturnsATwentyDigitToken() {
        HttpGateway gateway = start();
        Biller token = gateway.billers().orThrow().stream().filter(b -> b.code().equals("PLN_PREPAID")).findFirst()
                .orElseThrow();
        Product product = token.products().get(0);

        Inquiry inquiry = gateway.inquire(new InquiryRequest("PLN_PREPAID", "12345678901",
                Optional.of(product.code()))).orThrow();
        PaymentResult paid = gateway.pay(cash(newRef(), inquiry)).orThrow();

        assertThat(inquiry.amount()).isEqualTo(product.price());
        assertThat(paid.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(paid.token()).isPresent();
        assertThat(paid.token().get().replace(" ", "")).matches("\\d{20}");
        assertThat(paid.kwh()).isPresent();
    }

    // --- reference scenarios ------------------------------------------------------------------------------------

    @Test
    void aReferenceEndingIn0000IsNotFound() {
        assertThat(refusal(start().inquire(new InquiryRequest("PLN_POSTPAID", "512345670000", Optional.empty())))
                .code()).isEqualTo(GatewayError.REFERENCE_NOT_FOUND);
    }

    @Test
    void aReferenceEndingIn9999IsAlreadyPaid() {
        assertThat(refusal(start().inquire(new InquiryRequest("PLN_POSTPAID", "512345679999", Optional.empty())))
                .code()).isEqualTo(GatewayError.BILL_ALREADY_PAID);
    }

    @Test
    void aReferenceEndingIn1111IsPendingThenAwaitPaymentSeesSuccess() {
        HttpGateway gateway = start();
        String ref = newRef();

        PaymentResult first = gateway.pay(cash(ref, inquire(gateway, "PLN_POSTPAID", "512345671111"))).orThrow();
        PaymentResult settled = gateway.awaitPayment(ref, 10).orThrow();

        assertThat(first.status()).isEqualTo(PaymentResult.Status.PENDING);
        assertThat(first.rc()).isEqualTo("03");
        assertThat(settled.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(settled.paymentId()).isEqualTo(first.paymentId());
        assertThat(sleeper.slept).isNotEmpty().startsWith(Duration.ofSeconds(1));
    }

    @Test
    void aReferenceEndingIn2222FailsAtPayment() {
        HttpGateway gateway = start();

        PaymentResult failed = gateway.pay(cash(newRef(), inquire(gateway, "PLN_POSTPAID", "512345672222")))
                .orThrow();

        assertThat(failed.status()).isEqualTo(PaymentResult.Status.FAILED);
        assertThat(failed.isDefinitive()).isTrue();
        assertThat(failed.rc()).isEqualTo("02");
    }

    // --- faults through the client ------------------------------------------------------------------------------

    @Test
    void aTimeoutIsNoAnswerAndThePaymentWasNeverMade() {
        start();
        HttpGateway impatient = client(config().withReadTimeout(Duration.ofMillis(500)));
        Inquiry inquiry = inquire(impatient, "PLN_POSTPAID", POSTPAID_REF);
        String ref = newRef();
        admin.fault("timeout", "payments");

        assertThat(noAnswer(impatient.pay(cash(ref, inquiry)))).contains("no answer in time");
        assertThat(refusal(impatient.paymentStatus(ref)).code()).isEqualTo(GatewayError.PAYMENT_NOT_FOUND);
    }

    @Test
    void aDroppedResponseIsNoAnswerButThePaymentWasMade() {
        HttpGateway gateway = start();
        Inquiry inquiry = inquire(gateway, "PLN_POSTPAID", POSTPAID_REF);
        String ref = newRef();
        admin.fault("drop_response", "payments");

        noAnswer(gateway.pay(cash(ref, inquiry)));

        assertThat(gateway.paymentStatus(ref).orThrow().status()).isEqualTo(PaymentResult.Status.SUCCESS);
    }

    @Test
    void anHttp500IsNoAnswerAndNothingWasDone() {
        HttpGateway gateway = start();
        Inquiry inquiry = inquire(gateway, "PLN_POSTPAID", POSTPAID_REF);
        String ref = newRef();
        admin.fault("http_500", "payments");

        assertThat(noAnswer(gateway.pay(cash(ref, inquiry)))).contains("HTTP 500");
        assertThat(refusal(gateway.paymentStatus(ref)).code()).isEqualTo(GatewayError.PAYMENT_NOT_FOUND);
    }

    @Test
    void malformedJsonIsNoAnswerButThePaymentExists() {
        HttpGateway gateway = start();
        Inquiry inquiry = inquire(gateway, "PLN_POSTPAID", POSTPAID_REF);
        String ref = newRef();
        admin.fault("malformed_json", "payments");

        assertThat(noAnswer(gateway.pay(cash(ref, inquiry)))).contains("malformed");
        assertThat(gateway.paymentStatus(ref).orThrow().status()).isEqualTo(PaymentResult.Status.SUCCESS);
    }

    @Test
    void aBadSignatureIsNoAnswerButThePaymentExists() {
        HttpGateway gateway = start();
        Inquiry inquiry = inquire(gateway, "PLN_POSTPAID", POSTPAID_REF);
        String ref = newRef();
        admin.fault("bad_signature", "payments");

        assertThat(noAnswer(gateway.pay(cash(ref, inquiry)))).contains("signature did not verify");
        assertThat(gateway.paymentStatus(ref).orThrow().status()).isEqualTo(PaymentResult.Status.SUCCESS);
    }

    @Test
    void aPendingFaultIsSettledByAwaitPayment() {
        HttpGateway gateway = start();
        Inquiry inquiry = inquire(gateway, "PLN_POSTPAID", POSTPAID_REF);
        String ref = newRef();
        admin.post("/sandbox/faults", "{\"fault\": \"pending\", \"count\": 1, \"polls\": 3}");

        assertThat(gateway.pay(cash(ref, inquiry)).orThrow().status()).isEqualTo(PaymentResult.Status.PENDING);
        assertThat(gateway.awaitPayment(ref, 10).orThrow().status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aSlowAnswerWithinTheReadTimeoutIsAnAnswer() {
        HttpGateway gateway = start();
        admin.post("/sandbox/faults", "{\"fault\": \"slow\", \"count\": 1, \"endpoint\": \"balance\","
                + " \"delay_ms\": 200}");

        assertThat(gateway.balance()).isInstanceOf(GatewayResult.Answer.class);
    }

    // --- idempotency --------------------------------------------------------------------------------------------

    @Test
    void theSamePaymentTwiceIsReplayedAndDebitedOnce() {
        HttpGateway gateway = start();
        Money before = gateway.balance().orThrow().balance();
        Inquiry inquiry = inquire(gateway, "PLN_POSTPAID", POSTPAID_REF);
        PaymentRequest request = cash(newRef(), inquiry);

        PaymentResult first = gateway.pay(request).orThrow();
        PaymentResult again = gateway.pay(request).orThrow();

        assertThat(again).isEqualTo(first);
        assertThat(gateway.balance().orThrow().balance()).isEqualTo(before.minus(inquiry.total()));
        JsonNode held = admin.get("/sandbox/payments").get("payments");
        assertThat(held.findValuesAsText("client_ref")).containsOnlyOnce(request.clientRef());
    }

    @Test
    void theSameClientRefForAnotherPaymentIsAConflict() {
        HttpGateway gateway = start();
        String ref = newRef();
        gateway.pay(cash(ref, inquire(gateway, "PLN_POSTPAID", POSTPAID_REF))).orThrow();

        GatewayResult<PaymentResult> other = gateway.pay(cash(ref, inquire(gateway, "PLN_POSTPAID", "512345678902")));

        assertThat(refusal(other).code()).isEqualTo(GatewayError.IDEMPOTENCY_CONFLICT);
        assertThat(refusal(other).httpStatus()).isEqualTo(409);
    }

    // --- authentication -----------------------------------------------------------------------------------------

    /**
     * The sandbox signs its 401 with the real secret, which a client holding the wrong one cannot verify: per the
     * protocol an unverifiable answer is no answer. The reason still says what the gateway claimed.
     */
    @Test
    void aWrongSecretGetsAnUnverifiableBadSignatureWhichIsNoAnswer() {
        start();
        HttpGateway wrong = client(config().withCredentials(SandboxOptions.DEFAULT_MERCHANT, "not-the-secret"));

        assertThat(noAnswer(wrong.balance())).contains("signature did not verify", "bad_signature");
    }

    /** Signed with the secret this client also holds, so it verifies: a definitive refusal. */
    @Test
    void anUnknownMerchantWithTheRightSecretIsRefused() {
        start();
        HttpGateway stranger = client(config().withCredentials("SOMEONE-ELSE", SandboxOptions.DEFAULT_SECRET));

        assertThat(refusal(stranger.balance()).code()).isEqualTo(GatewayError.UNKNOWN_MERCHANT);
    }

    @Test
    void aClientClockTenMinutesOffIsRefusedWithStaleTimestamp() {
        start();
        HttpGateway slow = client(config().withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))));

        GatewayError error = refusal(slow.balance());

        assertThat(error.code()).isEqualTo(GatewayError.STALE_TIMESTAMP);
        assertThat(error.httpStatus()).isEqualTo(401);
    }

    // --- charges ------------------------------------------------------------------------------------------------

    @Test
    void aPaidQrisChargePaysTheBill() {
        HttpGateway gateway = start();
        Inquiry inquiry = inquire(gateway, "PLN_POSTPAID", POSTPAID_REF);
        String ref = newRef();

        Charge charge = gateway.createCharge(new ChargeRequest(ref, PaymentMethod.QRIS, inquiry.total())).orThrow();
        assertThat(charge.status()).isEqualTo(Charge.Status.PENDING);
        assertThat(charge.qrString()).isPresent();
        assertThat(refusal(gateway.pay(new PaymentRequest(ref, inquiry.inquiryId(), inquiry.total(),
                PaymentMethod.QRIS, Optional.of(charge.chargeId())))).code()).isEqualTo(GatewayError.CHARGE_NOT_PAID);

        admin.post("/sandbox/charges/" + charge.chargeId() + "/pay", "{}");
        Charge paid = gateway.charge(charge.chargeId()).orThrow();
        PaymentResult payment = gateway.pay(new PaymentRequest(ref, inquiry.inquiryId(), inquiry.total(),
                PaymentMethod.QRIS, Optional.of(charge.chargeId()))).orThrow();

        assertThat(paid.status()).isEqualTo(Charge.Status.PAID);
        assertThat(paid.clientRef()).isEqualTo(ref);
        assertThat(paid.amount()).isEqualTo(inquiry.total());
        assertThat(payment.status()).isEqualTo(PaymentResult.Status.SUCCESS);
    }

    @Test
    void aChargeExpiresAfterItsTtl() {
        HttpGateway gateway = start(options -> options.withChargeTtl(Duration.ofSeconds(60)));

        Charge charge = gateway.createCharge(new ChargeRequest(newRef(), PaymentMethod.VIRTUAL_ACCOUNT,
                Money.of(152_500))).orThrow();
        sandboxClock.advance(Duration.ofSeconds(61));

        assertThat(charge.vaNumber()).isPresent();
        assertThat(gateway.charge(charge.chargeId()).orThrow().status()).isEqualTo(Charge.Status.EXPIRED);
        assertThat(admin.postStatus("/sandbox/charges/" + charge.chargeId() + "/pay", "{}")).isEqualTo(410);
    }

    @Test
    void anUnknownChargeIsRefused() {
        assertThat(refusal(start().charge("chg_nope")).code()).isEqualTo(GatewayError.CHARGE_NOT_FOUND);
    }

    // --- OTP, balance -------------------------------------------------------------------------------------------

    @Test
    void anOtpIsVerifiedWithTheRightCode() {
        HttpGateway gateway = start();
        OtpChallenge challenge = gateway.requestOtp("+6281234567890").orThrow();
        String code = admin.get("/sandbox/otp/" + challenge.otpId()).get("code").textValue();

        assertThat(gateway.verifyOtp(challenge.otpId(), code).orThrow().verified()).isTrue();
    }

    @Test
    void fiveWrongCodesLockTheOtp() {
        HttpGateway gateway = start();
        OtpChallenge challenge = gateway.requestOtp("+6281234567890").orThrow();
        String code = admin.get("/sandbox/otp/" + challenge.otpId()).get("code").textValue();
        String wrong = (code.charAt(0) == '9' ? "0" : String.valueOf((char) (code.charAt(0) + 1))) + code.substring(1);

        for (int left = 4; left >= 0; left--) {
            assertThat(gateway.verifyOtp(challenge.otpId(), wrong).orThrow()).isEqualTo(new OtpVerification(false, left));
        }

        assertThat(refusal(gateway.verifyOtp(challenge.otpId(), code)).code()).isEqualTo(GatewayError.OTP_LOCKED);
    }

    @Test
    void anInvalidPhoneIsRefused() {
        assertThat(refusal(start().requestOtp("0812")).code()).isEqualTo(GatewayError.INVALID_PHONE);
    }

    @Test
    void theBalanceFollowsATopUp() {
        HttpGateway gateway = start();
        Money before = gateway.balance().orThrow().balance();

        admin.post("/sandbox/deposit", "{\"amount\": 1000000}");

        assertThat(gateway.balance().orThrow().balance()).isEqualTo(before.plus(Money.of(1_000_000)));
    }

    // --- settlement ---------------------------------------------------------------------------------------------

    private LocalDate todayWib() {
        return new BusinessCalendar(sandboxClock).today();
    }

    private List<String> payTwo(HttpGateway gateway) {
        String ok = newRef();
        String failed = newRef();
        gateway.pay(cash(ok, inquire(gateway, "PLN_POSTPAID", POSTPAID_REF))).orThrow();
        gateway.pay(cash(failed, inquire(gateway, "PLN_POSTPAID", "512345672222"))).orThrow();
        return List.of(ok, failed);
    }

    @Test
    void theSettlementOfTodayIsFetchedAndVerifiedWhenTheSandboxSettlesImmediately() throws IOException {
        HttpGateway gateway = start(options -> options.withSettleImmediately(true));
        List<String> refs = payTwo(gateway);
        Path csv = dir.resolve("settlement.csv");

        SettlementSummary summary = gateway.settlement(todayWib(), csv).orThrow();

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("payment_id,client_ref,biller,reference,amount,admin_fee,status,paid_at");
        assertThat(String.join("\n", lines)).contains(refs.get(0)).contains(refs.get(1));
        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.fileSha256()).isEqualTo(Signatures.sha256Hex(Files.readAllBytes(csv)));
        assertThat(summary.closingBalance()).isEqualTo(gateway.balance().orThrow().balance());
    }

    @Test
    void todayIsNotClosedWithoutSettleImmediately() {
        HttpGateway gateway = start();
        Path csv = dir.resolve("settlement.csv");

        assertThat(refusal(gateway.settlement(todayWib(), csv)).code()).isEqualTo(GatewayError.DAY_NOT_CLOSED);
        assertThat(csv).doesNotExist();
    }

    @Test
    void aCsvTamperedOnTheWayIsNoAnswerAndDeleted() throws IOException {
        HttpGateway direct = start(options -> options.withSettleImmediately(true));
        payTwo(direct);
        Path csv = dir.resolve("settlement.csv");
        try (TamperingProxy proxy = new TamperingProxy(sandbox.baseUri(), Optional.empty())) {
            HttpGateway viaProxy = client(GatewayConfig.of(proxy.baseUri(), SandboxOptions.DEFAULT_MERCHANT,
                    SandboxOptions.DEFAULT_SECRET));

            assertThat(noAnswer(viaProxy.settlement(todayWib(), csv))).contains("signature did not verify");
        }
        assertThat(csv).doesNotExist();
        assertNoPartialFiles();
    }

    @Test
    void aCsvThatDisagreesWithItsSignedSummaryIsNoAnswerAndDeleted() throws IOException {
        HttpGateway direct = start(options -> options.withSettleImmediately(true));
        payTwo(direct);
        Path csv = dir.resolve("settlement.csv");
        try (TamperingProxy proxy = new TamperingProxy(sandbox.baseUri(),
                Optional.of(SandboxOptions.DEFAULT_SECRET))) {
            HttpGateway viaProxy = client(GatewayConfig.of(proxy.baseUri(), SandboxOptions.DEFAULT_MERCHANT,
                    SandboxOptions.DEFAULT_SECRET));

            assertThat(noAnswer(viaProxy.settlement(todayWib(), csv))).contains("does not match its signed summary");
        }
        assertThat(csv).doesNotExist();
        assertNoPartialFiles();
    }

    private void assertNoPartialFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }
}
