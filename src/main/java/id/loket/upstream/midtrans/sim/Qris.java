package id.loket.upstream.midtrans.sim;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A dynamic QRIS payload in EMVCo MPM TLV form (research §3.1): format indicator, point of initiation 12 (dynamic),
 * a GoPay merchant account (tag 26), the national QRIS block (51), MCC, IDR, the amount as Midtrans writes it
 * ({@code "150000.00"}), country, name, city, postal code, additional data (tag 62: sub-tag 50 the transaction id,
 * 07 the terminal label {@code A01}, as in Midtrans' sample) and the CRC (tag 63): CRC-16/CCITT-FALSE over the whole
 * payload including {@code "6304"}, four upper-case hex digits.
 */
public final class Qris {

    private Qris() {
    }

    public static String dynamicPayload(String merchantId, String transactionId, long amount) {
        String payload = tlv("00", "01") + tlv("01", "12")
                + tlv("26", tlv("00", "COM.GO-JEK.WWW") + tlv("01", "936009140000000001") + tlv("02", merchantId)
                        + tlv("03", "UMI"))
                + tlv("51", tlv("00", "ID.CO.QRIS.WWW") + tlv("02", "ID1020000000001") + tlv("03", "UMI"))
                + tlv("52", "5812") + tlv("53", "360") + tlv("58", "ID") + tlv("59", "LOKET SIMULATOR")
                + tlv("60", "JAKARTA") + tlv("61", "10110") + tlv("54", amount + ".00")
                + tlv("62", tlv("50", transactionId) + tlv("07", "A01"))
                + "6304";
        return payload + crc16(payload);
    }

    /** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, xorout 0) as 4 upper-case hex digits. */
    public static String crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return String.format(Locale.ROOT, "%04X", crc);
    }

    private static String tlv(String tag, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("A QRIS field holds at most 99 characters: " + tag);
        }
        return tag + String.format(Locale.ROOT, "%02d", value.length()) + value;
    }
}
