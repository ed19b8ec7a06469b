package id.loket.cli;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.shift.Shift;
import id.loket.shift.ShiftRecap;
import id.loket.shift.Tally;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket shift open|close}: the clerk's shift and its cash drawer. */
@Command(name = "shift", mixinStandardHelpOptions = true,
        description = "Open or close the clerk's shift (a payment needs an open shift).",
        subcommands = {ShiftCommand.Open.class, ShiftCommand.Close.class})
final class ShiftCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Say 'shift open' or 'shift close'.");
    }

    /** {@code loket shift open --float N}. */
    @Command(name = "open", mixinStandardHelpOptions = true, description = "Open a shift with the cash float in the drawer.")
    static final class Open extends ServiceCommand {

        @Option(names = "--float", required = true, paramLabel = "RUPIAH", description = "The opening cash float, e.g. 200000.")
        private String openingFloat;

        @Override
        public Integer call() {
            Money amount = CliMoney.parse(openingFloat, "--float");
            try (OperatorSession session = openSession()) {
                CliServices services = session.services();
                Shift shift = services.shifts().open(session.operator().username(), amount);
                out().println("Shift " + shift.id() + " opened for " + shift.clerk() + " with a float of "
                        + amount.format(Locale.ENGLISH) + ".");
                out().flush();
                return LoketCommand.OK;
            }
        }
    }

    /** {@code loket shift close --counted N}. */
    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Close the shift with the cash counted in the drawer; prints the recap.")
    static final class Close extends ServiceCommand {

        @Option(names = "--counted", required = true, paramLabel = "RUPIAH", description = "The cash counted in the drawer.")
        private String counted;

        @Option(names = "--json", description = "Machine-readable output.")
        private boolean json;

        @Override
        public Integer call() {
            Money amount = CliMoney.parse(counted, "--counted");
            try (OperatorSession session = openSession()) {
                CliServices services = session.services();
                ShiftRecap recap = services.shifts().close(session.operator().username(), amount);
                print(recap, out());
                return LoketCommand.OK;
            }
        }

        private void print(ShiftRecap r, PrintWriter out) {
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("shift", r.shiftId());
                doc.put("clerk", r.clerk());
                doc.put("opened_at", r.openedAt().toString());
                doc.put("closed_at", r.closedAt().map(Object::toString).orElse(null));
                doc.put("opening_float", r.openingFloat().rupiah());
                doc.put("cash_in", r.cashIn().rupiah());
                doc.put("cash_out", r.cashOut().rupiah());
                doc.put("expected", r.expected().rupiah());
                doc.put("counted", r.counted().map(Money::rupiah).orElse(null));
                doc.put("difference", r.difference().map(Money::rupiah).orElse(null));
                Map<String, Object> methods = new LinkedHashMap<>();
                r.byMethod().forEach((m, t) -> methods.put(m.name(), Map.of("count", t.count(), "total", t.total().rupiah())));
                doc.put("by_method", methods);
                Map<String, Object> billers = new LinkedHashMap<>();
                r.byBiller().forEach((b, t) -> billers.put(b, Map.of("count", t.count(), "total", t.total().rupiah())));
                doc.put("by_biller", billers);
                doc.put("succeeded", r.succeeded());
                doc.put("failed", r.failed());
                doc.put("suspect", r.suspect());
                doc.put("open_items", r.openItems());
                out.println(new Json().write(doc));
            } else {
                out.printf("Shift %d of %s closed.%n", r.shiftId(), r.clerk());
                out.printf("  %-22s %s%n", "Opening float", r.openingFloat().format(Locale.ENGLISH));
                out.printf("  %-22s %s%n", "Cash in (payments)", r.cashIn().format(Locale.ENGLISH));
                out.printf("  %-22s %s%n", "Cash out", r.cashOut().format(Locale.ENGLISH));
                out.printf("  %-22s %s%n", "Expected in drawer", r.expected().format(Locale.ENGLISH));
                out.printf("  %-22s %s%n", "Counted", r.counted().map(m -> m.format(Locale.ENGLISH)).orElse("-"));
                out.printf("  %-22s %s%n", "Difference", r.difference().map(m -> m.format(Locale.ENGLISH)).orElse("-"));
                for (PaymentMethod m : PaymentMethod.values()) {
                    Tally t = r.of(m);
                    if (t.count() > 0) {
                        out.printf("  %-22s %d payments, %s%n", m, t.count(), t.total().format(Locale.ENGLISH));
                    }
                }
                out.printf("  %d succeeded, %d failed, %d pending%n", r.succeeded(), r.failed(), r.suspect());
                if (!r.openItems().isEmpty()) {
                    out.println("  Still open (recovery settles them): " + String.join(", ", r.openItems()));
                }
            }
            out.flush();
        }
    }
}
