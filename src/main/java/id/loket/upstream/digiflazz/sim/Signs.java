package id.loket.upstream.digiflazz.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The two hashes of the Buyer API: the request {@code sign} and the webhook {@code X-Hub-Signature}. */
final class Signs {

    /** The literal X of the calls that sign no request field. */
    static final String BALANCE = "depo";
    static final String PRICE_LIST = "pricelist";
    static final String DEPOSIT = "deposit";

    private Signs() {}

    /** Lowercase hex {@code md5(username + key + x)}: x is a literal above, the ref_id or the customer_no. */
    static String sign(String username, String key, String x) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest((username + key + x).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has MD5", e);
        }
    }

    /** {@code sha1=<hex HMAC-SHA1(body, secret)>}, computed over the exact bytes sent. */
    static String hubSignature(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return "sha1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA1", e);
        }
    }

    /** Compares in constant time, so the simulator does not teach a timing oracle by example. */
    static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
