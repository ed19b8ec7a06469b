package id.loket.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    @Nested
    class Arithmetic {

        @Test
        void plusAddsExactly() {
            assertThat(Money.of(152_500).plus(Money.of(2_500))).isEqualTo(Money.of(155_000));
        }

        @Test
        void minusSubtractsExactlyAndMayGoBelowZero() {
            assertThat(Money.of(150_000).minus(Money.of(152_500))).isEqualTo(Money.of(-2_500));
        }

        @Test
        void timesMultipliesExactly() {
            assertThat(Money.of(2_500).times(3)).isEqualTo(Money.of(7_500));
            assertThat(Money.of(2_500).times(-2)).isEqualTo(Money.of(-5_000));
            assertThat(Money.of(2_500).times(0)).isEqualTo(Money.ZERO);
        }

        @Test
        void negateFlipsTheSign() {
            assertThat(Money.of(2_000).negate()).isEqualTo(Money.of(-2_000));
            assertThat(Money.of(-2_000).negate()).isEqualTo(Money.of(2_000));
            assertThat(Money.ZERO.negate()).isEqualTo(Money.ZERO);
        }

        @Test
        void arithmeticLeavesTheOperandsUnchanged() {
            Money a = Money.of(100);
            Money b = Money.of(30);
            a.plus(b);
            a.minus(b);
            a.times(5);
            a.negate();
            assertThat(a.rupiah()).isEqualTo(100);
            assertThat(b.rupiah()).isEqualTo(30);
        }

        @Test
        void arithmeticStaysExactAtTheEdgeOfLong() {
            assertThat(Money.of(Long.MAX_VALUE - 1).plus(Money.of(1)).rupiah()).isEqualTo(Long.MAX_VALUE);
            assertThat(Money.of(Long.MIN_VALUE + 1).minus(Money.of(1)).rupiah()).isEqualTo(Long.MIN_VALUE);
            assertThat(Money.of(Long.MAX_VALUE).negate().rupiah()).isEqualTo(-Long.MAX_VALUE);
        }

        @Test
        void plusOverflowThrowsInsteadOfWrapping() {
            assertThatThrownBy(() -> Money.of(Long.MAX_VALUE).plus(Money.of(1)))
                    .isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> Money.of(Long.MIN_VALUE).plus(Money.of(-1)))
                    .isInstanceOf(ArithmeticException.class);
        }

        @Test
        void minusOverflowThrowsInsteadOfWrapping() {
            assertThatThrownBy(() -> Money.of(Long.MIN_VALUE).minus(Money.of(1)))
                    .isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> Money.of(Long.MAX_VALUE).minus(Money.of(-1)))
                    .isInstanceOf(ArithmeticException.class);
        }

        @Test
        void timesOverflowThrowsInsteadOfWrapping() {
            assertThatThrownBy(() -> Money.of(Long.MAX_VALUE / 2 + 1).times(2))
                    .isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> Money.of(Long.MIN_VALUE).times(-1))
                    .isInstanceOf(ArithmeticException.class);
        }

        @Test
        void negateOfLongMinValueThrowsBecauseItHasNoPositiveCounterpart() {
            assertThatThrownBy(() -> Money.of(Long.MIN_VALUE).negate()).isInstanceOf(ArithmeticException.class);
        }
    }

    @Nested
    class Formatting {

        @Test
        void indonesianGroupsThousandsWithDots() {
            assertThat(Money.of(152_500).format(INDONESIAN)).isEqualTo("Rp 152.500");
        }

        @Test
        void englishGroupsThousandsWithCommas() {
            assertThat(Money.of(152_500).format(Locale.ENGLISH)).isEqualTo("Rp 152,500");
        }

        @Test
        void zeroIsRpZero() {
            assertThat(Money.ZERO.format(INDONESIAN)).isEqualTo("Rp 0");
            assertThat(Money.ZERO.format(Locale.ENGLISH)).isEqualTo("Rp 0");
        }

        @Test
        void negativeAmountHasOneLeadingMinusBeforeRp() {
            assertThat(Money.of(-2_000).format(INDONESIAN)).isEqualTo("-Rp 2.000");
            assertThat(Money.of(-2_000).format(Locale.ENGLISH)).isEqualTo("-Rp 2,000");
        }

        @Test
        void smallAmountsHaveNoSeparator() {
            assertThat(Money.of(999).format(INDONESIAN)).isEqualTo("Rp 999");
            assertThat(Money.of(1_000).format(INDONESIAN)).isEqualTo("Rp 1.000");
        }

        @Test
        void longMaxValueFormatsEveryDigit() {
            assertThat(Money.of(Long.MAX_VALUE).format(INDONESIAN)).isEqualTo("Rp 9.223.372.036.854.775.807");
        }

        @Test
        void longMinValueFormatsEveryDigitWithItsMinus() {
            assertThat(Money.of(Long.MIN_VALUE).format(INDONESIAN)).isEqualTo("-Rp 9.223.372.036.854.775.808");
        }

        @Test
        void formatDoesNotDependOnTheDefaultLocale() {
            Locale saved = Locale.getDefault();
            try {
                Locale.setDefault(Locale.GERMANY);
                assertThat(Money.of(152_500).format(Locale.ENGLISH)).isEqualTo("Rp 152,500");
            } finally {
                Locale.setDefault(saved);
            }
        }

        @ParameterizedTest
        @ValueSource(longs = {0, 1, -1, 999, 1_000, -2_000, 152_500, 1_234_567_890L, Long.MAX_VALUE, Long.MIN_VALUE})
        void parseReadsBackWhatFormatWrote(long rupiah) {
            Money m = Money.of(rupiah);
            assertThat(Money.parse(m.format(INDONESIAN))).isEqualTo(m);
            assertThat(Money.parse(m.format(Locale.ENGLISH))).isEqualTo(m);
        }
    }

    @Nested
    class Parsing {

        @ParameterizedTest(name = "\"{0}\" is {1}")
        @CsvSource(delimiter = '|', value = {
            "152500       | 152500",
            "152.500      | 152500",
            "152,500      | 152500",
            "Rp 152.500   | 152500",
            "Rp152,500    | 152500",
            "rp 152.500   | 152500",
            "Rp. 152.500  | 152500",
            "Rp.152.500   | 152500",
            "'  Rp 152.500  ' | 152500",
            "-2.000       | -2000",
            "-Rp 2.000    | -2000",
            "0            | 0",
            "1.234.567    | 1234567",
            "1,234,567    | 1234567",
            "9.223.372.036.854.775.807 | 9223372036854775807",
            "-9223372036854775808 | -9223372036854775808",
        })
        void acceptsWholeRupiahAsClerksAndFilesWriteThem(String text, long expected) {
            assertThat(Money.parse(text)).isEqualTo(Money.of(expected));
        }

        @ParameterizedTest(name = "\"{0}\" is refused")
        @ValueSource(strings = {
            "152.50",        // a decimal fraction, or a mistyped group
            "1.5",
            "12,34,567",     // Indian grouping: groups of three only
            "",
            "   ",
            "abc",
            "Rp",
            "Rp.",
            "-",
            "152500,50",     // a fraction: rupiah have no minor unit
            "1.500,00",
            "1,500.000",     // English decimal point: would be read as a million by ignoring it
            "1.500,000",
            "152 500",
            "+152500",
            "--2000",
            "1..500",
            ".500",
            "500.",
        })
        void refusesAnythingThatIsNotAWholeRupiahAmount(String text) {
            assertThatThrownBy(() -> Money.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + text + "'");
        }

        @Test
        void refusesANumberTooLargeForALong() {
            assertThatThrownBy(() -> Money.parse("9223372036854775808"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("9223372036854775808");
            assertThatThrownBy(() -> Money.parse("Rp 99.999.999.999.999.999.999"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ValueSemantics {

        @Test
        void equalAmountsAreEqualAndHashAlike() {
            Money a = Money.of(152_500);
            Money b = Money.parse("Rp 152.500");
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            assertThat(a).isNotSameAs(b);
        }

        @Test
        void differentAmountsAreNotEqual() {
            assertThat(Money.of(152_500)).isNotEqualTo(Money.of(152_501));
            assertThat(Money.of(1)).isNotEqualTo(Money.of(-1));
            assertThat(Money.of(1)).isNotEqualTo(1L);
            assertThat(Money.of(1)).isNotEqualTo(null);
        }

        @Test
        void compareToOrdersByAmount() {
            List<Money> list = new ArrayList<>(List.of(Money.of(500), Money.of(Long.MIN_VALUE), Money.ZERO,
                    Money.of(Long.MAX_VALUE), Money.of(-3)));
            list.sort(null);
            assertThat(list).containsExactly(Money.of(Long.MIN_VALUE), Money.of(-3), Money.ZERO, Money.of(500),
                    Money.of(Long.MAX_VALUE));
            assertThat(Money.of(7).compareTo(Money.of(7))).isZero();
        }

        @Test
        void isLessThanIsStrict() {
            assertThat(Money.of(1).isLessThan(Money.of(2))).isTrue();
            assertThat(Money.of(2).isLessThan(Money.of(2))).isFalse();
            assertThat(Money.of(3).isLessThan(Money.of(2))).isFalse();
            assertThat(Money.of(Long.MIN_VALUE).isLessThan(Money.of(Long.MAX_VALUE))).isTrue();
        }

        @Test
        void signPredicatesMatchTheAmount() {
            assertThat(Money.ZERO.isZero()).isTrue();
            assertThat(Money.of(0)).isSameAs(Money.ZERO);
            assertThat(Money.of(1).isPositive()).isTrue();
            assertThat(Money.of(1).isNegative()).isFalse();
            assertThat(Money.of(-1).isNegative()).isTrue();
            assertThat(Money.of(-1).isPositive()).isFalse();
            assertThat(Money.ZERO.isPositive()).isFalse();
            assertThat(Money.ZERO.isNegative()).isFalse();
        }
    }
}
