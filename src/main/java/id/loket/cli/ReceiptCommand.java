package id.loket.cli;

import id.loket.report.ReceiptMessages;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket receipt}: render a payment's receipt again, marked as a reprint. */
@Command(name = "receipt", mixinStandardHelpOptions = true,
        description = {"Write a payment's receipt again as PDF, marked CETAK ULANG (reprint), and/or send it as text to"
                + " the customer's WhatsApp (--send-to) through the messenger of the settings.",
            "When the messenger cannot send it, prints the wa.me link to send it by hand and exits 2."})
final class ReceiptCommand extends ServiceCommand {

    @Option(names = "--ref", required = true, paramLabel = "CLIENT_REF", description = "The payment's client_ref.")
    private String clientRef;

    @Option(names = "--out", paramLabel = "FILE.pdf", description = "The PDF to write (must not exist).")
    private Path out;

    @Option(names = "--send-to", paramLabel = "PHONE", description = "The customer's WhatsApp number (0812…, +62 812…).")
    private String sendTo;

    @Override
    public Integer call() {
        if (out == null && sendTo == null) {
            throw new IllegalArgumentException("Give --out FILE.pdf, --send-to PHONE, or both.");
        }
        try (OperatorSession session = openSession()) {
            CliServices services = session.services();
            if (out != null) {
                Path written = services.writeReceipt(clientRef, out);
                services.audit().recordReprint(session.operator(), clientRef);
                out().println("Receipt of " + clientRef + " written to " + written + " (marked as a reprint).");
            }
            int code = LoketCommand.OK;
            if (sendTo != null) {
                ReceiptMessages.Outcome outcome = services.receiptMessages().send(clientRef, sendTo,
                        session.operator().username());
                if (outcome instanceof ReceiptMessages.Outcome.Sent sent) {
                    out().println("Receipt of " + clientRef + " sent to " + sendTo + " (message " + sent.messageId()
                            + ", " + sent.status() + "; WhatsApp does not confirm delivery).");
                } else {
                    ReceiptMessages.Outcome.NotSent notSent = (ReceiptMessages.Outcome.NotSent) outcome;
                    out().println("Receipt of " + clientRef + " NOT sent: " + notSent.reason());
                    notSent.link().ifPresent(link -> out().println("Send it by hand instead: " + link));
                    code = LoketCommand.FAILED;
                }
            }
            out().flush();
            return code;
        }
    }
}
