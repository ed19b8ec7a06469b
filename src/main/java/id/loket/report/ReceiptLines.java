package id.loket.report;

import id.loket.core.BillerCategory;
import id.loket.core.BusinessCalendar;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.ReceiptData;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The lines of a receipt, in order, as Indonesian payment counters print them for each biller: PLN's own layouts
 * (IDPEL, TARIF/DAYA, BL/TH, STAND METER, RP TAG PLN …; the prepaid token in groups of four), water, phone,
 * phone credit and train tickets, and a generic layout for any other biller. Pure Java: the templates only lay
 * these lines out, so what a receipt says is decided, and tested, here.
 *
 * <p>The text is Indonesian whatever language the window speaks: a receipt is the customer's proof of payment
 * and reads the way every other counter's receipt reads.
 *
 * <p>A provisional slip (a payment whose outcome is not known yet) carries no biller reference and no token —
 * there are none yet — and says plainly that the payment is being processed and must not be paid again.
 */
public final class ReceiptLines {

    public static final String REPRINT = "CETAK ULANG";
    public static final String SANDBOX = "SANDBOX \u2014 BUKAN TRANSAKSI NYATA";
    /** A provider's own test mode (Digiflazz development): no real charge either, and named as such. */
    public static final String TESTING = "TESTING \u2014 BUKAN TRANSAKSI NYATA";
    public static final String PROVISIONAL =
            "STRUK SEMENTARA \u2014 PEMBAYARAN SEDANG DIPROSES. JANGAN BAYAR ULANG. Simpan struk ini.";
    public static final String THANKS = "Terima kasih.";
    public static final String VALID_PROOF = "Terima kasih. Struk ini adalah bukti pembayaran yang sah.";
    public static final String PLN_VALID_PROOF = "PLN menyatakan struk ini sebagai bukti pembayaran yang sah.";

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final DateTimeFormatter WIB_TIME =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.ROOT).withZone(BusinessCalendar.WIB);
    /** Separators a token may arrive with: spaces, dashes, dots. */
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s\\-.]+");
    /** kWh as the gateway sends it ("34.6"); PLN prints a decimal comma ("34,6"). */
    private static final Pattern DECIMAL_POINT = Pattern.compile("\\d+\\.\\d{1,3}");

    /** The receipt layouts this class knows; anything else prints generically. */
    private enum Layout {
        PLN_POSTPAID("STRUK PEMBAYARAN TAGIHAN LISTRIK"),
        PLN_PREPAID("STRUK PEMBELIAN LISTRIK PRABAYAR"),
        WATER("STRUK PEMBAYARAN TAGIHAN AIR"),
        TELKOM("STRUK PEMBAYARAN TAGIHAN TELEPON"),
        HALO("STRUK PEMBAYARAN TAGIHAN TELEPON"),
        PULSA("STRUK PEMBELIAN PULSA"),
        KAI("STRUK PEMBAYARAN TIKET KERETA API"),
        GENERIC("STRUK PEMBAYARAN");

        final String heading;

        Layout(String heading) {
            this.heading = heading;
        }

        static Layout of(ReceiptData r) {
            return switch (r.billerCode()) {
                case "PLN_POSTPAID" -> PLN_POSTPAID;
                case "PLN_PREPAID" -> PLN_PREPAID;
                case "TELKOM" -> TELKOM;
                case "HALO" -> HALO;
                case "PULSA" -> PULSA;
                case "KAI" -> KAI;
                default -> byCategory(r);
            };
        }

        /**
         * A biller of another network (an aggregator's price list): laid out by what it bills. Its inquiry gave
         * the same detail keys the house layouts read ({@code no_meter} marks a token purchase).
         */
        private static Layout byCategory(ReceiptData r) {
            return switch (r.category()) {
                case ELECTRICITY -> r.details().containsKey("no_meter") ? PLN_PREPAID : PLN_POSTPAID;
                case WATER -> WATER;
                case PHONE -> r.details().containsKey("produk") ? PULSA : GENERIC;
                default -> r.billerCode().startsWith("PDAM_") ? WATER : GENERIC;
            };
        }

        boolean isPln() {
            return this == PLN_POSTPAID || this == PLN_PREPAID;
        }
    }

    private ReceiptLines() {}

    /** The receipt's lines, top to bottom. */
    public static List<ReceiptLine> of(ReceiptData receipt) {
        return new Composer(receipt).write();
    }

    /**
     * The token as printed: its digits in groups of four ("1234 5678 9012 3456 7890"), whatever spacing or dashes
     * it arrived with. A token with anything but digits and separators is printed as it came, never altered.
     */
    public static String groupToken(String token) {
        String digits = TOKEN_SEPARATORS.matcher(token.strip()).replaceAll("");
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return token.strip();
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append(' ');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.toString();
    }

    /** The payment method as the receipt names it. */
    public static String methodName(PaymentMethod method) {
        return switch (method) {
            case CASH -> "TUNAI";
            case DEBIT_CARD -> "KARTU DEBIT";
            case QRIS -> "QRIS";
            case VIRTUAL_ACCOUNT -> "VIRTUAL ACCOUNT";
            case EWALLET -> "E-WALLET";
            case PAYMENT_LINK -> "LINK PEMBAYARAN";
            case STATIC_QRIS -> "QRIS TOKO";
        };
    }

    /** Builds one receipt's lines; one instance per receipt. */
    private static final class Composer {
        private final ReceiptData r;
        private final Layout layout;
        private final List<ReceiptLine> lines = new ArrayList<>();

        Composer(ReceiptData receipt) {
            this.r = receipt;
            this.layout = Layout.of(receipt);
        }

        List<ReceiptLine> write() {
            header();
            switch (layout) {
                case PLN_POSTPAID -> plnPostpaid();
                case PLN_PREPAID -> plnPrepaid();
                case WATER -> water();
                case TELKOM, HALO -> phone();
                case PULSA -> pulsa();
                case KAI -> train();
                case GENERIC -> generic();
            }
            if (r.provisional()) {
                lines.add(ReceiptLine.separator());
                lines.add(ReceiptLine.notice(PROVISIONAL));
            }
            payment();
            closing();
            return List.copyOf(lines);
        }

        private void header() {
            lines.add(new ReceiptLine(ReceiptLine.Kind.TITLE, "", r.shopName().strip()));
            if (!r.shopAddress().isBlank()) {
                lines.add(ReceiptLine.centered(r.shopAddress().strip()));
            }
            if (r.reprint()) {
                lines.add(ReceiptLine.notice(REPRINT));
            }
            if (r.sandbox()) {
                lines.add(ReceiptLine.notice(r.testing() ? TESTING : SANDBOX));
            }
            lines.add(ReceiptLine.separator());
            lines.add(ReceiptLine.centered(layout.heading));
            lines.add(ReceiptLine.centered(r.billerName().strip().toUpperCase(Locale.ROOT)));
            lines.add(ReceiptLine.separator());
        }

        private void plnPostpaid() {
            field("IDPEL", detail("idpel").orElse(r.reference()));
            field("NAMA", r.customerName());
            field("TARIF/DAYA", detail("tarif_daya"));
            field("BL/TH", detail("periode"));
            // Only a bill of several months says how many: "1" on every slip would only be noise.
            field("LEMBAR", detail("lembar_tagihan").filter(n -> !n.equals("1")));
            field("STAND METER", detail("stand_meter"));
            field("DENDA", detail("denda").filter(d -> d.chars().allMatch(Character::isDigit))
                    .map(d -> rupiah(Money.of(Long.parseLong(d)))));
            amount("RP TAG PLN", r.amount());
            amount("ADMIN", r.adminFee());
            total();
            billerRef("NO REF");
        }

        private void plnPrepaid() {
            field("NO METER", detail("no_meter"));
            field("IDPEL", detail("idpel").orElse(r.reference()));
            field("NAMA", r.customerName());
            field("TARIF/DAYA", detail("tarif_daya"));
            billerRef("NO REF");
            amount("RP BAYAR", r.amount());
            amount("ADMIN", r.adminFee());
            total();
            field("JML KWH", r.kwh().map(String::strip).filter(s -> !s.isEmpty()).map(Composer::decimalComma));
            if (!r.provisional()) {
                r.token().filter(t -> !t.isBlank()).ifPresent(t ->
                        lines.add(new ReceiptLine(ReceiptLine.Kind.TOKEN, "TOKEN", groupToken(t))));
            }
        }

        private void water() {
            field("NO PELANGGAN", r.reference());
            field("NAMA", r.customerName());
            field("ALAMAT", detail("alamat"));
            field("PERIODE", detail("periode"));
            field("STAND METER", detail("stand_meter"));
            field("PEMAKAIAN", detail("pemakaian_m3").map(m3 -> m3 + " m\u00b3"));
            bill("TAGIHAN");
            billerRef("NO REF");
        }

        private void phone() {
            if (layout == Layout.TELKOM) {
                field("NO TELEPON", detail("no_telepon").orElse(r.reference()));
            } else {
                field("NO HP", detail("no_hp").orElse(r.reference()));
            }
            field("NAMA", r.customerName());
            field("PERIODE", detail("periode"));
            if (layout == Layout.TELKOM) {
                field("LAYANAN", detail("layanan"));
            } else {
                field("PAKET", detail("paket"));
            }
            bill("TAGIHAN");
            billerRef("NO REF");
        }

        private void pulsa() {
            field("NO HP", detail("no_hp").orElse(r.reference()));
            field("OPERATOR", detail("operator"));
            field("PRODUK", detail("produk"));
            bill("HARGA");
            // For phone credit the operator's serial number is the proof the credit was sent.
            billerRef("NO REF/SN");
        }

        private void train() {
            field("KODE BOOKING", detail("kode_booking").orElse(r.reference()));
            field("NAMA", r.customerName());
            Optional<String> name = detail("kereta");
            Optional<String> number = detail("no_kereta");
            field("KERETA", name.map(n -> number.map(no -> n + " (" + no + ")").orElse(n)).or(() -> number));
            field("KELAS", detail("kelas"));
            field("RUTE", detail("rute"));
            field("BERANGKAT", detail("berangkat"));
            field("KURSI", detail("kursi"));
            Optional<String> names = detail("penumpang");
            Optional<String> count = detail("jumlah_penumpang").map(n -> n + " ORANG");
            field("PENUMPANG", names.map(n -> count.map(c -> c + ": " + n).orElse(n)).or(() -> count));
            bill("HARGA");
            billerRef("NO REF");
        }

        private void generic() {
            field("NO PELANGGAN", r.reference());
            field("NAMA", r.customerName());
            r.details().forEach((key, value) -> {
                if (value != null && !value.isBlank()) {
                    field(key.replace('_', ' ').strip().toUpperCase(Locale.ROOT), value.strip());
                }
            });
            bill("TAGIHAN");
            billerRef("NO REF");
        }

        private void payment() {
            lines.add(ReceiptLine.separator());
            field("CARA BAYAR", methodName(r.method()));
            if (r.method() == PaymentMethod.CASH) {
                r.tendered().ifPresent(t -> amount("TUNAI", t));
                r.change().ifPresent(c -> amount("KEMBALI", c));
            }
        }

        private void closing() {
            lines.add(ReceiptLine.separator());
            if (r.provisional()) {
                lines.add(ReceiptLine.centered(THANKS));
            } else if (layout.isPln()) {
                lines.add(ReceiptLine.centered(PLN_VALID_PROOF));
                lines.add(ReceiptLine.centered(THANKS));
            } else {
                lines.add(ReceiptLine.centered(VALID_PROOF));
            }
            lines.add(ReceiptLine.separator());
            field("KASIR", r.clerk());
            field("WAKTU", WIB_TIME.format(r.paidAt()) + " WIB");
            field("NO TRANSAKSI", r.clientRef());
            if (r.sandbox()) {
                // Again at the foot: a torn-off slip must still say it is not real.
                lines.add(ReceiptLine.notice(r.testing() ? TESTING : SANDBOX));
            }
        }

        /** The amount, the admin fee and the total, with the biller's own name for the amount. */
        private void bill(String amountLabel) {
            amount(amountLabel, r.amount());
            amount("ADMIN", r.adminFee());
            total();
        }

        private void total() {
            lines.add(new ReceiptLine(ReceiptLine.Kind.TOTAL, "TOTAL BAYAR", rupiah(r.total())));
        }

        /** The biller's reference; a provisional slip has none yet and says so instead. */
        private void billerRef(String label) {
            if (!r.provisional()) {
                field(label, r.billerRef().map(String::strip).filter(s -> !s.isEmpty()));
            }
        }

        private void amount(String label, Money money) {
            lines.add(new ReceiptLine(ReceiptLine.Kind.AMOUNT, label, rupiah(money)));
        }

        private void field(String label, String value) {
            lines.add(ReceiptLine.field(label, value.strip()));
        }

        /** A line only when the gateway sent the value: an empty "TARIF/DAYA :" helps nobody. */
        private void field(String label, Optional<String> value) {
            value.ifPresent(v -> field(label, v));
        }

        private Optional<String> detail(String key) {
            return Optional.ofNullable(r.details().get(key)).map(String::strip).filter(s -> !s.isEmpty());
        }

        private static String rupiah(Money money) {
            return money.format(INDONESIAN);
        }

        private static String decimalComma(String number) {
            return DECIMAL_POINT.matcher(number).matches() ? number.replace('.', ',') : number;
        }
    }
}
