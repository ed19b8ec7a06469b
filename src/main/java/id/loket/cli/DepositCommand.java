package id.loket.cli;

import id.loket.core.Money;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loket deposit topup}: record in the ledger a top-up of the gateway deposit the owner made (a bank
 * transfer to the gateway), so the day's deposit check adds it up. Owner only.
 */
@Command(name = "deposit", mixinStandardHelpOptions = true, description = "The gateway deposit.",
        subcommands = DepositCommand.TopUp.class)
final class DepositCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("Say what to do: 'loket deposit topup --amount N'.");
    }

    @Command(name = "topup", mixinStandardHelpOptions = true,
            description = "Record a top-up of the gateway deposit (owner only).")
    static final class TopUp extends ServiceCommand {

        @Option(names = "--amount", required = true, paramLabel = "RUPIAH", description = "Whole rupiah.")
        private String amount;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day of the transfer (default today).")
        private String date;

        @Option(names = "--note", paramLabel = "TEXT", description = "e.g. the bank transfer's reference.")
        private String note;

        @Override
        public Integer call() {
            Money money = CliMoney.parse(amount, "--amount");
            try (OperatorSession session = openSession()) {
                LocalDate day = date == null ? session.services().reconciliation().today()
                        : ReconcileCommand.day(date);
                session.services().reconciliation().recordTopUp(session.operator(), day, money, note);
                out().println("Recorded a deposit top-up of " + money.rupiah() + " on " + day + ".");
                out().flush();
                return LoketCommand.OK;
            }
        }
    }
}
