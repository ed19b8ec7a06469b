package id.loket.cli;

import id.loket.journal.LedgerMaintenance.RestoreResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code loket restore --from FILE}: replace the ledger with a backup that verifies, keeping the old one. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the ledger with a backup made by 'loket backup'.",
            "The file must be a sound Loket ledger; the current ledger is kept in the 'backups' folder.",
            "Close Loket first."})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    private LoketCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file to restore.")
    private Path from;

    @Override
    public Integer call() {
        try (CliServices services = root.backend().open(root.options())) {
            RestoreResult result = services.maintenance().restore(from);
            PrintWriter w = spec.commandLine().getOut();
            w.println("Ledger restored from " + from.toAbsolutePath() + ": " + result.entries()
                    + " entries, verified. The previous ledger was kept at " + result.previousLedgerKeptAt() + ".");
            w.flush();
            return LoketCommand.OK;
        }
    }
}
