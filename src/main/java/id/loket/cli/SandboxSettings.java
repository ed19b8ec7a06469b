package id.loket.cli;

import java.nio.file.Path;
import java.util.Optional;

/** What {@code loket sandbox} was asked for; the backend turns it into a running sandbox gateway. */
public record SandboxSettings(
        String host, int port, Optional<Path> stateFile, boolean settleImmediately, String as) {

    /** The house sandbox gateway. */
    public SandboxSettings(String host, int port, Optional<Path> stateFile, boolean settleImmediately) {
        this(host, port, stateFile, settleImmediately, "house");
    }
}
