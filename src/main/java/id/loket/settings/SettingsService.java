package id.loket.settings;

import id.loket.core.BillerCategory;
import id.loket.core.Money;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings the app and its screens read and change. Later issues add printer and paper width here;
 * role checks on changing them arrive with the users issue.
 */
public final class SettingsService {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final Locale ENGLISH = Locale.ENGLISH;

    public static final String LANGUAGE = "ui.language";
    public static final String GATEWAY_URL = "gateway.url";
    public static final String GATEWAY_MERCHANT = "gateway.merchant";
    public static final String GATEWAY_SECRET = "gateway.secret";
    public static final String SHOP_NAME = "shop.name";
    public static final String SHOP_ADDRESS = "shop.address";
    public static final String RECEIPT_PRINTER = "receipt.printer";
    public static final String RECEIPT_PAPER = "receipt.paper.mm";
    /** {@code fee.biller.<CODE>}: the shop's own fee on top of the gateway's admin fee, for one biller. */
    public static final String FEE_BILLER_PREFIX = "fee.biller.";
    /** {@code fee.category.<CATEGORY>}: the shop's own fee for every biller of a category without a fee of its own. */
    public static final String FEE_CATEGORY_PREFIX = "fee.category.";

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

    /** The shop's name as receipts print it (set by the setup wizard; "Loket" until then). */
    public String shopName() {
        return store.get(SHOP_NAME).map(String::strip).filter(s -> !s.isEmpty()).orElse("Loket");
    }

    public String shopAddress() {
        return store.get(SHOP_ADDRESS).map(String::strip).orElse("");
    }

    /** The receipt printer chosen in Settings; empty means receipts are saved as PDF. */
    public Optional<String> receiptPrinter() {
        return store.get(RECEIPT_PRINTER).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The thermal paper width in millimetres: 58 (the default) or 80. */
    public int receiptPaperMillimetres() {
        return store.get(RECEIPT_PAPER).map(String::strip).filter("80"::equals).map(x -> 80).orElse(58);
    }

    /** True when no real gateway is configured: every screen that shows money says SANDBOX. */
    public boolean isSandbox() {
        return gatewayUrl().isEmpty();
    }

    /**
     * The shop's own fee on a payment to {@code billerCode}: the biller's fee if the owner set one, otherwise the
     * category's, otherwise none.
     *
     * @throws IllegalStateException naming the setting when its value is not a whole, non-negative rupiah amount
     */
    public Money shopFee(String billerCode, BillerCategory category) {
        return billerFee(billerCode).or(() -> categoryFee(category)).orElse(Money.ZERO);
    }

    /** The fee set for one biller ({@code fee.biller.<CODE>}), if any. */
    public Optional<Money> billerFee(String billerCode) {
        return fee(FEE_BILLER_PREFIX + billerKey(billerCode));
    }

    /** The fee set for a category ({@code fee.category.<CATEGORY>}), if any. */
    public Optional<Money> categoryFee(BillerCategory category) {
        return fee(FEE_CATEGORY_PREFIX + category.name());
    }

    /** Sets the shop's fee for one biller; {@code Optional.empty()} removes it (the category's fee applies again). */
    public void setBillerFee(String billerCode, Optional<Money> fee) {
        putFee(FEE_BILLER_PREFIX + billerKey(billerCode), fee);
    }

    /** Sets the shop's fee for a category; {@code Optional.empty()} removes it (no fee). */
    public void setCategoryFee(BillerCategory category, Optional<Money> fee) {
        putFee(FEE_CATEGORY_PREFIX + category.name(), fee);
    }

    private Optional<Money> fee(String key) {
        Optional<String> text = store.get(key).map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Money fee;
        try {
            fee = Money.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The setting " + key + " = '" + text.get() + "' is not a rupiah amount:"
                    + " set the fee again in Settings.", e);
        }
        if (fee.isNegative()) {
            throw new IllegalStateException("The setting " + key + " = '" + text.get() + "' is negative: set the fee"
                    + " again in Settings.");
        }
        return Optional.of(fee);
    }

    private void putFee(String key, Optional<Money> fee) {
        Objects.requireNonNull(fee, "fee");
        if (fee.isPresent() && fee.get().isNegative()) {
            throw new IllegalArgumentException("A fee cannot be negative: " + fee.get().rupiah());
        }
        store.put(key, fee.map(f -> Long.toString(f.rupiah())).orElse(""));
    }

    private static String billerKey(String billerCode) {
        String code = billerCode.strip();
        if (code.isEmpty() || !code.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
            throw new IllegalArgumentException("Not a biller code: '" + billerCode + "'");
        }
        return code.toUpperCase(Locale.ROOT);
    }
}
