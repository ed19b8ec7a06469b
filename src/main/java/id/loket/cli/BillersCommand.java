package id.loket.cli;

import id.loket.billing.GatewayResult;
import id.loket.core.Biller;
import id.loket.core.Product;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket billers}: the gateway's catalog. */
@Command(name = "billers", mixinStandardHelpOptions = true, description = "List the billers of the gateway's catalog.")
final class BillersCommand extends ServiceCommand {


    @Option(names = "--json", description = "Machine-readable output.")
    private boolean json;

    @Override
    public Integer call() {
        try (CliServices services = openServices()) {
            GatewayResult<List<Biller>> result = services.billing().billers();
            if (!(result instanceof GatewayResult.Answer<List<Biller>> answer)) {
                return GatewayOutcomes.report(result, err());
            }
            PrintWriter out = out();
            if (json) {
                List<Map<String, Object>> doc = new ArrayList<>();
                for (Biller b : answer.value()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("code", b.code());
                    m.put("category", b.category().name());
                    m.put("name", b.name());
                    m.put("kind", b.kind().name());
                    m.put("reference", Map.of("label", b.referenceLabel(), "pattern", b.referencePattern()));
                    m.put("admin_fee", b.adminFee().rupiah());
                    List<Map<String, Object>> products = new ArrayList<>();
                    for (Product p : b.products()) {
                        products.add(Map.of("code", p.code(), "name", p.name(), "price", p.price().rupiah()));
                    }
                    m.put("products", products);
                    doc.add(m);
                }
                out.println(new Json().write(Map.of("billers", doc)));
            } else {
                out.printf("%-16s %-12s %-9s %-36s %-26s %s%n", "CODE", "CATEGORY", "KIND", "NAME", "REFERENCE", "ADMIN FEE");
                for (Biller b : answer.value()) {
                    out.printf("%-16s %-12s %-9s %-36s %-26s %s%n", b.code(), b.category(), b.kind(), b.name(),
                            b.referenceLabel(), b.adminFee().format(Locale.ENGLISH));
                    for (Product p : b.products()) {
                        out.printf("%-16s   product %-12s %-24s %s%n", "", p.code(), p.name(), p.price().format(Locale.ENGLISH));
                    }
                }
            }
            out.flush();
            return LoketCommand.OK;
        }
    }
}
