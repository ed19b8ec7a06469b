package id.loket.cli;

import id.loket.users.Operator;
import id.loket.users.UserService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        subcommands = {BillersCommand.class, ProductsCommand.class, InquiryCommand.class, PayCommand.class, ShiftCommand.class,
            PaymentsCommand.class, CustomersCommand.class, RecoverCommand.class, ReceiptCommand.class, VerifyCommand.class,
            BackupCommand.class, RestoreCommand.class, SandboxCommand.class, InitCommand.class, UsersCommand.class,
            AuditCommand.class, ReportCommand.class, ReconcileCommand.class, DepositCommand.class, QrisCommand.class, ChargesCommand.class, CommandLine.HelpCommand.class},
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
            description = "The operator the command acts as (default: your login name); with --password-stdin.")
    private String user;

    @Option(names = "--password-stdin", scope = ScopeType.INHERIT,
            description = "Read the password from the first line of standard input: the operator's (--user) for"
                    + " commands that act as one; the new one for 'init' and 'users activate'.")
    private boolean passwordStdin;

    private final InputStream stdin;
    private String password;

    public LoketCommand(Backend backend, InputStream stdin) {
        this.backend = backend;
        this.stdin = stdin;
    }

    /** Builds the command line with Loket's error handling: every failure is a message and exit code 1. */
    public static CommandLine commandLine(Backend backend) {
        return commandLine(backend, System.in);
    }

    /** As {@link #commandLine(Backend)}, reading passwords ({@code --password-stdin}) from {@code stdin}. */
    public static CommandLine commandLine(Backend backend, InputStream stdin) {
        CommandLine cli = new CommandLine(new LoketCommand(backend, stdin));
        cli.getCommandSpec().version("Loket " + backend.version());
        cli.getCommandSpec().exitCodeOnInvalidInput(ERROR);
        cli.getCommandSpec().exitCodeOnExecutionException(ERROR);
        // Usage errors of any subcommand exit 1 (picocli's own default is 2, which here means a failed payment), and
        // show the usage even when picocli has a suggestion (it offers 'init' for any word sharing two letters).
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, failed.getErr());
            failed.usage(failed.getErr());
            failed.getErr().flush();
            return ERROR;
        });
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

    /**
     * Signs the operator of {@code --user} in with the password of {@code --password-stdin}: what every command that
     * acts as an operator does first ({@link ServiceCommand#openSession}).
     *
     * @throws RuntimeException saying what to do: not set up yet, no password given, or the sign-in's own refusal
     */
    Operator signIn(UserService users, String command) {
        if (!users.isSetUp()) {
            throw new IllegalStateException("Loket is not set up yet: run loket init first (loket init --shop-name NAME"
                    + " --owner USER --password-stdin), then run 'loket " + command + "' as an operator.");
        }
        if (!passwordStdin) {
            throw new IllegalArgumentException("'loket " + command + "' acts as an operator: give --user NAME and"
                    + " --password-stdin, with the password on standard input (e.g. loket --user NAME --password-stdin "
                    + command + " ... < password-file).");
        }
        return users.signIn(user(), password("the password of " + user()));
    }

    /**
     * The first line of standard input ({@code --password-stdin}), read once per run.
     *
     * @param whose what the password is, for the message when it is missing ("the owner's new password")
     */
    String password(String whose) {
        if (!passwordStdin) {
            throw new IllegalArgumentException("Give " + whose + " on standard input with --password-stdin.");
        }
        if (password == null) {
            password = firstLine(stdin);
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("Standard input holds no password: give " + whose + " as its first line"
                    + " (--password-stdin).");
        }
        return password;
    }

    /** Up to the first line end, UTF-8; the line end ({@code \n} or {@code \r\n}) is not part of the password. */
    /**
     * The next line of standard input after the password (a clerk's confirmation), empty at its end. Read byte by byte
     * like the password, so nothing after the line is taken from the stream.
     */
    Optional<String> nextLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b = stdin.read();
            if (b == -1) {
                return Optional.empty();
            }
            for (; b != -1 && b != '\n'; b = stdin.read()) {
                line.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read standard input: " + e.getMessage(), e);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return Optional.of(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }

    private static String firstLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the password from standard input: " + e.getMessage(), e);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
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
