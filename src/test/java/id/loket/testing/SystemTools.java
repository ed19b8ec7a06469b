package id.loket.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a program of the operating system (Chromium for the hosted payment page, a CUPS-PDF printer
 * for receipts). CI installs them and sets {@code LOKET_REQUIRE_SYSTEM_TOOLS=1}: there a missing tool FAILS the
 * test, so nothing silently goes untested. On a developer's fresh machine with only a JDK the test is skipped
 * with a message naming what to install, so the README's test command holds everywhere.
 */
public final class SystemTools {

    private SystemTools() {}

    /** Requires the program {@code command}, found on the PATH, as {@link #require} does. */
    public static void requireCommand(String command, String howToInstall) {
        boolean present = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
        require(present, command, howToInstall);
    }

    public static void require(boolean present, String what, String howToInstall) {
        if (present) {
            return;
        }
        String message = what + " is not available: " + howToInstall;
        if (required()) {
            fail(message + " (LOKET_REQUIRE_SYSTEM_TOOLS is set, as in CI)");
        }
        Assumptions.assumeTrue(present, message + " — skipped here; CI installs it and runs this test");
    }

    private static boolean required() {
        String env = System.getenv("LOKET_REQUIRE_SYSTEM_TOOLS");
        return (env != null && !env.isBlank() && !env.equals("0"))
                || Boolean.getBoolean("loket.requireSystemTools");
    }
}
