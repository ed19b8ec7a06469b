package id.loket.cli;

import id.loket.journal.LedgerMaintenance.BackupResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code loket backup --out FILE}: a consistent, verified copy of the ledger, safe while the app runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent, verified copy of the ledger (safe while Loket is running).")
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    private LoketCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to create (must not exist).")
    private Path out;

    @Override
    public Integer call() {
        try (CliServices services = root.backend().open(root.options())) {
            BackupResult result = services.maintenance().backup(out);
            PrintWriter w = spec.commandLine().getOut();
            w.println("Backup written to " + result.file() + ": " + result.entries() + " entries, "
                    + result.bytes() + " bytes, verified.");
            w.flush();
            return LoketCommand.OK;
        }
    }
}
