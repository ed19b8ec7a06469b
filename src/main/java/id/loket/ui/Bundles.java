package id.loket.ui;

import id.loket.settings.SettingsService;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The interface texts ({@code i18n/messages*.properties}): Indonesian in the base bundle, English in
 * {@code _en}.
 *
 * <p>Bundles are looked up without falling back to the JVM's default locale: with the standard lookup, a
 * computer set up in English would get English even when the clerk chose Indonesian, because
 * {@code messages_en} would be found before the Indonesian base bundle.
 */
public final class Bundles {

    /** The base name of the bundles on the class path. */
    public static final String BASE_NAME = "i18n.messages";

    /** The languages the interface offers, the default first. */
    public static final List<Locale> LANGUAGES = List.of(SettingsService.INDONESIAN, SettingsService.ENGLISH);

    private Bundles() {}

    public static ResourceBundle load(Locale language) {
        return ResourceBundle.getBundle(BASE_NAME, language, Bundles.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * Formats a {@link MessageFormat} text. The language is passed in because the Indonesian base bundle
     * reports {@link Locale#ROOT}, which would group numbers the English way ("1,234" for "1.234").
     */
    public static String format(ResourceBundle bundle, Locale language, String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), language).format(arguments);
    }
}
