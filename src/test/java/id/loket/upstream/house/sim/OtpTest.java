package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtpTest extends SandboxTestBase {

    private JsonNode requestOtp() {
        SignedClient.Response r = client.post("/v1/otp", "{\"phone\": \"+6281234567890\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.signed()).isTrue();
        return r.json();
    }

    private String code(String otpId) {
        return sandboxOk("GET", "/sandbox/otp/" + otpId, null).get("code").asText();
    }

    private SignedClient.Response verify(String otpId, String code) {
        return client.post("/v1/otp/" + otpId + "/verify", "{\"code\": \"" + code + "\"}");
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    @Test
    void theRightCodeVerifies() {
        JsonNode otp = requestOtp();
        assertThat(otp.get("otp_id").asText()).startsWith("otp_");
        assertThat(otp.get("expires_at").asText()).isEqualTo("2026-11-21T03:05:00Z");
        String code = code(otp.get("otp_id").asText());
        assertThat(code).matches("\\d{6}");
        SignedClient.Response wrongOnce = verify(otp.get("otp_id").asText(), wrong(code));
        assertThat(wrongOnce.json().get("verified").asBoolean()).isFalse();
        assertThat(wrongOnce.json().get("attempts_left").asInt()).isEqualTo(4);
        SignedClient.Response right = verify(otp.get("otp_id").asText(), code);
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.json().get("verified").asBoolean()).isTrue();
        assertThat(right.json().get("attempts_left").asInt()).isEqualTo(4);
        assertThat(verify(otp.get("otp_id").asText(), code).json().get("verified").asBoolean())
                .as("verifying again is safe").isTrue();
    }

    @Test
    void fiveWrongCodesLockTheChallengeEvenForTheRightCode() {
        String id = requestOtp().get("otp_id").asText();
        String code = code(id);
        for (int i = 1; i <= 5; i++) {
            SignedClient.Response r = verify(id, wrong(code));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("verified").asBoolean()).isFalse();
            assertThat(r.json().get("attempts_left").asInt()).isEqualTo(5 - i);
        }
        SignedClient.Response locked = verify(id, code);
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.errorCode()).isEqualTo("otp_locked");
        assertThat(locked.signed()).isTrue();
    }

    @Test
    void anExpiredCodeIsRefused() {
        String id = requestOtp().get("otp_id").asText();
        String code = code(id);
        clock.advance(Duration.ofMinutes(5));
        SignedClient.Response r = verify(id, code);
        assertThat(r.status()).isEqualTo(410);
        assertThat(r.errorCode()).isEqualTo("otp_expired");
    }

    @Test
    void unknownChallenges() {
        assertThat(verify("otp_nope", "123456").status()).isEqualTo(404);
        assertThat(verify("otp_nope", "123456").errorCode()).isEqualTo("otp_not_found");
        assertThat(sandbox("GET", "/sandbox/otp/otp_nope", null).errorCode()).isEqualTo("otp_not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"081234567890", "+628123456", "+62812345678901234", "+6581234567", "+62 812345678"})
    void onlyIndonesianNumbersInInternationalForm(String phone) {
        SignedClient.Response r = client.post("/v1/otp", "{\"phone\": \"" + phone + "\"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("invalid_phone");
    }

    @Test
    void theLogNeverSeesTheWholeNumber() {
        assertThat(Otps.mask("+6281234567890")).isEqualTo("+62812*****890");
    }
}
