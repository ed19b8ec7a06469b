package id.loket.cli;

/**
 * What the command line needs from the composition root: the services on a data directory, and the GUI.
 * The CLI parses the global options first and only then asks for services, because the options decide which
 * data directory (and so which ledger) the services use.
 */
public interface Backend {

    /**
     * Opens the data directory and the services on it.
     *
     * @throws RuntimeException with a message that says what went wrong and what to do
     */
    CliServices open(GlobalOptions options);

    /** Starts the GUI on the data directory; returns once it runs (the JVM lives on while its window is open). */
    void startGui(GlobalOptions options);

    String version();

    /**
     * Runs the sandbox gateway until the process is stopped, printing where it listens to {@code out}.
     *
     * @throws RuntimeException with a message saying what went wrong (port taken, state file unusable …)
     */
    void runSandbox(GlobalOptions options, SandboxSettings settings, java.io.PrintWriter out);
}
