package id.loket.upstream.fonnte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.billing.NetworkInfo;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.testing.TestClock;
import id.loket.upstream.fonnte.sim.FonnteFault;
import id.loket.upstream.fonnte.sim.FonnteSimulator;
import id.loket.upstream.fonnte.sim.FonnteSimulatorOptions;
import id.loket.upstream.fonnte.sim.SentMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The adapter against {@link FonnteSimulator}, which speaks as Fonnte's docs say: every documented answer and every
 * fault, through the {@link id.loket.billing.Messenger} port.
 */
class FonnteMessengerContractTest {

    private static final String TOKEN = FonnteSimulatorOptions.DEFAULT_TOKEN;
    private static final String PHONE = "0812-3456-7890";
    private static final String TARGET = "6281234567890";
    /** Short, so a held request costs little; long enough for a loaded build machine to answer the others. */
    private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-02T03:00:00Z"));
    private FonnteSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private FonnteMessenger messenger(FonnteSimulatorOptions options) {
        return messenger(options, TOKEN);
    }

    private FonnteMessenger messenger(FonnteSimulatorOptions options, String token) {
        stop();
        sim = FonnteSimulator.start(options.withClock(clock));
        return new FonnteMessenger(client(token), clock, new SecureRandom());
    }

    private FonnteClient client(String token) {
        return new FonnteClient(sim.baseUri(), token, Duration.ofSeconds(5), READ_TIMEOUT);
    }

    // ---- success -----------------------------------------------------------------------------------------------

