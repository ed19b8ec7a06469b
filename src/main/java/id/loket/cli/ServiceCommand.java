package id.loket.cli;

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
