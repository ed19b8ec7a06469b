package id.loket.cli;

import id.loket.billing.GatewayResult;
import id.loket.billing.NetworkInfo;
import id.loket.core.Biller;
import id.loket.core.BillerKind;
import id.loket.core.Product;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket products}: every product the biller network sells, with its cost and the shop's selling price. */
@Command(name = "products", mixinStandardHelpOptions = true,
        description = {"List every product the biller network sells: SKU, name, category, prepaid or postpaid, cost"
                + " and selling price.",
            "Postpaid bills are priced by their inquiry: their admin fee is shown. --refresh reads the price list anew"
                + " (Digiflazz allows it once per 5 minutes; the kept list is used otherwise)."})
final class ProductsCommand extends ServiceCommand {

    @Option(names = "--json", description = "Machine-readable output.")
    private boolean json;

    @Option(names = "--refresh", description = "Read the network's price list now.")
    private boolean refresh;

    @Override
    public Integer call() {
        try (CliServices services = openServices()) {
            GatewayResult<List<Biller>> result = refresh ? services.billing().refresh() : services.billing().billers();
            if (!(result instanceof GatewayResult.Answer<List<Biller>> answer)) {
                return GatewayOutcomes.report(result, err());
            }
            NetworkInfo network = services.billing().network();
            java.util.Optional<Instant> asOf = services.billing().catalogAsOf();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Biller b : answer.value()) {
                if (b.kind() == BillerKind.POSTPAID) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("sku", b.code());
                    m.put("name", b.name());
                    m.put("biller", b.code());
                    m.put("category", b.category().name());
                    m.put("kind", "postpaid");
                    m.put("admin_fee", b.adminFee().rupiah());
                    m.put("cost", null);
                    m.put("selling_price", null);
                    rows.add(m);
                }
                for (Product p : b.products()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("sku", p.code());
                    m.put("name", p.name());
                    m.put("biller", b.code());
                    m.put("category", b.category().name());
                    m.put("kind", "prepaid");
                    m.put("admin_fee", 0);
                    m.put("cost", p.cost().rupiah());
                    m.put("selling_price", p.price().rupiah());
                    rows.add(m);
                }
            }
            PrintWriter out = out();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("network", network.id());
                doc.put("mode", network.mode().name());
                doc.put("price_list_as_of", asOf.map(Instant::toString).orElse(null));
                doc.put("products", rows);
                out.println(new Json().write(doc));
            } else {
                out.printf("%s (%s)%s%n", network.displayName(), network.mode(), asOf.map(a -> ", price list of " + a
                        + " (" + Duration.between(a, Instant.now()).toMinutes() + " min old)").orElse(""));
                out.printf("%-18s %-34s %-12s %-9s %12s %12s%n", "SKU", "NAME", "CATEGORY", "KIND", "COST", "PRICE");
                for (Map<String, Object> m : rows) {
                    boolean prepaid = "prepaid".equals(m.get("kind"));
                    out.printf("%-18s %-34s %-12s %-9s %12s %12s%n", m.get("sku"), clip((String) m.get("name")),
                            m.get("category"), m.get("kind"),
                            prepaid ? rupiah((Long) m.get("cost")) : "per bill",
                            prepaid ? rupiah((Long) m.get("selling_price"))
                                    : "+admin " + rupiah(((Number) m.get("admin_fee")).longValue()));
                }
            }
            out.flush();
            return LoketCommand.OK;
        }
    }

    private static String clip(String name) {
        return name.length() <= 34 ? name : name.substring(0, 33) + "…";
    }

    private static String rupiah(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', '.');
    }
}
