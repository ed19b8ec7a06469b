package id.loket.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.loket.testing.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One-time codes over plain texts (research §4.5): expiry, tries, the resend limit, binding, silence about codes. */
class TextOtpTest {

    private static final String PHONE = "+6281234567890";
    private static final Pattern MESSAGE = Pattern.compile(
            "Kode verifikasi Loket Anda: (\\d{6})\\. Berlaku 5 menit\\. Jangan berikan kode ini kepada siapa pun\\.");

    private final TestClock clock = TestClock.at(Instant.parse("2026-03-02T03:00:00Z"));
    private final List<String[]> sent = new ArrayList<>();
    private GatewayResult<MessageReceipt> nextSend = new GatewayResult.Answer<>(new MessageReceipt("m-1", "pending"));
    private final TextOtp otp = new TextOtp((phone, text) -> {
        sent.add(new String[] {phone, text});
        return nextSend;
    }, clock, new SecureRandom());

    @Test
    void sendsSixDigitsInIndonesianAndTheRightCodeVerifiesAgainAndAgain() {
        OtpChallenge challenge = otp.request(PHONE).orThrow();

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)[0]).isEqualTo(PHONE);
        String code = codeOf(sent.get(0)[1]);
        assertThat(TextOtp.message(code)).isEqualTo(sent.get(0)[1]);
        assertThat(challenge.otpId()).matches("otp_[0-9a-f]{24}");
        assertThat(challenge.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(otp.verify(challenge.otpId(), code).orThrow()).isEqualTo(new OtpVerification(true, 5));
        // A counter that lost the answer may ask again.
        assertThat(otp.verify(challenge.otpId(), code).orThrow()).isEqualTo(new OtpVerification(true, 5));
    }

    @Test
    void codesComeFromTheRandomAndDiffer() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            otp.request("08123456" + String.format("%04d", i)).orThrow();
            codes.add(codeOf(sent.get(i)[1]));
        }
        assertThat(codes).allMatch(c -> c.matches("\\d{6}"));
        assertThat(codes.stream().distinct().count()).isGreaterThan(15);
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        OtpChallenge challenge = otp.request(PHONE).orThrow();
        String code = codeOf(sent.get(0)[1]);

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        String wrong = code.equals("000000") ? "000001" : "000000";
        assertThat(otp.verify(challenge.otpId(), wrong).orThrow()).isEqualTo(new OtpVerification(false, 4));
        clock.advance(Duration.ofSeconds(1));

        assertThat(errorOf(otp.verify(challenge.otpId(), code)).code()).isEqualTo(GatewayError.OTP_EXPIRED);
    }

    @Test
    void fiveWrongCodesLockItForGoodTheRightOneIncluded() {
        OtpChallenge challenge = otp.request(PHONE).orThrow();
        String code = codeOf(sent.get(0)[1]);
        String wrong = code.equals("111111") ? "222222" : "111111";

        for (int left = 4; left >= 0; left--) {
            assertThat(otp.verify(challenge.otpId(), wrong).orThrow()).isEqualTo(new OtpVerification(false, left));
        }

        assertThat(errorOf(otp.verify(challenge.otpId(), code)).code()).isEqualTo(GatewayError.OTP_LOCKED);
    }

    @Test
    void oneCodePerMinutePerNumberWhateverFormTheNumberIsTypedIn() {
        OtpChallenge first = otp.request(PHONE).orThrow();
        String firstCode = codeOf(sent.get(0)[1]);

        clock.advance(Duration.ofSeconds(59));
        GatewayError limited = errorOf(otp.request("0812-3456-7890"));
        assertThat(limited.code()).isEqualTo(GatewayError.RATE_LIMITED);
        assertThat(limited.message()).contains("wait 1 s");
        assertThat(sent).hasSize(1);
        assertThat(otp.request("+62 811 0000 0000")).isInstanceOf(GatewayResult.Answer.class);

        clock.advance(Duration.ofSeconds(1));
        OtpChallenge second = otp.request("62 812 3456 7890").orThrow();
        String secondCode = codeOf(sent.get(2)[1]);

        // The newer code replaces the older one.
        assertThat(errorOf(otp.verify(first.otpId(), firstCode)).code()).isEqualTo(GatewayError.OTP_NOT_FOUND);
        assertThat(otp.verify(second.otpId(), secondCode).orThrow().verified()).isTrue();
    }

    @Test
    void aCodeIsBoundToItsPhone() {
        OtpChallenge challenge = otp.request(PHONE).orThrow();
        String code = codeOf(sent.get(0)[1]);

        assertThat(errorOf(otp.verify(challenge.otpId(), "081299998888", code)).code())
                .isEqualTo(GatewayError.OTP_NOT_FOUND);
        // No try was used by the wrong phone; the same number in another form is the same phone.
        assertThat(otp.verify(challenge.otpId(), "0812 3456 7890", code).orThrow())
                .isEqualTo(new OtpVerification(true, 5));
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(errorOf(otp.verify("otp_nope", "123456")).code()).isEqualTo(GatewayError.OTP_NOT_FOUND);
        assertThat(errorOf(otp.verify(null, "123456")).code()).isEqualTo(GatewayError.OTP_NOT_FOUND);
    }

    @Test
    void aRefusedSendCreatesNoChallengeAndDoesNotCountAgainstTheResendLimit() {
        GatewayError quota = new GatewayError(200, "insufficient_quota", "no quota left");
        nextSend = new GatewayResult.Refused<>(quota);

        GatewayResult<OtpChallenge> refused = otp.request(PHONE);

        assertThat(refused).isEqualTo(new GatewayResult.Refused<OtpChallenge>(quota));
        nextSend = new GatewayResult.NoAnswer<>("HTTP 500: the answer is not JSON");
        assertThat(otp.request(PHONE)).isEqualTo(new GatewayResult.NoAnswer<OtpChallenge>(
                "HTTP 500: the answer is not JSON"));
        String unverifiable = codeOf(sent.get(1)[1]);

        nextSend = new GatewayResult.Answer<>(new MessageReceipt("m-2", "pending"));
        OtpChallenge challenge = otp.request(PHONE).orThrow();
        assertThat(sent).hasSize(3);
        String code = codeOf(sent.get(2)[1]);
        if (!unverifiable.equals(code)) {
            assertThat(otp.verify(challenge.otpId(), unverifiable).orThrow().verified()).isFalse();
        }
        assertThat(otp.verify(challenge.otpId(), code).orThrow().verified()).isTrue();
    }

    @Test
    void aNumberWithoutDigitsIsRefusedWithoutSending() {
        assertThat(errorOf(otp.request("  ")).code()).isEqualTo(GatewayError.INVALID_PHONE);
        assertThat(sent).isEmpty();
    }

    @Test
    void theCodeIsNeverLogged() {
        Logger logger = (Logger) LoggerFactory.getLogger("id.loket");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.TRACE);
        logger.addAppender(appender);
        List<String> codes = new ArrayList<>();
        try {
            OtpChallenge a = otp.request(PHONE).orThrow();
            codes.add(codeOf(sent.get(0)[1]));
            otp.verify(a.otpId(), codes.get(0).equals("000000") ? "000001" : "000000");
            otp.verify(a.otpId(), codes.get(0));
            otp.request(PHONE);
            clock.advance(Duration.ofMinutes(1));
            nextSend = new GatewayResult.Refused<>(new GatewayError(200, GatewayError.WRONG_KEY, "token invalid"));
            otp.request(PHONE);
            codes.add(codeOf(sent.get(1)[1]));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }

        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            for (String code : codes) {
                assertThat(event.getFormattedMessage()).doesNotContain(code).doesNotContain("81234567890");
            }
        }
    }

    private static String codeOf(String text) {
        Matcher m = MESSAGE.matcher(text);
        assertThat(m.matches()).as("the message: %s", text).isTrue();
        return m.group(1);
    }

    private static GatewayError errorOf(GatewayResult<?> result) {
        assertThat(result).isInstanceOf(GatewayResult.Refused.class);
        return ((GatewayResult.Refused<?>) result).error();
    }
}
