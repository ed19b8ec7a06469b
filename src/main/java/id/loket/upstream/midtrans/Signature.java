package id.loket.upstream.midtrans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Midtrans' {@code signature_key} (research §1.6, [S13]): {@code hex(SHA-512(order_id + status_code + gross_amount +
 * serverKey))}, the four concatenated as plain strings, compared as lowercase hex. {@code gross_amount} is the raw
 * string of the answer ({@code "150000.00"}): reformatting it is the classic bug, and yields another hash.
 */
public final class Signature {

    private Signature() {
    }

    public static String compute(String orderId, String statusCode, String grossAmount, String serverKey) {
        try {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            byte[] digest = sha512.digest((orderId + statusCode + grossAmount + serverKey)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no SHA-512", e);
        }
    }

    /** Whether {@code signatureKey} (any case) is the signature of the rest; false for a missing one. */
    public static boolean matches(String orderId, String statusCode, String grossAmount, String serverKey,
            String signatureKey) {
        if (orderId == null || statusCode == null || grossAmount == null || signatureKey == null) {
            return false;
        }
        byte[] expected = compute(orderId, statusCode, grossAmount, serverKey).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signatureKey.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }
}
