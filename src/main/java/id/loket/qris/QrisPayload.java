package id.loket.qris;

import id.loket.qris.QrisException.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A QRIS payload (EMVCo merchant-presented mode), parsed and validated: the TLV fields in the order written, with the
 * merchant account and additional-data templates parsed for display.
 *
 * <p>Every field is found by its tag, never by searching the text: {@code 010211} or {@code 5802ID} inside a merchant
 * name or an id is just text. Tags may come in any order (Midtrans writes 54 after 61, Xendit 53 after 62).
 *
 * <p>Decisions: leading and trailing whitespace is stripped (a payload never starts or ends with a blank, and a
 * pasted one often carries a line end). A lower-case CRC that is otherwise right is accepted: it is the same
 * checksum, and Loket never shows the static code itself; {@link DynamicQris} always writes upper case.
 */
public final class QrisPayload {

    /** The longest payload accepted; EMVCo MPM caps a payload at 512 characters. */
    public static final int MAX_LENGTH = 512;

    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d{1,2})?");
    private static final Pattern HEX4 = Pattern.compile("[0-9A-Fa-f]{4}");

    private static final Map<String, String> TOP_NAMES = Map.ofEntries(
            Map.entry("00", "Payload format indicator"),
            Map.entry("01", "Point of initiation (11 static, 12 dynamic)"),
            Map.entry("51", "National QRIS (NMID)"),
            Map.entry("52", "Merchant category code"),
            Map.entry("53", "Currency"),
            Map.entry("54", "Amount"),
            Map.entry("55", "Tip or fee indicator"),
            Map.entry("56", "Fixed fee"),
            Map.entry("57", "Percentage fee"),
            Map.entry("58", "Country"),
            Map.entry("59", "Merchant name"),
            Map.entry("60", "Merchant city"),
            Map.entry("61", "Postal code"),
            Map.entry("62", "Additional data"),
            Map.entry("63", "CRC"),
            Map.entry("64", "Merchant information in another language"));

    private static final Map<String, String> ADDITIONAL_NAMES = Map.ofEntries(
            Map.entry("01", "Bill number"),
            Map.entry("02", "Mobile number"),
            Map.entry("03", "Store label"),
            Map.entry("04", "Loyalty number"),
            Map.entry("05", "Reference label"),
            Map.entry("06", "Customer label"),
            Map.entry("07", "Terminal label"),
            Map.entry("08", "Purpose of transaction"),
            Map.entry("09", "Additional consumer data request"),
            Map.entry("10", "Merchant tax id"),
            Map.entry("11", "Merchant channel"));

    private final String text;
    private final List<QrisField> fields;

    private QrisPayload(String text, List<QrisField> fields) {
        this.text = text;
        this.fields = List.copyOf(fields);
    }

    /**
     * Parses and validates a payload: the format indicator {@code 000201} first, every field a two-digit tag, a
     * two-digit length (01-99) and that many characters, no tag twice, tag 63 last with the CRC-16 of everything up to
     * and including {@code 6304}, then the tags QRIS requires (00, 01 = 11 or 12, 52, 53 = 360, 58 = ID, 59, 60, a
     * merchant account 26-51) and well-formed templates (26-51, 62). Static and dynamic codes both pass.
     *
     * @throws QrisException saying what is wrong, with a {@link Reason}
     */
    public static QrisPayload parse(String payload) {
        String text = payload == null ? "" : payload.strip();
        if (text.isEmpty()) {
            throw new QrisException(Reason.EMPTY, "The QRIS payload is empty.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new QrisException(Reason.TOO_LONG, "The QRIS payload has " + text.length()
                    + " characters; a QRIS payload has at most " + MAX_LENGTH + ".");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new QrisException(Reason.NOT_PRINTABLE, "The QRIS payload holds a character that is not"
                        + " printable ASCII at position " + (i + 1) + " (U+" + String.format(Locale.ROOT, "%04X", (int) c)
                        + "): paste the text the QR code holds, exactly.");
            }
        }
        if (!text.startsWith("000201")) {
            throw new QrisException(Reason.BAD_FORMAT_INDICATOR, "This is not a QRIS payload: it must start with"
                    + " 000201 (EMV QR payload format indicator).");
        }
        List<QrisField> top = fields(text, "the payload");
        checkCrc(text, top);
        QrisPayload parsed = new QrisPayload(text, withTemplates(top));
        parsed.checkRequiredTags();
        return parsed;
    }

    /** The fields of {@code text}, flat; {@code where} names it in messages ("the payload", "tag 26"). */
    private static List<QrisField> fields(String text, String where) {
        List<QrisField> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int pos = 0;
        while (pos < text.length()) {
            if (text.length() - pos < 4) {
                throw new QrisException(Reason.BAD_LENGTH, "In " + where + ", the text ends in the middle of a field"
                        + " at position " + (pos + 1) + " ('" + text.substring(pos) + "'): the payload is cut short or has"
                        + " extra characters.");
            }
            String tag = text.substring(pos, pos + 2);
            if (!digits(tag)) {
                throw new QrisException(Reason.BAD_TAG, "In " + where + ", '" + tag + "' at position " + (pos + 1)
                        + " is not a tag (two digits).");
            }
            String lengthText = text.substring(pos + 2, pos + 4);
            if (!digits(lengthText)) {
                throw new QrisException(Reason.BAD_LENGTH, "In " + where + ", tag " + tag + " has the length '"
                        + lengthText + "', not two digits.");
            }
            int length = Integer.parseInt(lengthText);
            if (length == 0) {
                throw new QrisException(Reason.BAD_LENGTH, "In " + where + ", tag " + tag + " has the length 00.");
            }
            int end = pos + 4 + length;
            if (end > text.length()) {
                throw new QrisException(Reason.BAD_LENGTH, "In " + where + ", tag " + tag + " says " + length
                        + " characters but only " + (text.length() - pos - 4) + " follow: the payload is cut short or"
                        + " a length is wrong.");
            }
            if (!seen.add(tag)) {
                throw new QrisException(Reason.DUPLICATE_TAG, "In " + where + ", tag " + tag + " appears twice.");
            }
            out.add(new QrisField(tag, text.substring(pos + 4, end), List.of()));
            pos = end;
        }
        return out;
    }

    private static void checkCrc(String text, List<QrisField> top) {
        int at = indexOf(top, "63");
        if (at < 0) {
            throw new QrisException(Reason.MISSING_TAG, "The QRIS payload has no CRC (tag 63).");
        }
        if (at != top.size() - 1) {
            throw new QrisException(Reason.CRC_NOT_LAST, "The CRC (tag 63) must be the last field, but tag "
                    + top.get(at + 1).tag() + " follows it.");
        }
        String written = top.get(at).value();
        if (!HEX4.matcher(written).matches()) {
            throw new QrisException(Reason.BAD_CRC, "The CRC (tag 63) must be four hex digits, not '" + written
                    + "'.");
        }
        String computed = Crc16.hex(text.substring(0, text.length() - 4));
        if (!computed.equalsIgnoreCase(written)) {
            throw new QrisException(Reason.BAD_CRC, "The CRC (tag 63) is " + written + " but the payload gives "
                    + computed + ": a character was changed or mistyped. Copy the payload again.");
        }
    }

    /** The top-level fields with templates 26-51 and 62 parsed into their inner fields. */
    private static List<QrisField> withTemplates(List<QrisField> top) {
        List<QrisField> out = new ArrayList<>(top.size());
        for (QrisField f : top) {
            if (isTemplate(f.tag())) {
                try {
                    out.add(new QrisField(f.tag(), f.value(), fields(f.value(), "tag " + f.tag())));
                } catch (QrisException e) {
                    throw new QrisException(Reason.BAD_TEMPLATE, "Tag " + f.tag() + " (" + tagName(f.tag())
                            + ") is a template whose inner fields do not parse: " + e.getMessage());
                }
            } else {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean isTemplate(String tag) {
        int t = Integer.parseInt(tag);
        return (t >= 26 && t <= 51) || t == 62;
    }

    private void checkRequiredTags() {
        for (String tag : List.of("01", "52", "53", "58", "59", "60")) {
            if (value(tag).isEmpty()) {
                throw new QrisException(Reason.MISSING_TAG, "The QRIS payload has no tag " + tag + " ("
                        + tagName(tag) + ").");
            }
        }
        if (merchantAccounts().isEmpty()) {
            throw new QrisException(Reason.MISSING_TAG, "The QRIS payload has no merchant account (tags 26-51).");
        }
        String initiation = value("01").orElseThrow();
        if (!initiation.equals("11") && !initiation.equals("12")) {
            throw new QrisException(Reason.BAD_VALUE, "Tag 01 (point of initiation) is '" + initiation
                    + "'; it must be 11 (static) or 12 (dynamic).");
        }
        requireValue("52", "\\d{4}", "four digits (the merchant category code)");
        requireValue("53", "360", "360 (rupiah)");
        requireValue("58", "ID", "ID (Indonesia)");
        Optional<String> amount = value("54");
        if (amount.isPresent() && (amount.get().length() > 13 || !AMOUNT.matcher(amount.get()).matches())) {
            throw new QrisException(Reason.BAD_VALUE, "Tag 54 (amount) is '" + amount.get()
                    + "'; it must be up to 13 characters: digits with an optional decimal point.");
        }
    }

    private void requireValue(String tag, String regex, String what) {
        String v = value(tag).orElseThrow();
        if (!v.matches(regex)) {
            throw new QrisException(Reason.BAD_VALUE, "Tag " + tag + " (" + tagName(tag) + ") is '" + v
                    + "'; it must be " + what + ".");
        }
    }

    /** The payload as parsed (stripped of surrounding whitespace). */
    public String text() {
        return text;
    }

    /** The top-level fields in the order written; templates carry their inner fields. */
    public List<QrisField> fields() {
        return fields;
    }

    public Optional<QrisField> field(String tag) {
        return fields.stream().filter(f -> f.tag().equals(tag)).findFirst();
    }

    public Optional<String> value(String tag) {
        return field(tag).map(QrisField::value);
    }

    /** Tag 01 is 11: the sticker code, the payer types the amount. */
    public boolean isStatic() {
        return "11".equals(value("01").orElse(""));
    }

    /**
     * This payload, when it is static.
     *
     * @throws QrisException {@link Reason#NOT_STATIC} for a dynamic code (made for one payment)
     */
    public QrisPayload requireStatic() {
        if (!isStatic()) {
            throw new QrisException(Reason.NOT_STATIC, "This QRIS is dynamic (tag 01 = 12): it was made for one"
                    + " payment. Use the shop's static QRIS, the code on its sticker.");
        }
        return this;
    }

    /** Tag 59. */
    public String merchantName() {
        return value("59").orElseThrow();
    }

    /** Tag 60. */
    public String merchantCity() {
        return value("60").orElseThrow();
    }

    /** Tag 61, when present. */
    public Optional<String> postalCode() {
        return value("61");
    }

    /** Tag 52, the merchant category code. */
    public String merchantCategoryCode() {
        return value("52").orElseThrow();
    }

    /** The merchant account templates (tags 26-51) in the order written. */
    public List<QrisField> merchantAccounts() {
        return fields.stream().filter(f -> {
            int t = Integer.parseInt(f.tag());
            return t >= 26 && t <= 51;
        }).toList();
    }

    /** The national merchant id: tag 51, sub-tag 02 ({@code ID1020017611473}), when present. */
    public Optional<String> nmid() {
        return field("51").flatMap(f -> f.children().stream().filter(c -> c.tag().equals("02")).findFirst())
                .map(QrisField::value);
    }

    /** The last four characters of the NMID, which the clerk matches against the bank's notification. */
    public Optional<String> nmidLast4() {
        return nmid().map(n -> n.length() <= 4 ? n : n.substring(n.length() - 4));
    }

    /** Tag 54 as a number ({@code 10000}, {@code 789000.00}); absent on a static code without a preset amount. */
    public Optional<BigDecimal> amount() {
        return value("54").map(BigDecimal::new);
    }

    /** Tag 63 as written. */
    public String crc() {
        return value("63").orElseThrow();
    }

    /** What a top-level tag means, in English, for {@code loket qris --check}. */
    public static String tagName(String tag) {
        String known = TOP_NAMES.get(tag);
        if (known != null) {
            return known;
        }
        int t = Integer.parseInt(tag);
        if (t >= 2 && t <= 25) {
            return "Merchant account (card network)";
        }
        if (t >= 26 && t <= 45) {
            return "Merchant account (payment provider)";
        }
        if (t >= 46 && t <= 50) {
            return "Merchant account";
        }
        if (t >= 80) {
            return "Unreserved template";
        }
        return "Reserved";
    }

    /** What a tag inside template {@code parent} (26-51 or 62) means, in English. */
    public static String subTagName(String parent, String tag) {
        if (parent.equals("62")) {
            String known = ADDITIONAL_NAMES.get(tag);
            return known != null ? known : Integer.parseInt(tag) >= 50 ? "Payment system specific" : "Reserved";
        }
        return switch (tag) {
            case "00" -> "Globally unique id";
            case "01" -> "Merchant PAN";
            case "02" -> parent.equals("51") ? "NMID (national merchant id)" : "Merchant id";
            case "03" -> "Merchant criteria";
            default -> "Provider specific";
        };
    }

    private static int indexOf(List<QrisField> fields, String tag) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).tag().equals(tag)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrisPayload other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The payload text. */
    @Override
    public String toString() {
        return text;
    }
}
