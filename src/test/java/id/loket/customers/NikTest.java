package id.loket.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The NIK's structure: realistic samples from Bandung, Surabaya and Medan, and every way one can be wrong. */
class NikTest {

    /** 10 March 2026, 10:00 WIB. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-03-10T03:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "{0}: {1} born {2}")
    @CsvSource({
        // Kota Bandung (32 73), kecamatan 01
        "3273011508850001, MALE,   1985-08-15, Jawa Barat",
        "3273015508850002, FEMALE, 1985-08-15, Jawa Barat",
        // Kota Surabaya (35 78), kecamatan 10
        "3578100201900003, MALE,   1990-01-02, Jawa Timur",
        "3578106802920004, FEMALE, 1992-02-28, Jawa Timur",
        // Kota Medan (12 71), kecamatan 02
        "1271023112750005, MALE,   1975-12-31, Sumatera Utara",
        "1271024107010006, FEMALE, 2001-07-01, Sumatera Utara",
        // 29 February of a leap year; a woman's 29 February is day 69
        "3273012902000007, MALE,   2000-02-29, Jawa Barat",
        "3273016902040008, FEMALE, 2004-02-29, Jawa Barat",
        // Papua Pegunungan (95), one of the 2022 provinces, and a baby born today
        "9502011003260009, MALE,   2026-03-10, Papua Pegunungan",
        // a two-digit year after this year's is last century's
        "3171015005300010, FEMALE, 1930-05-10, DKI Jakarta",
    })
    void realisticNiksParseToBirthDateAndSex(String digits, Sex sex, LocalDate born, String province) {
        Nik nik = Nik.parse(digits, TODAY);
        assertThat(nik.sex()).isEqualTo(sex);
        assertThat(nik.birthDate()).isEqualTo(born);
        assertThat(nik.provinceName()).isEqualTo(province);
        assertThat(nik.value()).isEqualTo(digits);
    }

    @Test
    void spacesAreIgnored() {
        assertThat(Nik.parse(" 3273 0115 0885 0001 ", TODAY).value()).isEqualTo("3273011508850001");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "9973011508850001 | and 99 is none",
        "0073011508850001 | and 00 is none",
        "2073011508850001 | and 20 is none",
        "3200011508850001 | Digits 3-4 of a NIK are the regency or city and are never 00",
        "3273001508850001 | Digits 5-6 of a NIK are the district (kecamatan) and are never 00",
        "3273013102850001 | is 31 February 1985, which does not exist",
        "3273017102850001 | is 31 February 1985, which does not exist",
        "3273013104850001 | is 31 April 1985, which does not exist",
        "3273012902010001 | is 29 February 2001, which does not exist",
        "3273011506260001 | is 2026-06-15, after today (2026-03-10)",
        "3273011103260001 | is 2026-03-11, after today (2026-03-10)",
        "3273013508850001 | 01-31 for a man, 41-71 for a woman (day + 40); 35 is neither",
        "3273010008850001 | 00 is neither",
        "3273017208850001 | 72 is neither",
        "3273011513850001 | 13 is not a month",
        "3273011500850001 | 00 is not a month",
        "3273011508850000 | never 0000",
        "327301150885001  | A NIK has 16 digits, this one has 15",
        "32730115088500012 | A NIK has 16 digits, this one has 17",
        "32730115O8850001 | but character 9 is 'O'",
        "3273-0115-0885-0001 | but character 5 is '-'",
    })
    void aWrongNikIsRefusedNamingTheBadPart(String digits, String message) {
        assertThatThrownBy(() -> Nik.parse(digits, TODAY))
                .isInstanceOfSatisfying(CustomerException.class,
                        e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.INVALID_NIK))
                .hasMessageContaining(message.strip());
    }

    @Test
    void aMissingNikIsRefused() {
        assertThatThrownBy(() -> Nik.parse("  ", TODAY)).hasMessageContaining("The NIK is missing");
        assertThatThrownBy(() -> Nik.parse(null, TODAY)).hasMessageContaining("The NIK is missing");
    }

    @Test
    void theMessageOfARefusalNeverCarriesTheWholeNik() {
        assertThatThrownBy(() -> Nik.parse("3273013102850001", TODAY)).message()
                .doesNotContain("3273013102850001");
    }

    @Test
    void maskedShowsRegionAndSerialOnlyAndIsWhatToStringGives() {
        Nik nik = Nik.parse("3273015508850002", TODAY);
        assertThat(nik.masked()).isEqualTo("3273********0002");
        assertThat(nik.toString()).isEqualTo("3273********0002").doesNotContain("550885");
        assertThat(String.valueOf(new Object[] {nik}[0])).doesNotContain(nik.value());
    }

    @Test
    void theSameDigitsAreTheSameNik() {
        assertThat(Nik.parse("3273011508850001", TODAY)).isEqualTo(Nik.parse("3273 0115 0885 0001", TODAY))
                .isNotEqualTo(Nik.parse("3273015508850002", TODAY));
    }

    @Test
    void aStoredNikKeepsItsCenturyWhateverTodayIs() {
        Nik oldMan = Nik.restore("3171011005300010", LocalDate.of(1930, 5, 10));
        assertThat(oldMan.birthDate()).isEqualTo(LocalDate.of(1930, 5, 10));
        Nik child = Nik.restore("3171011005300010", LocalDate.of(2030, 5, 10));
        assertThat(child.birthDate()).isEqualTo(LocalDate.of(2030, 5, 10));
        assertThatThrownBy(() -> Nik.restore("3171011005300010", LocalDate.of(1930, 5, 11)))
                .isInstanceOf(CustomerException.class);
    }

    @Test
    void everyProvinceHasTwoDigitsAndThereAre38() {
        assertThat(Provinces.all()).hasSize(38);
        assertThat(Provinces.all().keySet()).allMatch(code -> code.matches("[1-9][0-9]"));
        assertThat(Provinces.name("11")).contains("Aceh");
        assertThat(Provinces.name("96")).contains("Papua Barat Daya");
        assertThat(Provinces.name("97")).isEmpty();
    }
}
