package id.loket.upstream.digiflazz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigiflazzSignerTest {

    static final String USERNAME = "loketuser";
    static final String KEY = "dev-11111111-2222-3333-4444-555555555555";

    /** Computed independently (research §1.2); the docs' own sample sign is a placeholder and not usable. */
    @ParameterizedTest
    @CsvSource({
        "depo, f1775f050b89b494e3068a391fa18337",
        "pricelist, b5b00bb5cbfc49562f3b2cd78f8748b7",
        "deposit, 1126b3d1a47dd0e93f5562e3754eb947",
        "LKT-20250101-0001, 6fc39947b582da05825fa522a4f0869c",
        "530000000001, 53dd03c44d9031fc7e1f54ea877e8fbc",
    })
    void signsLikeDigiflazz(String x, String expected) {
        assertThat(DigiflazzSigner.sign(USERNAME, KEY, x)).isEqualTo(expected);
    }
}
