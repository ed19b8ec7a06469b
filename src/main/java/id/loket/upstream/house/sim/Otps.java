package id.loket.upstream.house.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.billing.GatewayError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phone verification ({@code POST /v1/otp}, {@code POST /v1/otp/{id}/verify}). No SMS leaves the sandbox: the
 * code that "was sent" is read back with {@code GET /sandbox/otp/{id}}. Five wrong codes lock the challenge for
 * good (the right code included), so guessing a 6-digit code is hopeless. Verifying an already verified
 * challenge again answers {@code verified: true}: a counter that lost the answer may safely ask again.
 *
 * <p>Phone numbers are stored and logged masked only; the sandbox never needs the full number again.
 */
final class Otps {

    private static final Logger LOG = LoggerFactory.getLogger(Otps.class);
    private static final Pattern PHONE = Pattern.compile("^\\+62[0-9]{8,13}$");
    static final int MAX_WRONG = 5;

    private final SandboxState state;
    private final Clock clock;
    private final Duration ttl;

    Otps(SandboxState state, Clock clock, Duration ttl) {
        this.state = state;
        this.clock = clock;
        this.ttl = ttl;
    }

    ObjectNode request(ObjectNode body) {
        String phone = Json.text(body, "phone");
        if (!PHONE.matcher(phone).matches()) {
            throw SandboxError.unprocessable(GatewayError.INVALID_PHONE, "The phone must be +62 followed by 8 to 13"
                    + " digits");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SandboxState.OtpRow row = new SandboxState.OtpRow(Ids.next("otp"), mask(phone), Ids.otpCode(), now,
                now.plus(ttl), 0, false);
        state.insertOtp(row);
        LOG.info("OTP {} sent to {}", row.otpId(), row.maskedPhone());
        ObjectNode answer = Json.object();
        answer.put("otp_id", row.otpId());
        answer.put("expires_at", Json.time(row.expiresAt()));
        return answer;
    }

    ObjectNode verify(String otpId, ObjectNode body) {
        String code = Json.text(body, "code");
        return state.atomically(() -> {
            SandboxState.OtpRow row = find(otpId);
            if (row.wrongAttempts() >= MAX_WRONG) {
                throw new SandboxError(423, GatewayError.OTP_LOCKED, "OTP " + otpId + " is locked after "
                        + MAX_WRONG + " wrong codes; request a new one");
            }
            if (row.verified()) {
                return answer(true, MAX_WRONG - row.wrongAttempts());
            }
            if (!clock.instant().isBefore(row.expiresAt())) {
                throw SandboxError.gone(GatewayError.OTP_EXPIRED, "OTP " + otpId + " expired at "
                        + Json.time(row.expiresAt()) + "; request a new one");
            }
            boolean right = MessageDigest.isEqual(row.code().getBytes(StandardCharsets.UTF_8),
                    code.getBytes(StandardCharsets.UTF_8));
            int wrong = right ? row.wrongAttempts() : row.wrongAttempts() + 1;
            state.updateOtp(otpId, wrong, right);
            LOG.info("OTP {} verify: {}", otpId, right ? "right" : "wrong (" + wrong + ")");
            return answer(right, MAX_WRONG - wrong);
        });
    }

    /** The code that was "sent" (sandbox only). */
    ObjectNode code(String otpId) {
        ObjectNode answer = Json.object();
        answer.put("code", find(otpId).code());
        return answer;
    }

    private SandboxState.OtpRow find(String otpId) {
        return state.otp(otpId).orElseThrow(() -> SandboxError.notFound(GatewayError.OTP_NOT_FOUND, "No OTP "
                + otpId));
    }

    private static ObjectNode answer(boolean verified, int attemptsLeft) {
        ObjectNode answer = Json.object();
        answer.put("verified", verified);
        answer.put("attempts_left", attemptsLeft);
        return answer;
    }

    /** "+6281234567890" → "+62812*****890": enough to tell two customers apart in a log, not enough to call. */
    static String mask(String phone) {
        int keepEnd = 3;
        int keepStart = Math.min(6, phone.length() - keepEnd);
        return phone.substring(0, keepStart) + "*".repeat(phone.length() - keepStart - keepEnd)
                + phone.substring(phone.length() - keepEnd);
    }
}
