package id.loket.report;

import java.util.Objects;

/**
 * One line of a receipt as the templates lay it out: a {@link Kind} that picks the band, and a label and a value
 * (either may be empty: a centred line has only a value, a rule has neither).
 */
public record ReceiptLine(Kind kind, String label, String value) {

    /** How a line is laid out; each kind is one detail band of the receipt templates. */
    public enum Kind {
        /** The shop's name: centred, bold, larger. */
        TITLE,
        /** Centred text: the shop's address, the receipt's heading, the closing words. */
        CENTER,
        /** Something the customer must not miss, centred and bold: CETAK ULANG, SANDBOX, a provisional slip. */
        NOTICE,
        /** {@code LABEL : value}, the value left-aligned and wrapped when long. */
        FIELD,
        /** {@code LABEL : Rp 1.234}, the amount right-aligned so amounts line up. */
        AMOUNT,
        /** Like {@link #AMOUNT} but bold: what the customer pays. */
        TOTAL,
        /** The prepaid electricity token: its label small, the digits large and bold, centred. */
        TOKEN,
        /** A dashed rule between blocks. */
        SEPARATOR
    }

    public ReceiptLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }

    static ReceiptLine field(String label, String value) {
        return new ReceiptLine(Kind.FIELD, label, value);
    }

    static ReceiptLine centered(String text) {
        return new ReceiptLine(Kind.CENTER, "", text);
    }

    static ReceiptLine notice(String text) {
        return new ReceiptLine(Kind.NOTICE, "", text);
    }

    static ReceiptLine separator() {
        return new ReceiptLine(Kind.SEPARATOR, "", "");
    }
}
