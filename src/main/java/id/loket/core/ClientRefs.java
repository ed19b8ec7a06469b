package id.loket.core;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Makes {@code client_ref}s: {@code LKT-20261122-} and ten random Crockford base32 characters (50 bits; no I, L, O,
 * U, so a clerk reading one aloud cannot confuse them). With a {@link java.security.SecureRandom} two counters never
 * make the same one in practice, which matters: the gateway treats a repeated key as the same payment.
 */
public final class ClientRefs {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int RANDOM_CHARS = 10;

    private final RandomGenerator random;

    public ClientRefs(RandomGenerator random) {
        this.random = random;
    }

    public String next(LocalDate businessDay) {
        StringBuilder sb = new StringBuilder(23).append("LKT-")
                .append(businessDay.format(DateTimeFormatter.BASIC_ISO_DATE)).append('-');
        for (int i = 0; i < RANDOM_CHARS; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
