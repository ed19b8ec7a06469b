package id.loket.upstream.house.sim;

import id.loket.core.Biller;
import id.loket.core.Money;
import id.loket.core.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Invents a realistic bill for a reference, the same one on every run: every choice (name, tariff, usage,
 * train, seat …) is drawn from SHA-256 of the biller, the reference and the choice's name, so a test or a demo
 * can rely on "512345678901 is BUDI SANTOSO owing Rp 150.000" without any stored fixture. Only what really
 * changes with time does: the billing period is last month (WIB), a train departs a few days from today.
 *
 * <p>Amounts are whole rupiah rounded to hundreds, computed with {@code long} arithmetic from usage and tariff
 * (tariffs are held in hundredths of a rupiah per kWh or per m³, as PLN publishes them: Rp 1.444,70/kWh).
 *
 * <p>{@code details} keys (snake_case, values are strings, in receipt order):
 * <ul>
 *   <li>PLN_POSTPAID: {@code idpel}, {@code tarif_daya} ("R1/1300VA"), {@code lembar_tagihan} ("1"),
 *       {@code periode} ("NOV25", or "OKT25,NOV25" for two sheets), {@code stand_meter} ("00012345-00012678"),
 *       {@code pemakaian_kwh}</li>
 *   <li>PLN_PREPAID: {@code no_meter}, {@code idpel}, {@code tarif_daya}, {@code produk}
 *       (token and kWh come with the payment)</li>
 *   <li>PDAM_*: {@code periode}, {@code stand_meter} ("001234-001257"), {@code pemakaian_m3}, {@code alamat}</li>
 *   <li>TELKOM: {@code periode}, {@code no_telepon}, {@code layanan}</li>
 *   <li>HALO: {@code periode}, {@code no_hp}, {@code paket}</li>
 *   <li>PULSA: {@code no_hp}, {@code operator}, {@code produk}</li>
 *   <li>KAI: {@code kode_booking}, {@code kereta}, {@code no_kereta}, {@code kelas}, {@code rute},
 *       {@code berangkat} ("05 DES 2025 08:20"), {@code kursi} ("EKS-3 / 7A, 7B"), {@code jumlah_penumpang},
 *       {@code penumpang} (comma-separated names)</li>
 * </ul>
 */
final class BillFactory {

    /**
     * A looked-up bill. {@code billKey} names the bill for the double-payment check ("biller|reference|period");
     * empty for prepaid products, which can be bought again and again.
     */
    record Bill(String customerName, long amount, long adminFee, Optional<String> billKey,
            Map<String, String> details) {
        Bill {
            details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }
    }

    private static final List<String> FIRST_NAMES = List.of(
            "BUDI", "SITI", "AGUS", "DEWI", "RINA", "ANDI", "SRI", "HENDRA", "WAHYU", "NUR",
            "EKO", "INDAH", "YULI", "ARIF", "FITRI", "DEDI", "RATNA", "BAMBANG", "JOKO", "PUTRI",
            "RUDI", "MEGA", "IWAN", "SUSI", "HADI", "AYU", "TAUFIK", "RAHMAT", "WULAN", "IMAM",
            "DIAN", "FAJAR", "NOVI", "YUSUF", "LINDA", "ADI", "RETNO", "HERU", "KARTIKA", "ASEP");
    private static final List<String> LAST_NAMES = List.of(
            "SANTOSO", "NURHALIZA", "SETIAWAN", "LESTARI", "WIJAYA", "SAPUTRA", "HIDAYAT", "KURNIAWAN", "PRATAMA",
            "RAHAYU", "GUNAWAN", "SUSANTO", "HALIM", "SIREGAR", "NASUTION", "SIMANJUNTAK", "HARAHAP", "LUBIS",
            "PURNOMO", "WIBOWO", "SUHARTO", "HANDAYANI", "PERMATASARI", "FIRMANSYAH", "SUBAGYO", "MAULANA",
            "KUSUMA", "UTAMI", "WAHYUNI", "SUPRIYADI", "HASIBUAN", "SARAGIH", "TANJUNG", "RAMADHAN", "PANGESTU",
            "HARYANTO", "SETIADI", "IRAWAN", "ANGGRAINI", "SULISTYO");
    private static final List<String> STREETS = List.of(
            "JL. MERDEKA", "JL. SUDIRMAN", "JL. DIPONEGORO", "JL. GATOT SUBROTO", "JL. AHMAD YANI", "JL. PEMUDA",
            "JL. KARTINI", "JL. GAJAH MADA", "JL. PAHLAWAN", "JL. SISINGAMANGARAJA", "GG. MAWAR", "JL. CEMPAKA");
    private static final List<String> MONTHS = List.of(
            "JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES");

