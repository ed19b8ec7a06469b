package id.loket.settings;

import java.util.Optional;

/** Where the shop's settings live (the config file in the data directory); the port {@link SettingsService} uses. */
public interface SettingsStore {

    Optional<String> get(String key);

    /** Stores the value durably (the file is replaced atomically). */
    void put(String key, String value);
}
