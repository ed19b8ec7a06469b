package id.loket.cli;

import id.loket.users.Operator;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket init}: the first run without the window — the shop's name and its owner. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"First-run setup without the window: name the shop and create its owner.",
            "The owner's password is the first line of standard input (--password-stdin); refused once Loket is set up."})
final class InitCommand extends ServiceCommand {

    @Option(names = "--shop-name", required = true, paramLabel = "NAME", description = "The shop's name, as receipts print it.")
    private String shopName;

    @Option(names = "--owner", required = true, paramLabel = "USER", description = "The owner's username, e.g. sari.")
    private String owner;

    @Option(names = "--owner-name", paramLabel = "NAME", description = "The owner's name as people read it (default: the username).")
    private String ownerName;

    @Override
    public Integer call() {
        String password = root().password("the owner's new password");
        try (CliServices services = openServices()) {
            Operator created = services.users().setUp(shopName, owner, ownerName == null ? owner : ownerName, password);
            PrintWriter out = out();
            out.println("Loket is set up for " + shopName.strip() + ", with " + created.username()
                    + " as the owner.");
            out.println("Next:");
            out.println("  register a clerk (prints their one-time activation code):");
            out.println("    loket --user " + created.username() + " --password-stdin users add --username ani"
                    + " --name \"Ani Setiawati\"");
            out.println("  the clerk sets a password with it:");
            out.println("    loket users activate --username ani --code CODE --password-stdin");
            out.println("  then works the counter: loket --user ani --password-stdin shift open --float 200000");
            out.println("Commands that act as an operator read the password from standard input (--password-stdin).");
            out.flush();
            return LoketCommand.OK;
        }
    }
}
