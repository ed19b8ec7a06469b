package id.loket.users;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a password must be (issue 5): at least {@value #MIN_LENGTH} characters, at most what bcrypt reads, and not
 * common or guessable as the zxcvbn strength estimator judges it (score {@value #MIN_SCORE} of 4 or better). zxcvbn
 * is also told the operator's name, username and the shop's name, so a password built from them scores low.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** zxcvbn's "safely unguessable: moderate protection from offline slow-hash scenario" (about 10^8 guesses and up). */
    public static final int MIN_SCORE = 3;
    /** Words every Loket password is checked against, whatever the shop is called. */
    private static final List<String> ALWAYS_GUESSED = List.of("loket", "ppob", "kasir", "toko", "admin", "owner");

    private Zxcvbn zxcvbn;

    /**
     * Refuses a weak password.
     *
     * @param userInputs words an attacker would try first: the username, the display name, the shop's name
     * @throws UserException {@link UserException.Reason#WEAK_PASSWORD} saying what is wrong and what to do
     */
    public void check(String password, List<String> userInputs) {
        if (password == null || password.isBlank()) {
            throw weak("Type a password of at least " + MIN_LENGTH + " characters.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw weak("The password has " + length + " characters; it needs at least " + MIN_LENGTH
                    + ". A few unrelated words make a long password that is easy to remember.");
        }
        if (!PasswordHasher.fits(password)) {
            throw weak("The password is longer than " + PasswordHasher.MAX_BYTES + " bytes, more than bcrypt reads:"
                    + " use a shorter one.");
        }
        Strength strength = measure(password, inputs(userInputs));
        if (strength.getScore() < MIN_SCORE) {
            Feedback feedback = strength.getFeedback();
            String warning = feedback.getWarning(Locale.ENGLISH);
            String suggestions = feedback.getSuggestions(Locale.ENGLISH).stream().collect(Collectors.joining(" "));
            throw weak("The password is too easy to guess"
                    + (warning == null || warning.isBlank() ? "" : " (" + stripDot(warning) + ")")
                    + ". Choose another: a few unrelated words, not your name, the shop's name or a common password."
                    + (suggestions.isBlank() ? "" : " " + suggestions));
        }
    }

    private synchronized Strength measure(String password, List<String> inputs) {
        if (zxcvbn == null) {
            // Loading the dictionaries takes a moment; commands that never check a password never pay for it.
            zxcvbn = new Zxcvbn();
        }
        return zxcvbn.measure(password, inputs);
    }

    private static List<String> inputs(List<String> userInputs) {
        List<String> inputs = new ArrayList<>(ALWAYS_GUESSED);
        for (String input : userInputs) {
            if (input == null || input.isBlank()) {
                continue;
            }
            String lower = input.strip().toLowerCase(Locale.ROOT);
            inputs.add(lower);
            // "Toko Sari Jaya" is guessed as "tokosarijaya", "sari" and "jaya" too, "ani.setiawati" as its parts.
            inputs.add(lower.replaceAll("[^\\p{L}\\p{N}]+", ""));
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 3) {
                    inputs.add(part);
                }
            }
        }
        return inputs;
    }

    private static String stripDot(String text) {
        String s = text.strip();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static UserException weak(String message) {
        return new UserException(UserException.Reason.WEAK_PASSWORD, message);
    }
}
