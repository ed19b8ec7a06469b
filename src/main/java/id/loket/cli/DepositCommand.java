package id.loket.cli;

import id.loket.core.Money;
import java.time.LocalDate;
import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayResult;
import id.loket.billing.NetworkInfo;
import id.loket.billing.TopUpTicket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loket deposit topup}: record in the ledger a top-up of the gateway deposit the owner made (a bank
 * transfer to the gateway), so the day's deposit check adds it up. Owner only.
 */
@Command(name = "deposit", mixinStandardHelpOptions = true, description = "The gateway deposit.",
        subcommands = {DepositCommand.TopUp.class, DepositCommand.Balance.class, DepositCommand.Ticket.class})
final class DepositCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("Say what to do: 'loket deposit balance', 'loket deposit ticket --amount N"
                + " --bank BCA --owner-name NAME' or 'loket deposit topup --amount N'.");
    }

    @Command(name = "balance", mixinStandardHelpOptions = true,
            description = "The deposit at the biller network now (exit 2 when it refuses, e.g. a wrong key).")
    static final class Balance extends ServiceCommand {

        @Option(names = "--json", description = "Machine-readable output.")
        private boolean json;

        @Override
        public Integer call() {
            try (CliServices services = openServices()) {
                GatewayResult<DepositBalance> result = services.billing().balance();
                if (!(result instanceof GatewayResult.Answer<DepositBalance> answer)) {
                    return GatewayOutcomes.report(result, err());
                }
                NetworkInfo network = services.billing().network();
                DepositBalance b = answer.value();
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("network", network.id());
                    doc.put("mode", network.mode().name());
                    doc.put("balance", b.balance().rupiah());
                    doc.put("as_of", b.asOf().toString());
                    out().println(new Json().write(doc));
                } else {
                    out().println(network.displayName() + " (" + network.mode() + ") deposit "
                            + b.balance().format(Locale.ENGLISH) + " as of " + b.asOf());
                }
                out().flush();
                return LoketCommand.OK;
            }
        }
    }

    @Command(name = "ticket", mixinStandardHelpOptions = true,
            description = {"Ask the biller network for a deposit top-up ticket (owner only): where to transfer how"
                    + " much.", "Transfer EXACTLY the amount it gives (a unique suffix identifies the transfer), then"
                    + " record it with 'loket deposit topup'."})
    static final class Ticket extends ServiceCommand {

        @Option(names = "--amount", required = true, paramLabel = "RUPIAH", description = "Whole rupiah.")
        private String amount;

        @Option(names = "--bank", required = true, paramLabel = "BANK",
                description = "BCA, MANDIRI, BRI or BNI (Digiflazz also names Flip and ShopeePay for personal accounts).")
        private String bank;

        @Option(names = "--owner-name", required = true, paramLabel = "NAME",
                description = "The name on the account the transfer comes from.")
        private String ownerName;

        @Option(names = "--json", description = "Machine-readable output.")
        private boolean json;

        @Override
        public Integer call() {
            Money money = CliMoney.parse(amount, "--amount");
            try (OperatorSession session = openSession()) {
                session.operator().requireOwner("ask for a deposit top-up ticket");
                GatewayResult<TopUpTicket> result = session.services().billing().depositTicket(money,
                        bank.strip(), ownerName.strip());
                if (!(result instanceof GatewayResult.Answer<TopUpTicket> answer)) {
                    return GatewayOutcomes.report(result, err());
                }
                TopUpTicket t = answer.value();
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("bank", t.bank());
                    doc.put("method", t.method());
                    doc.put("account_no", t.accountNo());
                    doc.put("amount", t.amount().rupiah());
                    doc.put("notes", t.notes());
                    out().println(new Json().write(doc));
                } else {
                    out().println("Transfer exactly " + t.amount().format(Locale.ENGLISH) + " to " + t.bank() + " "
                            + t.accountNo() + " (" + t.method() + "), memo: " + t.notes());
                }
                out().flush();
                return LoketCommand.OK;
            }
        }
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
