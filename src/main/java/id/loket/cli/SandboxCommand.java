package id.loket.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket sandbox}: the sandbox gateway in the foreground, until Ctrl+C. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run the sandbox payment gateway in the foreground (Ctrl+C stops it).",
            "It implements the whole gateway protocol (docs/gateway-api.md) with test billers, faults and drills.",
            "--merchant and --secret (default LOKET-SANDBOX / sandbox-secret) set what clients must sign with."})
final class SandboxCommand extends ServiceCommand {


    @Option(names = "--port", required = true, paramLabel = "N", description = "TCP port to listen on (0: any free port).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to bind (default: ${DEFAULT-VALUE}, this computer only).")
    private String host;

    @Option(names = "--state", paramLabel = "FILE",
            description = "The sandbox's own state file (default: sandbox.db in the data directory).")
    private Path state;

    @Option(names = "--settle-immediately", description = "Serve today's settlement too (for reconciliation drills).")
    private boolean settleImmediately;

    @Option(names = "--as", defaultValue = "house", paramLabel = "PROVIDER",
            description = "house (default): the Loket gateway; digiflazz: a simulator of Digiflazz's Buyer API"
                    + " (username loketuser, development key dev-11111111-2222-3333-4444-555555555555); midtrans: a"
                    + " simulator of Midtrans' Core API and Payment Link; fonnte: a simulator of Fonnte's WhatsApp"
                    + " API. Each prints the variables that point Loket at it.")
    private String as;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port + ".");
        }
        // --merchant and --secret are the global gateway options: the sandbox serves as that merchant.
        SandboxSettings settings = new SandboxSettings(host, port, Optional.ofNullable(state), settleImmediately,
                as.strip().toLowerCase(java.util.Locale.ROOT));
        root().backend().runSandbox(root().options(), settings, out());
        return LoketCommand.OK;
    }
}
