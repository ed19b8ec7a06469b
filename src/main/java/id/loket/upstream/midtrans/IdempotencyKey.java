package id.loket.upstream.midtrans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code Idempotency-Key} of a charge (research §1.8, [S2]): at most 46 characters (a longer one is silently
 * ignored by Midtrans), kept 5 minutes, replayed only for successful answers. Loket derives it from the order id and
 * an attempt number, so the same charge re-sent after a lost answer, or after a crash of the counter, carries the
 * same key without anything stored: {@code "lkt-" + attempt + "-" + hex(SHA-256(order_id))[0..40)} (≤ 46 chars for
 * attempts below 10). A new attempt (after a cancel, or after Midtrans said the order does not exist) takes the next
 * number, hence a new key.
 */
public final class IdempotencyKey {

    public static final int MAX_LENGTH = 46;

    private IdempotencyKey() {
    }

    /** The key of {@code attempt} (1 to 9) of the charge of {@code orderId}. */
    public static String of(String orderId, int attempt) {
        if (attempt < 1 || attempt > 9) {
            throw new IllegalArgumentException("attempt must be 1 to 9, not " + attempt);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(orderId.getBytes(StandardCharsets.UTF_8));
            return "lkt-" + attempt + "-" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no SHA-256", e);
        }
    }
}
