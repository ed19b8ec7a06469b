package id.loket.users;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time activation codes: 12 characters in three groups ({@code K7QM-4XTP-2RWD}) from an alphabet without
 * look-alikes (no 0/O, 1/I/L, U), about 58 bits. Typed once by a clerk, checked against a bcrypt hash, valid for
 * 24 hours: guessing one online is hopeless, and a stolen ledger's hashes expire before they could be cracked.
 */
public final class ActivationCodes {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    private static final int GROUPS = 3;
    private static final int GROUP_LENGTH = 4;

    private final SecureRandom random;

    public ActivationCodes(SecureRandom random) {
        this.random = random;
    }

    /** A new code, as shown to the owner. */
    public String next() {
        StringBuilder code = new StringBuilder();
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                code.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }

    /** The code as hashed and checked: upper case, without the dashes and spaces people type or leave out. */
    static String canonical(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
