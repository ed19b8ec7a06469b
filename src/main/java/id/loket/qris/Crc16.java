package id.loket.qris;

import java.util.Locale;

/**
 * CRC-16/CCITT-FALSE, the checksum of an EMVCo merchant-presented QR code (tag 63): polynomial 0x1021, initial value
 * 0xFFFF, no reflection, no final XOR. The check value of {@code "123456789"} is {@code 29B1}. QRIS payloads are
 * printable ASCII, so each character is one byte.
 */
public final class Crc16 {

    private Crc16() {}

    /**
     * The checksum of {@code text}'s characters taken as bytes (ASCII).
     *
     * @throws IllegalArgumentException for a character above 0xFF, which an EMV payload never holds
     */
    public static int of(CharSequence text) {
        int crc = 0xFFFF;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("Not a single-byte character at position " + i);
            }
            crc ^= c << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }

    /** The checksum as tag 63 carries it: always four upper-case hex digits, zero-padded ({@code 0F22}). */
    public static String hex(CharSequence text) {
        return String.format(Locale.ROOT, "%04X", of(text));
    }
}
