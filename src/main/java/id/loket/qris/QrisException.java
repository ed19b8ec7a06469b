package id.loket.qris;

import java.util.Objects;

/**
 * A QRIS payload refused, with a stable {@link Reason} the screens translate and an English message for the command
 * line and the log.
 */
public final class QrisException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a payload is refused; stable names, for translations and tests. */
    public enum Reason {
        /** Nothing given. */
        EMPTY,
        /** Longer than {@link QrisPayload#MAX_LENGTH} characters. */
        TOO_LONG,
        /** A character outside printable ASCII (space to {@code ~}), e.g. a line break or an accented letter. */
        NOT_PRINTABLE,
        /** Does not start with {@code 000201} (payload format indicator "01"): not an EMV QR payload at all. */
        BAD_FORMAT_INDICATOR,
        /** A tag that is not two digits. */
        BAD_TAG,
        /** A length that is not two digits, is 00, or runs past the end (a truncated payload). */
        BAD_LENGTH,
        /** The same tag twice at one level. */
        DUPLICATE_TAG,
        /** A tag QRIS requires is absent (00, 01, 52, 53, 58, 59, 60, a merchant account 26-51, 63). */
        MISSING_TAG,
        /** Something follows the CRC (tag 63 must be the last field). */
        CRC_NOT_LAST,
        /** The CRC (tag 63) is not four hex digits or does not match the payload: a mistyped or altered code. */
        BAD_CRC,
        /** A field holds a value QRIS does not allow (tag 01 not 11/12, currency not 360, country not ID, amount). */
        BAD_VALUE,
        /** A template (tags 26-51, 62) whose inner fields do not parse. */
        BAD_TEMPLATE,
        /** A dynamic code (tag 01 = 12, made for one payment) where the shop's static sticker code is needed. */
        NOT_STATIC,
        /** An amount to put into a code outside 1 .. 9,999,999,999,999 rupiah. */
        BAD_AMOUNT
    }

    private final Reason reason;

    public QrisException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
