package id.loket.qris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Crc16Test {

    @Test
    void theCheckValueOfCcittFalse() {
        assertThat(Crc16.of("123456789")).isEqualTo(0x29B1);
        assertThat(Crc16.hex("123456789")).isEqualTo("29B1");
    }

    @Test
    void nothingGivesTheInitialValue() {
        assertThat(Crc16.hex("")).isEqualTo("FFFF");
    }

    @Test
    void alwaysFourUpperCaseHexDigitsZeroPadded() {
        // The 5500 rupiah vector of the research notes: a CRC below 0x1000 that a 3-digit hex would spoil.
        String head = QrisSamples.WARUNG_10000.replace("5405100005802ID", "540455005802ID");
        head = head.substring(0, head.length() - 4);
        assertThat(Crc16.hex(head)).isEqualTo("0F22");
        // Below 0x100: found by search over short strings, so the two-digit padding is exercised too.
        String small = null;
        for (int i = 0; small == null; i++) {
            if (Crc16.of("x" + i) < 0x100) {
                small = "x" + i;
            }
        }
        assertThat(Crc16.hex(small)).hasSize(4).startsWith("00").matches("[0-9A-F]{4}");
    }

    @Test
    void refusesCharactersBeyondOneByte() {
        assertThatThrownBy(() -> Crc16.of("Rp\u20AC")).isInstanceOf(IllegalArgumentException.class);
    }
}
