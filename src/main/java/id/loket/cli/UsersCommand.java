package id.loket.cli;

import id.loket.core.BusinessCalendar;
import id.loket.users.Activation;
import id.loket.users.Operator;
import id.loket.users.OperatorSummary;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loket users …}: operator accounts. All but {@code activate} are the owner's. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Operator accounts: the owner adds, lists, disables and resets clerks; a clerk activates.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Activate.class, UsersCommand.ListUsers.class,
            UsersCommand.Disable.class, UsersCommand.Reset.class})
final class UsersCommand implements Runnable {

    static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'WIB'", Locale.ROOT)
            .withZone(BusinessCalendar.WIB);

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Say what to do: users add, activate, list, disable or reset.");
    }

    /** Prints a new activation code: the only time anyone sees it. */
    static void printActivation(Activation a, String verb, boolean json, PrintWriter out) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("username", a.operator().username());
            doc.put("name", a.operator().displayName());
            doc.put("status", a.operator().status().name());
            doc.put("activation_code", a.code());
            doc.put("expires_at", a.expiresAt().toString());
            out.println(new Json().write(doc));
        } else {
            out.println(a.operator().displayName() + " (" + a.operator().username() + ") " + verb + ".");
            out.println("Activation code: " + a.code());
            out.println("  Shown only now: give it to " + a.operator().username() + " in person. It works once, until "
                    + WIB.format(a.expiresAt()) + ".");
            out.println("  " + a.operator().username() + " sets a password with: loket users activate --username "
                    + a.operator().username() + " --code " + a.code() + " --password-stdin");
        }
        out.flush();
    }

    /** {@code loket users add --username U --name N}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Register a clerk (owner only); prints their one-time activation code, valid 24 hours.")
    static final class Add extends ServiceCommand {

        @Option(names = "--username", required = true, paramLabel = "USER", description = "The clerk's sign-in name, e.g. ani.")
        private String username;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The clerk's name, e.g. \"Ani Setiawati\".")
        private String name;

        @Option(names = "--json", description = "Machine-readable output.")
        private boolean json;

        @Override
        public Integer call() {
            try (OperatorSession session = openSession()) {
                Activation a = session.services().users().registerClerk(session.operator(), username, name);
                printActivation(a, "is registered as a clerk", json, out());
                return LoketCommand.OK;
            }
        }
    }

    /** {@code loket users activate --username U --code C --password-stdin}. */
    @Command(name = "activate", mixinStandardHelpOptions = true,
            description = {"A clerk's first sign-in: the activation code from the owner, and a new password",
                "(the first line of standard input, --password-stdin)."})
    static final class Activate extends ServiceCommand {

        @Option(names = "--username", required = true, paramLabel = "USER", description = "Your username.")
        private String username;

        @Option(names = "--code", required = true, paramLabel = "CODE", description = "The activation code the owner gave you.")
        private String code;

        @Override
        public Integer call() {
            String password = root().password("your new password");
            try (CliServices services = openServices()) {
                if (!services.users().isSetUp()) {
                    throw new IllegalStateException("Loket is not set up yet: run loket init first.");
                }
                Operator activated = services.users().activate(username, code, password);
                out().println(activated.displayName() + " (" + activated.username() + ") is activated: sign in with"
                        + " your new password (--user " + activated.username() + " --password-stdin).");
                out().flush();
                return LoketCommand.OK;
            }
        }
    }

    /** {@code loket users list [--json]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the operators (owner only).")
    static final class ListUsers extends ServiceCommand {

        @Option(names = "--json", description = "Machine-readable output.")
        private boolean json;

        @Override
        public Integer call() {
            try (OperatorSession session = openSession()) {
                List<OperatorSummary> all = session.services().users().list(session.operator());
                PrintWriter out = out();
                if (json) {
                    List<Map<String, Object>> doc = new ArrayList<>();
                    for (OperatorSummary s : all) {
                        Operator o = s.operator();
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("username", o.username());
                        m.put("name", o.displayName());
                        m.put("role", o.role().name());
                        m.put("status", o.status().name());
                        m.put("created_at", o.createdAt().toString());
                        m.put("locked_until", s.lockedUntil().map(Instant::toString).orElse(null));
                        m.put("activation_expires_at", s.activationExpiresAt().map(Instant::toString).orElse(null));
                        m.put("failed_sign_ins", s.failedSignIns());
                        doc.add(m);
                    }
                    out.println(new Json().write(Map.of("operators", doc)));
                } else {
                    out.printf("%-20s %-28s %-6s %-19s %s%n", "USERNAME", "NAME", "ROLE", "STATUS", "NOTE");
                    for (OperatorSummary s : all) {
                        Operator o = s.operator();
                        String note = s.lockedUntil().map(u -> "locked until " + WIB.format(u))
                                .or(() -> s.activationExpiresAt().map(e -> "code valid until " + WIB.format(e)))
                                .orElse("");
                        out.printf("%-20s %-28s %-6s %-19s %s%n", o.username(), o.displayName(), o.role(), o.status(),
                                note);
                    }
                    out.printf("%d operator(s)%n", all.size());
                }
                out.flush();
                return LoketCommand.OK;
            }
        }
    }

    /** {@code loket users disable --username U}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Turn a clerk's account off (owner only); 'users reset' turns it on again.")
    static final class Disable extends ServiceCommand {

        @Option(names = "--username", required = true, paramLabel = "USER", description = "The clerk to disable.")
        private String username;

        @Override
        public Integer call() {
            try (OperatorSession session = openSession()) {
                Operator disabled = session.services().users().disable(session.operator(), username);
                out().println(disabled.displayName() + " (" + disabled.username() + ") is disabled: they can no"
                        + " longer sign in. 'loket users reset --username " + disabled.username()
                        + "' turns the account on again.");
                out().flush();
                return LoketCommand.OK;
            }
        }
    }

    /** {@code loket users reset --username U}. */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = {"Reset a clerk's password (owner only): prints a new one-time activation code;",
                "the old password stops working. Also turns a disabled clerk on again."})
    static final class Reset extends ServiceCommand {

        @Option(names = "--username", required = true, paramLabel = "USER", description = "The clerk.")
        private String username;

        @Option(names = "--json", description = "Machine-readable output.")
        private boolean json;

        @Override
        public Integer call() {
            try (OperatorSession session = openSession()) {
                Activation a = session.services().users().resetPassword(session.operator(), username);
                printActivation(a, "has a new activation code (the old password no longer works)", json, out());
                return LoketCommand.OK;
            }
        }
    }
}
