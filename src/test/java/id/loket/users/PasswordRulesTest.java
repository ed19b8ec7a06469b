package id.loket.users;

import static id.loket.users.UsersTestBed.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Passwords: at least 10 characters, not guessable (zxcvbn score 3+), bcrypt with cost 12 (issue 5). */
class PasswordRulesTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void theStoredHashIsBcryptWithCost12ReadBackFromTheHashItself(@TempDir Path dir) {
        try (UsersTestBed bed = UsersTestBed.withProductionCost(dir)) {
            bed.setUp();
            bed.reopen();

            String stored = bed.stored(OWNER).passwordHash().orElseThrow();

            assertThat(PasswordHasher.costOf(stored)).isEqualTo(12).isEqualTo(PasswordHasher.COST);
            assertThat(stored).startsWith("$2a$12$").doesNotContain(UsersTestBed.OWNER_PASSWORD);
            PasswordHasher hasher = new PasswordHasher(new SecureRandom());
            assertThat(hasher.matches(UsersTestBed.OWNER_PASSWORD, stored)).isTrue();
            assertThat(hasher.matches(UsersTestBed.OWNER_PASSWORD + "x", stored)).isFalse();
        }
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        PasswordHasher hasher = new PasswordHasher(new SecureRandom());
        String a = hasher.hash("kopi hujan sepeda lampu");
        String b = hasher.hash("kopi hujan sepeda lampu");

        assertThat(a).isNotEqualTo(b);
        assertThat(PasswordHasher.costOf(a)).isEqualTo(12);
        assertThatThrownBy(() -> PasswordHasher.costOf("not a hash")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortPasswordIsRefusedSayingHowLongItMustBe() {
        assertThatThrownBy(() -> policy.check("Kp9!xQ#2", List.of("ani")))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("has 8 characters; it needs at least 10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "qwertyuiop", "loketloket1", "1234567890", "passwordpassword"})
    void aCommonOrGuessablePasswordIsRefused(String password) {
        assertThatThrownBy(() -> policy.check(password, List.of("ani", "Ani Setiawati", "Toko Sari")))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("too easy to guess")
                .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.WEAK_PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"anisetiawati2024", "setiawati123", "tokosari2024", "Setiawati.Ani"})
    void aPasswordMadeOfTheOperatorsOrTheShopsNameIsRefused(String password) {
        List<String> inputs = List.of("anisetiawati", "Ani Setiawati", "Toko Sari");
        assertThatThrownBy(() -> policy.check(password, inputs))
                .isInstanceOf(UserException.class).hasMessageContaining("too easy to guess");
    }

    @Test
    void theSameNameBasedPasswordPassesForSomeoneElse() {
        // Shows the refusal above comes from the user inputs, not from the password alone.
        assertThatCode(() -> policy.check("tokosari2024", List.of("budi", "Budi", "Warung Jaya")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kopi hujan sepeda lampu", "gerobak biru menari pelan", "correct horse battery staple"})
    void aGoodPassphraseIsAccepted(String password) {
        assertThatCode(() -> policy.check(password, List.of("ani", "Ani Setiawati", "Toko Sari")))
                .doesNotThrowAnyException();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedRatherThanCut() {
        String tooLong = "kopi hujan sepeda lampu ".repeat(4);
        assertThatThrownBy(() -> policy.check(tooLong, List.of("ani")))
                .isInstanceOf(UserException.class).hasMessageContaining("longer than 72 bytes");
    }

    @Test
    void anEmptyPasswordIsRefused() {
        assertThatThrownBy(() -> policy.check("  ", List.of("ani")))
                .isInstanceOf(UserException.class).hasMessageContaining("Type a password");
    }
}
