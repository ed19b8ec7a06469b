package id.loket.cli;

import id.loket.journal.LedgerMaintenance.BackupResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket backup --out FILE}: a consistent, verified copy of the ledger, safe while the app runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent, verified copy of the ledger (safe while Loket is running).")
final class BackupCommand extends ServiceCommand {


    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to create (must not exist).")
    private Path out;

    @Override
    public Integer call() {
        try (CliServices services = openServices()) {
            BackupResult result = services.backups().backup(java.util.Optional.empty(), out);
            PrintWriter w = out();
            w.println("Backup written to " + result.file() + ": " + result.entries() + " entries, "
                    + result.bytes() + " bytes, verified.");
            w.flush();
            return LoketCommand.OK;
        }
    }
}
