package id.loket.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The base-URL check every provider adapter makes, with the provider's name in each message. */
class ProviderUrlsTest {

    private static final URI EXAMPLE = URI.create("https://api.example.com/v1");
    private static final String EXPOSURE = "read the key and change the answers";

    private static String check(String url) {
        return ProviderUrls.checkBaseUrl(URI.create(url), "Acme", EXAMPLE, EXPOSURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "127.255.255.255", "[::1]",
        "[0:0:0:0:0:0:0:1]"})
    void loopbackIsJudgedFromTheUrlAlone(String host) {
        assertThat(ProviderUrls.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"128.0.0.1", "10.0.0.5", "127.0.0.256", "127.evil.example", "localhost.example.com",
        "[::2]", "[fe80::1]", "api.example.com"})
    void anythingElseIsNotLoopback(String host) {
        assertThat(ProviderUrls.isLoopback(host)).isFalse();
    }

    @Test
    void httpsIsAcceptedWithoutItsTrailingSlash() {
        assertThat(check("https://api.example.com/v1/")).isEqualTo("https://api.example.com/v1");
        assertThat(check("HTTPS://api.example.com")).isEqualTo("HTTPS://api.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:1/v1", "http://[::1]:9"})
    void plainHttpIsAcceptedOnThisComputer(String url) {
        assertThat(check(url)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com", "http://10.0.0.5:8080", "http://127.evil.example",
        "http://128.0.0.1"})
    void plainHttpToAnotherHostIsRefused(String url) {
        assertThatThrownBy(() -> check(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The Acme URL must use https:// (" + url + ")")
                .hasMessageContaining("anyone on the way could " + EXPOSURE + ";")
                .hasMessageContaining("127.0.0.1, ::1, localhost");
    }

    @Test
    void userInfoIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> check("https://user:secret@api.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Acme URL must not carry a user name or password");
        // Even over plain http to a stranger, the user info is what is refused, so the password is never echoed.
        assertThatThrownBy(() -> check("http://user:secret@api.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void aQueryOrAFragmentIsRefused() {
        assertThatThrownBy(() -> check("https://api.example.com/v1?debug=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Acme URL must not have a query or fragment: https://api.example.com/v1?debug=1");
        assertThatThrownBy(() -> check("https://api.example.com/v1#top"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query or fragment");
    }

    @Test
    void aRelativeUrlOrAnotherSchemeIsRefused() {
        assertThatThrownBy(() -> check("/v1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Acme URL must be absolute with a host, like " + EXAMPLE + ": /v1");
        assertThatThrownBy(() -> check("ftp://api.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Acme URL must use https://, not ftp: ftp://api.example.com");
    }

    @Test
    void aNullUrlIsRefused() {
        assertThatThrownBy(() -> ProviderUrls.checkBaseUrl(null, "Acme", EXAMPLE, EXPOSURE))
                .isInstanceOf(NullPointerException.class);
    }
}
