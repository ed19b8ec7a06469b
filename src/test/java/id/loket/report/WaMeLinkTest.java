package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaMeLinkTest {

    @Test
    void theResearchVector() {
        assertThat(WaMeLink.of("0812-3456-7890", "Struk LKT-0001\nTotal Rp150.000\nTerima kasih")).isEqualTo(
                "https://wa.me/6281234567890?text=Struk%20LKT-0001%0ATotal%20Rp150.000%0ATerima%20kasih");
    }

    @Test
    void aPlusInTheTextStaysAPlusAndEverythingElseIsPercentEncoded() {
        assertThat(WaMeLink.of("081234567890", "1+1 = 2 & *bold* ~50%"))
                .isEqualTo("https://wa.me/6281234567890?text=1%2B1%20%3D%202%20%26%20*bold*%20%7E50%25");
        assertThat(WaMeLink.of("081234567890", "Rp 1.000 \u2014 lunas"))
                .isEqualTo("https://wa.me/6281234567890?text=Rp%201.000%20%E2%80%94%20lunas");
    }

    @Test
    void aBlankTextOpensAnEmptyChat() {
        assertThat(WaMeLink.of("081234567890", " ")).isEqualTo("https://wa.me/6281234567890");
    }

    @ParameterizedTest
    @ValueSource(strings = {"081234567890", "+62 812-3456-7890", "6281234567890", "81234567890",
        "0062 812 3456 7890", "(0812) 3456 7890"})
    void indonesianFormsBecomeTheInternationalDigits(String phone) {
        assertThat(WaMeLink.number(phone)).isEqualTo("6281234567890");
    }

    @Test
    void aForeignNumberWrittenInternationallyIsKept() {
        assertThat(WaMeLink.number("+60 12-345 6789")).isEqualTo("60123456789");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0812", "+0", "1234567890123456"})
    void aNumberWhatsAppCannotOpenIsRefused(String phone) {
        assertThatThrownBy(() -> WaMeLink.of(phone, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
