package id.loket.customers;

import java.util.Objects;

/**
 * An Indonesian mobile number, normalised to E.164 ({@code +6281234567890}), the form the gateway sends the SMS
 * code to. Accepted as typed at a counter: {@code 0812…}, {@code 62812…}, {@code +62 812-…}, {@code 0062 812…},
 * with spaces, dashes, dots or parentheses anywhere.
 *
 * <p>Refused, each with its own message: another country's number, a landline (an area code such as 021 instead
 * of 08…), a prefix no operator uses (080, 084, 086), and a number too short or too long for a mobile number (10 to
 * 13 digits written from the 0). {@link #toString()} is {@link #masked()}.
 */
public final class PhoneNumber {

    /** Mobile subscriber numbers after the 0: 8, an operator digit, then 7 to 10 more digits. */
    private static final int MIN_NATIONAL = 9;
    private static final int MAX_NATIONAL = 12;

    private final String national;

    private PhoneNumber(String national) {
        this.national = national;
    }

    /**
     * Normalises a number as typed.
     *
     * @throws CustomerException ({@link CustomerException.Reason#INVALID_PHONE}) saying what is wrong with it
     */
    public static PhoneNumber parse(String text) {
        String typed = Objects.requireNonNullElse(text, "").strip();
        if (typed.isEmpty()) {
            throw invalid("The phone number is missing: type the customer's mobile number, e.g. 0812-3456-7890.");
        }
        String compact = typed.replaceAll("[\\s\\-.()]", "");
        boolean plus = compact.startsWith("+");
        String digits = plus ? compact.substring(1) : compact;
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw invalid("A phone number has only digits (and +, spaces or dashes), but '" + typed
                        + "' has '" + digits.charAt(i) + "': type it again.");
            }
        }
        String national;
        if (plus || digits.startsWith("00")) {
            String international = plus ? digits : digits.substring(2);
            if (!international.startsWith("62")) {
                throw invalid("'" + typed + "' is not an Indonesian number (it does not start with +62): the code"
                        + " is sent by SMS to Indonesian mobile numbers only.");
            }
            national = international.substring(2);
        } else if (digits.startsWith("62")) {
            national = digits.substring(2);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            throw invalid("'" + typed + "' should start with 0 (0812…), 62 or +62: type the whole mobile number.");
        }
        if (national.startsWith("0")) {
            // "+62 0812…": the trunk 0 written after the country code as well; unambiguous, so forgiven.
            national = national.substring(1);
        }
        if (national.isEmpty() || national.charAt(0) != '8') {
            throw invalid("'" + typed + "' is a landline or not a mobile number (Indonesian mobile numbers start"
                    + " with 08, +62 8): the code is sent by SMS, so give a mobile number.");
        }
        if (national.length() > 1 && "046".indexOf(national.charAt(1)) >= 0) {
            throw invalid("'" + typed + "' starts with 08" + national.charAt(1) + ", which no Indonesian mobile"
                    + " operator uses: check the number.");
        }
        if (national.length() < MIN_NATIONAL || national.length() > MAX_NATIONAL) {
            throw invalid("'" + typed + "' has " + (national.length() + 1) + " digits written from the 0, but an"
                    + " Indonesian mobile number has 10 to 13: check the number.");
        }
        return new PhoneNumber(national);
    }

    private static CustomerException invalid(String message) {
        return new CustomerException(CustomerException.Reason.INVALID_PHONE, message);
    }

    /** The E.164 form, e.g. {@code +6281234567890}. */
    public String e164() {
        return "+62" + national;
    }

    /** As a clerk reads it out, e.g. {@code 0812-3456-7890}. */
    public String local() {
        String n = "0" + national;
        return n.substring(0, 4) + "-" + n.substring(4, 8) + "-" + n.substring(8);
    }

    /** {@code +62812*****890}: enough to tell two customers apart, not enough to call. */
    public String masked() {
        String e = e164();
        return e.substring(0, 6) + "*".repeat(e.length() - 9) + e.substring(e.length() - 3);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && other.national.equals(national);
    }

    @Override
    public int hashCode() {
        return national.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
