package id.loket.upstream.digiflazz.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulated shop's price list: the official test SKUs ({@code xld10}; {@code pln}, {@code pdam},
 * {@code bpjs}, {@code internet}, {@code tv}, {@code multifinance}, {@code pgas}, {@code cimahi}) plus products a
 * real counter sells, so the app can build its catalog from {@code /price-list} as it would in production.
 * Prices are plausible 2025 buyer prices, not anyone's real offer.
 */
final class Catalog {

    /** The kinds of postpaid bill, each with its own {@code desc} shape (cek-tagihan / test-case pages). */
    enum BillKind { PLN, PDAM, INTERNET, BPJS, HP, TV, MULTIFINANCE, PGAS, PBB }

    /** A prepaid price-list row; {@code nominal} is the face value (token rupiah, pulsa, e-money), 0 for data. */
    record Prepaid(String productName, String category, String brand, String type, String sellerName, long price,
            String sku, boolean buyerProductStatus, boolean sellerProductStatus, boolean unlimitedStock, long stock,
            boolean multi, String startCutOff, String endCutOff, String desc, long nominal) {

        boolean active() {
            return buyerProductStatus && sellerProductStatus && (unlimitedStock || stock > 0);
        }

        boolean hasCutOff() {
            return !startCutOff.equals(endCutOff);
        }

        ObjectNode toJson() {
            ObjectNode row = Json.object();
            row.put("product_name", productName);
            row.put("category", category);
            row.put("brand", brand);
            row.put("type", type);
            row.put("seller_name", sellerName);
            row.put("price", price);
            row.put("buyer_sku_code", sku);
            row.put("buyer_product_status", buyerProductStatus);
            row.put("seller_product_status", sellerProductStatus);
            row.put("unlimited_stock", unlimitedStock);
            row.put("stock", stock);
            row.put("multi", multi);
            row.put("start_cut_off", startCutOff);
            row.put("end_cut_off", endCutOff);
            row.put("desc", desc);
            return row;
        }
    }

    /** A postpaid price-list row: {@code admin} and {@code commission} are per bill sheet. */
    record Pasca(String productName, String category, String brand, String sellerName, long admin, long commission,
            String sku, boolean buyerProductStatus, boolean sellerProductStatus, String desc, BillKind kind) {

        boolean active() {
            return buyerProductStatus && sellerProductStatus;
        }

        ObjectNode toJson() {
            ObjectNode row = Json.object();
            row.put("product_name", productName);
            row.put("category", category);
            row.put("brand", brand);
            row.put("seller_name", sellerName);
            row.put("admin", admin);
            row.put("commission", commission);
            row.put("buyer_sku_code", sku);
            row.put("buyer_product_status", buyerProductStatus);
            row.put("seller_product_status", sellerProductStatus);
            row.put("desc", desc);
            return row;
        }
    }

    static final String PLN = "PLN";
    static final String PULSA = "Pulsa";
    static final String DATA = "Data";
    static final String E_MONEY = "E-Money";
    static final String PASCABAYAR = "Pascabayar";

    private static final String SELLER_TOKEN = "CV Sinar Token";
    private static final String SELLER_PULSA = "PT Pulsa Nusantara";
    private static final String SELLER_EMONEY = "PT Dompet Cepat";
    private static final String SELLER_PASCA = "PT Tagihan Mandiri";
    private static final String NO_CUT_OFF = "00:00";

    static final List<Prepaid> PREPAID = List.of(
            token("pln20", 20_000, 20_150),
            token("pln50", 50_000, 50_150),
            token("pln100", 100_000, 100_150),
            token("pln200", 200_000, 200_150),
            token("pln500", 500_000, 500_150),
            pulsa("tsel5", "TELKOMSEL", "Telkomsel", 5_000, 5_370, true, NO_CUT_OFF, NO_CUT_OFF),
            pulsa("tsel10", "TELKOMSEL", "Telkomsel", 10_000, 10_280, true, NO_CUT_OFF, NO_CUT_OFF),
            pulsa("tsel20", "TELKOMSEL", "Telkomsel", 20_000, 19_985, true, NO_CUT_OFF, NO_CUT_OFF),
            pulsa("tsel25", "TELKOMSEL", "Telkomsel", 25_000, 24_930, true, NO_CUT_OFF, NO_CUT_OFF),
            pulsa("tsel50", "TELKOMSEL", "Telkomsel", 50_000, 49_700, true, NO_CUT_OFF, NO_CUT_OFF),
            pulsa("tsel100", "TELKOMSEL", "Telkomsel", 100_000, 98_450, true, NO_CUT_OFF, NO_CUT_OFF),
            // Not "multi": a second sale of it to the same number on the same day answers rc 63.
            pulsa("xl5", "XL", "Xl", 5_000, 5_450, false, NO_CUT_OFF, NO_CUT_OFF),
            // The official prepaid test SKU, sold at face value like the test-case page's answers show.
            pulsa("xld10", "XL", "Xl", 10_000, 10_000, true, NO_CUT_OFF, NO_CUT_OFF),
            pulsa("xl25", "XL", "Xl", 25_000, 24_950, true, NO_CUT_OFF, NO_CUT_OFF),
            pulsa("xl50", "XL", "Xl", 50_000, 49_800, true, NO_CUT_OFF, NO_CUT_OFF),
            // The cut-off window of the daftar-harga example: sales inside it answer rc 58.
            pulsa("xl100", "XL", "Xl", 100_000, 98_000, true, "23:45", "00:15"),
            // Out of order at the seller (seller_product_status false): sales answer rc 43.
            new Prepaid("Indosat 5.000", PULSA, "INDOSAT", "Umum", SELLER_PULSA, 5_800, "isat5", true, false,
                    false, 1_200, true, NO_CUT_OFF, NO_CUT_OFF, "Pulsa Indosat Rp 5.000", 5_000),
            data("tseldata1", "TELKOMSEL", "Telkomsel Data Flash 1 GB / 30 Hari", 14_750),
            data("tseldata3", "TELKOMSEL", "Telkomsel Data Flash 3 GB / 30 Hari", 29_900),
            data("xldata5", "XL", "XL Xtra Combo 5 GB / 30 Hari", 44_500),
            emoney("gopay20", "GO PAY", 20_000, 20_600),
            emoney("gopay50", "GO PAY", 50_000, 50_600),
            emoney("gopay100", "GO PAY", 100_000, 100_600),
            emoney("ovo20", "OVO", 20_000, 20_650),
            emoney("ovo50", "OVO", 50_000, 50_650));

