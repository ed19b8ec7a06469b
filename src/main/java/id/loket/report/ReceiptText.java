package id.loket.report;

import id.loket.core.ReceiptData;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A receipt as a WhatsApp message: the same lines as the printed slip ({@link ReceiptLines}, so a receipt says the
 * same thing on paper and on the phone: shop, bill, amounts, the PLN token, SANDBOX/TESTING), as plain text without
 * column padding (a phone's font is not monospaced). WhatsApp's {@code *bold*} marks the shop's name, the notices
 * (SANDBOX, CETAK ULANG, a provisional slip), the total and the token.
 */
public final class ReceiptText {

    /** A rule between blocks; dashes, because WhatsApp reads {@code ~} and {@code _} as formatting. */
    static final String RULE = "-".repeat(24);

    /** Characters WhatsApp reads as formatting marks around a word. */
    private static final Pattern MARKS = Pattern.compile("[*_~`]");

    private ReceiptText() {}

    /** The message text, lines separated by {@code \n}, no trailing line break. */
    public static String of(ReceiptData receipt) {
        List<ReceiptLine> lines = ReceiptLines.of(receipt);
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (ReceiptLine line : lines) {
            String rendered = render(line);
            if (rendered.isEmpty() || (rendered.equals(RULE) && (RULE.equals(previous) || previous == null))) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(rendered);
            previous = rendered;
        }
        return text.toString();
    }

    private static String render(ReceiptLine line) {
        return switch (line.kind()) {
            case TITLE, NOTICE -> bold(line.value());
            case CENTER -> line.value().strip();
            case FIELD, AMOUNT -> line.label() + ": " + line.value().strip();
            case TOTAL -> bold(line.label() + ": " + line.value().strip());
            case TOKEN -> line.label() + ": " + bold(line.value());
            case SEPARATOR -> RULE;
        };
    }

    /**
     * {@code *text*}; marks inside are dropped, since WhatsApp has no escape and a stray one would end the bold early
     * (shop names and notices never need them).
     */
    private static String bold(String value) {
        String v = MARKS.matcher(value.strip()).replaceAll("");
        return v.isEmpty() ? "" : "*" + v + "*";
    }
}
