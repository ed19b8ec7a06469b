package id.loket.upstream.fonnte;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndonesianMobileTest {

    @ParameterizedTest
    @ValueSource(strings = {"081234567890", "0812-3456-7890", "+62 812-3456-7890", "6281234567890",
        "0062 812 3456 7890", "81234567890", "+62 0812 3456 7890", "(0812) 3456.7890"})
    void everyCommonFormBecomesSixtyTwoDigits(String typed) {
        assertThat(IndonesianMobile.normalise(typed)).contains("6281234567890");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "0812-3456-789O", "+1 555 123 4567", "021 5551234", "0801234567890",
        "0841234567", "0861234567", "08123456", "0812345678901234", "62", "+", "0"})
    void anythingElseIsRefused(String typed) {
        assertThat(IndonesianMobile.normalise(typed)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0811234567", "0812345678901"})
    void tenToThirteenDigitsFromTheZero(String typed) {
        assertThat(IndonesianMobile.normalise(typed)).isPresent();
    }
}
