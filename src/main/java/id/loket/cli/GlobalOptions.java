package id.loket.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The options every command shares (DESIGN.md, "Command line"), as parsed; environment fallbacks applied by the
 * backend. {@code user} is who works the counter (until operators sign in, the window's clerk too).
 */
public record GlobalOptions(
        Optional<Path> dataDir, Optional<String> gatewayUrl, Optional<String> merchant, Optional<String> secret,
        Optional<String> user) {

    public static GlobalOptions none() {
        return new GlobalOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
