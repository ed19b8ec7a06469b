package id.loket.upstream.house.sim;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random, unguessable ids ({@code inq_…}, {@code pay_…}, {@code chg_…}, {@code otp_…}) and OTP codes. Unguessable
 * because a charge id is in a customer-facing URL and an OTP id must not let anyone enumerate codes.
 */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    static String next(String prefix) {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }

    static String otpCode() {
        return String.format(java.util.Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
    }
}
