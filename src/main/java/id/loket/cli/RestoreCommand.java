package id.loket.cli;

import id.loket.journal.LedgerMaintenance.RestoreResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket restore --from FILE}: replace the ledger with a backup that verifies, keeping the old one. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the ledger with a backup made by 'loket backup'.",
            "The file must be a sound Loket ledger; the current ledger is kept in the 'backups' folder.",
            "Close Loket first."})
final class RestoreCommand extends ServiceCommand {


    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file to restore.")
    private Path from;

    @Override
    public Integer call() {
        try (OperatorSession session = openSession()) {
            CliServices services = session.services();
            RestoreResult result = services.backups().restore(session.operator(), from);
            PrintWriter w = out();
            w.println("Ledger restored from " + from.toAbsolutePath() + ": " + result.entries()
                    + " entries, verified. The previous ledger was kept at " + result.previousLedgerKeptAt() + ".");
            w.flush();
            return LoketCommand.OK;
        }
    }
}
