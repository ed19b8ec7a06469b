package id.loket.ui;

import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A text a view model wants shown, as a bundle key and its {@link java.text.MessageFormat} arguments; the view
 * puts it into words in its own language. View models stay free of texts, so a language switch never leaves
 * a half-translated screen. A text with arguments is a MessageFormat pattern (write a quote as {@code ''});
 * one without is used as it is.
 */
public record Message(String key, List<Object> arguments) {

    public static final Message NONE = new Message("", List.of());

    public Message {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    public static Message of(String key, Object... arguments) {
        return new Message(key, List.of(arguments));
    }

    public boolean isEmpty() {
        return key.isEmpty();
    }

    /** The text in {@code bundle}'s language; empty for {@link #NONE}. */
    public String in(ResourceBundle bundle) {
        if (isEmpty()) {
            return "";
        }
        return arguments.isEmpty()
                ? bundle.getString(key)
                : Bundles.format(bundle, bundle.getLocale(), key, arguments.toArray());
    }
}
