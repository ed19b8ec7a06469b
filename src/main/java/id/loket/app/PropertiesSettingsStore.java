package id.loket.app;

import id.loket.settings.SettingsStore;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings in {@code loket.properties} in the data directory, plus values that the command line or the
 * environment set for this run only ({@code --gateway-url}, {@code LOKET_GATEWAY_URL} …), which win over
 * the file and are never written to it.
 *
 * <p>Writes replace the file atomically (temporary file, then rename), so a power cut leaves either the old
 * or the new settings, never half a file.
 */
public final class PropertiesSettingsStore implements SettingsStore {

    private final Path file;
    private final Map<String, String> overrides;
    private final Properties properties = new Properties();

    public PropertiesSettingsStore(Path file, Map<String, String> overrides) {
        this.file = file;
        this.overrides = Map.copyOf(overrides);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new StartupException("Cannot read the settings file " + file + " (" + e.getMessage()
                        + "): fix or delete it (Loket then starts with default settings).", e);
            }
        }
    }

    @Override
    public synchronized Optional<String> get(String key) {
        String override = overrides.get(key);
        if (override != null) {
            return Optional.of(override);
        }
        return Optional.ofNullable(properties.getProperty(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        Properties next = new Properties();
        next.putAll(properties);
        next.setProperty(key, value);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            ownerOnly(tmp);
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                next.store(out, "Loket settings");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save the settings to " + file + " (" + e.getMessage()
                    + "): check the disk has space and the folder is writable.", e);
        }
        properties.setProperty(key, value);
    }

    /**
     * The file holds the providers' keys: readable by its owner only (DESIGN.md, "Upstreams"). Created empty with
     * those permissions before anything is written into it; on a file system without POSIX permissions (Windows)
     * the user's profile folder is already private.
     */
    private static void ownerOnly(Path tmp) throws IOException {
        Files.deleteIfExists(tmp);
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
    }
}
