package id.loket.cli;

import id.loket.users.Operator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the global options of {@code loket}, its output streams and the services. */
abstract class ServiceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Opens the services on the data directory the global options choose; close them when done. */
    final CliServices openServices() {
        return root().backend().open(root().options());
    }

    /**
     * Opens the services and signs the operator in ({@code --user} with {@code --password-stdin}): the one way in for
     * every command that acts as an operator (pay, shifts, payments, recover, receipt, users, audit, restore). Refuses
     * before anything else when Loket is not set up yet. Close the session when done.
     */
    final OperatorSession openSession() {
        CliServices services = openServices();
        try {
            Operator operator = root().signIn(services.users(), commandName());
            return new OperatorSession(services, operator);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /** The command as typed after {@code loket}, e.g. {@code users add}. */
    final String commandName() {
        String qualified = spec.qualifiedName(" ");
        String root = spec.root().name() + " ";
        return qualified.startsWith(root) ? qualified.substring(root.length()) : qualified;
    }

    /** The top command, whose global options apply however deep the subcommand is ({@code shift open}). */
    final LoketCommand root() {
        return (LoketCommand) spec.root().userObject();
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