    /** PLN household tariffs: tarif/daya, hundredths of a rupiah per kWh, typical monthly usage range in kWh. */
    private record PlnTariff(String tarifDaya, long hundredthsPerKwh, int minKwh, int maxKwh) {}

    private static final List<PlnTariff> PLN_TARIFFS = List.of(
            new PlnTariff("R1/900VA", 135_200, 60, 180),
            new PlnTariff("R1/1300VA", 144_470, 90, 300),
            new PlnTariff("R1/2200VA", 144_470, 150, 450),
            new PlnTariff("R1/3500VA", 169_953, 250, 700),
            new PlnTariff("R2/5500VA", 169_953, 400, 900));

    /** A city's water tariff: hundredths of a rupiah per m³ and the fixed monthly charge in rupiah. */
    private record WaterTariff(String city, long hundredthsPerM3, long fixedCharge) {}

    private static final Map<String, WaterTariff> WATER = Map.of(
            "PDAM_BANDUNG", new WaterTariff("BANDUNG", 550_000, 15_000),
            "PDAM_SURABAYA", new WaterTariff("SURABAYA", 400_000, 12_500),
            "PDAM_MEDAN", new WaterTariff("MEDAN", 450_000, 14_000));

    private record Plan(String name, long monthly) {}

    private static final List<Plan> TELKOM_PLANS = List.of(
            new Plan("TELEPON RUMAH", 65_000), new Plan("INDIHOME 30 MBPS", 345_000),
            new Plan("INDIHOME 50 MBPS", 385_000), new Plan("INDIHOME 100 MBPS", 545_000));
    private static final List<Plan> HALO_PLANS = List.of(
            new Plan("HALO KICK", 60_000), new Plan("HALO+ 100", 100_000), new Plan("HALO+ 150", 150_000),
            new Plan("HALO+ 200", 200_000), new Plan("HALO+ 300", 300_000));

    private record Train(String name, String number, String klass, String from, String to, String departs,
            long minFare, long maxFare) {}

    private static final List<Train> TRAINS = List.of(
            new Train("ARGO BROMO ANGGREK", "1", "EKSEKUTIF", "GAMBIR (GMR)", "SURABAYA PASARTURI (SBI)", "08:20",
                    450_000, 750_000),
            new Train("TAKSAKA", "71", "EKSEKUTIF", "YOGYAKARTA (YK)", "GAMBIR (GMR)", "20:45", 350_000, 620_000),
            new Train("GAJAYANA", "49", "EKSEKUTIF", "GAMBIR (GMR)", "MALANG (ML)", "18:20", 480_000, 720_000),
            new Train("ARGO PARAHYANGAN", "37", "EKSEKUTIF", "BANDUNG (BD)", "GAMBIR (GMR)", "05:00", 150_000,
                    250_000),
            new Train("MATARMAJA", "109", "EKONOMI", "PASAR SENEN (PSE)", "MALANG (ML)", "10:25", 180_000, 305_000),
            new Train("JAYAKARTA", "273", "EKONOMI", "PASAR SENEN (PSE)", "SURABAYA GUBENG (SGU)", "13:30", 120_000,
                    260_000));

    /** Mobile prefixes (the four digits after nothing: {@code 08xx}) and their operators. */
    private static final Map<String, String> OPERATORS = operators();

    private BillFactory() {}

