package id.loket.upstream.digiflazz;

import java.util.Objects;

/**
 * The buyer account: the username and the API key from "Atur Koneksi &gt; API".
 *
 * <p>Digiflazz issues a development key ({@code dev-<uuid>}) and a production key, and refuses a key that does not
 * match the API mode with RC 41. {@code testing} says that this is the development account: every
 * {@code /transaction} call then carries {@code "testing": true}, which makes Digiflazz answer from its test cases
 * without charging anything.
 *
 * <p>The key signs requests and is never sent, logged or shown: {@link #toString()} masks it.
 */
public record DigiflazzCredentials(String username, String key, boolean testing) {

    public DigiflazzCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(key, "key");
        if (username.isBlank()) {
            throw new IllegalArgumentException("The Digiflazz username is empty");
        }
        if (key.isBlank()) {
            throw new IllegalArgumentException("The Digiflazz API key is empty");
        }
    }

    /**
     * The key as it may be shown to the owner: the {@code dev-} prefix (it tells which key is configured, which is
     * what RC 41 is about) and at most the last four characters of a long key.
     */
    public String maskedKey() {
        String prefix = key.startsWith("dev-") ? "dev-" : "";
        // A short key would be mostly revealed by its last four characters.
        String tail = key.length() >= 16 ? key.substring(key.length() - 4) : "";
        return prefix + "****" + tail;
    }

    @Override
    public String toString() {
        return "DigiflazzCredentials[username=" + username + ", key=" + maskedKey() + ", testing=" + testing + "]";
    }
}
