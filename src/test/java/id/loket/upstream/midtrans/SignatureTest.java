package id.loket.upstream.midtrans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The research's vectors (§1.1 auth header, §1.6 signature_key) and the idempotency key's shape. */
class SignatureTest {

    static final String DOC_KEY = "SB-Mid-server-abc123cde456";

    @Test
    void authorizationHeaderIsTheDocsExample() {
        assertThat(MidtransClient.authorization(DOC_KEY)).isEqualTo("Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "order03, 200, 275000.00, 95dfc10c8f3c2238e74eb72421d1b2203a5bdd0c05f65956f2d55c0cbe83dca849a920a0c96f2374f7e05742a8436540f1ba8a50d7686cdb8d6f5c350bcb9230",
        "order03, 201, 275000.00, 67a0ef40d081d9ee1d15ee6f18c8bd08effd97cd56428be9aafe82241f24e6bc27b91654594644d6840bb0f7cda2c9b792a39f74603cf7549481a815cc7e735b",
        "order03, 202, 275000.00, 83d11b408242ae8a5dc21f2f2f249339c4198c1e640973bca374e5998f7ac2fb618512d0c8476641c3d2fcf3e4b5b592be192e6a9389b1ea2e827830b71be496",
        "LKT-20250101-000123, 200, 150000.00, ed3016d7a485dafcf84514710ea775e12c9c5310ea3799917e90f67d395f8fcb6edb312b11c2ce40b92708842dd1a36a8e6ee7c5253403183e6cd3d9a22ce97f"
    })
    void documentedVectors(String orderId, String statusCode, String grossAmount, String expected) {
        assertThat(Signature.compute(orderId, statusCode, grossAmount, DOC_KEY)).isEqualTo(expected);
        assertThat(Signature.matches(orderId, statusCode, grossAmount, DOC_KEY, expected)).isTrue();
        assertThat(Signature.matches(orderId, statusCode, grossAmount, DOC_KEY, expected.toUpperCase())).isTrue();
    }

    @Test
    void theWrongAmountFormatGivesAnotherHashAndIsRejected() {
        String good = "ed3016d7a485dafcf84514710ea775e12c9c5310ea3799917e90f67d395f8fcb6edb312b11c2ce40b92708842dd1a36a8e6ee7c5253403183e6cd3d9a22ce97f";
        String wrongFormat = Signature.compute("LKT-20250101-000123", "200", "150000", DOC_KEY);
        // The research gives this one abbreviated: e55ed089…e72533.
        assertThat(wrongFormat).startsWith("e55ed089").endsWith("e72533").isNotEqualTo(good);
        // The signature Midtrans sends is over "150000.00": reading the amount as 150000 must not verify it.
        assertThat(Signature.matches("LKT-20250101-000123", "200", "150000", DOC_KEY, good)).isFalse();
        assertThat(Signature.matches("LKT-20250101-000123", "200", "150000.00", DOC_KEY, wrongFormat)).isFalse();
    }

    @Test
    void aMissingOrChangedSignatureNeverMatches() {
        assertThat(Signature.matches("order03", "200", "275000.00", DOC_KEY, null)).isFalse();
        assertThat(Signature.matches("order03", "200", null, DOC_KEY, "x")).isFalse();
        String good = Signature.compute("order03", "201", "275000.00", DOC_KEY);
        assertThat(Signature.matches("order03", "200", "275000.00", DOC_KEY, good)).isFalse();
        assertThat(Signature.matches("order03", "201", "275000.00", DOC_KEY + "x", good)).isFalse();
    }

    @Test
    void idempotencyKeysAreDeterministicShortAndPerAttempt() {
        Set<String> keys = new HashSet<>();
        for (int attempt = 1; attempt <= 9; attempt++) {
            String key = IdempotencyKey.of("LKT-20250101-000123", attempt);
            assertThat(key).hasSizeLessThanOrEqualTo(IdempotencyKey.MAX_LENGTH)
                    .isEqualTo(IdempotencyKey.of("LKT-20250101-000123", attempt));
            keys.add(key);
        }
        assertThat(keys).hasSize(9);
        assertThat(IdempotencyKey.of("LKT-20250101-000124", 1)).isNotEqualTo(IdempotencyKey.of("LKT-20250101-000123", 1));
        assertThatThrownBy(() -> IdempotencyKey.of("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
