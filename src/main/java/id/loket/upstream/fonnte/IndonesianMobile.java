package id.loket.upstream.fonnte;

import java.util.Objects;
import java.util.Optional;

/**
 * An Indonesian mobile number as Fonnte's {@code target} wants it: digits only, with the country code
 * ({@code 6281234567890}). Accepted as typed at a counter: {@code 0812…}, {@code 62812…}, {@code +62 812-…},
 * {@code 0062 812…}, {@code 812…}, with spaces, dashes, dots or parentheses anywhere. Refused: another country, a
 * landline, a prefix no operator uses (080, 084, 086), a number of the wrong length (10 to 13 digits written from
 * the 0). The rules are those of the counter's customer register, so a registered number always passes.
 */
public final class IndonesianMobile {

    private static final int MIN_NATIONAL = 9;
    private static final int MAX_NATIONAL = 12;

    private IndonesianMobile() {}

    /** {@code 62…}, or empty when the text is not a plausible Indonesian mobile number. */
    public static Optional<String> normalise(String typed) {
        String compact = Objects.requireNonNullElse(typed, "").strip().replaceAll("[\\s\\-.()]", "");
        boolean plus = compact.startsWith("+");
        String digits = plus ? compact.substring(1) : compact;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        String national;
        if (plus || digits.startsWith("00")) {
            String international = plus ? digits : digits.substring(2);
            if (!international.startsWith("62")) {
                return Optional.empty();
            }
            national = international.substring(2);
        } else if (digits.startsWith("62")) {
            national = digits.substring(2);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else if (digits.startsWith("8")) {
            national = digits;
        } else {
            return Optional.empty();
        }
        if (national.startsWith("0")) {
            // "+62 0812…": the trunk 0 written after the country code as well.
            national = national.substring(1);
        }
        if (national.length() < MIN_NATIONAL || national.length() > MAX_NATIONAL || national.charAt(0) != '8'
                || "046".indexOf(national.charAt(1)) >= 0) {
            return Optional.empty();
        }
        return Optional.of("62" + national);
    }

    /** {@code 62812*****890}: enough for a log line, not enough to call. */
    public static String mask(String digits) {
        if (digits.length() <= 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 5) + "*".repeat(digits.length() - 8) + digits.substring(digits.length() - 3);
    }
}
