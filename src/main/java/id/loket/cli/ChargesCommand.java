package id.loket.cli;

import id.loket.core.ChargeChannel;
import id.loket.core.PaymentMethod;
import id.loket.payment.ChargeDetails;
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

/** {@code loket charges}: the day's non-cash money — gateway charges and payments to the shop's own QRIS. */
@Command(name = "charges", mixinStandardHelpOptions = true,
        description = {"List a day's non-cash payments (QRIS, virtual accounts, e-wallets, payment links, the shop's"
                + " static QRIS) with their charge, channel and state (newest first).",
            "'loket reconcile' confirms each charge with the gateway's signed status."})
final class ChargesCommand extends ServiceCommand {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The business day (WIB); default today.")
    private LocalDate date;

    @Option(names = "--json", description = "Machine-readable output.")
    private boolean json;

    @Override
    public Integer call() {
        try (OperatorSession session = openSession()) {
            CliServices services = session.services();
            LocalDate day = date != null ? date : services.reconciliation().today();
            List<Payment> charges = services.payments().search(PaymentCriteria.any().onDay(day)
                    .byMethods(PaymentMethod.QRIS, PaymentMethod.VIRTUAL_ACCOUNT, PaymentMethod.EWALLET,
                            PaymentMethod.PAYMENT_LINK, PaymentMethod.STATIC_QRIS).limitedTo(Integer.MAX_VALUE));
            PrintWriter out = out();
            if (json) {
                List<Map<String, Object>> doc = new ArrayList<>();
                for (Payment p : charges) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("client_ref", p.clientRef());
                    m.put("created_at", p.createdAt().toString());
                    m.put("state", p.state().name());
                    m.put("method", p.method().name());
                    m.put("channel", channel(p));
                    m.put("charge_id", p.charge().map(ChargeDetails::chargeId).orElse(null));
                    m.put("va_number", p.charge().flatMap(ChargeDetails::vaNumber).orElse(null));
                    m.put("payment_url", p.charge().flatMap(ChargeDetails::paymentUrl).orElse(null));
                    m.put("amount", p.amounts().gatewayTotal().rupiah());
                    m.put("total", p.total().rupiah());
                    m.put("refund_due", p.refundDue());
                    m.put("clerk", p.clerk());
                    doc.add(m);
                }
                out.println(new Json().write(Map.of("business_day", day.toString(), "charges", doc)));
            } else {
                out.printf("%-26s %-14s %-12s %-28s %14s %s%n", "CLIENT REF", "STATE", "CHANNEL", "CHARGE",
                        "TOTAL", "CLERK");
                for (Payment p : charges) {
                    out.printf("%-26s %-14s %-12s %-28s %14s %s%s%n", p.clientRef(), p.state(), channel(p),
                            p.charge().map(ChargeDetails::chargeId).orElse("-"), p.total().format(Locale.ENGLISH),
                            p.clerk(), p.refundDue() ? "  REFUND DUE" : "");
                }
                out.printf("%d non-cash payment(s) on %s%n", charges.size(), day);
            }
            out.flush();
            return LoketCommand.OK;
        }
    }

    private static String channel(Payment p) {
        if (p.method() == PaymentMethod.STATIC_QRIS) {
            return "STATIC_QRIS";
        }
        return p.charge().flatMap(ChargeDetails::channel).map(ChargeChannel::name)
                .orElse(p.method().isGatewayCharge() ? ChargeChannel.defaultFor(p.method()).name() : p.method().name());
    }
}
