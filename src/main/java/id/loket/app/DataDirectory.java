package id.loket.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where Loket keeps its ledger, settings, logs and backups.
 *
 * <p>Chosen in this order: {@code --data-dir}, the environment variable {@code LOKET_HOME}, then the
 * platform's per-user data folder: {@code $XDG_DATA_HOME/loket} (default {@code ~/.local/share/loket}) on
 * Linux, {@code %APPDATA%\Loket} on Windows, {@code ~/Library/Application Support/Loket} on macOS. The rules
 * are few and fixed by DESIGN.md, so they are written here rather than taken from a library (see
 * docs/decisions/0003-data-directory.md).
 */
public final class DataDirectory {

    public static final String LEDGER_FILE = "ledger.db";
    public static final String CONFIG_FILE = "loket.properties";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /** Resolves the directory from the option, the environment and the platform; does not touch the disk. */
    public static Path resolve(Optional<Path> option, Map<String, String> env, String osName, String userHome) {
        if (option.isPresent()) {
            return option.get().toAbsolutePath().normalize();
        }
        try {
            String home = env.get("LOKET_HOME");
            if (home != null && !home.isBlank()) {
                return Path.of(home).toAbsolutePath().normalize();
            }
            String os = osName.toLowerCase(Locale.ROOT);
            if (os.contains("win")) {
                String appData = env.get("APPDATA");
                Path base = appData != null && !appData.isBlank()
                        ? Path.of(appData)
                        : Path.of(userHome, "AppData", "Roaming");
                return base.resolve("Loket");
            }
            if (os.contains("mac")) {
                return Path.of(userHome, "Library", "Application Support", "Loket");
            }
            String xdg = env.get("XDG_DATA_HOME");
            // The XDG spec says a relative value is invalid and must be ignored.
            Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                    ? Path.of(xdg)
                    : Path.of(userHome, ".local", "share");
            return base.resolve("loket");
        } catch (InvalidPathException e) {
            throw new StartupException("The data directory setting is not a valid path (" + e.getMessage()
                    + "): set --data-dir or LOKET_HOME to a folder.", e);
        }
    }

    /**
     * Creates the directory if needed and proves it is writable by writing a probe file.
     *
     * @throws StartupException naming the folder, the reason, and what to do
     */
    public static DataDirectory prepare(Path root) {
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".write-probe", ".tmp");
            Files.delete(probe);
            Files.createDirectories(root.resolve("logs"));
            Files.createDirectories(root.resolve("backups"));
        } catch (IOException | SecurityException e) {
            throw new StartupException("Cannot write to the data directory " + root + " (" + describe(e)
                    + "). Choose another folder with --data-dir or LOKET_HOME, or fix its permissions.", e);
        }
        return new DataDirectory(root);
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    public Path root() {
        return root;
    }

    public Path ledgerFile() {
        return root.resolve(LEDGER_FILE);
    }

    public Path configFile() {
        return root.resolve(CONFIG_FILE);
    }

    public Path logDirectory() {
        return root.resolve("logs");
    }

    public Path backupDirectory() {
        return root.resolve("backups");
    }
}
