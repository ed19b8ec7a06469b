package id.loket.billing;

import java.util.Objects;

/**
 * An account at a biller network as the owner enters it (Settings) before it is saved: which network, the user
 * name, the key, the address and whether it is the provider's test mode. {@link #toString()} never shows the key.
 */
public record NetworkAccount(String network, String username, String key, String url, boolean testing) {

    public NetworkAccount {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
        return "NetworkAccount[network=" + network + ", username=" + username + ", key=****, url=" + url
                + ", testing=" + testing + "]";
    }
}
