package id.loket.upstream.fonnte;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.billing.Messenger;
import id.loket.billing.NetworkInfo;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.billing.TextOtp;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Messenger} over Fonnte (WhatsApp through the shop's own device). Texts go out as they are; one-time
 * codes are made and checked here ({@link TextOtp}: 6 digits, 5 minutes, 5 tries, one per minute per number, kept
 * in memory only) and sent as an ordinary text, since Fonnte has no OTP service.
 *
 * <p>The number is normalised to {@code 62…} before anything is sent; a number that is not a plausible Indonesian
 * mobile number is refused with {@link GatewayError#INVALID_PHONE} and nothing leaves the machine. Fonnte's own
 * refusals map as {@link FonnteAnswers} says; a timeout or an unreadable answer is a {@code NoAnswer} (the text may
 * or may not be queued).
 *
 * <p>Fonnte queues a text and, without a webhook (which a desktop counter cannot receive), never confirms delivery:
 * an answer means "queued", not "delivered".
 */
public final class FonnteMessenger implements Messenger {

    /** The text "Test connection" sends. */
    public static final String TEST_TEXT = "Tes koneksi Loket berhasil.";

    private static final NetworkInfo INFO = new NetworkInfo("fonnte", "Fonnte (WhatsApp)", NetworkInfo.Mode.LIVE,
            false, false);

    private final FonnteClient client;
    private final TextOtp otp;

    /** With the system clock and a new {@link SecureRandom}. */
    public FonnteMessenger(FonnteClient client) {
        this(client, Clock.systemUTC(), new SecureRandom());
    }

    /**
     * @param clock judges the codes' expiry and the resend limit
     * @param random makes the codes
     */
    public FonnteMessenger(FonnteClient client, Clock clock, SecureRandom random) {
        this.client = Objects.requireNonNull(client, "client");
        this.otp = new TextOtp(this::sendText, clock, random);
    }

    /**
     * Settings' "Test connection": sends {@link #TEST_TEXT} to {@code testPhone} with a token and URL typed but not
     * saved.
     *
     * @param url the Fonnte address ({@code https://api.fonnte.com}); blank means that one
     * @return the receipt, or refused: {@link GatewayError#CONFIGURATION_ERROR} for a URL or token that cannot be
     *     used (nothing sent), {@link GatewayError#WRONG_KEY} for a token Fonnte refuses, {@link GatewayError#INVALID_PHONE}
     *     for the number, or Fonnte's other reason
     */
    public static GatewayResult<MessageReceipt> testConnection(String token, String url, String testPhone) {
        FonnteClient client;
        try {
            String u = Objects.requireNonNullElse(url, "").strip();
            client = new FonnteClient(u.isEmpty() ? FonnteClient.PRODUCTION_URL : URI.create(u),
                    Objects.requireNonNullElse(token, ""));
        } catch (IllegalArgumentException e) {
            return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.CONFIGURATION_ERROR, e.getMessage()));
        }
        return new FonnteMessenger(client).sendText(testPhone, TEST_TEXT);
    }

    @Override
    public NetworkInfo messengerInfo() {
        return INFO;
    }

    @Override
    public GatewayResult<OtpChallenge> requestOtp(String phone) {
        return otp.request(phone);
    }

    @Override
    public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
        return otp.verify(otpId, code);
    }

    @Override
    public GatewayResult<MessageReceipt> sendText(String phone, String text) {
        Objects.requireNonNull(text, "text");
        Optional<String> target = IndonesianMobile.normalise(phone);
        if (target.isEmpty()) {
            return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.INVALID_PHONE, "This is not an"
                    + " Indonesian mobile number (08…, +62 8…, 10 to 13 digits from the 0): check it with the"
                    + " customer. Nothing was sent."));
        }
        if (text.isBlank()) {
            return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.BAD_REQUEST,
                    "There is no text to send. Nothing was sent."));
        }
        return client.send(target.get(), text);
    }

    @Override
    public String toString() {
        return "FonnteMessenger[" + client + "]";
    }
}
