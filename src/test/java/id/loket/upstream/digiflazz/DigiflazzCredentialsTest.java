package id.loket.upstream.digiflazz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DigiflazzCredentialsTest {

    @Test
    void toStringMasksTheKey() {
        DigiflazzCredentials credentials =
                new DigiflazzCredentials("loketuser", "dev-11111111-2222-3333-4444-555555555555", true);

        assertThat(credentials.toString())
                .isEqualTo("DigiflazzCredentials[username=loketuser, key=dev-****5555, testing=true]")
                .doesNotContain("11111111")
                .doesNotContain("555555555555");
    }

    @Test
    void aProductionKeyShowsNoPrefixAndAShortKeyNoTail() {
        assertThat(new DigiflazzCredentials("u", "0123456789abcdef0123", false).maskedKey()).isEqualTo("****0123");
        assertThat(new DigiflazzCredentials("u", "secret", false).toString()).doesNotContain("secret")
                .doesNotContain("cret");
    }

    @Test
    void refusesEmptyValues() {
        assertThatThrownBy(() -> new DigiflazzCredentials(" ", "k", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DigiflazzCredentials("u", "", false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
