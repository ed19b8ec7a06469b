package id.loket.customers;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The province codes a NIK starts with: the Ministry of Home Affairs' (Kemendagri) region codes, which Dukcapil
 * uses for the NIK, including the four provinces created in 2022 (Papua Selatan 93, Papua Tengah 94, Papua
 * Pegunungan 95, Papua Barat Daya 96). These are <em>not</em> the statistics office's (BPS) codes, which number
 * Papua 94 and Papua Barat 91; a NIK never carries those. A NIK keeps the code it was issued under when a
 * province is split, so the old codes 91 and 92 stay valid for people now living in the new provinces.
 */
public final class Provinces {

    private static final Map<String, String> NAMES = names();

    private Provinces() {}

    /** The province of a two-digit code, if it is one. */
    public static Optional<String> name(String code) {
        return Optional.ofNullable(NAMES.get(code));
    }

    /** Every province, by code, in order. */
    public static Map<String, String> all() {
        return NAMES;
    }

    private static Map<String, String> names() {
        Map<String, String> m = new TreeMap<>();
        m.put("11", "Aceh");
        m.put("12", "Sumatera Utara");
        m.put("13", "Sumatera Barat");
        m.put("14", "Riau");
        m.put("15", "Jambi");
        m.put("16", "Sumatera Selatan");
        m.put("17", "Bengkulu");
        m.put("18", "Lampung");
        m.put("19", "Kepulauan Bangka Belitung");
        m.put("21", "Kepulauan Riau");
        m.put("31", "DKI Jakarta");
        m.put("32", "Jawa Barat");
        m.put("33", "Jawa Tengah");
        m.put("34", "DI Yogyakarta");
        m.put("35", "Jawa Timur");
        m.put("36", "Banten");
        m.put("51", "Bali");
        m.put("52", "Nusa Tenggara Barat");
        m.put("53", "Nusa Tenggara Timur");
        m.put("61", "Kalimantan Barat");
        m.put("62", "Kalimantan Tengah");
        m.put("63", "Kalimantan Selatan");
        m.put("64", "Kalimantan Timur");
        m.put("65", "Kalimantan Utara");
        m.put("71", "Sulawesi Utara");
        m.put("72", "Sulawesi Tengah");
        m.put("73", "Sulawesi Selatan");
        m.put("74", "Sulawesi Tenggara");
        m.put("75", "Gorontalo");
        m.put("76", "Sulawesi Barat");
        m.put("81", "Maluku");
        m.put("82", "Maluku Utara");
        m.put("91", "Papua");
        m.put("92", "Papua Barat");
        m.put("93", "Papua Selatan");
        m.put("94", "Papua Tengah");
        m.put("95", "Papua Pegunungan");
        m.put("96", "Papua Barat Daya");
        return java.util.Collections.unmodifiableMap(m);
    }
}
