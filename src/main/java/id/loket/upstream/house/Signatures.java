package id.loket.upstream.house;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The protocol's signatures (docs/gateway-api.md), one implementation for both ends so they cannot drift:
 * <ul>
 *   <li>request: {@code HMAC-SHA256(secret, METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n hex SHA-256(body))};</li>
 *   <li>response: {@code HMAC-SHA256(secret, STATUS \n TIMESTAMP \n hex SHA-256(body))};</li>
 * </ul>
 * lowercase hex throughout.
 */
public final class Signatures {

    public static final String MERCHANT_HEADER = "X-Loket-Merchant";
    public static final String TIMESTAMP_HEADER = "X-Loket-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Loket-Signature";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** How far a request's timestamp may be from the server's clock. */
    public static final long MAX_SKEW_SECONDS = 300;

    private Signatures() {}

    public static String requestCanonical(String method, String pathWithQuery, String timestamp, byte[] body) {
        return method + "\n" + pathWithQuery + "\n" + timestamp + "\n" + sha256Hex(body);
    }

    public static String responseCanonical(int status, String timestamp, byte[] body) {
        return responseCanonicalForDigest(status, timestamp, sha256Hex(body));
    }

    /**
     * The response canonical string from the body's SHA-256 (lowercase hex) instead of the body: a body streamed
     * to a file (the settlement CSV) is hashed while it is written and never held in memory.
     */
    public static String responseCanonicalForDigest(int status, String timestamp, String bodySha256Hex) {
        return status + "\n" + timestamp + "\n" + bodySha256Hex;
    }

    public static String signRequest(String secret, String method, String pathWithQuery, String timestamp, byte[] body) {
        return hmacHex(secret, requestCanonical(method, pathWithQuery, timestamp, body));
    }

    public static String signResponse(String secret, int status, String timestamp, byte[] body) {
        return hmacHex(secret, responseCanonical(status, timestamp, body));
    }

    /** {@link #signResponse} for a body known only by its SHA-256 (lowercase hex); see {@link #responseCanonicalForDigest}. */
    public static String signResponseForDigest(String secret, int status, String timestamp, String bodySha256Hex) {
        return hmacHex(secret, responseCanonicalForDigest(status, timestamp, bodySha256Hex));
    }

    public static String hmacHex(String secret, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable: " + e.getMessage(), e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Compares two signatures in time independent of where they differ. */
    public static boolean matches(String expectedHex, String givenHex) {
        if (givenHex == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                givenHex.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