    /**
     * The bill of {@code reference} at {@code biller} as of {@code today} (WIB). The reference must already match
     * the biller's pattern and, for a prepaid biller, {@code product} must be one of its products.
     */
    static Bill bill(Biller biller, String reference, Optional<Product> product, LocalDate today) {
        Draw draw = new Draw(biller.code() + "|" + reference);
        long admin = biller.adminFee().rupiah();
        String name = draw.pick("name.first", FIRST_NAMES) + " " + draw.pick("name.last", LAST_NAMES);
        Map<String, String> details = new LinkedHashMap<>();
        LocalDate lastMonth = today.minusMonths(1);
        switch (biller.code()) {
            case "PLN_POSTPAID": {
                PlnTariff tariff = draw.pick("tariff", PLN_TARIFFS);
                int sheets = draw.between("sheets", 1, 5) == 5 ? 2 : 1;
                long start = draw.between("stand", 1_000, 60_000);
                long usage = 0;
                long amount = 0;
                List<String> periods = new ArrayList<>();
                for (int i = sheets; i >= 1; i--) {
                    long monthUsage = draw.between("usage" + i, tariff.minKwh(), tariff.maxKwh());
                    usage += monthUsage;
                    amount += roundToHundreds(monthUsage * tariff.hundredthsPerKwh() / 100);
                    periods.add(period(today.minusMonths(i)));
                }
                String periode = String.join(",", periods);
                details.put("idpel", reference);
                details.put("tarif_daya", tariff.tarifDaya());
                details.put("lembar_tagihan", Integer.toString(sheets));
                details.put("periode", periode);
                details.put("stand_meter", String.format(Locale.ROOT, "%08d-%08d", start, start + usage));
                details.put("pemakaian_kwh", Long.toString(usage));
                return new Bill(name, amount, admin, Optional.of(key(biller, reference, periode)), details);
            }
            case "PLN_PREPAID": {
                Product p = product.orElseThrow(() -> new IllegalArgumentException("PLN_PREPAID needs a product"));
                PlnTariff tariff = draw.pick("tariff", PLN_TARIFFS);
                boolean isMeter = reference.length() == 11;
                details.put("no_meter", isMeter ? reference : "1" + draw.digits("meter", 10));
                details.put("idpel", isMeter ? "5" + draw.digits("idpel", 11) : reference);
                details.put("tarif_daya", tariff.tarifDaya());
                details.put("produk", p.name());
                return new Bill(name, p.price().rupiah(), admin, Optional.empty(), details);
            }
            case "PDAM_BANDUNG", "PDAM_SURABAYA", "PDAM_MEDAN": {
                WaterTariff tariff = WATER.get(biller.code());
                long usage = draw.between("usage", 8, 60);
                long start = draw.between("stand", 100, 9_000);
                long amount = roundToHundreds(usage * tariff.hundredthsPerM3() / 100 + tariff.fixedCharge());
                String periode = period(lastMonth);
                details.put("periode", periode);
                details.put("stand_meter", String.format(Locale.ROOT, "%06d-%06d", start, start + usage));
                details.put("pemakaian_m3", Long.toString(usage));
                details.put("alamat", draw.pick("street", STREETS) + " NO. " + draw.between("house", 1, 250)
                        + ", RT " + String.format(Locale.ROOT, "%02d", draw.between("rt", 1, 12))
                        + "/RW " + String.format(Locale.ROOT, "%02d", draw.between("rw", 1, 9))
                        + ", " + tariff.city());
                return new Bill(name, amount, admin, Optional.of(key(biller, reference, periode)), details);
            }
            case "TELKOM": {
                Plan plan = draw.pick("plan", TELKOM_PLANS);
                long amount = plan.monthly() + draw.between("usage", 0, 400) * 100;
                String periode = period(lastMonth);
                details.put("periode", periode);
                details.put("no_telepon", reference);
                details.put("layanan", plan.name());
                return new Bill(name, amount, admin, Optional.of(key(biller, reference, periode)), details);
            }
            case "HALO": {
                Plan plan = draw.pick("plan", HALO_PLANS);
                long amount = plan.monthly() + draw.between("usage", 0, 1_500) * 100;
                String periode = period(lastMonth);
                details.put("periode", periode);
                details.put("no_hp", reference);
                details.put("paket", plan.name());
                return new Bill(name, amount, admin, Optional.of(key(biller, reference, periode)), details);
            }
            case "PULSA": {
                Product p = product.orElseThrow(() -> new IllegalArgumentException("PULSA needs a product"));
                details.put("no_hp", reference);
                details.put("operator", operator(reference).orElse("-"));
                details.put("produk", p.name());
                return new Bill(name, p.price().rupiah(), admin, Optional.empty(), details);
            }
            case "KAI": {
                Train train = draw.pick("train", TRAINS);
                int passengers = (int) draw.between("passengers", 1, 3);
                long fare = roundToHundreds(draw.between("fare", train.minFare() / 1000, train.maxFare() / 1000)
                        * 1000);
                LocalDate departure = today.plusDays(draw.between("departure", 1, 30));
                String coach = (train.klass().equals("EKSEKUTIF") ? "EKS-" : "EKO-") + draw.between("coach", 1, 8);
                int row = (int) draw.between("row", 1, 18);
                List<String> seats = new ArrayList<>();
                List<String> names = new ArrayList<>();
                names.add(name);
                for (int i = 0; i < passengers; i++) {
                    seats.add(row + String.valueOf((char) ('A' + i)));
                    if (i > 0) {
                        names.add(draw.pick("passenger.first" + i, FIRST_NAMES) + " "
                                + draw.pick("passenger.last" + i, LAST_NAMES));
                    }
                }
                details.put("kode_booking", reference);
                details.put("kereta", train.name());
                details.put("no_kereta", train.number());
                details.put("kelas", train.klass());
                details.put("rute", train.from() + " - " + train.to());
                details.put("berangkat", String.format(Locale.ROOT, "%02d %s %d %s", departure.getDayOfMonth(),
                        MONTHS.get(departure.getMonthValue() - 1), departure.getYear(), train.departs()));
                details.put("kursi", coach + " / " + String.join(", ", seats));
                details.put("jumlah_penumpang", Integer.toString(passengers));
                details.put("penumpang", String.join(", ", names));
                return new Bill(name, fare * passengers, admin, Optional.of(key(biller, reference, "BOOKING")),
                        details);
            }
            default:
                throw new IllegalArgumentException("No bills are made up for biller " + biller.code());
        }
    }

