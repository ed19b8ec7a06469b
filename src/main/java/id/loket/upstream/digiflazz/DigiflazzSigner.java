package id.loket.upstream.digiflazz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The request signature of the Buyer API: lowercase hex {@code md5(username + apiKey + X)}, where X is
 * {@code "depo"} (balance), {@code "pricelist"}, {@code "deposit"} (deposit ticket), the {@code ref_id}
 * ({@code /transaction}) or the {@code customer_no} ({@code /inquiry-pln}).
 *
 * <p>MD5 is Digiflazz's choice, not ours; it only proves knowledge of the key to Digiflazz. The result is a
 * credential for that one request, so it is never logged either.
 */
public final class DigiflazzSigner {

    /** The X of the balance call ({@code /cek-saldo}); not "deposit", which signs the deposit-ticket call. */
    public static final String BALANCE = "depo";
    public static final String PRICE_LIST = "pricelist";
    public static final String DEPOSIT_TICKET = "deposit";

    private DigiflazzSigner() {}

    public static String sign(String username, String key, String x) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(x, "x");
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides MD5", e);
        }
        md5.update(username.getBytes(StandardCharsets.UTF_8));
        md5.update(key.getBytes(StandardCharsets.UTF_8));
        md5.update(x.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md5.digest());
    }

    static String sign(DigiflazzCredentials credentials, String x) {
        return sign(credentials.username(), credentials.key(), x);
    }
}
