package id.loket.billing;

import java.time.Instant;

/** A verification code sent by SMS or WhatsApp to a customer's phone; verified with {@link Messenger#verifyOtp}. */
public record OtpChallenge(String otpId, Instant expiresAt) {}
