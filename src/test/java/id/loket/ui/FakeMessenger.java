package id.loket.ui;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.billing.Messenger;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A messenger for the receipt-by-WhatsApp tests: it sends (and keeps what it sent), or refuses with the code a test
 * sets, as a real messenger's adapter would after mapping its provider's answer.
 */
final class FakeMessenger implements Messenger {

    /** What was sent: the phone as given, then the text. */
    final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile GatewayError refusal;

    /** A messenger that refuses every text with {@code code}. */
    static FakeMessenger refusing(String code, String message) {
        FakeMessenger m = new FakeMessenger();
        m.refusal = new GatewayError(0, code, message);
        return m;
    }

    static FakeMessenger sending() {
        return new FakeMessenger();
    }

    void refuseWith(String code, String message) {
        refusal = new GatewayError(0, code, message);
    }

    void send() {
        refusal = null;
    }

    @Override
    public GatewayResult<MessageReceipt> sendText(String phone, String text) {
        GatewayError no = refusal;
        if (no != null) {
            return new GatewayResult.Refused<>(no);
        }
        sent.add(phone + "\n" + text);
        return new GatewayResult.Answer<>(new MessageReceipt("msg-" + sent.size(), "queued"));
    }

    @Override
    public GatewayResult<OtpChallenge> requestOtp(String phone) {
        throw new AssertionError("the receipt tests send no codes");
    }

    @Override
    public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
        throw new AssertionError("the receipt tests verify no codes");
    }
}
