package id.loket.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * WhatsApp's click-to-chat link, the no-API way to send a receipt (research: payments-messaging.md §4.4):
 * {@code https://wa.me/<number>?text=<percent-encoded>}. The clerk's WhatsApp (Desktop or Web) opens with the text
 * filled in and the clerk presses Send; nothing confirms that it was sent.
 *
 * <p>The number is the full international form, digits only. An Indonesian number as typed at the counter is
 * normalised: non-digits dropped, {@code 0…} → {@code 62…}, {@code 8…} → {@code 628…}; a number written with
 * {@code +} or {@code 00} is taken as international as it is (a foreign customer's WhatsApp works too).
 */
public final class WaMeLink {

    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;

    private WaMeLink() {}

    /**
     * The link that opens a chat with {@code phone} with {@code text} filled in; without {@code ?text=} for a blank
     * text. Spaces are {@code %20} (WhatsApp shows a {@code +} literally), line breaks {@code %0A}.
     *
     * @throws IllegalArgumentException when {@code phone} does not make a number of 8 to 15 digits
     */
    public static String of(String phone, String text) {
        String link = "https://wa.me/" + number(phone);
        String t = Objects.requireNonNullElse(text, "");
        return t.isBlank() ? link : link + "?text=" + URLEncoder.encode(t, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The number as wa.me wants it, e.g. {@code 6281234567890} for {@code 0812-3456-7890}.
     *
     * @throws IllegalArgumentException when it does not make a number of 8 to 15 digits
     */
    public static String number(String phone) {
        String typed = Objects.requireNonNullElse(phone, "").strip();
        String digits = typed.replaceAll("[^0-9]", "");
        boolean international = typed.startsWith("+") || digits.startsWith("00");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        } else if (!international && digits.startsWith("0")) {
            digits = "62" + digits.substring(1);
        } else if (!international && digits.startsWith("8")) {
            digits = "62" + digits;
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS || digits.startsWith("0")) {
            throw new IllegalArgumentException("This is not a phone number WhatsApp can open a chat with: type the"
                    + " customer's mobile number, e.g. 0812-3456-7890.");
        }
        return digits;
    }
}
