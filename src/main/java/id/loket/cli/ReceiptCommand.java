package id.loket.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket receipt}: render a payment's receipt again, marked as a reprint. */
@Command(name = "receipt", mixinStandardHelpOptions = true,
        description = "Write a payment's receipt again as PDF, marked CETAK ULANG (reprint).")
final class ReceiptCommand extends ServiceCommand {

    @Option(names = "--ref", required = true, paramLabel = "CLIENT_REF", description = "The payment's client_ref.")
    private String clientRef;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "The PDF to write (must not exist).")
    private Path out;

    @Override
    public Integer call() {
        try (OperatorSession session = openSession()) {
            CliServices services = session.services();
            Path written = services.writeReceipt(clientRef, out);
            services.audit().recordReprint(session.operator(), clientRef);
            out().println("Receipt of " + clientRef + " written to " + written + " (marked as a reprint).");
            out().flush();
            return LoketCommand.OK;
        }
    }
}
