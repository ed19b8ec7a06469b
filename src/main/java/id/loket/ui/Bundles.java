package id.loket.ui;

import id.loket.settings.SettingsService;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The interface texts: Indonesian in the base bundles, English in {@code _en}. One file per part of the window
 * ({@code i18n/messages*.properties} for the shell, {@code i18n/counter*}, {@code i18n/history*},
 * {@code i18n/shift*} for the screens), read into one bundle; a key defined in two files is a build error, so a
 * screen cannot silently change another's text.
 *
 * <p>Bundles are looked up without falling back to the JVM's default locale: with the standard lookup, a
 * computer set up in English would get English even when the clerk chose Indonesian, because
 * {@code messages_en} would be found before the Indonesian base bundle.
 */
public final class Bundles {

    /** The base name of the shell's bundle on the class path. */
    public static final String BASE_NAME = "i18n.messages";

    /** Every bundle file the interface is made of, the shell's first. */
    public static final List<String> BASE_NAMES = List.of(BASE_NAME, "i18n.counter", "i18n.history", "i18n.shift",
            "i18n.door", "i18n.settings", "i18n.customers", "i18n.reconciliation", "i18n.dashboard");

    /** The languages the interface offers, the default first. */
    public static final List<Locale> LANGUAGES = List.of(SettingsService.INDONESIAN, SettingsService.ENGLISH);

    private Bundles() {}

    /**
     * @throws IllegalStateException when two bundle files define the same key (a broken build)
     */
    public static ResourceBundle load(Locale language) {
        Map<String, Object> texts = new HashMap<>();
        for (String baseName : BASE_NAMES) {
            ResourceBundle part = ResourceBundle.getBundle(baseName, language, Bundles.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : part.keySet()) {
                if (texts.putIfAbsent(key, part.getObject(key)) != null) {
                    throw new IllegalStateException("The interface text '" + key + "' is defined twice; "
                            + baseName + " repeats it: keep each key in one bundle file.");
                }
            }
        }
        return new Merged(texts, language);
    }

    /** The bundle files of one language, read into one; its locale is the language asked for. */
    private static final class Merged extends ResourceBundle {

        private final Map<String, Object> texts;
        private final Locale locale;

        Merged(Map<String, Object> texts, Locale locale) {
            this.texts = Map.copyOf(texts);
            this.locale = locale;
        }

        @Override
        protected Object handleGetObject(String key) {
            return texts.get(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.enumeration(texts.keySet());
        }

        @Override
        public Locale getLocale() {
            return locale;
        }
    }

    /**
     * Formats a {@link MessageFormat} text. The language is passed in because the Indonesian base bundle
     * reports {@link Locale#ROOT}, which would group numbers the English way ("1,234" for "1.234").
     */
    public static String format(ResourceBundle bundle, Locale language, String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), language).format(arguments);
    }
}
