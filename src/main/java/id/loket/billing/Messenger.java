package id.loket.billing;

/** Messaging: one-time codes to a customer's phone (DESIGN.md, "Upstreams"). */
public interface Messenger {

    GatewayResult<OtpChallenge> requestOtp(String phone);

    GatewayResult<OtpVerification> verifyOtp(String otpId, String code);
}
