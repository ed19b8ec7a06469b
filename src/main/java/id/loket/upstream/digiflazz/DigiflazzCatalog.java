package id.loket.upstream.digiflazz;

import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import id.loket.core.Money;
import id.loket.core.Product;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The shop's Digiflazz price list as the counter's catalog.
 *
 * <ul>
 *   <li>Every active prepaid product (buyer and seller status on, in stock) is sold; products of one brand and
 *       category are one biller ("TELKOMSEL_PULSA", "PLN_PRABAYAR") whose products are the SKUs, at their cost
 *       ({@code price}); the shop's selling price is the services' business ({@code PriceBook}).</li>
 *   <li>Every active postpaid product is one postpaid biller whose code is its SKU in capitals ("PLN", "PDAM").</li>
 *   <li>Digiflazz's categories and brands are mapped onto the counter's; anything unknown is OTHER.</li>
 * </ul>
 *
 * <p>The mapping back (biller code → SKU, kind) is kept here, so a payment can be re-checked after a restart from
 * its biller code and product alone.
 */
final class DigiflazzCatalog {

    /** A catalog entry: the biller, and for a postpaid biller the SKU it is. */
    record Entry(Biller biller, Optional<String> postpaidSku) {}

    private final Map<String, Entry> byCode;
    private final Map<String, PriceListRow> prepaidBySku;

    private DigiflazzCatalog(Map<String, Entry> byCode, Map<String, PriceListRow> prepaidBySku) {
        this.byCode = byCode;
        this.prepaidBySku = prepaidBySku;
    }

