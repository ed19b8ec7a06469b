package id.loket.upstream.digiflazz.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * What an {@code inq-pasca} finds and what its {@code pay-pasca} does, for every official test number (figures
 * from the test-case page) and, for any other plausible number of a postpaid SKU, a generated bill.
 *
 * <p>Every bill keeps the invariant of the official examples: {@code selling_price} = {@code admin} +
 * Σ detail({@code nilai_tagihan} + {@code denda} + {@code biaya_lain}), and, where the details carry an
 * {@code admin}, their admins add up to the top-level {@code admin}; so {@code selling_price} = Σ detail(all four)
 * too. {@code price} = {@code selling_price} - commission × {@code lembar_tagihan}. The PLN, PDAM and internet
 * examples satisfy this as published. The BPJS, TV, multifinance, PGAS and PBB examples publish no (or not every)
 * {@code nilai_tagihan}/{@code admin} per detail; those details here carry the figures that make the published
 * totals add up (marked "added" below). Detail amounts are strings, as documented.
 */
final class Bills {

    /** What {@code pay-pasca} does with a bill whose inquiry succeeded. */
    enum Pay { SUKSES, GAGAL, PENDING_SUKSES, PENDING_GAGAL }

    /** One customer's bill: the {@code desc} of the inquiry, and of the payment (meter readings added). */
    record Bill(String customerName, long admin, long price, long sellingPrice, int sheets, String sn,
            ObjectNode inquiryDesc, ObjectNode paidDesc) {}

    /** An inquiry's fate: {@code failRc} present = the inquiry fails with it; else the bill and the pay outcome. */
    record Scenario(Optional<String> failRc, Pay pay, Bill bill) {

        static Scenario fails(String rc) {
            return new Scenario(Optional.of(rc), Pay.GAGAL, null);
        }
    }

    private record TestNumber(Optional<String> failRc, Pay pay, Function<OptionalLong, Bill> bill) {}

