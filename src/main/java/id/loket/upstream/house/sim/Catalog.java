package id.loket.upstream.house.sim;

import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import id.loket.core.Money;
import id.loket.core.Product;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sandbox's biller catalog ({@code GET /v1/billers}): one biller of each shape the counter must handle —
 * postpaid bills looked up by inquiry (electricity, three water utilities, landline/IndiHome, postpaid mobile,
 * a train booking whose code fixes the price), and prepaid products (electricity tokens, phone credit).
 *
 * <p>KAI is {@code POSTPAID} here although it is a ticket: the booking code already fixes what is owed, so the
 * counter looks it up like a bill and there is no product to pick.
 *
 * <p>Reference scenarios (any biller): a reference ending in {@code 0000} is not found, {@code 9999} is already
 * paid, {@code 1111} is paid PENDING and becomes SUCCESS at the second status check, {@code 2222} fails at payment.
 * Any other valid reference gives a deterministic bill ({@link BillFactory}).
 */
final class Catalog {

    static final List<Biller> BILLERS = List.of(
            biller("PLN_POSTPAID", BillerCategory.ELECTRICITY, "PLN Pascabayar", BillerKind.POSTPAID,
                    "ID Pelanggan", "^[0-9]{12}$", 2500, List.of()),
            biller("PLN_PREPAID", BillerCategory.ELECTRICITY, "PLN Prabayar (Token Listrik)", BillerKind.PREPAID,
                    "No. Meter / ID Pelanggan", "^([0-9]{11}|[0-9]{12})$", 2500,
                    products("PLN", "Token PLN ", 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000)),
            biller("PDAM_BANDUNG", BillerCategory.WATER, "PDAM Tirtawening Kota Bandung", BillerKind.POSTPAID,
                    "No. Pelanggan", "^[0-9]{6,10}$", 2500, List.of()),
            biller("PDAM_SURABAYA", BillerCategory.WATER, "PDAM Surya Sembada Kota Surabaya", BillerKind.POSTPAID,
                    "No. Pelanggan", "^[0-9]{6,10}$", 2000, List.of()),
            biller("PDAM_MEDAN", BillerCategory.WATER, "PDAM Tirtanadi Medan", BillerKind.POSTPAID,
                    "No. Pelanggan", "^[0-9]{6,10}$", 3000, List.of()),
            biller("TELKOM", BillerCategory.PHONE, "Telkom IndiHome / Telepon Rumah", BillerKind.POSTPAID,
                    "No. Telepon / ID IndiHome", "^[0-9]{12,13}$", 2500, List.of()),
            biller("HALO", BillerCategory.PHONE, "Telkomsel Halo (Pascabayar)", BillerKind.POSTPAID,
                    "Nomor HP", "^08[0-9]{8,11}$", 2500, List.of()),
            biller("PULSA", BillerCategory.PHONE, "Pulsa Prabayar", BillerKind.PREPAID,
                    "Nomor HP", "^08[0-9]{8,11}$", 1500,
                    products("PULSA", "Pulsa ", 5_000, 10_000, 20_000, 25_000, 50_000, 100_000)),
            biller("KAI", BillerCategory.TICKET, "Kereta Api Indonesia (KAI)", BillerKind.POSTPAID,
                    "Kode Booking", "^[A-Z0-9]{6,8}$", 7500, List.of()));

    private Catalog() {}

    static Optional<Biller> find(String code) {
        return BILLERS.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    private static Biller biller(String code, BillerCategory category, String name, BillerKind kind, String label,
            String pattern, long adminFee, List<Product> products) {
        return new Biller(code, category, name, kind, label, pattern, Money.of(adminFee), products);
    }

    /** Codes like {@code PLN50} / {@code PULSA25}: the prefix and the nominal in thousands. */
    private static List<Product> products(String codePrefix, String namePrefix, long... nominals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("id")));
        return java.util.Arrays.stream(nominals)
                .mapToObj(n -> new Product(codePrefix + (n / 1000), namePrefix + format.format(n), Money.of(n)))
                .toList();
    }
}
