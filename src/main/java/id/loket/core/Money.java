package id.loket.core;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An exact amount of Indonesian rupiah.
 *
 * <p>IDR has no minor unit in use, so the amount is a whole number of rupiah held in a {@code long}. Every
 * operation is overflow-checked ({@link Math#addExact} and friends) and throws {@link ArithmeticException}
 * rather than wrapping or rounding: a wrong total at a counter is worse than a refused one.
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    /**
     * "152500", "152.500", "152,500", optionally with "Rp" and spaces; separators only between groups of three,
     * and one kind of separator per amount: "1,500.000" (English 1500 with a decimal point) or "1.500,000"
     * would otherwise be read as a million rupiah.
     */
    private static final Pattern INPUT = Pattern.compile("-?\\d{1,3}([.,])\\d{3}(\\1\\d{3})*|-?\\d+");

    private final long rupiah;

    private Money(long rupiah) {
        this.rupiah = rupiah;
    }

    public static Money of(long rupiah) {
        return rupiah == 0 ? ZERO : new Money(rupiah);
    }

    /**
     * Parses what a clerk types or a file carries: {@code 152500}, {@code 152.500}, {@code Rp 152.500},
     * {@code Rp152,500}, {@code Rp. 152.500}. A decimal fraction ({@code 152500,50}) is refused because rupiah have no minor unit.
     *
     * @throws IllegalArgumentException naming the text when it is not a whole rupiah amount
     */
    public static Money parse(String text) {
        String s = text.strip();
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1).strip();
        }
        if (s.regionMatches(true, 0, "Rp", 0, 2)) {
            s = s.substring(2).strip();
            if (s.startsWith(".")) {
                s = s.substring(1).strip(); // "Rp. 152.500", as many Indonesian bills write it
            }
        }
        if (negative) {
            s = "-" + s;
        }
        if (s.isEmpty() || !INPUT.matcher(s).matches()) {
            throw new IllegalArgumentException("Not a whole rupiah amount: '" + text + "'");
        }
        String digits = s.replace(".", "").replace(",", "");
        try {
            return of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Amount too large: '" + text + "'", e);
        }
    }

    public long rupiah() {
        return rupiah;
    }

    public Money plus(Money other) {
        return of(Math.addExact(rupiah, other.rupiah));
    }

    public Money minus(Money other) {
        return of(Math.subtractExact(rupiah, other.rupiah));
    }

    public Money times(long factor) {
        return of(Math.multiplyExact(rupiah, factor));
    }

    public Money negate() {
        return of(Math.negateExact(rupiah));
    }

    public boolean isZero() {
        return rupiah == 0;
    }

    public boolean isPositive() {
        return rupiah > 0;
    }

    public boolean isNegative() {
        return rupiah < 0;
    }

    public boolean isLessThan(Money other) {
        return rupiah < other.rupiah;
    }

    /**
     * Formats as the counter shows money: {@code Rp 152.500} in Indonesian, {@code Rp 152,500} in English,
     * a leading minus for negative amounts ({@code -Rp 2.000}).
     */
    public String format(Locale locale) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        format.setNegativePrefix("");
        String digits = format.format(rupiah);
        return (rupiah < 0 ? "-Rp " : "Rp ") + digits;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(rupiah, other.rupiah);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.rupiah == rupiah;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(rupiah);
    }

    /** For logs and debugging; the user-facing form is {@link #format(Locale)}. */
    @Override
    public String toString() {
        return "IDR " + rupiah;
    }
}
