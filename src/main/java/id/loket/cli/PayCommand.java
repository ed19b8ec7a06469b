package id.loket.cli;

import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.ReferenceRejectedException;
import id.loket.core.Biller;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.payment.Payment;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket pay}: the whole payment at the counter — inquiry, payment, receipt. */
@Command(name = "pay", mixinStandardHelpOptions = true,
        description = {"Look the bill up and pay it from the clerk's open shift; prints the receipt unless --no-print.",
            "Non-cash: prints what the customer needs (QR payload and PNG, VA number, link), waits for the money, then"
                    + " pays the bill. STATIC_QRIS (the shop's own QRIS) waits for the clerk to type 'ya' on stdin"
                    + " after seeing the money arrive, or takes --confirm.",
            "Exit 0 paid, 2 failed (give the money back), 3 pending (do not refund or retry: 'loket recover' checks),"
                    + " or the money did not come in time (the charge was cancelled; nothing was paid)."})
final class PayCommand extends ServiceCommand {

    @Option(names = "--biller", paramLabel = "CODE", description = "Biller code (see 'loket billers').")
    private String biller;

    @Option(names = "--ref", required = true, paramLabel = "REFERENCE", description = "Customer number, meter, phone or booking code.")
    private String reference;

    @Option(names = "--sku", paramLabel = "SKU",
            description = "The network's product code instead of --biller/--product (see 'loket products').")
    private String sku;

    @Option(names = "--product", paramLabel = "CODE", description = "Product of a prepaid biller.")
    private String product;

    @Option(names = "--method", defaultValue = "CASH", paramLabel = "METHOD",
            description = "CASH (default), DEBIT_CARD (through the counter's EDC), QRIS, VA_BCA, VA_BNI, VA_BRI,"
                    + " VA_PERMATA, MANDIRI_BILL, GOPAY, LINK (through the payment gateway) or STATIC_QRIS (the shop's"
                    + " own QRIS, confirmed by the clerk).")
    private String methodName;

    @Option(names = "--phone", paramLabel = "PHONE", description = "The customer's phone: where a payment link is sent.")
    private String phone;

    @Option(names = "--wait", defaultValue = "900", paramLabel = "SECONDS",
            description = "How long to wait for the customer's non-cash money before cancelling (default 900).")
    private long waitSeconds;

    @Option(names = "--confirm", description = "STATIC_QRIS: the money has arrived on the shop's QRIS (no prompt).")
    private boolean confirmed;

    @Option(names = "--qr-png", paramLabel = "FILE.png",
            description = "Where to write the QR image of a QRIS charge (default: a file in the temp folder).")
    private java.nio.file.Path qrPng;

    @Option(names = "--tendered", paramLabel = "RUPIAH", description = "Cash handed over by the customer (CASH).")
    private String tendered;

    @Option(names = "--approval", paramLabel = "CODE", description = "The EDC's approval code (DEBIT_CARD).")
    private String approval;

    @Option(names = "--customer", paramLabel = "ID",
            description = "The registered customer paying (see 'loket customers list'); needed, verified, above the"
                    + " amount the owner set.")
    private Long customer;

    @Option(names = "--no-print", description = "Do not print the receipt.")
    private boolean noPrint;

    @Option(names = "--json", description = "Machine-readable output.")
    private boolean json;

