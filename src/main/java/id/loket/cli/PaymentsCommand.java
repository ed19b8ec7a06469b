package id.loket.cli;

import id.loket.core.PaymentState;
import id.loket.payment.Payment;
import id.loket.payment.PaymentCriteria;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket payments}: the payment history. */
@Command(name = "payments", mixinStandardHelpOptions = true, description = "List payments (newest first).")
final class PaymentsCommand extends ServiceCommand {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Only this business day (WIB).")
    private LocalDate date;

    @Option(names = "--status", paramLabel = "STATE", description = "Only this state, e.g. SUCCESS, SUSPECT, FAILED.")
    private PaymentState status;

    @Option(names = "--json", description = "Machine-readable output.")
    private boolean json;

    @Override
    public Integer call() {
        PaymentCriteria criteria = PaymentCriteria.any();
        if (date != null) {
            criteria = criteria.onDay(date);
        }
        if (status != null) {
            criteria = criteria.inStates(status);
        }
        try (OperatorSession session = openSession()) {
            CliServices services = session.services();
            List<Payment> payments = services.payments().search(criteria);
            PrintWriter out = out();
            if (json) {
                List<Map<String, Object>> doc = new ArrayList<>();
                for (Payment p : payments) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("client_ref", p.clientRef());
                    m.put("business_day", p.businessDay().toString());
                    m.put("created_at", p.createdAt().toString());
                    m.put("state", p.state().name());
                    m.put("method", p.method().name());
                    m.put("biller", p.bill().billerCode());
                    m.put("reference", p.bill().reference());
                    m.put("customer_name", p.bill().customerName());
                    m.put("total", p.total().rupiah());
                    m.put("clerk", p.clerk());
                    doc.add(m);
                }
                out.println(new Json().write(Map.of("payments", doc)));
            } else {
                out.printf("%-26s %-10s %-9s %-11s %-14s %-16s %14s%n", "CLIENT REF", "DAY", "STATE", "METHOD",
                        "BILLER", "REFERENCE", "TOTAL");
                for (Payment p : payments) {
                    out.printf("%-26s %-10s %-9s %-11s %-14s %-16s %14s%n", p.clientRef(), p.businessDay(), p.state(),
                            p.method(), p.bill().billerCode(), p.bill().reference(), p.total().format(Locale.ENGLISH));
                }
                out.printf("%d payment(s)%n", payments.size());
            }
            out.flush();
            return LoketCommand.OK;
        }
    }
}
