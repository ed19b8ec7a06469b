package id.loket.qris;

import static id.loket.qris.QrisSamples.DANA_ACCOUNT;
import static id.loket.qris.QrisSamples.NATIONAL;
import static id.loket.qris.QrisSamples.staticPayload;
import static id.loket.qris.QrisSamples.tlv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.loket.qris.QrisException.Reason;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DynamicQrisTest {

    private static final QrisPayload WARUNG = QrisPayload.parse(QrisSamples.WARUNG_STATIC);

    @Test
    void tenThousandGivesTheResearchStringExactly() {
        QrisPayload code = DynamicQris.of(WARUNG, 10_000);

        assertThat(code.text()).isEqualTo(QrisSamples.WARUNG_10000);
        assertThat(code.crc()).isEqualTo("460E");
        assertThat(code.isStatic()).isFalse();
        assertThat(code.amount()).contains(new BigDecimal("10000"));
    }

    /** Research notes §3.3: the CRC of each amount, 5500 testing the zero padding. */
    @ParameterizedTest
    @CsvSource({"10000, 540510000, 460E", "25000, 540525000, 68D5", "1, 54011, 221A", "5500, 54045500, 0F22"})
    void theResearchVectors(long amount, String field54, String crc) {
        QrisPayload code = DynamicQris.of(WARUNG, amount);

        String expectedHead = QrisSamples.WARUNG_STATIC.replace("010211", "010212")
                .replace("5802ID", field54 + "5802ID");
        expectedHead = expectedHead.substring(0, expectedHead.length() - 4);
        assertThat(code.text()).isEqualTo(expectedHead + crc).startsWith("000201010212");
        assertThat(code.crc()).isEqualTo(crc);
    }

    @Test
    void theMerchantStaysTheSame() {
        QrisPayload code = DynamicQris.of(WARUNG, 152_500);

        assertThat(code.merchantName()).isEqualTo("Warung Sayur Bu Sugeng");
        assertThat(code.merchantCity()).isEqualTo("Kab. Demak");
        assertThat(code.nmidLast4()).contains("1473");
        assertThat(code.fields()).extracting(QrisField::tag)
                .containsExactly("00", "01", "26", "51", "52", "53", "54", "58", "59", "60", "61", "63");
    }

    @Test
    void theLargestAmountHasThirteenDigits() {
        QrisPayload code = DynamicQris.of(WARUNG, DynamicQris.MAX_AMOUNT);

        assertThat(code.value("54")).contains("9999999999999");
        assertThat(QrisPayload.parse(code.text())).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -10_000, 10_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE})
    void anAmountOutsideOneToThirteenDigitsIsRefused(long amount) {
        QrisException e = catchThrowableOfType(QrisException.class, () -> DynamicQris.of(WARUNG, amount));

        assertThat(e.reason()).isEqualTo(Reason.BAD_AMOUNT);
    }

    /** Decision: a dynamic code was made for one payment (a provider's reference in 62); it is not re-amounted. */
    @ParameterizedTest
    @ValueSource(strings = {QrisSamples.MIDTRANS_POS, QrisSamples.MIDTRANS_CHARGE, QrisSamples.XENDIT,
        QrisSamples.WARUNG_10000})
    void aDynamicCodeIsNotMadeDynamicAgain(String dynamic) {
        QrisException e = catchThrowableOfType(QrisException.class,
                () -> DynamicQris.of(QrisPayload.parse(dynamic), 5_000));

        assertThat(e.reason()).isEqualTo(Reason.NOT_STATIC);
    }

    @Test
    void aPresetAmountOnAStaticCodeIsReplaced() {
        QrisPayload preset = QrisPayload.parse(staticPayload(tlv("01", "11"), DANA_ACCOUNT, NATIONAL,
                tlv("52", "5812"), tlv("53", "360"), tlv("54", "5000"), tlv("58", "ID"), tlv("59", "Toko Sari"),
                tlv("60", "Semarang")));

        QrisPayload code = DynamicQris.of(preset, 12_345);

        assertThat(code.amount()).contains(new BigDecimal("12345"));
        assertThat(code.text()).doesNotContain("54045000").containsOnlyOnce("540512345");
    }

    @Test
    void tipAndFeeFieldsAreDropped() {
        QrisPayload tipping = QrisPayload.parse(staticPayload(tlv("01", "11"), DANA_ACCOUNT, tlv("52", "5812"),
                tlv("53", "360"), tlv("55", "02"), tlv("56", "1000"), tlv("58", "ID"), tlv("59", "Toko Sari"),
                tlv("60", "Semarang")));

        QrisPayload code = DynamicQris.of(tipping, 20_000);

        assertThat(code.field("55")).isEmpty();
        assertThat(code.field("56")).isEmpty();
        assertThat(code.fields()).extracting(QrisField::tag)
                .containsExactly("00", "01", "26", "52", "53", "54", "58", "59", "60", "63");
    }

    @Test
    void theAmountGoesJustBeforeTheCountryWhereverItIs() {
        // Xendit-like order: the country before the currency, the currency after the additional data.
        QrisPayload shuffled = QrisPayload.parse(staticPayload(tlv("01", "11"), DANA_ACCOUNT, tlv("52", "5812"),
                tlv("58", "ID"), tlv("59", "Toko Sari"), tlv("60", "Semarang"), tlv("62", tlv("07", "K01")),
                tlv("53", "360")));

        QrisPayload code = DynamicQris.of(shuffled, 7_500);

        assertThat(code.fields()).extracting(QrisField::tag)
                .containsExactly("00", "01", "26", "52", "54", "58", "59", "60", "62", "53", "63");
        assertThat(code.field("62").orElseThrow().children().get(0).value()).isEqualTo("K01");
    }

    @Test
    void thePointOfInitiationNeedNotComeSecond() {
        QrisPayload late = QrisPayload.parse(staticPayload(DANA_ACCOUNT, tlv("52", "5812"), tlv("53", "360"),
                tlv("01", "11"), tlv("58", "ID"), tlv("59", "Toko Sari"), tlv("60", "Semarang")));

        QrisPayload code = DynamicQris.of(late, 1_000);

        assertThat(code.value("01")).contains("12");
        assertThat(code.text()).startsWith("000201" + DANA_ACCOUNT);
    }

    /**
     * The string method (replace {@code 010211}, split at {@code 5802ID}) breaks when those occur inside another
     * field; the TLV method does not.
     */
    @Test
    void markerTextInsideOtherFieldsIsLeftAlone() {
        String account = tlv("26", tlv("00", "ID.DANA.WWW") + tlv("01", "5802ID0102110000")
                + tlv("02", "010211") + tlv("03", "UMI"));
        QrisPayload tricky = QrisPayload.parse(staticPayload(tlv("01", "11"), account, NATIONAL, tlv("52", "5812"),
                tlv("53", "360"), tlv("58", "ID"), tlv("59", "Toko 010211 5802ID"), tlv("60", "Kudus"),
                tlv("62", tlv("07", "5802ID"))));

        QrisPayload code = DynamicQris.of(tricky, 10_000);

        assertThat(code.merchantName()).isEqualTo("Toko 010211 5802ID");
        assertThat(code.field("26")).isEqualTo(tricky.field("26"));
        assertThat(code.field("62")).isEqualTo(tricky.field("62"));
        assertThat(code.fields()).extracting(QrisField::tag)
                .containsExactly("00", "01", "26", "51", "52", "53", "54", "58", "59", "60", "62", "63");
        // What the string method would have made: every "010211" replaced, the amount at the first "5802ID".
        String body = tricky.text().substring(0, tricky.text().length() - 4).replace("010211", "010212");
        int at = body.indexOf("5802ID");
        String naiveHead = body.substring(0, at) + "540510000" + body.substring(at);
        String naive = naiveHead + Crc16.hex(naiveHead);
        assertThat(code.text()).isNotEqualTo(naive);
        assertThat(catchThrowableOfType(QrisException.class, () -> QrisPayload.parse(naive))).isNotNull();
    }

    @Test
    void aStaticCodeWithALowerCaseCrcGivesAnUpperCaseOne() {
        QrisPayload lower = QrisPayload.parse(QrisSamples.WARUNG_STATIC.replace("630458C7", "630458c7"));

        assertThat(DynamicQris.of(lower, 10_000).text()).isEqualTo(QrisSamples.WARUNG_10000);
    }

    @Test
    void anAmountThatMakesThePayloadTooLongIsRefused() {
        StringBuilder filler = new StringBuilder();
        String base = staticPayload(tlv("01", "11"), DANA_ACCOUNT, tlv("52", "5812"), tlv("53", "360"),
                tlv("58", "ID"), tlv("59", "T"), tlv("60", "K"));
        int room = QrisPayload.MAX_LENGTH - base.length();
        int tag = 80;
        while (room > 107) {
            filler.append(tlv(Integer.toString(tag++), "y".repeat(99)));
            room -= 103;
        }
        if (room > 103) {
            filler.append(tlv(Integer.toString(tag++), "y".repeat(50)));
            room -= 54;
        }
        filler.append(tlv(Integer.toString(tag), "y".repeat(room - 4)));
        QrisPayload full = QrisPayload.parse(staticPayload(tlv("01", "11"), DANA_ACCOUNT, tlv("52", "5812"),
                tlv("53", "360"), tlv("58", "ID"), tlv("59", "T"), tlv("60", "K"), filler.toString()));
        assertThat(full.text()).hasSize(QrisPayload.MAX_LENGTH);

        QrisException e = catchThrowableOfType(QrisException.class, () -> DynamicQris.of(full, 1));

        assertThat(e.reason()).isEqualTo(Reason.TOO_LONG);
    }
}
