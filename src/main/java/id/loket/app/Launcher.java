package id.loket.app;

import java.time.Clock;

/**
 * The program's entry point: {@code loket} with no command opens the window, {@code loket COMMAND} runs
 * headless. A plain class, not a JavaFX {@code Application}: launched from the class path, an
 * {@code Application} main class fails with "JavaFX runtime components are missing" (FACTS.md).
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        AppBackend backend = new AppBackend(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), Clock.systemUTC());
        int code = id.loket.cli.LoketCommand.commandLine(backend).execute(args);
        if (!backend.guiRunning()) {
            System.exit(code);
        }
    }
}
