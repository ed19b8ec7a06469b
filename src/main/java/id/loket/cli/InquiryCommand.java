package id.loket.cli;

import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket inquiry}: look a bill up (nothing is paid). */
@Command(name = "inquiry", mixinStandardHelpOptions = true,
        description = "Look a bill up at the gateway (nothing is paid). Exit 2 when the gateway refuses it.")
final class InquiryCommand extends ServiceCommand {


    @Option(names = "--biller", paramLabel = "CODE", description = "Biller code, e.g. PLN_POSTPAID (see 'loket billers').")
    private String biller;

    @Option(names = "--ref", required = true, paramLabel = "REFERENCE", description = "Customer number, meter, phone or booking code.")
    private String reference;

    @Option(names = "--sku", paramLabel = "SKU",
            description = "The network's product code instead of --biller/--product (see 'loket products').")
    private String sku;

    @Option(names = "--product", paramLabel = "CODE", description = "Product of a prepaid biller, e.g. a token denomination.")
    private String product;

    @Option(names = "--json", description = "Machine-readable output.")
    private boolean json;

    @Override
    public Integer call() {
        try (CliServices services = openServices()) {
            GatewayResult<Inquiry> result = SkuOption.inquire(services.billing(), sku, biller, reference, product);
            if (!(result instanceof GatewayResult.Answer<Inquiry> answer)) {
                return GatewayOutcomes.report(result, err());
            }
            Inquiry bill = answer.value();
            PrintWriter out = out();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("inquiry_id", bill.inquiryId());
                doc.put("biller", bill.biller());
                doc.put("reference", bill.reference());
                doc.put("customer_name", bill.customerName());
                doc.put("amount", bill.amount().rupiah());
                doc.put("admin_fee", bill.adminFee().rupiah());
                doc.put("total", bill.total().rupiah());
                doc.put("details", bill.details());
                doc.put("expires_at", bill.expiresAt().toString());
                out.println(new Json().write(doc));
            } else {
                out.printf("%-16s %s%n", "Biller", bill.biller());
                out.printf("%-16s %s%n", "Reference", bill.reference());
                out.printf("%-16s %s%n", "Customer", bill.customerName());
                bill.details().forEach((k, v) -> out.printf("%-16s %s%n", k, v));
                out.printf("%-16s %s%n", "Amount", bill.amount().format(Locale.ENGLISH));
                out.printf("%-16s %s%n", "Admin fee", bill.adminFee().format(Locale.ENGLISH));
                out.printf("%-16s %s%n", "Total", bill.total().format(Locale.ENGLISH));
                out.printf("%-16s %s%n", "Inquiry", bill.inquiryId() + " (valid until " + bill.expiresAt() + ")");
            }
            out.flush();
            return LoketCommand.OK;
        }
    }
}
