package id.loket.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import id.loket.settings.SettingsStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings in memory; can be told to fail writes the way a read-only or full disk does. */
final class InMemorySettingsStore implements SettingsStore {

    private final Map<String, String> values = new HashMap<>();
    private String failWritesWith = "";

    InMemorySettingsStore with(String key, String value) {
        values.put(key, value);
        return this;
    }

    synchronized InMemorySettingsStore failingWrites(String message) {
        failWritesWith = message;
        return this;
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        if (!failWritesWith.isEmpty()) {
            throw new UncheckedIOException(failWritesWith, new IOException(failWritesWith));
        }
        values.put(key, value);
    }
}
