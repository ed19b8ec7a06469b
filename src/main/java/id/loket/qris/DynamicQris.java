package id.loket.qris;

import id.loket.qris.QrisException.Reason;
import java.util.List;
import java.util.Set;

/**
 * Makes the shop's static QRIS (its sticker) dynamic for one amount, so the payer's app shows the amount instead of
 * asking for it. The TLV method of the open-source converters (research notes §3.2): parse the fields; drop the amount
 * (54), the tip or fee indicators (55, 56, 57) and the CRC (63); set the point of initiation (01) to 12; put the
 * amount (54) just before the country (58); write every field again with its length; append {@code 6304} and the
 * CRC-16 of all that.
 *
 * <p>The tip and fee fields go because the counter asks for an exact amount: a tip prompt would let the payer pay
 * something else. Tag 62 is kept as it is, so the result carries no reference of its own: the shop's bank sends Loket
 * no payment result, and the clerk confirms the payment on the bank's app (NMID last 4 and the amount).
 *
 * <p>Only a static code is accepted. A dynamic code was made by a provider for one payment (Midtrans and Xendit put
 * their order's reference in tag 62); giving it another amount would make a code for a payment nobody created.
 */
public final class DynamicQris {

    /** The largest amount: tag 54 holds at most 13 characters. */
    public static final long MAX_AMOUNT = 9_999_999_999_999L;

    private static final Set<String> DROPPED = Set.of("54", "55", "56", "57", "63");

    private DynamicQris() {}

    /**
     * The dynamic payload for {@code amountRupiah} (written as a whole number, {@code 10000}), parsed back and
     * validated.
     *
     * @throws QrisException {@link Reason#BAD_AMOUNT} outside 1 .. {@link #MAX_AMOUNT}; {@link Reason#NOT_STATIC}
     *     for a dynamic code; {@link Reason#TOO_LONG} when the amount makes the payload longer than
     *     {@link QrisPayload#MAX_LENGTH}
     */
    public static QrisPayload of(QrisPayload staticCode, long amountRupiah) {
        if (amountRupiah < 1 || amountRupiah > MAX_AMOUNT) {
            throw new QrisException(Reason.BAD_AMOUNT, "A QRIS amount is a whole number of rupiah from 1 to "
                    + MAX_AMOUNT + ", not " + amountRupiah + ".");
        }
        staticCode.requireStatic();
        QrisField amount = new QrisField("54", Long.toString(amountRupiah), List.of());
        StringBuilder out = new StringBuilder(staticCode.text().length() + 20);
        for (QrisField f : staticCode.fields()) {
            if (DROPPED.contains(f.tag())) {
                continue;
            }
            if (f.tag().equals("58")) {
                out.append(amount.encoded());
            }
            out.append(f.tag().equals("01") ? "010212" : f.encoded());
        }
        out.append("6304");
        out.append(Crc16.hex(out));
        return QrisPayload.parse(out.toString());
    }
}
