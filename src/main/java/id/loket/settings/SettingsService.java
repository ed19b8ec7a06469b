package id.loket.settings;

import id.loket.core.BillerCategory;
import id.loket.core.Money;
import id.loket.users.AuditAction;
import id.loket.users.AuditService;
import id.loket.users.Operator;
import id.loket.users.ShopProfile;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings the app and its screens read and change. Changing the shop's settings (fees, shop, printer,
 * gateway) takes the acting operator: only the owner may, and each change is audited. The interface language is
 * each person's own choice and needs neither.
 */
public final class SettingsService implements ShopProfile {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final Locale ENGLISH = Locale.ENGLISH;

    public static final String LANGUAGE = "ui.language";
    public static final String GATEWAY_URL = "gateway.url";
    public static final String GATEWAY_MERCHANT = "gateway.merchant";
    public static final String GATEWAY_SECRET = "gateway.secret";
    /** Which biller network pays the bills: {@code house} (the gateway or its embedded sandbox) or {@code digiflazz}. */
    public static final String BILLER_NETWORK = "biller.network";
    public static final String DIGIFLAZZ_USERNAME = "digiflazz.username";
    /** Never logged, never audited by value; the settings file is readable by its owner only. */
    public static final String DIGIFLAZZ_KEY = "digiflazz.key";
    public static final String DIGIFLAZZ_URL = "digiflazz.url";
    /** {@code true}: Digiflazz's development mode ({@code testing: true}, the development key), shown as TESTING. */
    public static final String DIGIFLAZZ_TESTING = "digiflazz.testing";
    public static final String DIGIFLAZZ_DEFAULT_URL = "https://api.digiflazz.com/v1";
    /** Which gateway takes non-cash money: {@code house} (the gateway or its embedded sandbox) or {@code midtrans}. */
    public static final String PAYMENT_GATEWAY = "payment.gateway";
    /** Never logged, never audited by value. A sandbox key ({@code SB-Mid-server-…}) is shown as TESTING. */
    public static final String MIDTRANS_SERVER_KEY = "midtrans.server.key";
    public static final String MIDTRANS_URL = "midtrans.url";
    public static final String MIDTRANS_DEFAULT_URL = "https://api.midtrans.com";
    public static final String MIDTRANS_SANDBOX_URL = "https://api.sandbox.midtrans.com";
    /** The shop's own static QRIS payload (its sticker), made dynamic with the amount at the counter. */
    public static final String STATIC_QRIS = "qris.static";
    /** Who sends codes and receipts: {@code house} (the training messenger), {@code fonnte} or {@code none}. */
    public static final String MESSENGER = "messenger";
    /** Never logged, never audited by value. */
    public static final String FONNTE_TOKEN = "fonnte.token";
    public static final String FONNTE_URL = "fonnte.url";
    public static final String FONNTE_DEFAULT_URL = "https://api.fonnte.com";
    /** {@code price.markup.<CATEGORY>}: rupiah added to a prepaid product's cost to make its selling price. */
    public static final String PRICE_MARKUP_PREFIX = "price.markup.";
    /** {@code price.sku.<SKU>}: the selling price of one prepaid product, whatever its cost. */
    public static final String PRICE_SKU_PREFIX = "price.sku.";
    public static final String SHOP_NAME = "shop.name";
    /** Minutes without a key or a click before the window locks; 0 never locks. */
    public static final String LOCK_MINUTES = "ui.lock.minutes";
    public static final int DEFAULT_LOCK_MINUTES = 5;
    public static final String SHOP_ADDRESS = "shop.address";
    public static final String RECEIPT_PRINTER = "receipt.printer";
    public static final String RECEIPT_PAPER = "receipt.paper.mm";
    /** {@code fee.biller.<CODE>}: the shop's own fee on top of the gateway's admin fee, for one biller. */
    public static final String FEE_BILLER_PREFIX = "fee.biller.";
    /** {@code fee.category.<CATEGORY>}: the shop's own fee for every biller of a category without a fee of its own. */
    public static final String FEE_CATEGORY_PREFIX = "fee.category.";
    /** Payments whose total is above this many rupiah need a verified customer; 0 turns the rule off. */
    public static final String VERIFIED_CUSTOMER_ABOVE = "customers.verified.above";
    /** When the app reconciles yesterday each day (WIB, HH:mm); empty or "off" leaves it to the OS scheduler. */
    public static final String RECONCILE_TIME = "reconcile.time";
    /** Early morning: the gateway has closed yesterday by then (DESIGN.md, "Reconciliation"). */
    public static final java.time.LocalTime DEFAULT_RECONCILE_TIME = java.time.LocalTime.of(1, 0);
    /**
     * Training and demonstrations: the embedded sandbox serves today's settlement at once, so today can be
     * reconciled before midnight (env {@code LOKET_SANDBOX_SETTLE_TODAY=true}). A real gateway never does.
     */
    public static final String SANDBOX_SETTLES_TODAY = "sandbox.settle.today";
    /** The printer for the owner's A4 reports (reconciliation, daily recap); empty saves them as PDF. */
    public static final String REPORT_PRINTER = "report.printer";
    /** The default of {@link #VERIFIED_CUSTOMER_ABOVE}: Rp 5.000.000. */
    public static final Money DEFAULT_VERIFIED_CUSTOMER_ABOVE = Money.of(5_000_000);

