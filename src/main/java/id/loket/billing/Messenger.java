package id.loket.billing;

/**
 * Messaging: one-time codes and receipts to a customer's phone (DESIGN.md, "Upstreams"). A messenger that cannot
 * send texts refuses with {@link GatewayError#NOT_SUPPORTED}; the counter then shows a {@code wa.me} link instead.
 */
public interface Messenger {

    /** Which messenger this is and in which mode (SANDBOX for the training messenger). */
    default NetworkInfo messengerInfo() {
        return new NetworkInfo("house", "Loket gateway", NetworkInfo.Mode.SANDBOX, false);
    }

    GatewayResult<OtpChallenge> requestOtp(String phone);

    GatewayResult<OtpVerification> verifyOtp(String otpId, String code);

    /**
     * Sends {@code text} to {@code phone} (Indonesian, any common form: 0812…, +62 812…, 62812…). Refused when the
     * provider refused it (a bad number, no quota, a wrong token): nothing was sent.
     */
    default GatewayResult<MessageReceipt> sendText(String phone, String text) {
        return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.NOT_SUPPORTED,
                "this messenger cannot send texts; show the wa.me link instead"));
    }
}
