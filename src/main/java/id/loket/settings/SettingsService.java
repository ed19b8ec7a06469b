package id.loket.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * The settings the app and its screens read and change. Later issues add printer, paper width and fees here;
 * role checks on changing them arrive with the users issue.
 */
public final class SettingsService {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final Locale ENGLISH = Locale.ENGLISH;

    public static final String LANGUAGE = "ui.language";
    public static final String GATEWAY_URL = "gateway.url";
    public static final String GATEWAY_MERCHANT = "gateway.merchant";
    public static final String GATEWAY_SECRET = "gateway.secret";

    private final SettingsStore store;

    public SettingsService(SettingsStore store) {
        this.store = store;
    }

    /** The interface language: Indonesian unless English was chosen. */
    public Locale language() {
        return store.get(LANGUAGE).filter("en"::equals).map(x -> ENGLISH).orElse(INDONESIAN);
    }

    public void setLanguage(Locale language) {
        store.put(LANGUAGE, ENGLISH.getLanguage().equals(language.getLanguage()) ? "en" : "id");
    }

    /** The real gateway's address, if one is configured; without one the embedded sandbox is used. */
    public Optional<String> gatewayUrl() {
        return store.get(GATEWAY_URL).map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<String> gatewayMerchant() {
        return store.get(GATEWAY_MERCHANT).map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<String> gatewaySecret() {
        return store.get(GATEWAY_SECRET).filter(s -> !s.isEmpty());
    }

    /** True when no real gateway is configured: every screen that shows money says SANDBOX. */
    public boolean isSandbox() {
        return gatewayUrl().isEmpty();
    }
}
