package id.loket.billing;

/** The answer to a typed code: verified, or not with how many tries are left before the code locks. */
public record OtpVerification(boolean verified, int attemptsLeft) {}
