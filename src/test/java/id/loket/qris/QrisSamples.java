package id.loket.qris;

import java.util.Locale;

/** Payloads from the research notes (§3.3) and the providers' documentation, and a builder for made-up ones. */
final class QrisSamples {

    private QrisSamples() {}

    /** The static sample in the comment of verssache/qris-dinamis qris.php [S41]; its CRC 58C7 verifies. */
    static final String WARUNG_STATIC = "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI"
            + "51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng"
            + "6010Kab. Demak610559567630458C7";

    /** {@link #WARUNG_STATIC} for 10000 rupiah (research notes §3.3). */
    static final String WARUNG_10000 = "00020101021226570011ID.DANA.WWW011893600915302259148102090225914810303UMI"
            + "51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605405100005802ID5922Warung Sayur Bu Sugeng"
            + "6010Kab. Demak6105595676304460E";

    /** Midtrans docs, GoPay QRIS POS integration [S4]: dynamic, tag 54 after 61, amount 789000.00. */
    static final String MIDTRANS_POS = "00020101021226620014COM.GO-JEK.WWW011993600914349052630340210G490526303"
            + "0303UKE51440014ID.CO.QRIS.WWW0215AID0607336128660303UKE5204341453033605802ID5904Test6007BANDUNG"
            + "6105402845409789000.0062475036c032f87c-f773-4619-aefa-675e1f06f9210703A016304A623";

    /** Midtrans docs, charge transactions reference [S9]: dynamic, amount 100000.00. */
    static final String MIDTRANS_CHARGE = "00020101021226620014COM.GO-JEK.WWW011993600914337918182570210G379181825"
            + "0303UKE51440014ID.CO.QRIS.WWW0215AID7720513752290303UKE5204359353033605802ID5910PAPI LIVE2"
            + "6005KUKAR6105755535409100000.0062475036b1855b6c-70ab-4449-9778-61b8ffe43fd20703A016304C385";

    /** Xendit's QR code sample (xendit-python README) [S33b]: dynamic, 53 and 54 after 62, old GPNQR GUID. */
    static final String XENDIT = "00020101021226660014ID.LINKAJA.WWW011893600911002411480002152004230411480010303UME"
            + "51450015ID.OR.GPNQR.WWW02150000000000000000303UME520454995802ID5920Placeholder merchant6007Jakarta"
            + "610612345662380115wLoc6DRGwAOgSkZ0715wLoc6DRGwAOgSkZ53033605404400063047668";

    /** One TLV field: tag, two-digit length, value. */
    static String tlv(String tag, String value) {
        return tag + String.format(Locale.ROOT, "%02d", value.length()) + value;
    }

    /** {@code body} (every field but the CRC) with {@code 6304} and its correct CRC appended. */
    static String withCrc(String body) {
        String head = body + "6304";
        return head + Crc16.hex(head);
    }

    /** A valid static payload: the given fields between the format indicator and the CRC. */
    static String staticPayload(String... fields) {
        return withCrc(tlv("00", "01") + String.join("", fields));
    }

    static final String DANA_ACCOUNT = tlv("26", tlv("00", "ID.DANA.WWW") + tlv("01", "936009153022591481")
            + tlv("02", "022591481") + tlv("03", "UMI"));
    static final String NATIONAL = tlv("51", tlv("00", "ID.CO.QRIS.WWW") + tlv("02", "ID1020017611473")
            + tlv("03", "UMI"));
}
