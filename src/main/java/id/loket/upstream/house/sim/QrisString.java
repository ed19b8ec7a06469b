package id.loket.upstream.house.sim;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A dynamic QRIS payload in the EMVCo merchant-presented layout (tag, two-digit length, value), ending in the
 * CRC-16/CCITT-FALSE of everything before it. Real enough that any QR library renders it and a QRIS-aware reader
 * parses amount and merchant; it names no real acquirer, so no real app can pay it.
 */
final class QrisString {

    private QrisString() {}

    static String build(String merchant, long amount, String chargeId) {
        String name = ascii(merchant, 25);
        StringBuilder qr = new StringBuilder()
                .append(tag("00", "01"))                       // payload format indicator
                .append(tag("01", "12"))                       // dynamic: one amount, one use
                .append(tag("26", tag("00", "ID.LOKET.SANDBOX") + tag("01", "936000000000000001")
                        + tag("02", ascii(merchant, 15)) + tag("03", "UMI")))
                .append(tag("51", tag("00", "ID.CO.QRIS.WWW") + tag("02", "ID1020000000001") + tag("03", "UMI")))
                .append(tag("52", "4900"))                     // MCC: utilities
                .append(tag("53", "360"))                      // IDR
                .append(tag("54", Long.toString(amount)))
                .append(tag("58", "ID"))
                .append(tag("59", name))
                .append(tag("60", "JAKARTA"))
                .append(tag("61", "10110"))
                .append(tag("62", tag("05", ascii(chargeId, 25))))
                .append("6304");
        return qr.append(crc16(qr.toString())).toString();
    }

    /** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as EMVCo tag 63 requires; four uppercase hex digits. */
    static String crc16(String data) {
        int crc = 0xFFFF;
        for (byte b : data.getBytes(StandardCharsets.US_ASCII)) {
            crc ^= (b & 0xff) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return String.format(Locale.ROOT, "%04X", crc);
    }

    private static String tag(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("EMVCo tag " + id + " is too long: " + value.length());
        }
        return id + String.format(Locale.ROOT, "%02d", value.length()) + value;
    }

    /** EMVCo text fields are printable ASCII of limited length. */
    private static String ascii(String text, int max) {
        String cleaned = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 ._-]", "");
        if (cleaned.isEmpty()) {
            cleaned = "LOKET";
        }
        return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
    }
}