    @Override
    public Integer call() {
        PayingMethod how = PayingMethod.parse(methodName);
        if (how.method() == PaymentMethod.CASH && tendered == null) {
            throw new IllegalArgumentException("Cash needs --tendered (the cash the customer handed over).");
        }
        if (how.method() == PaymentMethod.DEBIT_CARD && approval == null) {
            throw new IllegalArgumentException("A debit card needs --approval (the code the EDC printed).");
        }
        if (waitSeconds < 0) {
            throw new IllegalArgumentException("--wait is a number of seconds, 0 or more.");
        }
        try (OperatorSession session = openSession()) {
            CliServices services = session.services();
            GatewayResult<Inquiry> looked = SkuOption.inquire(services.billing(), sku, biller, reference, product);
            if (!(looked instanceof GatewayResult.Answer<Inquiry> answer)) {
                return GatewayOutcomes.report(looked, err());
            }
            Biller known = services.billing().biller(answer.value().biller())
                    .orElseThrow(() -> new ReferenceRejectedException("Biller " + biller + " left the catalog."));
            Optional<Long> customerId = Optional.ofNullable(customer);
            String clerk = session.operator().username();
            Payment payment;
            if (how.channel().isPresent()) {
                Optional<Payment> taken = new ChargeWait(services.payments(), Optional.of(services.receiptMessages()), out(), json, qrPng,
                        java.time.Duration.ofSeconds(waitSeconds)).take(clerk, known, answer.value(),
                        how.channel().get(), customerId, Optional.ofNullable(phone));
                if (taken.isEmpty()) {
                    return LoketCommand.PENDING;
                }
                payment = taken.get();
            } else if (how.method() == PaymentMethod.STATIC_QRIS) {
                Optional<Payment> taken = new StaticQrisConfirmation(services, out(), json, qrPng, confirmed,
                        root()::nextLine).take(clerk, known, answer.value(), customerId);
                if (taken.isEmpty()) {
                    return LoketCommand.PENDING;
                }
                payment = taken.get();
            } else if (how.method() == PaymentMethod.CASH) {
                payment = services.payments().payCash(clerk, known, answer.value(),
                        CliMoney.parse(tendered, "--tendered"), customerId);
            } else {
                payment = services.payments().payByDebitCard(clerk, known, answer.value(), approval, customerId);
            }
            String printed = noPrint ? "not printed (--no-print)" : services.printReceipt(payment.clientRef(), false);
            report(payment, printed, out());
            return switch (payment.state()) {
                case SUCCESS -> LoketCommand.OK;
                case FAILED, CHARGE_EXPIRED, CANCELLED -> LoketCommand.FAILED;
                default -> LoketCommand.PENDING;
            };
        }
    }

    private void report(Payment p, String printed, PrintWriter out) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("client_ref", p.clientRef());
            doc.put("state", p.state().name());
            doc.put("biller", p.bill().billerCode());
            doc.put("reference", p.bill().reference());
            doc.put("customer_name", p.bill().customerName());
            doc.put("bill", p.amounts().bill().rupiah());
            doc.put("gateway_fee", p.amounts().gatewayFee().rupiah());
            doc.put("shop_fee", p.amounts().shopFee().rupiah());
            doc.put("total", p.total().rupiah());
            doc.put("method", p.method().name());
            doc.put("customer", customer);
            doc.put("tendered", p.tendered().map(Money::rupiah).orElse(null));
            doc.put("change", p.change().map(Money::rupiah).orElse(null));
            doc.put("token", p.outcome().flatMap(o -> o.token()).orElse(null));
            doc.put("advice", p.advice().message());
            doc.put("failure", p.failureReason().orElse(null));
            doc.put("receipt", printed);
            out.println(new Json().write(doc));
        } else {
            out.printf("%s %s: %s%n", p.clientRef(), p.state(), p.advice().message());
            out.printf("  %-12s %s %s (%s)%n", "Bill", p.bill().billerName(), p.bill().reference(), p.bill().customerName());
            out.printf("  %-12s %s%n", "Total", p.total().format(Locale.ENGLISH));
            p.change().ifPresent(c -> out.printf("  %-12s %s%n", "Change", c.format(Locale.ENGLISH)));
            p.outcome().flatMap(o -> o.token()).ifPresent(t -> out.printf("  %-12s %s%n", "Token", t));
            p.failureReason().ifPresent(r -> out.printf("  %-12s %s%n", "Reason", r));
            out.printf("  %-12s %s%n", "Receipt", printed);
        }
        out.flush();
    }
}
