package id.loket.customers;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * A NIK (<i>Nomor Induk Kependudukan</i>), checked for structure: 16 digits — province (2), regency or city (2),
 * district (2), birth date DDMMYY with 40 added to the day for women (6), serial (4).
 *
 * <p>The check is structural only: a NIK that passes may still not be issued to anyone. The two-digit year is read
 * as the most recent year not after this one, so a birth date later this year is refused as "in the future" (a
 * centenarian born later in the year of their 100th birthday is the price; the counter then asks the owner).
 *
 * <p><b>Privacy.</b> {@link #toString()} is {@link #masked()}, so a NIK that ends up in a log line or an exception
 * message by accident shows no more than the region and the serial. Only {@link #value()} gives the 16 digits, for
 * the store and for the owner's screen.
 */
public final class Nik {

    /** Where a birth date is "today": Loket is an Indonesian counter (WIB). */
    static final ZoneId INDONESIA = ZoneId.of("Asia/Jakarta");

    private static final int LENGTH = 16;
    private static final int WOMEN_ADD = 40;

    private final String digits;
    private final LocalDate birthDate;
    private final Sex sex;

    private Nik(String digits, LocalDate birthDate, Sex sex) {
        this.digits = digits;
        this.birthDate = birthDate;
        this.sex = sex;
    }

    /**
     * Checks and parses a NIK as typed (spaces are ignored).
     *
     * @param clock whose date (WIB) a birth date may not be after
     * @throws CustomerException ({@link CustomerException.Reason#INVALID_NIK}) naming the part that is wrong
     */
    public static Nik parse(String text, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        String d = Objects.requireNonNullElse(text, "").replaceAll("\\s+", "");
        if (d.isEmpty()) {
            throw invalid("The NIK is missing: type the 16 digits printed on the customer's KTP.");
        }
        for (int i = 0; i < d.length(); i++) {
            if (d.charAt(i) < '0' || d.charAt(i) > '9') {
                throw invalid("A NIK has only digits, but character " + (i + 1) + " is '" + d.charAt(i)
                        + "': type the 16 digits from the KTP again.");
            }
        }
        if (d.length() != LENGTH) {
            throw invalid("A NIK has 16 digits, this one has " + d.length() + ": check the KTP and type it again.");
        }
        String province = d.substring(0, 2);
        if (Provinces.name(province).isEmpty()) {
            throw invalid("A NIK starts with a province code, and " + province + " is none (Aceh is 11, DKI Jakarta"
                    + " 31, Papua Barat Daya 96): check the first two digits.");
        }
        if (d.startsWith("00", 2)) {
            throw invalid("Digits 3-4 of a NIK are the regency or city and are never 00: check them.");
        }
        if (d.startsWith("00", 4)) {
            throw invalid("Digits 5-6 of a NIK are the district (kecamatan) and are never 00: check them.");
        }
        if (d.endsWith("0000")) {
            throw invalid("The last four digits of a NIK are a serial number starting at 0001, never 0000: check"
                    + " them.");
        }
        int day = Integer.parseInt(d.substring(6, 8));
        int month = Integer.parseInt(d.substring(8, 10));
        int yy = Integer.parseInt(d.substring(10, 12));
        Sex sex;
        if (day >= 1 && day <= 31) {
            sex = Sex.MALE;
        } else if (day >= 1 + WOMEN_ADD && day <= 31 + WOMEN_ADD) {
            sex = Sex.FEMALE;
            day -= WOMEN_ADD;
        } else {
            throw invalid("Digits 7-8 of a NIK are the birth day: 01-31 for a man, 41-71 for a woman (day + 40);"
                    + " " + d.substring(6, 8) + " is neither: check them.");
        }
        if (month < 1 || month > 12) {
            throw invalid("Digits 9-10 of a NIK are the birth month, 01-12; " + d.substring(8, 10) + " is not a"
                    + " month: check them.");
        }
        LocalDate today = LocalDate.now(clock.withZone(INDONESIA));
        int year = today.getYear() / 100 * 100 + yy;
        if (year > today.getYear()) {
            year -= 100;
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw invalid("The birth date in the NIK (digits 7-12) is " + day + " "
                    + Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year
                    + ", which does not exist: check those digits.");
        }
        if (birth.isAfter(today)) {
            throw invalid("The birth date in the NIK (digits 7-12) is " + birth + ", after today (" + today
                    + "): check those digits.");
        }
        return new Nik(d, birth, sex);
    }

    /**
     * A NIK read back from where it was kept, with the birth date it was registered with (the two-digit year alone
     * cannot say which century, and "the latest year not after today" moves on with today).
     *
     * @throws CustomerException when the digits are not a NIK, or do not encode {@code birthDate}
     */
    public static Nik restore(String digits, LocalDate birthDate) {
        Objects.requireNonNull(birthDate, "birthDate");
        Nik nik = parse(digits, Clock.fixed(birthDate.atStartOfDay(INDONESIA).toInstant(), INDONESIA));
        if (!nik.birthDate.equals(birthDate)) {
            throw invalid("The NIK's birth date digits do not encode the birth date kept with it, " + birthDate);
        }
        return nik;
    }

    private static CustomerException invalid(String message) {
        return new CustomerException(CustomerException.Reason.INVALID_NIK, message);
    }

    /** The 16 digits: for the store and the owner only; never log them. */
    public String value() {
        return digits;
    }

    /** The first four and the last four digits, e.g. {@code 3273********0001}: what a clerk sees. */
    public String masked() {
        return digits.substring(0, 4) + "*".repeat(LENGTH - 8) + digits.substring(LENGTH - 4);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return sex;
    }

    /** The two-digit province code. */
    public String provinceCode() {
        return digits.substring(0, 2);
    }

    public String provinceName() {
        return Provinces.name(provinceCode()).orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nik other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** {@link #masked()}: a NIK must never reach a log in full. */
    @Override
    public String toString() {
        return masked();
    }
}
