package id.loket.qris;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One TLV field of an EMV payload: a two-digit tag and its value, as written. {@code children} holds the inner fields
 * of a template (merchant accounts 26-51, additional data 62), empty for any other tag.
 */
public record QrisField(String tag, String value, List<QrisField> children) {

    public QrisField {
        Objects.requireNonNull(tag);
        Objects.requireNonNull(value);
        children = List.copyOf(children);
    }

    /** The field as it is written in a payload: tag, two-digit length, value. */
    public String encoded() {
        return tag + String.format(Locale.ROOT, "%02d", value.length()) + value;
    }
}