    private static final Map<String, Map<String, TestNumber>> TEST_NUMBERS = Map.of(
            "pln", Map.of(
                    "530000000001", ok(Pay.SUKSES, y -> pln(1)),
                    "530000000002", ok(Pay.SUKSES, y -> pln(2)),
                    "530000000003", inquiryFails(),
                    "530000000006", ok(Pay.GAGAL, y -> pln(1)),
                    "630000000001", ok(Pay.PENDING_SUKSES, y -> pln(1)),
                    "630000000002", ok(Pay.PENDING_SUKSES, y -> pln(2)),
                    "630000000006", ok(Pay.PENDING_GAGAL, y -> pln(1))),
            "pdam", fiveNumbers("1013226", "1013227", "1013230", "2013226", "2013230", y -> pdam()),
            "internet", fiveNumbers("6391601001", "6391601002", "6391601005", "7391601001", "7391601005",
                    y -> internet()),
            "bpjs", fiveNumbers("8801234560001", "8801234560002", "8801234560005", "9801234560001",
                    "9801234560005", y -> bpjs()),
            "tv", fiveNumbers("127246500101", "127246500102", "127246500105", "227246500101", "227246500105",
                    y -> tv()),
            "multifinance", fiveNumbers("6391601201", "6391601202", "6391601205", "7391601201", "7391601205",
                    y -> multifinance()),
            "pgas", Map.of(
                    "0110014601", ok(Pay.SUKSES, y -> pgas(1)),
                    "0110014602", ok(Pay.SUKSES, y -> pgas(2)),
                    "0110014603", inquiryFails(),
                    "0110014605", ok(Pay.GAGAL, y -> pgas(1)),
                    "1110014601", ok(Pay.PENDING_SUKSES, y -> pgas(1)),
                    "1110014602", ok(Pay.PENDING_SUKSES, y -> pgas(2)),
                    "1110014605", ok(Pay.PENDING_GAGAL, y -> pgas(1))),
            "cimahi", fiveNumbers("329801092375999991", "329801092375999992", "329801092375999995",
                    "429801092375999991", "429801092375999995", Bills::pbb));

    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU",
            "SEP", "OKT", "NOV", "DES");

    private Bills() {}

    /** The scenario of {@code customerNo} for {@code product}; {@code today} is the Jakarta date. */
    static Scenario scenario(Catalog.Pasca product, String customerNo, OptionalLong year, LocalDate today) {
        TestNumber test = TEST_NUMBERS.getOrDefault(product.sku(), Map.of()).get(customerNo);
        if (test != null) {
            return new Scenario(test.failRc(), test.pay(), test.failRc().isPresent() ? null
                    : test.bill().apply(year));
        }
        if (!customerNo.matches("\\d{6,20}")) {
            return Scenario.fails("57");
        }
        return new Scenario(Optional.empty(), Pay.SUKSES, generated(product, customerNo, year, today));
    }

    /** Whether {@code customerNo} is one of the official test numbers of {@code sku}. */
    static boolean isTestNumber(String sku, String customerNo) {
        return TEST_NUMBERS.getOrDefault(sku, Map.of()).containsKey(customerNo);
    }

    // ---- the official examples

    private static Bill pln(int sheets) {
        ObjectNode[] descs = new ObjectNode[2];
        for (int paid = 0; paid < 2; paid++) {
            ObjectNode desc = Json.object();
            desc.put("tarif", "R1");
            desc.put("daya", 1300);
            desc.put("lembar_tagihan", sheets);
            ArrayNode detail = desc.putArray("detail");
            ObjectNode first = detail.addObject();
            first.put("periode", "201901");
            first.put("nilai_tagihan", "8000");
            first.put("admin", "2500");
            first.put("denda", "500");
            if (paid == 1) {
                first.put("meter_awal", "00080000");
                first.put("meter_akhir", "00090000");
            }
            if (sheets == 2) {
                ObjectNode second = detail.addObject();
                second.put("periode", "201902");
                second.put("nilai_tagihan", "11500");
                second.put("admin", "2500");
                second.put("denda", "0");
                if (paid == 1) {
                    second.put("meter_awal", "00090000");
                    second.put("meter_akhir", "00095000");
                }
            }
            descs[paid] = desc;
        }
        return sheets == 1
                ? new Bill("Nama Pelanggan Pertama", 2_500, 10_000, 11_000, 1, "S1234554321N", descs[0], descs[1])
                : new Bill("Nama Pelanggan Kedua", 5_000, 23_000, 25_000, 2, "S1234554321N", descs[0], descs[1]);
    }

    private static Bill pdam() {
        ObjectNode[] descs = new ObjectNode[2];
        for (int paid = 0; paid < 2; paid++) {
            ObjectNode desc = Json.object();
            desc.put("tarif", "3A");
            desc.put("lembar_tagihan", 1);
            desc.put("alamat", "WONOKROMO S.S BARU 2 8");
            desc.put("jatuh_tempo", "1-15 DES 2014");
            ObjectNode d = desc.putArray("detail").addObject();
            d.put("periode", "201901");
            d.put("nilai_tagihan", "8000");
            d.put("denda", "500");
            if (paid == 1) {
                d.put("meter_awal", "00080000");
                d.put("meter_akhir", "00090000");
            }
            d.put("biaya_lain", "1500");
            descs[paid] = desc;
        }
        return new Bill("Nama Pelanggan Pertama", 2_500, 11_500, 12_500, 1, "S1234554321N", descs[0], descs[1]);
    }

    private static Bill internet() {
        ObjectNode desc = Json.object();
        desc.put("lembar_tagihan", 2);
        ArrayNode detail = desc.putArray("detail");
        addDetail(detail, "MEI 2019", "8000", "2500");
        addDetail(detail, "JUN 2019", "11500", "2500");
        return new Bill("Nama Pelanggan", 5_000, 22_500, 24_500, 2, "I1234554321N", desc, desc.deepCopy());
    }

    private static Bill bpjs() {
        ObjectNode desc = Json.object();
        desc.put("jumlah_peserta", "2");
        desc.put("lembar_tagihan", 1);
        desc.put("alamat", "JAKARTA PUSAT");
        // nilai_tagihan and admin added: the example publishes only periode "01" (selling 25000 = 22500 + 2500).
        addDetail(desc.putArray("detail"), "01", "22500", "2500");
        return new Bill("Nama Pelanggan", 2_500, 24_700, 25_000, 1, "BP1234554321JS", desc, desc.deepCopy());
    }

    private static Bill tv() {
        ObjectNode desc = Json.object();
        desc.put("lembar_tagihan", 1);
        // admin added: the example's detail has nilai_tagihan 99000 only (selling 101500 = 99000 + 2500).
        ObjectNode d = addDetail(desc.putArray("detail"), "MEI 22", "99000", "2500");
        d.put("no_ref", "205A");
        return new Bill("BAITUS MONGJENG", 2_500, 100_500, 101_500, 1, "18141775", desc, desc.deepCopy());
    }

    private static Bill multifinance() {
        ObjectNode desc = Json.object();
        desc.put("lembar_tagihan", 1);
        desc.put("item_name", "HONDA VARIO TECHNO 125 PGM FI NON CBS");
        desc.put("no_rangka", "MH1JFB111CK196426");
        desc.put("no_pol", "B6213UWX");
        desc.put("tenor", "030");
        // nilai_tagihan and admin added (selling 25000 = 22500 + 2500 + denda 0 + biaya_lain 0).
        ObjectNode d = addDetail(desc.putArray("detail"), "002", "22500", "2500");
        d.put("denda", "0");
        d.put("biaya_lain", "0");
        return new Bill("Nama Pelanggan Pertama", 2_500, 24_700, 25_000, 1, "FP1234554321I", desc,
                desc.deepCopy());
    }

    /**
     * PGAS. The page's 2-bill example repeats the 1-bill totals, lembar_tagihan 1, admin 2500 and periode "0320"
     * twice; here 2 bills are 2 sheets with 2 admins (5000) and consecutive periods, same selling price 100000.
     */
    private static Bill pgas(int sheets) {
        ObjectNode desc = Json.object();
        desc.put("lembar_tagihan", sheets);
        desc.put("alamat", "KO. GRIYA ASRI CIPAGERAN");
        ArrayNode detail = desc.putArray("detail");
        if (sheets == 1) {
            // nilai_tagihan and admin added (selling 100000 = 97500 + 2500).
            gas(addDetail(detail, "0320", "97500", "2500"), "006538", "006573", "35");
            return new Bill("Nama Pelanggan", 2_500, 99_500, 100_000, 1, "G1234567890S", desc, desc.deepCopy());
        }
        gas(addDetail(detail, "0220", "27500", "2500"), "006400", "006500", "100");
        gas(addDetail(detail, "0320", "67500", "2500"), "006500", "006700", "200");
        return new Bill("Nama Pelanggan", 5_000, 99_000, 100_000, 2, "G1234567890S", desc, desc.deepCopy());
    }

    private static Bill pbb(OptionalLong year) {
        String taxYear = year.isPresent() ? Long.toString(year.getAsLong()) : "2019";
        ObjectNode desc = Json.object();
        desc.put("lembar_tagihan", 1);
        desc.put("alamat", "KO. GRIYA ASRI CIPAGERAN");
        desc.put("tahun_pajak", taxYear);
        desc.put("kelurahan", "CIPAGERAN");
        desc.put("kecamatan", "CIPAGERAN");
        desc.put("kode_kab_kota", "0023");
        desc.put("kab_kota", "PEMKOT CIMAHI");
        desc.put("luas_tanah", "113 M2");
        desc.put("luas_gedung", "47 M2");
        // The example has no detail at all; this one is added so the invariant holds (100000 = 97500 + 2500).
        addDetail(desc.putArray("detail"), taxYear, "97500", "2500").put("denda", "0");
        return new Bill("Nama Pelanggan Pertama", 2_500, 99_500, 100_000, 1, "P1234554321B", desc,
                desc.deepCopy());
    }

    // ---- bills of numbers that are not test numbers

    private static Bill generated(Catalog.Pasca product, String customerNo, OptionalLong year, LocalDate today) {
        String name = Customers.name(customerNo);
        LocalDate lastMonth = today.minusMonths(1);
        long admin = product.admin();
        long amount;
        ObjectNode desc = Json.object();
        ObjectNode paidExtra = Json.object();
        desc.put("lembar_tagihan", 1);
        ArrayNode detail;
        ObjectNode d;
        switch (product.kind()) {
            case PLN -> {
                Customers.PlnCustomer pln = Customers.pln(customerNo).orElse(null);
                desc.put("tarif", pln == null ? "R1" : pln.tarif());
                desc.put("daya", pln == null ? 1300 : pln.daya());
                amount = 50_000 + Customers.pick("bill" + customerNo, 300) * 1_000L;
                detail = desc.putArray("detail");
                d = addDetail(detail, yearMonth(lastMonth), Long.toString(amount), Long.toString(admin));
                d.put("denda", "0");
                meters(paidExtra, customerNo, 8);
            }
            case PDAM -> {
                desc.put("tarif", "2A");
                desc.put("alamat", "JL. MERDEKA NO. " + (1 + Customers.pick("addr" + customerNo, 200)));
                desc.put("jatuh_tempo", "20 " + MONTHS.get(today.getMonthValue() - 1) + " " + today.getYear());
                amount = 30_000 + Customers.pick("bill" + customerNo, 200) * 500L;
                detail = desc.putArray("detail");
                d = detail.addObject();
                d.put("periode", yearMonth(lastMonth));
                d.put("nilai_tagihan", Long.toString(amount));
                d.put("denda", "0");
                d.put("biaya_lain", "0");
                meters(paidExtra, customerNo, 8);
            }
            case BPJS -> {
                int members = 1 + Customers.pick("members" + customerNo, 4);
                desc.put("jumlah_peserta", Integer.toString(members));
                desc.put("alamat", "JAKARTA PUSAT");
                amount = 35_000L * members;
                detail = desc.putArray("detail");
                addDetail(detail, "01", Long.toString(amount), Long.toString(admin));
            }
            case MULTIFINANCE -> {
                desc.put("item_name", "HONDA BEAT STREET");
                desc.put("no_rangka", "MH1JM" + Customers.digits("rangka" + customerNo, 12));
                desc.put("no_pol", "B" + Customers.digits("nopol" + customerNo, 4) + "XYZ");
                desc.put("tenor", "024");
                amount = 600_000 + Customers.pick("bill" + customerNo, 100) * 5_000L;
                detail = desc.putArray("detail");
                d = addDetail(detail, String.format(Locale.ROOT, "%03d", 1 + Customers.pick("inst" + customerNo, 24)),
                        Long.toString(amount), Long.toString(admin));
                d.put("denda", "0");
                d.put("biaya_lain", "0");
            }
            case PGAS -> {
                desc.put("alamat", "JL. MERDEKA NO. " + (1 + Customers.pick("addr" + customerNo, 200)));
                long usage = 10 + Customers.pick("usage" + customerNo, 40);
                amount = usage * 4_250;
                detail = desc.putArray("detail");
                long start = 1_000 + Customers.pick("gas" + customerNo, 8_000);
                gas(addDetail(detail, String.format(Locale.ROOT, "%02d%02d", lastMonth.getMonthValue(),
                        lastMonth.getYear() % 100), Long.toString(amount), Long.toString(admin)),
                        String.format(Locale.ROOT, "%06d", start), String.format(Locale.ROOT, "%06d", start + usage),
                        Long.toString(usage));
            }
            case PBB -> {
                String taxYear = Long.toString(year.orElse(today.getYear()));
                desc.put("alamat", "JL. MERDEKA NO. " + (1 + Customers.pick("addr" + customerNo, 200)));
                desc.put("tahun_pajak", taxYear);
                amount = 100_000 + Customers.pick("bill" + customerNo, 300) * 1_000L;
                detail = desc.putArray("detail");
                addDetail(detail, taxYear, Long.toString(amount), Long.toString(admin)).put("denda", "0");
            }
            default -> {
                // INTERNET, HP, TV: a month name period, as the internet example shows.
                amount = product.kind() == Catalog.BillKind.TV
                        ? 99_000 + Customers.pick("bill" + customerNo, 100) * 1_000L
                        : 150_000 + Customers.pick("bill" + customerNo, 300) * 1_000L;
                detail = desc.putArray("detail");
                d = addDetail(detail, MONTHS.get(lastMonth.getMonthValue() - 1) + " " + lastMonth.getYear(),
                        Long.toString(amount), Long.toString(admin));
                if (product.kind() == Catalog.BillKind.TV) {
                    d.put("no_ref", Customers.hex("ref" + customerNo, 4));
                }
            }
        }
        ObjectNode paid = desc.deepCopy();
        if (!paidExtra.isEmpty()) {
            ((ObjectNode) paid.get("detail").get(0)).setAll(paidExtra);
        }
        long selling = amount + admin;
        String sn = product.kind() == Catalog.BillKind.PLN ? Customers.hex("sn" + customerNo + today, 32)
                : Customers.digits("sn" + customerNo + today, 16);
        return new Bill(name, admin, selling - product.commission(), selling, 1, sn, desc, paid);
    }

    // ---- helpers

    private static TestNumber ok(Pay pay, Function<OptionalLong, Bill> bill) {
        return new TestNumber(Optional.empty(), pay, bill);
    }

    /** Only the Gagal examples show an rc (02); failed inquiries of test numbers answer it. */
    private static TestNumber inquiryFails() {
        return new TestNumber(Optional.of("02"), Pay.GAGAL, y -> null);
    }

    /** The usual five rows: success, inquiry fails, payment fails, pending then success, pending then fail. */
    private static Map<String, TestNumber> fiveNumbers(String success, String inquiryFails, String payFails,
            String pendingSuccess, String pendingFail, Function<OptionalLong, Bill> bill) {
        return Map.of(success, ok(Pay.SUKSES, bill), inquiryFails, inquiryFails(), payFails, ok(Pay.GAGAL, bill),
                pendingSuccess, ok(Pay.PENDING_SUKSES, bill), pendingFail, ok(Pay.PENDING_GAGAL, bill));
    }

    private static ObjectNode addDetail(ArrayNode detail, String periode, String nilai, String admin) {
        ObjectNode d = detail.addObject();
        d.put("periode", periode);
        d.put("nilai_tagihan", nilai);
        d.put("admin", admin);
        return d;
    }

    private static String yearMonth(LocalDate month) {
        return String.format(Locale.ROOT, "%04d%02d", month.getYear(), month.getMonthValue());
    }

    private static void gas(ObjectNode d, String start, String end, String usage) {
        d.put("meter_awal", start);
        d.put("meter_akhir", end);
        d.put("usage", usage);
    }

    private static void meters(ObjectNode into, String customerNo, int width) {
        long start = 10_000 + Customers.pick("meter" + customerNo, 80_000);
        long end = start + 100 + Customers.pick("use" + customerNo, 400);
        String format = "%0" + width + "d";
        into.put("meter_awal", String.format(Locale.ROOT, format, start));
        into.put("meter_akhir", String.format(Locale.ROOT, format, end));
    }
}
