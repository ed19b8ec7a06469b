package id.loket.upstream.digiflazz.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who a customer number belongs to, derived from the number itself so the same number always gives the same
 * name, tariff and serials (across restarts too): the simulator keeps no customer table.
 */
final class Customers {

    /** A PLN customer as {@code /inquiry-pln} describes one; {@code tarif}/{@code daya} as on the bill. */
    record PlnCustomer(String customerNo, String meterNo, String subscriberId, String name, String tarif, int daya) {

        /** {@code "R1 /000001300"}, the {@code segment_power} of the inquiry-pln example. */
        String segmentPower() {
            return String.format(Locale.ROOT, "%s /%09d", tarif, daya);
        }
    }

    /** Meter/ID numbers {@code /inquiry-pln} and PLN tokens answer "not found" (rc 54 Nomor Tujuan Salah) for. */
    static final List<String> PLN_NOT_FOUND = List.of("00000000000", "000000000000");

    /** The inquiry-pln page's own example, answered exactly as documented although it has only 10 digits. */
    static final PlnCustomer DOCS_EXAMPLE = new PlnCustomer("1234554321", "1234554321", "523300817840", "DAVID",
            "R1", 1300);

    private static final List<String> NAMES = List.of("BUDI SANTOSO", "SITI RAHAYU", "AHMAD HIDAYAT",
            "DEWI LESTARI", "AGUS SETIAWAN", "RINA WULANDARI", "JOKO SUSILO", "NUR HASANAH", "HENDRA GUNAWAN",
            "SRI MULYANI");

    private record Tariff(String tarif, int daya, double rupiahPerKwh) {}

    /** Household tariffs and their 2025 prices per kWh (PPJ and other levies ignored). */
    private static final List<Tariff> TARIFFS = List.of(new Tariff("R1", 900, 1352.00),
            new Tariff("R1", 1300, 1444.70), new Tariff("R1", 2200, 1444.70), new Tariff("R2", 3500, 1699.53),
            new Tariff("R1M", 900, 1352.00));

    /** Operator prefixes, so a number of the wrong operator answers rc 52 as a real seller would. */
    private static final Map<String, List<String>> PREFIXES = Map.of(
            "TELKOMSEL", List.of("0811", "0812", "0813", "0821", "0822", "0823", "0851", "0852", "0853"),
            "XL", List.of("0817", "0818", "0819", "0859", "0877", "0878"),
            "INDOSAT", List.of("0814", "0815", "0816", "0855", "0856", "0857", "0858"));

    private Customers() {}

    /**
     * The rc a seller fails this prepaid number with (57 wrong length, 52 other operator, 54 unknown meter), or
     * empty when the number is plausible for the product.
     */
    static Optional<String> prepaidRejection(Catalog.Prepaid product, String customerNo) {
        if (product.category().equals(Catalog.PLN)) {
            if (!customerNo.matches("\\d{11,12}")) {
                return Optional.of("57");
            }
            return PLN_NOT_FOUND.contains(customerNo) ? Optional.of("54") : Optional.empty();
        }
        if (!customerNo.matches("08\\d{8,11}")) {
            return Optional.of("57");
        }
        List<String> prefixes = PREFIXES.get(product.brand());
        if (prefixes != null && prefixes.stream().noneMatch(customerNo::startsWith)) {
            return Optional.of("52");
        }
        return Optional.empty();
    }

    /** The PLN customer of an 11-digit meter number or a 12-digit customer ID; empty when unknown. */
    static Optional<PlnCustomer> pln(String customerNo) {
        if (customerNo.equals(DOCS_EXAMPLE.customerNo())) {
            return Optional.of(DOCS_EXAMPLE);
        }
        if (!customerNo.matches("\\d{11,12}") || PLN_NOT_FOUND.contains(customerNo)) {
            return Optional.empty();
        }
        String meter = customerNo.length() == 11 ? customerNo : "14" + digits("meter" + customerNo, 9);
        String subscriber = customerNo.length() == 12 ? customerNo : "5" + digits("idpel" + customerNo, 11);
        Tariff tariff = TARIFFS.get(pick("tariff" + customerNo, TARIFFS.size()));
        return Optional.of(new PlnCustomer(customerNo, meter, subscriber, name(customerNo), tariff.tarif(),
                tariff.daya()));
    }

    /**
     * A token's {@code sn}: {@code <20 digits in groups of 4 joined by '-'>/<NAME>/<TARIF>/<DAYA>/<KWH>}.
     * Digiflazz does not document its token sn; this is IAK's documented format, assumed to match (verify on the
     * first sandbox run against the real service).
     */
    static String tokenSn(PlnCustomer customer, long nominal, String refId) {
        String token = digits("token" + refId + customer.customerNo(), 20);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < 20; i += 4) {
            if (i > 0) {
                grouped.append('-');
            }
            grouped.append(token, i, i + 4);
        }
        double perKwh = TARIFFS.stream()
                .filter(t -> t.tarif().equals(customer.tarif()) && t.daya() == customer.daya())
                .findFirst().map(Tariff::rupiahPerKwh).orElse(1444.70);
        String kwh = String.format(Locale.ROOT, "%.1f", nominal / perKwh);
        return grouped + "/" + customer.name() + "/" + customer.tarif() + "/" + customer.daya() + "/" + kwh;
    }

    /** A pulsa/data serial: a 20-digit seller reference. */
    static String pulsaSn(String refId, String customerNo) {
        return digits("sn" + refId + customerNo, 20);
    }

    /** An e-money serial like the webhook page's example, {@code NAME/<20 digits>}. */
    static String emoneySn(String refId, String customerNo) {
        return name(customerNo).replace(" ", "") + "/" + digits("emoney" + refId + customerNo, 20);
    }

    /** A customer name for any number, stable. */
    static String name(String customerNo) {
        return NAMES.get(pick("name" + customerNo, NAMES.size()));
    }

    /** {@code count} decimal digits derived from {@code seed}. */
    static String digits(String seed, int count) {
        StringBuilder out = new StringBuilder(count);
        int round = 0;
        while (out.length() < count) {
            for (byte b : sha256(seed + "#" + round)) {
                if (out.length() == count) {
                    break;
                }
                out.append(Math.floorMod(b, 10));
            }
            round++;
        }
        return out.toString();
    }

    /** Upper-case hex, {@code count} characters, derived from {@code seed}. */
    static String hex(String seed, int count) {
        StringBuilder out = new StringBuilder();
        for (byte b : sha256(seed)) {
            out.append(String.format(Locale.ROOT, "%02X", b));
        }
        return out.substring(0, count);
    }

    static int pick(String seed, int bound) {
        byte[] h = sha256(seed);
        int value = ((h[0] & 0xff) << 16) | ((h[1] & 0xff) << 8) | (h[2] & 0xff);
        return value % bound;
    }

    private static byte[] sha256(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