    static DigiflazzCatalog of(List<PriceListRow> prepaid, List<PascaPriceListRow> pasca) {
        Map<String, Entry> byCode = new LinkedHashMap<>();
        Map<String, PriceListRow> bySku = new LinkedHashMap<>();
        Map<String, List<PriceListRow>> groups = new TreeMap<>();
        for (PriceListRow row : prepaid) {
            if (!sellable(row)) {
                continue;
            }
            bySku.put(row.buyerSkuCode(), row);
            groups.computeIfAbsent(prepaidCode(row.category(), row.brand()), k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<PriceListRow>> group : groups.entrySet()) {
            List<PriceListRow> rows = new ArrayList<>(group.getValue());
            rows.sort(Comparator.comparing((PriceListRow r) -> r.price().rupiah())
                    .thenComparing(PriceListRow::buyerSkuCode));
            PriceListRow first = rows.get(0);
            BillerCategory category = prepaidCategory(first.category());
            List<Product> products = rows.stream()
                    .map(r -> new Product(r.buyerSkuCode(), r.productName(), r.price(), r.price())).toList();
            Biller biller = new Biller(group.getKey(), category, prepaidName(first), BillerKind.PREPAID,
                    referenceLabel(category, BillerKind.PREPAID), referencePattern(category, BillerKind.PREPAID),
                    Money.ZERO, products);
            byCode.put(biller.code(), new Entry(biller, Optional.empty()));
        }
        List<PascaPriceListRow> pascaRows = new ArrayList<>(pasca);
        pascaRows.sort(Comparator.comparing(PascaPriceListRow::buyerSkuCode));
        for (PascaPriceListRow row : pascaRows) {
            if (!row.buyerProductStatus() || !row.sellerProductStatus()) {
                continue;
            }
            String code = slug(row.buyerSkuCode());
            if (byCode.containsKey(code)) {
                code = code + "_PASCA";
            }
            if (byCode.containsKey(code)) {
                continue;
            }
            BillerCategory category = postpaidCategory(row.brand(), row.category(), row.buyerSkuCode());
            Biller biller = new Biller(code, category, row.productName(), BillerKind.POSTPAID,
                    referenceLabel(category, BillerKind.POSTPAID), referencePattern(category, BillerKind.POSTPAID),
                    row.admin(), List.of());
            byCode.put(code, new Entry(biller, Optional.of(row.buyerSkuCode())));
        }
        return new DigiflazzCatalog(byCode, bySku);
    }

    List<Biller> billers() {
        return byCode.values().stream().map(Entry::biller).toList();
    }

    Optional<Entry> entry(String billerCode) {
        return Optional.ofNullable(byCode.get(billerCode));
    }

    Optional<PriceListRow> prepaid(String sku) {
        return Optional.ofNullable(prepaidBySku.get(sku));
    }

    boolean isEmpty() {
        return byCode.isEmpty();
    }

    private static boolean sellable(PriceListRow row) {
        return row.buyerProductStatus() && row.sellerProductStatus() && (row.unlimitedStock() || row.stock() > 0);
    }

    /** "TELKOMSEL_PULSA"; a brand that is its own category (PLN tokens) is "PLN_PRABAYAR". */
    static String prepaidCode(String category, String brand) {
        String c = slug(category);
        String b = slug(brand);
        if (b.isEmpty()) {
            return c.isEmpty() ? "PRABAYAR" : c + "_PRABAYAR";
        }
        return b.equals(c) || c.isEmpty() ? b + "_PRABAYAR" : b + "_" + c;
    }

    private static String prepaidName(PriceListRow row) {
        if (prepaidCategory(row.category()) == BillerCategory.ELECTRICITY) {
            return "PLN Prabayar (Token Listrik)";
        }
        String brand = row.brand().strip();
        String category = row.category().strip();
        if (brand.isEmpty() || brand.equalsIgnoreCase(category)) {
            return category;
        }
        return brand + " " + category;
    }

    static String slug(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return upper.replaceAll("^_+|_+$", "");
    }

    /** Digiflazz's prepaid categories (its panel's names) onto the counter's. */
    static BillerCategory prepaidCategory(String category) {
        String c = category.strip().toUpperCase(Locale.ROOT);
        if (c.equals("PLN") || c.contains("TOKEN")) {
            return BillerCategory.ELECTRICITY;
        }
        if (c.equals("PULSA") || c.equals("DATA") || c.contains("SMS") || c.contains("TELP") || c.contains("MASA AKTIF")) {
            return BillerCategory.PHONE;
        }
        if (c.contains("E-MONEY") || c.contains("EMONEY") || c.contains("E MONEY")) {
            return BillerCategory.EMONEY;
        }
        if (c.contains("GAME")) {
            return BillerCategory.GAME;
        }
        if (c.equals("TV")) {
            return BillerCategory.TV;
        }
        if (c.contains("GAS")) {
            return BillerCategory.GAS;
        }
        return BillerCategory.OTHER;
    }

    /** Digiflazz's postpaid brands (and the test SKUs) onto the counter's categories. */
    static BillerCategory postpaidCategory(String brand, String category, String sku) {
        String b = (brand + " " + category + " " + sku).toUpperCase(Locale.ROOT);
        if (b.contains("PLN")) {
            return BillerCategory.ELECTRICITY;
        }
        if (b.contains("PDAM")) {
            return BillerCategory.WATER;
        }
        if (b.contains("BPJS")) {
            return BillerCategory.BPJS;
        }
        if (b.contains("INTERNET") || b.contains("INDIHOME") || b.contains("TELKOM")) {
            return BillerCategory.INTERNET;
        }
        if (b.contains("HP ") || b.contains("HP PASCA") || b.startsWith("HP") || b.contains("HALO")) {
            return BillerCategory.PHONE;
        }
        if (b.contains("TV")) {
            return BillerCategory.TV;
        }
        if (b.contains("MULTIFINANCE") || b.contains("FINANCE")) {
            return BillerCategory.FINANCE;
        }
        if (b.contains("PBB") || b.contains("PAJAK") || b.contains("SAMSAT") || b.contains("CIMAHI")) {
            return BillerCategory.TAX;
        }
        if (b.contains("GAS")) {
            return BillerCategory.GAS;
        }
        return BillerCategory.OTHER;
    }

    static String referenceLabel(BillerCategory category, BillerKind kind) {
        return switch (category) {
            case ELECTRICITY -> kind == BillerKind.PREPAID ? "Nomor meter / ID pelanggan" : "ID pelanggan";
            case PHONE -> "Nomor HP";
            case EMONEY -> "Nomor HP / kartu";
            case BPJS -> "Nomor VA keluarga";
            default -> "Nomor pelanggan";
        };
    }

    /** Shapes checked before Digiflazz is asked: loose enough for every product of a category, tight on digits. */
    static String referencePattern(BillerCategory category, BillerKind kind) {
        return switch (category) {
            case ELECTRICITY -> "\\d{11,12}";
            case PHONE -> kind == BillerKind.PREPAID ? "(0|62)\\d{8,13}" : "(0|62)?\\d{8,13}";
            case EMONEY -> "\\d{8,19}";
            case BPJS -> "\\d{11,16}";
            case WATER -> "[0-9A-Za-z]{4,20}";
            default -> "[0-9A-Za-z.,]{4,40}";
        };
    }
}
