package id.loket.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code loket}: with no subcommand it starts the counter's window; with one it runs headless. Exit codes
 * (DESIGN.md): 0 done, 1 error or usage, 2 definitive failure, 3 pending/suspect.
 */
@Command(
        name = "loket",
        mixinStandardHelpOptions = true,
        description = {
            "Loket: the counter of an Indonesian bill-payment shop (loket PPOB).",
            "Without a command, opens the counter window; with one, runs it without a window."
        },
        subcommands = {BillersCommand.class, InquiryCommand.class, PayCommand.class, ShiftCommand.class,
            PaymentsCommand.class, RecoverCommand.class, ReceiptCommand.class, VerifyCommand.class,
            BackupCommand.class, RestoreCommand.class, SandboxCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 error or usage, 2 definitive failure, 3 pending/suspect."})
public final class LoketCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int FAILED = 2;
    public static final int PENDING = 3;

    private final Backend backend;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory (ledger, settings, logs). Default: env LOKET_HOME, else the per-user data folder.")
    private Path dataDir;

    @Option(names = "--gateway-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The payment gateway (env LOKET_GATEWAY_URL). Without one, the embedded SANDBOX is used.")
    private String gatewayUrl;

    @Option(names = "--merchant", scope = ScopeType.INHERIT, paramLabel = "ID",
            description = "Merchant id at the gateway (env LOKET_MERCHANT).")
    private String merchant;

    @Option(names = "--secret", scope = ScopeType.INHERIT, paramLabel = "SECRET",
            description = "Signing secret for the gateway (env LOKET_SECRET; prefer the environment).")
    private String secret;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The operator the command acts as (default: your login name). Passwords and roles arrive"
                    + " with the users issue.")
    private String user;

    public LoketCommand(Backend backend) {
        this.backend = backend;
    }

    /** Builds the command line with Loket's error handling: every failure is a message and exit code 1. */
    public static CommandLine commandLine(Backend backend) {
        CommandLine cli = new CommandLine(new LoketCommand(backend));
        cli.getCommandSpec().version("Loket " + backend.version());
        cli.getCommandSpec().exitCodeOnInvalidInput(ERROR);
        cli.getCommandSpec().exitCodeOnExecutionException(ERROR);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("loket: " + Messages.of(e));
            commandLine.getErr().flush();
            return ERROR;
        });
        return cli;
    }

    Backend backend() {
        return backend;
    }

    /** The operator: --user, else the login name of whoever runs the command. */
    String user() {
        String name = user != null ? user : System.getProperty("user.name", "");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Say who you are with --user NAME.");
        }
        return name.strip();
    }

    GlobalOptions options() {
        return new GlobalOptions(Optional.ofNullable(dataDir), Optional.ofNullable(gatewayUrl),
                Optional.ofNullable(merchant), Optional.ofNullable(secret), Optional.ofNullable(user));
    }

    @Override
    public Integer call() {
        backend.startGui(options());
        return OK;
    }
}