    /*
     * The test SKUs' admin and commission are the ones their official examples imply: commission = (selling_price
     * - price) / lembar_tagihan (PLN 1 bill 11000 - 10000; 2 bills 25000 - 23000; BPJS 25000 - 24700 ...).
     */
    static final List<Pasca> PASCA = List.of(
            pasca("PLN Pascabayar", "PLN PASCABAYAR", 2_500, 1_000, "pln", "Tagihan listrik PLN", BillKind.PLN),
            pasca("PDAM Kota Surabaya", "PDAM", 2_500, 1_000, "pdam", "Jawa Timur", BillKind.PDAM),
            pasca("Aetra", "PDAM", 2_000, 550, "aetra", "Provinsi Jakarta", BillKind.PDAM),
            pasca("BPJS Kesehatan", "BPJS KESEHATAN", 2_500, 300, "bpjs", "Iuran BPJS Kesehatan", BillKind.BPJS),
            pasca("Telkom IndiHome", "INTERNET PASCABAYAR", 2_500, 1_000, "internet", "Tagihan Telkom / IndiHome",
                    BillKind.INTERNET),
            pasca("Telkomsel Halo", "HP PASCABAYAR", 2_500, 1_000, "hp", "Tagihan kartu Halo", BillKind.HP),
            pasca("TV Kabel", "TV PASCABAYAR", 2_500, 1_000, "tv", "Tagihan TV berlangganan", BillKind.TV),
            pasca("Multifinance", "MULTIFINANCE", 2_500, 300, "multifinance", "Angsuran kendaraan",
                    BillKind.MULTIFINANCE),
            pasca("PGN Gas Negara", "GAS NEGARA", 2_500, 500, "pgas", "Tagihan gas PGN", BillKind.PGAS),
            pasca("PBB Kota Cimahi", "PBB", 2_500, 500, "cimahi", "Pajak Bumi dan Bangunan Kota Cimahi",
                    BillKind.PBB));

    private Catalog() {}

    static Optional<Prepaid> prepaid(String sku) {
        return PREPAID.stream().filter(p -> p.sku().equalsIgnoreCase(sku)).findFirst();
    }

    static Optional<Pasca> pasca(String sku) {
        return PASCA.stream().filter(p -> p.sku().equalsIgnoreCase(sku)).findFirst();
    }

    /** Whether a price-list filter (absent = no filter) lets {@code value} through; case-insensitive. */
    static boolean matches(Optional<String> filter, String value) {
        return filter.map(f -> f.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))).orElse(true);
    }

    private static Prepaid token(String sku, long nominal, long price) {
        String face = rupiah(nominal);
        return new Prepaid("PLN " + face, PLN, "PLN", "Umum", SELLER_TOKEN, price, sku, true, true, true, 0, true,
                NO_CUT_OFF, NO_CUT_OFF, "Token PLN " + face + ". Nomor meter atau ID pelanggan (11-12 digit)",
                nominal);
    }

    private static Prepaid pulsa(String sku, String brand, String name, long nominal, long price, boolean multi,
            String startCutOff, String endCutOff) {
        String face = rupiah(nominal);
        return new Prepaid(name + " " + face, PULSA, brand, "Umum", SELLER_PULSA, price, sku, true, true, true, 0,
                multi, startCutOff, endCutOff, "Pulsa " + name + " Rp " + face, nominal);
    }

    private static Prepaid data(String sku, String brand, String name, long price) {
        return new Prepaid(name, DATA, brand, "Umum", SELLER_PULSA, price, sku, true, true, true, 0, true,
                NO_CUT_OFF, NO_CUT_OFF, name, 0);
    }

    private static Prepaid emoney(String sku, String brand, long nominal, long price) {
        String face = rupiah(nominal);
        return new Prepaid(brand + " " + face, E_MONEY, brand, "Customer", SELLER_EMONEY, price, sku, true, true,
                true, 0, true, NO_CUT_OFF, NO_CUT_OFF, "Saldo " + brand + " Rp " + face
                + " (nomor HP terdaftar)", nominal);
    }

    private static Pasca pasca(String name, String brand, long admin, long commission, String sku, String desc,
            BillKind kind) {
        return new Pasca(name, PASCABAYAR, brand, SELLER_PASCA, admin, commission, sku, true, true, desc, kind);
    }

    /** 20000 as "20.000", the way Indonesian product names write amounts. */
    static String rupiah(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', '.');
    }
}