    @Test
    void aTextIsQueuedWithFonntesIdAndGoesToTheNormalisedNumber() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());

        GatewayResult<MessageReceipt> result = messenger.sendText(PHONE, "Struk LKT-0001\nTotal Rp150.000 & 100%");

        assertThat(result).isEqualTo(new GatewayResult.Answer<>(new MessageReceipt("80367170", "pending")));
        assertThat(sim.messages()).containsExactly(new SentMessage("80367170", TARGET,
                "Struk LKT-0001\nTotal Rp150.000 & 100%", clock.instant()));
        assertThat(messenger.sendText("+62 812 3456 7890", "again").orThrow().messageId()).isEqualTo("80367171");
    }

    @ParameterizedTest
    @ValueSource(strings = {"081234567890", "+62 812-3456-7890", "6281234567890", "81234567890"})
    void everyFormOfTheNumberReachesTheSameTarget(String phone) {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());

        messenger.sendText(phone, "halo").orThrow();

        assertThat(sim.messages()).extracting(SentMessage::target).containsExactly(TARGET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "021 5551234", "+1 555 123 4567", "0812", "08123abc4567"})
    void aNumberThatIsNoIndonesianMobileIsRefusedAndNothingIsSent(String phone) {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());

        assertThat(errorOf(messenger.sendText(phone, "halo")).code()).isEqualTo(GatewayError.INVALID_PHONE);
        assertThat(sim.messages()).isEmpty();
    }

    @Test
    void theCapitalisedStatusKeyIsStillAnAnswer() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());
        sim.armFault(FonnteFault.statusCasing());

        assertThat(messenger.sendText(PHONE, "halo").orThrow().messageId()).isEqualTo("80367170");
    }

    @Test
    void messengerInfoNamesFonnteLive() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());

        assertThat(messenger.messengerInfo())
                .isEqualTo(new NetworkInfo("fonnte", "Fonnte (WhatsApp)", NetworkInfo.Mode.LIVE, false, false));
    }

    // ---- the documented refusals -------------------------------------------------------------------------------

    @Test
    void aWrongTokenIsWrongKey() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults(), "not-the-token");

        GatewayError error = errorOf(messenger.sendText(PHONE, "halo"));

        assertThat(error.code()).isEqualTo(GatewayError.WRONG_KEY);
        assertThat(error.httpStatus()).isEqualTo(200);
        assertThat(sim.messages()).isEmpty();
    }

    @Test
    void statusFalseIsAFailureWhateverTheHttpStatus() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults().withFailureHttpStatus(400),
                "not-the-token");

        GatewayError error = errorOf(messenger.sendText(PHONE, "halo"));

        assertThat(error.code()).isEqualTo(GatewayError.WRONG_KEY);
        assertThat(error.httpStatus()).isEqualTo(400);
    }

    @Test
    void aTargetFonnteCannotDialIsInvalidPhone() {
        messenger(FonnteSimulatorOptions.defaults());

        // The messenger never sends such a target; the client on its own shows what Fonnte answers.
        assertThat(errorOf(client(TOKEN).send("12ab", "halo")).code()).isEqualTo(GatewayError.INVALID_PHONE);
    }

    @Test
    void noMessageIsInputInvalid() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());

        assertThat(errorOf(client(TOKEN).send(TARGET, "")).code()).isEqualTo(GatewayError.BAD_REQUEST);
        // The messenger does not even ask.
        assertThat(errorOf(messenger.sendText(PHONE, "  ")).code()).isEqualTo(GatewayError.BAD_REQUEST);
        assertThat(sim.messages()).isEmpty();
    }

    @Test
    void anEmptyQuotaIsInsufficientQuota() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults().withQuota(1));

        messenger.sendText(PHONE, "first").orThrow();
        GatewayError error = errorOf(messenger.sendText(PHONE, "second"));

        assertThat(error.code()).isEqualTo(FonnteAnswers.INSUFFICIENT_QUOTA);
        assertThat(error.message()).contains("quota");
        assertThat(sim.messages()).extracting(SentMessage::message).containsExactly("first");
        sim.setQuota(OptionalLong.empty());
        assertThat(messenger.sendText(PHONE, "third")).isInstanceOf(GatewayResult.Answer.class);
    }

    @Test
    void anotherReasonIsRefusedWithTheReason() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());
        sim.armFault(FonnteFault.reason("device disconnected"));

        GatewayError error = errorOf(messenger.sendText(PHONE, "halo"));

        assertThat(error.code()).isEqualTo(FonnteAnswers.MESSENGER_REFUSED);
        assertThat(error.message()).contains("device disconnected");
    }

    // ---- faults ------------------------------------------------------------------------------------------------

    @Test
    void aTimeoutIsNoAnswer() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());
        sim.armFault(FonnteFault.timeout());

        GatewayResult<MessageReceipt> result = messenger.sendText(PHONE, "halo");

        assertThat(result).isInstanceOf(GatewayResult.NoAnswer.class);
        assertThat(sim.messages()).isEmpty();
        assertThat(messenger.sendText(PHONE, "halo")).isInstanceOf(GatewayResult.Answer.class);
    }

    @Test
    void aGarbageBodyIsNoAnswerThoughTheTextWasQueued() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());
        sim.armFault(FonnteFault.garbage());

        assertThat(messenger.sendText(PHONE, "halo")).isInstanceOf(GatewayResult.NoAnswer.class);
        assertThat(sim.messages()).hasSize(1);
    }

    @Test
    void http500IsNoAnswer() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());
        sim.armFault(FonnteFault.http500().times(2));

        assertThat(messenger.sendText(PHONE, "halo")).isEqualTo(
                new GatewayResult.NoAnswer<MessageReceipt>("HTTP 500: the answer is not JSON"));
        assertThat(messenger.sendText(PHONE, "halo")).isInstanceOf(GatewayResult.NoAnswer.class);
        assertThat(messenger.sendText(PHONE, "halo")).isInstanceOf(GatewayResult.Answer.class);
    }

    @Test
    void faultsCanBeArmedOverHttp() throws Exception {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> armed = http.send(HttpRequest.newBuilder(sim.baseUri().resolve("/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"fault\":\"status_casing\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(armed.statusCode()).isEqualTo(200);
        http.send(HttpRequest.newBuilder(sim.baseUri().resolve("/sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"fault\":\"reason\",\"reason\":\"device disconnected\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(messenger.sendText(PHONE, "halo")).isInstanceOf(GatewayResult.Answer.class);
        assertThat(errorOf(messenger.sendText(PHONE, "halo")).message()).contains("device disconnected");
        assertThat(sim.armedFaults()).isEmpty();
    }

    @Test
    void nothingAnswersAtAClosedPort() {
        sim = FonnteSimulator.start(FonnteSimulatorOptions.defaults());
        URI closed = sim.baseUri();
        sim.close();
        FonnteMessenger messenger = new FonnteMessenger(new FonnteClient(closed, TOKEN, Duration.ofSeconds(2),
                READ_TIMEOUT));

        assertThat(messenger.sendText(PHONE, "halo")).isInstanceOf(GatewayResult.NoAnswer.class);
    }

    // ---- one-time codes ----------------------------------------------------------------------------------------

    @Test
    void aCodeGoesOutAsATextAndTheCodeReadFromThePhoneVerifies() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults());

        OtpChallenge challenge = messenger.requestOtp("+6281234567890").orThrow();
        String code = sim.lastCodeSentTo(PHONE).orElseThrow();

        assertThat(sim.lastMessageTo(TARGET).orElseThrow().message()).isEqualTo("Kode verifikasi Loket Anda: " + code
                + ". Berlaku 5 menit. Jangan berikan kode ini kepada siapa pun.");
        assertThat(challenge.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(messenger.verifyOtp(challenge.otpId(), code).orThrow()).isEqualTo(new OtpVerification(true, 5));
        assertThat(errorOf(messenger.requestOtp(PHONE)).code()).isEqualTo(GatewayError.RATE_LIMITED);
        clock.advance(Duration.ofMinutes(1));
        assertThat(messenger.requestOtp(PHONE)).isInstanceOf(GatewayResult.Answer.class);
    }

    @Test
    void aCodeFonnteRefusedToSendDoesNotExist() {
        FonnteMessenger messenger = messenger(FonnteSimulatorOptions.defaults().withQuota(0));

        assertThat(errorOf(messenger.requestOtp(PHONE)).code()).isEqualTo(FonnteAnswers.INSUFFICIENT_QUOTA);
        assertThat(errorOf(messenger.requestOtp("0812")).code()).isEqualTo(GatewayError.INVALID_PHONE);
        sim.setQuota(OptionalLong.of(5));
        assertThat(messenger.requestOtp(PHONE)).isInstanceOf(GatewayResult.Answer.class);
    }

    // ---- settings and secrets ----------------------------------------------------------------------------------

    @Test
    void testConnectionSendsTheTestTextAndNamesAWrongTokenOrAddress() {
        sim = FonnteSimulator.start(FonnteSimulatorOptions.defaults());

        assertThat(FonnteMessenger.testConnection(TOKEN, sim.baseUri().toString(), PHONE))
                .isInstanceOf(GatewayResult.Answer.class);
        assertThat(sim.messages()).extracting(SentMessage::message).containsExactly("Tes koneksi Loket berhasil.");
        assertThat(errorOf(FonnteMessenger.testConnection("wrong", sim.baseUri().toString(), PHONE)).code())
                .isEqualTo(GatewayError.WRONG_KEY);
        assertThat(errorOf(FonnteMessenger.testConnection(TOKEN, "http://api.fonnte.com", PHONE)).code())
                .isEqualTo(GatewayError.CONFIGURATION_ERROR);
        assertThat(errorOf(FonnteMessenger.testConnection("", sim.baseUri().toString(), PHONE)).code())
                .isEqualTo(GatewayError.CONFIGURATION_ERROR);
        assertThat(errorOf(FonnteMessenger.testConnection(TOKEN, sim.baseUri().toString(), "021 123")).code())
                .isEqualTo(GatewayError.INVALID_PHONE);
        assertThat(sim.messages()).hasSize(1);
    }

    @Test
    void httpsOnlyExceptOnThisComputer() {
        assertThatThrownBy(() -> new FonnteClient(URI.create("http://api.fonnte.com"), TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://");
        assertThatThrownBy(() -> new FonnteClient(URI.create("ftp://api.fonnte.com"), TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FonnteClient(URI.create("https://user:" + TOKEN + "@api.fonnte.com"), TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> new FonnteClient(URI.create("https://api.fonnte.com"), "two words"))
                .isInstanceOf(IllegalArgumentException.class);
        new FonnteClient(FonnteClient.PRODUCTION_URL, TOKEN);
        new FonnteClient(URI.create("http://127.0.0.1:1/"), TOKEN);
        new FonnteClient(URI.create("http://localhost:1"), TOKEN);
        new FonnteClient(URI.create("http://[::1]:1"), TOKEN);
    }

    @Test
    void theTokenAndTheTextsAreNeverLogged() {
        Logger logger = (Logger) LoggerFactory.getLogger("id.loket");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.TRACE);
        logger.addAppender(appender);
        String code;
        FonnteMessenger messenger;
        try {
            messenger = messenger(FonnteSimulatorOptions.defaults());
            messenger.sendText(PHONE, "TOKEN PLN 1234 5678 9012 3456 7890").orThrow();
            OtpChallenge challenge = messenger.requestOtp(PHONE).orThrow();
            code = sim.lastCodeSentTo(PHONE).orElseThrow();
            messenger.verifyOtp(challenge.otpId(), code);
            sim.armFault(FonnteFault.garbage());
            messenger.sendText(PHONE, "halo");
            sim.armFault(FonnteFault.http500());
            messenger.sendText(PHONE, "halo");
            messenger(FonnteSimulatorOptions.defaults(), TOKEN + "-wrong").sendText(PHONE, "halo");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }

        List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Fonnte /send to 62812*****890 (34 chars): id"));
        assertThat(lines).allSatisfy(l -> assertThat(l)
                .doesNotContain(TOKEN)
                .doesNotContain(code)
                .doesNotContain("1234 5678")
                .doesNotContain("81234567890"));
        assertThat(messenger.toString()).doesNotContain(TOKEN);
    }

    private static GatewayError errorOf(GatewayResult<?> result) {
        assertThat(result).isInstanceOf(GatewayResult.Refused.class);
        return ((GatewayResult.Refused<?>) result).error();
    }
}
