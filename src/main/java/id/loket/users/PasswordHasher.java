package id.loket.users;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * bcrypt for passwords and activation codes (issue 5: cost at least 12). At cost 12 one hash or check takes a
 * quarter of a second on a counter PC: slow enough to make guessing a stolen ledger's hashes expensive, quick
 * enough for a sign-in.
 */
public final class PasswordHasher {

    /** The bcrypt cost (log2 of the rounds) of every hash the app writes. */
    public static final int COST = 12;

    /** The most bcrypt reads of a password; longer ones are refused rather than silently cut. */
    public static final int MAX_BYTES = 72;

    /**
     * A cost-12 hash of nothing anyone types, checked when a sign-in names no operator, so an unknown name takes as
     * long to refuse as a wrong password.
     */
    private static final String DECOY = "$2a$12$AtRFExV7Z4O/yW5YHgk82uPV.u1zc1OS/8lTO8IiyHI4IvbZXcNiS";

    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifyer;
    private final int cost;

    /** Hashes with {@link #COST}. */
    public PasswordHasher(SecureRandom random) {
        this(random, COST);
    }

    /**
     * Hashes with another cost: only for the service tests, whose hundreds of hashes would take minutes at cost 12.
     * The app always uses {@link #PasswordHasher(SecureRandom)}, and its tests check the cost of what it stores.
     */
    PasswordHasher(SecureRandom random, int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost " + cost + " is outside " + BCrypt.MIN_COST + ".."
                    + BCrypt.MAX_COST);
        }
        this.cost = cost;
        this.hasher = BCrypt.with(BCrypt.Version.VERSION_2A, random,
                LongPasswordStrategies.strict(BCrypt.Version.VERSION_2A));
        this.verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2A,
                LongPasswordStrategies.strict(BCrypt.Version.VERSION_2A));
    }

    /** A new salted hash of {@code secret} ({@code $2a$12$…}). */
    public String hash(String secret) {
        requireFits(secret);
        return hasher.hashToString(cost, secret.toCharArray());
    }

    /** True when {@code secret} is what {@code hash} was made from; false for a malformed hash. */
    public boolean matches(String secret, String hash) {
        if (secret.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        BCrypt.Result result = verifyer.verify(secret.toCharArray(), hash);
        return result.validFormat && result.verified;
    }

    /** Spends the time of one check, for a sign-in that has no hash to check against. */
    void decoy(String secret) {
        matches(secret, DECOY);
    }

    /**
     * The cost a stored hash was made with, read from the hash itself.
     *
     * @throws IllegalArgumentException when {@code hash} is not a bcrypt hash
     */
    public static int costOf(String hash) {
        try {
            return BCrypt.Version.VERSION_2A.parser.parse(hash.getBytes(StandardCharsets.UTF_8)).cost;
        } catch (IllegalBCryptFormatException e) {
            throw new IllegalArgumentException("Not a bcrypt hash: " + e.getMessage(), e);
        }
    }

    static boolean fits(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private static void requireFits(String secret) {
        if (!fits(secret)) {
            throw new UserException(UserException.Reason.WEAK_PASSWORD, "The password is longer than " + MAX_BYTES
                    + " bytes, more than bcrypt reads: use a shorter one.");
        }
    }
}