    private final SettingsStore store;
    private final AuditService audit;

    public SettingsService(SettingsStore store, AuditService audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The interface language: Indonesian unless English was chosen. */
    public Locale language() {
        return store.get(LANGUAGE).filter("en"::equals).map(x -> ENGLISH).orElse(INDONESIAN);
    }

    public void setLanguage(Locale language) {
        store.put(LANGUAGE, ENGLISH.getLanguage().equals(language.getLanguage()) ? "en" : "id");
    }

    /** The real gateway's address, if one is configured; without one the embedded sandbox is used. */
    /** How long the window may sit idle before it locks ({@link #LOCK_MINUTES}); zero never locks. */
    public java.time.Duration lockAfter() {
        String minutes = store.get(LOCK_MINUTES).map(String::strip).orElse("");
        if (minutes.isEmpty()) {
            return java.time.Duration.ofMinutes(DEFAULT_LOCK_MINUTES);
        }
        try {
            long value = Long.parseLong(minutes);
            if (value >= 0) {
                return java.time.Duration.ofMinutes(value);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(LOCK_MINUTES + " must be a whole number of minutes (0 never locks), not '"
                + minutes + "': fix it in loket.properties.");
    }

    public Optional<String> gatewayUrl() {
        return store.get(GATEWAY_URL).map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<String> gatewayMerchant() {
        return store.get(GATEWAY_MERCHANT).map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<String> gatewaySecret() {
        return store.get(GATEWAY_SECRET).filter(s -> !s.isEmpty());
    }

    /** The biller network: {@code house} unless {@code digiflazz} is set. */
    public String billerNetwork() {
        String network = store.get(BILLER_NETWORK).map(String::strip).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        return switch (network) {
            case "", "house", "sandbox" -> "house";
            case "digiflazz" -> "digiflazz";
            default -> throw new IllegalArgumentException(BILLER_NETWORK + " (LOKET_BILLER_NETWORK) is 'house' or"
                    + " 'digiflazz', not '" + network + "'.");
        };
    }

    public Optional<String> digiflazzUsername() {
        return store.get(DIGIFLAZZ_USERNAME).map(String::strip).filter(s -> !s.isEmpty());
    }

    public Optional<String> digiflazzKey() {
        return store.get(DIGIFLAZZ_KEY).map(String::strip).filter(s -> !s.isEmpty());
    }

    public String digiflazzUrl() {
        return store.get(DIGIFLAZZ_URL).map(String::strip).filter(s -> !s.isEmpty()).orElse(DIGIFLAZZ_DEFAULT_URL);
    }

    public boolean digiflazzTesting() {
        return store.get(DIGIFLAZZ_TESTING).map(String::strip).map("true"::equalsIgnoreCase).orElse(false);
    }

    /**
     * The Digiflazz account: an empty username goes back to the house network; an empty key keeps the one stored.
     * The key is audited as "changed", never by value.
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setDigiflazz(Operator actor, String username, Optional<String> key, String url, boolean testing) {
        actor.requireOwner("change the biller network");
        String u = oneLine(username, "The Digiflazz username");
        String address = oneLine(url, "The Digiflazz address");
        change(actor, BILLER_NETWORK, u.isEmpty() ? "house" : "digiflazz", u.isEmpty() ? "house" : "digiflazz");
        change(actor, DIGIFLAZZ_USERNAME, u, u);
        change(actor, DIGIFLAZZ_URL, address, address);
        change(actor, DIGIFLAZZ_TESTING, Boolean.toString(testing), testing ? "development (testing)" : "production");
        if (key.isPresent() && !key.get().strip().isEmpty()) {
            String k = oneLine(key.get(), "The Digiflazz key");
            if (!k.equals(store.get(DIGIFLAZZ_KEY).orElse(""))) {
                store.put(DIGIFLAZZ_KEY, k);
                audit.record(actor, AuditAction.SETTINGS_CHANGED, DIGIFLAZZ_KEY, "changed");
            }
        }
    }

    /** The gateway that takes non-cash money: {@code house} unless {@code midtrans} is set. */
    public String paymentGateway() {
        String gateway = store.get(PAYMENT_GATEWAY).map(String::strip).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        return switch (gateway) {
            case "", "house", "sandbox" -> "house";
            case "midtrans" -> "midtrans";
            default -> throw new IllegalArgumentException(PAYMENT_GATEWAY + " (LOKET_PAYMENT_GATEWAY) is 'house' or"
                    + " 'midtrans', not '" + gateway + "'.");
        };
    }

    public Optional<String> midtransServerKey() {
        return store.get(MIDTRANS_SERVER_KEY).map(String::strip).filter(s -> !s.isEmpty());
    }

    public String midtransUrl() {
        return store.get(MIDTRANS_URL).map(String::strip).filter(s -> !s.isEmpty()).orElse(MIDTRANS_DEFAULT_URL);
    }

    /**
     * The Midtrans account: {@code house} goes back to the house gateway; an empty key keeps the one stored. The key
     * is audited as "changed", never by value.
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setMidtrans(Operator actor, boolean enabled, Optional<String> serverKey, String url) {
        actor.requireOwner("change the payment gateway");
        String address = oneLine(url, "The Midtrans address");
        String gateway = enabled ? "midtrans" : "house";
        change(actor, PAYMENT_GATEWAY, gateway, gateway);
        change(actor, MIDTRANS_URL, address, address);
        putSecret(actor, MIDTRANS_SERVER_KEY, serverKey, "The Midtrans server key");
    }

    /** The shop's static QRIS payload as the owner entered it (validated then), if any. */
    public Optional<String> staticQris() {
        return store.get(STATIC_QRIS).map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * The shop's static QRIS payload; empty removes it. The caller has validated it ({@code id.loket.qris}).
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setStaticQris(Operator actor, String payload) {
        actor.requireOwner("change the shop's QRIS");
        String p = oneLine(payload, "The QRIS payload");
        change(actor, STATIC_QRIS, p, p.isEmpty() ? "removed" : "set (" + p.length() + " characters)");
    }

    /** Who sends codes and receipts: {@code house} unless {@code fonnte} or {@code none} is set. */
    public String messenger() {
        String m = store.get(MESSENGER).map(String::strip).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        return switch (m) {
            case "", "house", "sandbox" -> "house";
            case "fonnte" -> "fonnte";
            case "none", "off" -> "none";
            default -> throw new IllegalArgumentException(MESSENGER + " (LOKET_MESSENGER) is 'house', 'fonnte' or"
                    + " 'none', not '" + m + "'.");
        };
    }

    public Optional<String> fonnteToken() {
        return store.get(FONNTE_TOKEN).map(String::strip).filter(s -> !s.isEmpty());
    }

    public String fonnteUrl() {
        return store.get(FONNTE_URL).map(String::strip).filter(s -> !s.isEmpty()).orElse(FONNTE_DEFAULT_URL);
    }

    /**
     * The messenger: {@code house}, {@code fonnte} or {@code none}; an empty token keeps the one stored. The token is
     * audited as "changed", never by value.
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     * @throws IllegalArgumentException for another kind of messenger
     */
    public void setMessenger(Operator actor, String kind, Optional<String> token, String url) {
        actor.requireOwner("change the messenger");
        String k = oneLine(kind, "The messenger").toLowerCase(Locale.ROOT);
        if (!k.equals("house") && !k.equals("fonnte") && !k.equals("none")) {
            throw new IllegalArgumentException("The messenger is house, fonnte or none, not '" + k + "'.");
        }
        String address = oneLine(url, "The Fonnte address");
        change(actor, MESSENGER, k, k);
        change(actor, FONNTE_URL, address, address);
        putSecret(actor, FONNTE_TOKEN, token, "The Fonnte token");
    }

    private void putSecret(Operator actor, String key, Optional<String> secret, String what) {
        if (secret.isPresent() && !secret.get().strip().isEmpty()) {
            String k = oneLine(secret.get(), what);
            if (!k.equals(store.get(key).orElse(""))) {
                store.put(key, k);
                audit.record(actor, AuditAction.SETTINGS_CHANGED, key, "changed");
            }
        }
    }

    /**
     * The selling price of a prepaid product that costs {@code cost}: the price set for its SKU, else its cost plus
     * the category's markup (none unless set).
     */
    public Money sellingPrice(BillerCategory category, String sku, Money cost) {
        Optional<Money> fixed = fee(PRICE_SKU_PREFIX + sku);
        if (fixed.isPresent()) {
            return fixed.get();
        }
        return cost.plus(fee(PRICE_MARKUP_PREFIX + category.name()).orElse(Money.ZERO));
    }

    /** The markup the owner set on the prepaid products of {@code category}; empty sells them at cost. */
    public Optional<Money> markup(BillerCategory category) {
        return fee(PRICE_MARKUP_PREFIX + category.name()).filter(m -> !m.isZero());
    }

    /**
     * The markup on every prepaid product of {@code category}; zero sells at cost.
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setMarkup(Operator actor, BillerCategory category, Money markup) {
        actor.requireOwner("change prices");
        if (markup.isNegative()) {
            throw new IllegalArgumentException("A markup is never negative: a product is never sold below its cost.");
        }
        change(actor, PRICE_MARKUP_PREFIX + category.name(), Long.toString(markup.rupiah()), markup.rupiah() + "");
    }

    /** The shop's name as receipts print it (set by the setup wizard; "Loket" until then). */
    @Override
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
        return gatewayUrl().isEmpty() && "house".equals(billerNetwork());
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

    /**
     * Sets the shop's fee for one biller; {@code Optional.empty()} removes it (the category's fee applies again).
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setBillerFee(Operator actor, String billerCode, Optional<Money> fee) {
        actor.requireOwner("change fees");
        putFee(actor, FEE_BILLER_PREFIX + billerKey(billerCode), fee);
    }

    /**
     * Sets the shop's fee for a category; {@code Optional.empty()} removes it (no fee).
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setCategoryFee(Operator actor, BillerCategory category, Optional<Money> fee) {
        actor.requireOwner("change fees");
        putFee(actor, FEE_CATEGORY_PREFIX + category.name(), fee);
    }

    /**
     * Names the shop, as receipts print it (the first run sets it).
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setShopName(Operator actor, String name) {
        actor.requireOwner("change the shop's settings");
        String value = oneLine(name, "The shop's name");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("The shop's name cannot be empty: receipts print it.");
        }
        change(actor, SHOP_NAME, value, value);
    }

    /** {@link #setShopName}: how the first run ({@link id.loket.users.UserService#setUp}) names the shop. */
    @Override
    public void rename(Operator owner, String shopName) {
        setShopName(owner, shopName);
    }

    /**
     * The shop's address, as receipts print it; empty for none.
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setShopAddress(Operator actor, String address) {
        actor.requireOwner("change the shop's settings");
        String value = oneLine(address, "The shop's address");
        change(actor, SHOP_ADDRESS, value, value);
    }

    /**
     * The receipt printer by its system name; {@code Optional.empty()} saves receipts as PDF instead.
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setReceiptPrinter(Operator actor, Optional<String> printer) {
        actor.requireOwner("change the printer settings");
        String value = oneLine(printer.orElse(""), "The printer's name");
        change(actor, RECEIPT_PRINTER, value, value.isEmpty() ? "(none: receipts saved as PDF)" : value);
    }

    /**
     * The thermal paper width: 58 or 80 millimetres.
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setReceiptPaperMillimetres(Operator actor, int millimetres) {
        actor.requireOwner("change the printer settings");
        if (millimetres != 58 && millimetres != 80) {
            throw new IllegalArgumentException("Receipt paper is 58 or 80 mm wide, not " + millimetres + ".");
        }
        change(actor, RECEIPT_PAPER, Integer.toString(millimetres), millimetres + " mm");
    }

    /**
     * The real gateway: its address, the shop's merchant id and signing secret; an empty URL goes back to the
     * embedded sandbox. The secret is never written to the audit log. (The gateway checks the address when it
     * connects: {@code https://}, or {@code http://} to this computer.)
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setGateway(Operator actor, Optional<String> url, Optional<String> merchant, Optional<String> secret) {
        actor.requireOwner("change the gateway settings");
        String u = oneLine(url.orElse(""), "The gateway's address");
        String m = oneLine(merchant.orElse(""), "The merchant id");
        String s = oneLine(secret.orElse(""), "The signing secret");
        change(actor, GATEWAY_URL, u, u.isEmpty() ? "(none: the embedded SANDBOX)" : u);
        change(actor, GATEWAY_MERCHANT, m, m);
        if (!s.equals(store.get(GATEWAY_SECRET).orElse(""))) {
            store.put(GATEWAY_SECRET, s);
            audit.record(actor, AuditAction.SETTINGS_CHANGED, GATEWAY_SECRET, s.isEmpty() ? "removed" : "changed");
        }
    }

    /** Stores a setting and audits it when it changed; {@code shown} is the value as the audit log may show it. */
    private void change(Operator actor, String key, String value, String shown) {
        String before = store.get(key).orElse("");
        if (before.equals(value)) {
            return;
        }
        store.put(key, value);
        audit.record(actor, AuditAction.SETTINGS_CHANGED, key, "set to " + shown);
    }

    private static String oneLine(String text, String what) {
        String value = text == null ? "" : text.strip();
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be one line of text.");
        }
        return value;
    }

    /**
     * Payments whose total is above this amount need a verified customer (DESIGN.md, "Users"); zero means no payment
     * needs one. {@link #DEFAULT_VERIFIED_CUSTOMER_ABOVE} until the owner sets it.
     *
     * @throws IllegalStateException naming the setting when its value is not a whole, non-negative rupiah amount
     */
    public Money verifiedCustomerAbove() {
        return amount(VERIFIED_CUSTOMER_ABOVE, "amount").orElse(DEFAULT_VERIFIED_CUSTOMER_ABOVE);
    }

    /**
     * Sets the amount above which a payment needs a verified customer; zero turns the rule off.
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setVerifiedCustomerAbove(Operator actor, Money amount) {
        actor.requireOwner("change the amount above which a payment needs a verified customer");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("The amount above which a verified customer is needed cannot be"
                    + " negative: " + amount.rupiah());
        }
        String value = Long.toString(amount.rupiah());
        change(actor, VERIFIED_CUSTOMER_ABOVE, value, amount.isZero() ? "0 (no payment needs one)" : value);
    }

    /**
     * When the app reconciles the past days each day (WIB); empty when the owner turned the in-app schedule off
     * (the OS scheduler runs {@code loket reconcile} instead). {@link #DEFAULT_RECONCILE_TIME} until set.
     *
     * @throws IllegalStateException naming the setting when it is neither HH:mm nor "off"
     */
    public Optional<java.time.LocalTime> reconcileTime() {
        Optional<String> text = store.get(RECONCILE_TIME).map(String::strip).filter(t -> !t.isEmpty());
        if (text.isEmpty()) {
            return Optional.of(DEFAULT_RECONCILE_TIME);
        }
        if (text.get().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.LocalTime.parse(text.get()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("The setting " + RECONCILE_TIME + " = '" + text.get() + "' is not a time"
                    + " (HH:mm) nor 'off': set the reconciliation time again.", e);
        }
    }

    /**
     * Sets when the app reconciles each day; empty turns the in-app schedule off.
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setReconcileTime(Operator actor, Optional<java.time.LocalTime> time) {
        actor.requireOwner("change when reconciliation runs");
        String value = time.map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString()).orElse("off");
        change(actor, RECONCILE_TIME, value, value);
    }

    /** Whether the embedded sandbox settles the current day at once (see {@link #SANDBOX_SETTLES_TODAY}). */
    public boolean sandboxSettlesToday() {
        return store.get(SANDBOX_SETTLES_TODAY).map(String::strip)
                .map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")).orElse(false);
    }

    /** The printer for the owner's A4 reports by its system name; empty saves them as PDF. */
    public Optional<String> reportPrinter() {
        return store.get(REPORT_PRINTER).map(String::strip).filter(t -> !t.isEmpty());
    }

    /**
     * Sets the report printer; empty saves reports as PDF.
     *
     * @throws id.loket.users.PermissionDeniedException unless {@code actor} is the owner
     */
    public void setReportPrinter(Operator actor, Optional<String> printer) {
        actor.requireOwner("change the printer settings");
        String value = oneLine(printer.orElse(""), "The printer's name");
        change(actor, REPORT_PRINTER, value, value.isEmpty() ? "(none: reports saved as PDF)" : value);
    }

    private Optional<Money> fee(String key) {
        return amount(key, "fee");
    }

    private Optional<Money> amount(String key, String what) {
        Optional<String> text = store.get(key).map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Money value;
        try {
            value = Money.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The setting " + key + " = '" + text.get() + "' is not a rupiah amount:"
                    + " set the " + what + " again in Settings.", e);
        }
        if (value.isNegative()) {
            throw new IllegalStateException("The setting " + key + " = '" + text.get() + "' is negative: set the "
                    + what + " again in Settings.");
        }
        return Optional.of(value);
    }

    private void putFee(Operator actor, String key, Optional<Money> fee) {
        Objects.requireNonNull(fee, "fee");
        if (fee.isPresent() && fee.get().isNegative()) {
            throw new IllegalArgumentException("A fee cannot be negative: " + fee.get().rupiah());
        }
        String before = store.get(key).map(String::strip).filter(s -> !s.isEmpty()).orElse("none");
        store.put(key, fee.map(f -> Long.toString(f.rupiah())).orElse(""));
        audit.record(actor, AuditAction.FEE_CHANGED, key, "from " + before + " to "
                + fee.map(f -> Long.toString(f.rupiah())).orElse("none"));
    }

    private static String billerKey(String billerCode) {
        String code = billerCode.strip();
        if (code.isEmpty() || !code.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
            throw new IllegalArgumentException("Not a biller code: '" + billerCode + "'");
        }
        return code.toUpperCase(Locale.ROOT);
    }
}