    /** The operator of an Indonesian mobile number by its prefix; empty for a prefix no operator uses. */
    static Optional<String> operator(String phone) {
        if (phone.length() < 4) {
            return Optional.empty();
        }
        return Optional.ofNullable(OPERATORS.get(phone.substring(0, 4)));
    }

    /**
     * The 20-digit token of a prepaid electricity payment, in groups of four as printed on the receipt. Drawn from
     * the payment id, so every payment has its own and a status check shows the same one again.
     */
    static String token(String paymentId) {
        byte[] digest = sha256("token|" + paymentId);
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                token.append(' ');
            }
            token.append((digest[i] & 0xff) % 10);
        }
        return token.toString();
    }

    /**
     * kWh bought with {@code amount} at the tariff of {@code tarifDaya}, one decimal, rounded down (a meter never
     * credits a fraction it was not paid for). Real tokens first deduct street-lighting tax; the sandbox does not.
     */
    static String kwh(long amount, String tarifDaya) {
        PlnTariff tariff = PLN_TARIFFS.stream().filter(t -> t.tarifDaya().equals(tarifDaya)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown tarif/daya " + tarifDaya));
        return BigDecimal.valueOf(Math.multiplyExact(amount, 100L))
                .divide(BigDecimal.valueOf(tariff.hundredthsPerKwh()), 1, RoundingMode.DOWN)
                .toPlainString();
    }

    /** The biller's own reference for a successful payment (as printed on the receipt). */
    static String billerRef(String paymentId) {
        byte[] digest = sha256("ref|" + paymentId);
        return "SBX" + java.util.HexFormat.of().withUpperCase().formatHex(digest, 0, 8);
    }

    /** "NOV25": the BL/TH form PLN prints. */
    static String period(LocalDate month) {
        return MONTHS.get(month.getMonthValue() - 1) + String.format(Locale.ROOT, "%02d", month.getYear() % 100);
    }

    static String formatRupiah(long amount) {
        return Money.of(amount).format(Locale.forLanguageTag("id"));
    }

    private static String key(Biller biller, String reference, String period) {
        return biller.code() + "|" + reference + "|" + period;
    }

    private static long roundToHundreds(long rupiah) {
        return Math.max(100, (rupiah + 50) / 100 * 100);
    }

    private static Map<String, String> operators() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : List.of("0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853")) {
            map.put(p, "TELKOMSEL");
        }
        for (String p : List.of("0814", "0815", "0816", "0855", "0856", "0857", "0858")) {
            map.put(p, "INDOSAT OOREDOO");
        }
        for (String p : List.of("0817", "0818", "0819", "0859", "0877", "0878")) {
            map.put(p, "XL AXIATA");
        }
        for (String p : List.of("0831", "0832", "0833", "0838")) {
            map.put(p, "AXIS");
        }
        for (String p : List.of("0895", "0896", "0897", "0898", "0899")) {
            map.put(p, "TRI");
        }
        for (String p : List.of("0881", "0882", "0883", "0884", "0885", "0886", "0887", "0888", "0889")) {
            map.put(p, "SMARTFREN");
        }
        return Collections.unmodifiableMap(map);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Deterministic choices for one bill: each named choice is its own hash, so adding a choice moves no other. */
    private static final class Draw {
        private final String seed;

        Draw(String seed) {
            this.seed = seed;
        }

        long between(String what, long min, long max) {
            byte[] digest = sha256(seed + "|" + what);
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            return min + Long.remainderUnsigned(bits, max - min + 1);
        }

        <T> T pick(String what, List<T> options) {
            return options.get((int) between(what, 0, options.size() - 1));
        }

        String digits(String what, int count) {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < count; i++) {
                digits.append(between(what + i, 0, 9));
            }
            return digits.toString();
        }
    }
}
