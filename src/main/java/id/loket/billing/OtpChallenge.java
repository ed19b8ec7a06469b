package id.loket.billing;

import java.time.Instant;

/** A verification code sent by SMS to a customer's phone; verified with {@link Gateway#verifyOtp}. */
public record OtpChallenge(String otpId, Instant expiresAt) {}
