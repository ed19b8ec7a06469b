package id.loket.qris;

import static id.loket.qris.QrisSamples.DANA_ACCOUNT;
import static id.loket.qris.QrisSamples.NATIONAL;
import static id.loket.qris.QrisSamples.staticPayload;
import static id.loket.qris.QrisSamples.tlv;
import static id.loket.qris.QrisSamples.withCrc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import id.loket.qris.QrisException.Reason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrisPayloadTest {

    private static final String COMMON = tlv("52", "5812") + tlv("53", "360") + tlv("58", "ID")
            + tlv("59", "Toko Sari") + tlv("60", "Semarang");

    private static QrisException refusal(String payload) {
        QrisException e = catchThrowableOfType(QrisException.class, () -> QrisPayload.parse(payload));
        assertThat(e).as("refused: %s", payload).isNotNull();
        assertThat(e.getMessage()).isNotBlank();
        return e;
    }

    @Test
    void theResearchSampleIsAValidStaticCode() {
        QrisPayload code = QrisPayload.parse(QrisSamples.WARUNG_STATIC);

        assertThat(code.isStatic()).isTrue();
        assertThat(code.merchantName()).isEqualTo("Warung Sayur Bu Sugeng");
        assertThat(code.merchantCity()).isEqualTo("Kab. Demak");
        assertThat(code.postalCode()).contains("59567");
        assertThat(code.merchantCategoryCode()).isEqualTo("5812");
        assertThat(code.nmid()).contains("ID1020017611473");
        assertThat(code.nmidLast4()).contains("1473");
        assertThat(code.amount()).isEmpty();
        assertThat(code.crc()).isEqualTo("58C7");
        assertThat(code.fields()).extracting(QrisField::tag)
                .containsExactly("00", "01", "26", "51", "52", "53", "58", "59", "60", "61", "63");
        assertThat(code.field("26").orElseThrow().children()).extracting(QrisField::tag, QrisField::value)
                .containsExactly(tuple("00", "ID.DANA.WWW"),
                        tuple("01", "936009153022591481"),
                        tuple("02", "022591481"),
                        tuple("03", "UMI"));
        assertThat(code.merchantAccounts()).extracting(QrisField::tag).containsExactly("26", "51");
        assertThat(code.text()).isEqualTo(QrisSamples.WARUNG_STATIC);
        assertThat(code.requireStatic()).isSameAs(code);
    }

    @Test
    void theMidtransPosDocStringVerifies() {
        QrisPayload code = QrisPayload.parse(QrisSamples.MIDTRANS_POS);

        assertThat(code.crc()).isEqualTo("A623");
        assertThat(code.isStatic()).isFalse();
        assertThat(code.amount()).contains(new BigDecimal("789000.00"));
        assertThat(code.merchantName()).isEqualTo("Test");
        assertThat(code.merchantCity()).isEqualTo("BANDUNG");
        assertThat(code.nmid()).contains("AID060733612866");
        assertThat(code.field("62").orElseThrow().children()).extracting(QrisField::tag).containsExactly("50", "07");
        // Midtrans writes the amount after the postal code: the order of tags is free.
        assertThat(code.fields()).extracting(QrisField::tag).containsSubsequence("61", "54", "62", "63");
    }

    @Test
    void theMidtransChargeDocStringVerifies() {
        QrisPayload code = QrisPayload.parse(QrisSamples.MIDTRANS_CHARGE);

        assertThat(code.crc()).isEqualTo("C385");
        assertThat(code.merchantName()).isEqualTo("PAPI LIVE2");
        assertThat(code.merchantCity()).isEqualTo("KUKAR");
        assertThat(code.amount()).contains(new BigDecimal("100000.00"));
        assertThat(code.nmidLast4()).contains("5229");
    }

    @Test
    void theXenditSampleVerifiesWithCurrencyAndAmountAfterTheAdditionalData() {
        QrisPayload code = QrisPayload.parse(QrisSamples.XENDIT);

        assertThat(code.crc()).isEqualTo("7668");
        assertThat(code.merchantName()).isEqualTo("Placeholder merchant");
        assertThat(code.amount()).contains(new BigDecimal("4000"));
        assertThat(code.nmid()).contains("000000000000000");
        assertThat(code.field("51").orElseThrow().children().get(0).value()).isEqualTo("ID.OR.GPNQR.WWW");
        assertThat(code.fields()).extracting(QrisField::tag).endsWith("62", "53", "54", "63");
    }

    @Test
    void tagsMayComeInAnyOrder() {
        String shuffled = staticPayload(tlv("60", "Semarang"), tlv("58", "ID"), tlv("01", "11"), tlv("59", "Toko Sari"),
                NATIONAL, tlv("53", "360"), tlv("52", "5812"), DANA_ACCOUNT);

        QrisPayload code = QrisPayload.parse(shuffled);

        assertThat(code.merchantName()).isEqualTo("Toko Sari");
        assertThat(code.merchantCity()).isEqualTo("Semarang");
        assertThat(code.isStatic()).isTrue();
        assertThat(code.nmidLast4()).contains("1473");
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        assertThat(QrisPayload.parse("  " + QrisSamples.WARUNG_STATIC + "\r\n").text())
                .isEqualTo(QrisSamples.WARUNG_STATIC);
    }

    /** Decision: a lower-case CRC that is right is the same checksum; Loket writes its own codes in upper case. */
    @Test
    void aLowerCaseCrcThatIsRightIsAccepted() {
        String lower = QrisSamples.MIDTRANS_POS.replace("6304A623", "6304a623");

        assertThat(QrisPayload.parse(lower).crc()).isEqualTo("a623");
    }

    @Test
    void aMerchantAccountOtherThan51IsEnough() {
        QrisPayload code = QrisPayload.parse(staticPayload(tlv("01", "11"), DANA_ACCOUNT, COMMON));

        assertThat(code.nmid()).isEmpty();
        assertThat(code.nmidLast4()).isEmpty();
    }

    @Test
    void aNationalAccountAloneIsEnough() {
        assertThat(QrisPayload.parse(staticPayload(tlv("01", "11"), NATIONAL, COMMON)).nmid()).isPresent();
    }

    @Test
    void aChangedCharacterIsABadCrc() {
        String altered = QrisSamples.WARUNG_STATIC.replace("Bu Sugeng", "Bu Sugenk");

        QrisException e = refusal(altered);

        assertThat(e.reason()).isEqualTo(Reason.BAD_CRC);
        assertThat(e.getMessage()).contains("58C7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"58C8", "58CG", "0000"})
    void aWrongOrNonHexCrcIsRefused(String crc) {
        assertThat(refusal(QrisSamples.WARUNG_STATIC.replace("630458C7", "6304" + crc)).reason())
                .isEqualTo(Reason.BAD_CRC);
    }

    @Test
    void aCrcOfAnotherLengthIsRefused() {
        String body = QrisSamples.WARUNG_STATIC.substring(0, QrisSamples.WARUNG_STATIC.length() - 8);
        String head = body + "6303";
        assertThat(refusal(head + Crc16.hex(head).substring(1)).reason()).isEqualTo(Reason.BAD_CRC);
    }

    @Test
    void noCrcIsAMissingTag() {
        String body = QrisSamples.WARUNG_STATIC.substring(0, QrisSamples.WARUNG_STATIC.length() - 8);

        QrisException e = refusal(body);

        assertThat(e.reason()).isEqualTo(Reason.MISSING_TAG);
        assertThat(e.getMessage()).contains("63");
    }

    @Test
    void aFieldAfterTheCrcIsRefused() {
        assertThat(refusal(QrisSamples.WARUNG_STATIC + tlv("64", "x")).reason()).isEqualTo(Reason.CRC_NOT_LAST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "52", "53", "58", "59", "60"})
    void eachRequiredTagMustBePresent(String missing) {
        StringBuilder body = new StringBuilder();
        for (String[] f : new String[][] {{"01", "11"}, {"52", "5812"}, {"53", "360"}, {"58", "ID"},
            {"59", "Toko Sari"}, {"60", "Semarang"}}) {
            if (!f[0].equals(missing)) {
                body.append(tlv(f[0], f[1]));
            }
        }
        QrisException e = refusal(staticPayload(DANA_ACCOUNT, body.toString()));

        assertThat(e.reason()).isEqualTo(Reason.MISSING_TAG);
        assertThat(e.getMessage()).contains("tag " + missing);
    }

    @Test
    void aMerchantAccountMustBePresent() {
        QrisException e = refusal(staticPayload(tlv("01", "11"), COMMON));

        assertThat(e.reason()).isEqualTo(Reason.MISSING_TAG);
        assertThat(e.getMessage()).contains("26-51");
    }

    @Test
    void withoutTheFormatIndicatorItIsNotQris() {
        assertThat(refusal(withCrc(tlv("00", "02") + tlv("01", "11") + DANA_ACCOUNT + COMMON)).reason())
                .isEqualTo(Reason.BAD_FORMAT_INDICATOR);
        assertThat(refusal(QrisSamples.WARUNG_STATIC.substring(6)).reason()).isEqualTo(Reason.BAD_FORMAT_INDICATOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "https://example.com/pay?amount=10000", "{\"qr_string\":\"000201\"}"})
    void junkIsNotQris(String junk) {
        assertThat(refusal(junk).reason()).isEqualTo(Reason.BAD_FORMAT_INDICATOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void nothingIsEmpty(String nothing) {
        assertThat(refusal(nothing).reason()).isEqualTo(Reason.EMPTY);
        assertThat(catchThrowableOfType(QrisException.class, () -> QrisPayload.parse(null)).reason())
                .isEqualTo(Reason.EMPTY);
    }

    @Test
    void aLengthRunningPastTheEndIsABadLength() {
        assertThat(refusal(QrisSamples.WARUNG_STATIC.replace("5922Warung", "5999Warung")).reason())
                .isEqualTo(Reason.BAD_LENGTH);
    }

    @Test
    void aWrongLengthShiftsTheFieldsAfterIt() {
        // The merchant name says 30 characters where 22 are written: the next "tag" is "De" of "Demak".
        assertThat(refusal(QrisSamples.WARUNG_STATIC.replace("5922Warung", "5930Warung")).reason())
                .isEqualTo(Reason.BAD_TAG);
    }

    @Test
    void aNonNumericLengthIsABadLength() {
        QrisException e = refusal(QrisSamples.WARUNG_STATIC.replace("5922Warung", "59X2Warung"));

        assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
        assertThat(e.getMessage()).contains("X2");
    }

    @Test
    void aZeroLengthIsABadLength() {
        assertThat(refusal(staticPayload(tlv("01", "11"), DANA_ACCOUNT, COMMON, "6100")).reason())
                .isEqualTo(Reason.BAD_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 20, 100, 150, 190, 196, 198})
    void aTruncatedPayloadIsRefused(int keep) {
        QrisException e = refusal(QrisSamples.WARUNG_STATIC.substring(0, keep));

        assertThat(e.reason()).isIn(Reason.BAD_LENGTH, Reason.MISSING_TAG, Reason.BAD_TAG);
    }

    @Test
    void aTagThatIsNotTwoDigitsIsRefused() {
        assertThat(refusal(withCrc(tlv("00", "01") + tlv("01", "11") + "AB02xx" + DANA_ACCOUNT + COMMON)).reason())
                .isEqualTo(Reason.BAD_TAG);
    }

    @Test
    void aTagTwiceIsRefused() {
        QrisException e = refusal(staticPayload(tlv("01", "11"), DANA_ACCOUNT, COMMON, tlv("59", "Toko Lain")));

        assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_TAG);
        assertThat(e.getMessage()).contains("59");
    }

    @Test
    void aPayloadLongerThan512IsTooLong() {
        String longName = "x".repeat(99);
        String payload = staticPayload(tlv("01", "11"), DANA_ACCOUNT, COMMON, tlv("64", longName),
                tlv("80", longName), tlv("81", longName), tlv("82", longName), tlv("83", longName));

        assertThat(payload.length()).isGreaterThan(QrisPayload.MAX_LENGTH);
        assertThat(refusal(payload).reason()).isEqualTo(Reason.TOO_LONG);
    }

    @Test
    void aPayloadOf512IsAccepted() {
        String base = staticPayload(tlv("01", "11"), DANA_ACCOUNT, COMMON);
        int room = QrisPayload.MAX_LENGTH - base.length();
        StringBuilder extra = new StringBuilder();
        int tag = 80;
        while (room > 107) {
            extra.append(tlv(Integer.toString(tag++), "y".repeat(99)));
            room -= 103;
        }
        if (room > 103) {
            extra.append(tlv(Integer.toString(tag++), "y".repeat(50)));
            room -= 54;
        }
        extra.append(tlv(Integer.toString(tag), "y".repeat(room - 4)));
        String payload = staticPayload(tlv("01", "11"), DANA_ACCOUNT, COMMON, extra.toString());

        assertThat(payload).hasSize(QrisPayload.MAX_LENGTH);
        assertThat(QrisPayload.parse(payload).text()).isEqualTo(payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Toko\tSari", "Toko Sar\u00ED", "Toko\u00A0Sari", "Toko\u007FSari"})
    void onlyPrintableAscii(String name) {
        String payload = QrisSamples.tlv("00", "01") + tlv("01", "11") + DANA_ACCOUNT + tlv("52", "5812")
                + tlv("53", "360") + tlv("58", "ID") + tlv("59", name) + tlv("60", "Semarang") + "6304FFFF";

        assertThat(refusal(payload).reason()).isEqualTo(Reason.NOT_PRINTABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"13", "1", "21"})
    void thePointOfInitiationIs11Or12(String value) {
        assertThat(refusal(staticPayload(tlv("01", value), DANA_ACCOUNT, COMMON)).reason())
                .isEqualTo(Reason.BAD_VALUE);
    }

    @Test
    void theCurrencyIsRupiahAndTheCountryIndonesia() {
        String usd = staticPayload(tlv("01", "11"), DANA_ACCOUNT, COMMON.replace(tlv("53", "360"), tlv("53", "840")));
        String sg = staticPayload(tlv("01", "11"), DANA_ACCOUNT, COMMON.replace(tlv("58", "ID"), tlv("58", "SG")));

        assertThat(refusal(usd).reason()).isEqualTo(Reason.BAD_VALUE);
        assertThat(refusal(sg).reason()).isEqualTo(Reason.BAD_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.000", "1,000", "-5", "12345678901234", "1.234", "abc"})
    void aMalformedAmountIsRefused(String amount) {
        assertThat(refusal(staticPayload(tlv("01", "12"), DANA_ACCOUNT, COMMON, tlv("54", amount))).reason())
                .isEqualTo(Reason.BAD_VALUE);
    }

    @Test
    void aTemplateWhoseInsideDoesNotParseIsRefused() {
        String broken = tlv("26", "0011ID.DANA.WWW01XX");

        QrisException e = refusal(staticPayload(tlv("01", "11"), broken, NATIONAL, COMMON));

        assertThat(e.reason()).isEqualTo(Reason.BAD_TEMPLATE);
        assertThat(e.getMessage()).contains("26");
    }

    @Test
    void aDynamicCodeIsNotStatic() {
        QrisException e = catchThrowableOfType(QrisException.class,
                () -> QrisPayload.parse(QrisSamples.XENDIT).requireStatic());

        assertThat(e.reason()).isEqualTo(Reason.NOT_STATIC);
    }

    @Test
    void fieldsAreWrittenBackAsRead() {
        QrisPayload code = QrisPayload.parse(QrisSamples.MIDTRANS_CHARGE);
        StringBuilder again = new StringBuilder();
        code.fields().forEach(f -> again.append(f.encoded()));

        assertThat(again.toString()).isEqualTo(QrisSamples.MIDTRANS_CHARGE);
        assertThat(code).isEqualTo(QrisPayload.parse(QrisSamples.MIDTRANS_CHARGE))
                .hasSameHashCodeAs(QrisPayload.parse(QrisSamples.MIDTRANS_CHARGE));
        assertThat(code.toString()).isEqualTo(QrisSamples.MIDTRANS_CHARGE);
    }

    @Test
    void tagsHaveNamesForTheCheck() {
        assertThat(QrisPayload.tagName("59")).isEqualTo("Merchant name");
        assertThat(QrisPayload.tagName("26")).contains("Merchant account");
        assertThat(QrisPayload.subTagName("51", "02")).contains("NMID");
        assertThat(QrisPayload.subTagName("62", "07")).isEqualTo("Terminal label");
        assertThat(QrisPayload.tagName("99")).isEqualTo("Unreserved template");
    }
}
