package id.loket.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the global options of {@code loket}, its output streams and the services. */
abstract class ServiceCommand implements Callable<Integer> {

    @ParentCommand
    private LoketCommand root;

    @Spec
    private CommandSpec spec;

    /** Opens the services on the data directory the global options choose; close them when done. */
    final CliServices openServices() {
        return root.backend().open(root.options());
    }

    final LoketCommand root() {
        return root;
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
