package id.loket.app;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.Messenger;
import id.loket.billing.NetworkInfo;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;

/**
 * No messenger ({@code messenger=none}): nothing is sent. Customers cannot be verified by a code, and receipts are
 * offered as {@code wa.me} links the clerk opens in WhatsApp.
 */
enum NoMessenger implements Messenger {
    INSTANCE;

    private static final String WHY = "no messenger is set (Settings, or LOKET_MESSENGER=fonnte)";

    @Override
    public NetworkInfo messengerInfo() {
        return new NetworkInfo("none", "none", NetworkInfo.Mode.LIVE, false);
    }

    @Override
    public GatewayResult<OtpChallenge> requestOtp(String phone) {
        return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.NOT_SUPPORTED, WHY));
    }

    @Override
    public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
        return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.NOT_SUPPORTED, WHY));
    }
}
