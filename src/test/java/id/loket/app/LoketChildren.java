package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Loket as real child JVMs for the crash tests: {@code id.loket.app.Launcher} on this test's class path, one data
 * directory, an operator whose password comes from a file on stdin, each child's output in its own files. Closing it
 * kills every child still running.
 */
final class LoketChildren implements AutoCloseable {

    private final Path outputDir;
    private final Path dataDir;
    private final Path passwordFile;
    private final String user;
    /** Global options every child gets before its command (a gateway's address, say). */
    private final List<String> globalOptions;
    /** The environment every child gets; a call's own environment is added on top. */
    private final Map<String, String> environment;
    private final Duration limit;
    private final List<Process> children = new ArrayList<>();
    private int runs;

    LoketChildren(Path outputDir, Path dataDir, Path passwordFile, String user, List<String> globalOptions,
            Map<String, String> environment, Duration limit) {
        this.outputDir = outputDir;
        this.dataDir = dataDir;
        this.passwordFile = passwordFile;
        this.user = user;
        this.globalOptions = List.copyOf(globalOptions);
        this.environment = Map.copyOf(environment);
        this.limit = limit;
    }

    /** Starts {@code loket COMMAND} as the operator; it runs on while the test does whatever it has to. */
    Process start(Map<String, String> extraEnvironment, String... command) {
        List<String> args = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"),
                "id.loket.app.Launcher",
                "--data-dir", dataDir.toString()));
        args.addAll(globalOptions);
        args.addAll(List.of("--user", user, "--password-stdin"));
        args.addAll(List.of(command));
        int run = ++runs;
        ProcessBuilder builder = new ProcessBuilder(args)
                .redirectInput(passwordFile.toFile())
                .redirectOutput(output(run, "out").toFile())
                .redirectError(output(run, "err").toFile());
        builder.environment().putAll(environment);
        builder.environment().putAll(extraEnvironment);
        try {
            Process process = builder.start();
            children.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a child to its end; its output is printed when it exits other than {@code expected}. */
    int runToEnd(int expected, Map<String, String> extraEnvironment, String... command) {
        Process process = start(extraEnvironment, command);
        int run = runs;
        try {
            assertThat(process.waitFor(limit.toSeconds(), TimeUnit.SECONDS))
                    .as("loket %s finished", String.join(" ", command)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        int code = process.exitValue();
        if (code != expected) {
            System.err.printf("loket %s exited %d%nout: %s%nerr: %s%n", String.join(" ", command), code,
                    read(output(run, "out")), read(output(run, "err")));
        }
        return code;
    }

    /** SIGKILL on Linux: no shutdown hook, no finally block, no last write. */
    static void kill(Process process) {
        assertThat(process.isAlive()).as("the child is still working when it is killed").isTrue();
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        assertThat(process.exitValue()).as("killed, not exited").isNotIn(0, 1, 2, 3);
    }

    @Override
    public void close() {
        for (Process child : children) {
            child.destroyForcibly();
        }
    }

    private Path output(int run, String stream) {
        return outputDir.resolve("child-" + run + "." + stream);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    /** Copies the folder {@code from} (a set-up data directory kept as a template) into {@code to}. */
    static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** A read-only connection to the ledger of {@code dataDir}, which a child may still have open. */
    static java.sql.Connection readLedger(Path dataDir) throws java.sql.SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        return java.sql.DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("ledger.db"),
                config.toProperties());
    }
}
