package id.loket.ui;

import id.loket.billing.BillingService;
import id.loket.core.BusinessCalendar;
import id.loket.journal.LedgerMaintenance;
import id.loket.settings.SettingsService;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableStringValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the main window: the selected section, the interface language, the SANDBOX flag, and the
 * ledger's health for the status bar. Plain Java and JavaFX properties, so it is tested without the toolkit;
 * {@link ShellView} only binds to it.
 *
 * <p>It outlives the view: a language switch rebuilds the view from FXML with the new texts and binds it to
 * the same model, which is how the selected section survives the switch.
 *
 * <p>Slow work (the ledger check, writing the settings file) runs on the {@code background} executor and its
 * results come back through {@code fxThread}, so the window never freezes on a large ledger or a slow disk.
 * Settings are read once, at construction.
 */
public final class ShellViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final SettingsService settings;
    private final LedgerMaintenance maintenance;
    private final BillingService billing;
    private final Executor background;
    private final Executor fxThread;
    private final boolean sandbox;
    private final boolean testing;
    private final BusinessCalendar calendar;

    private final ReadOnlyObjectWrapper<Section> selectedSection = new ReadOnlyObjectWrapper<>(Section.PAY);
    private final ReadOnlyObjectWrapper<Locale> language;
    private final ObjectBinding<ResourceBundle> bundle;
    private final ReadOnlyObjectWrapper<LedgerStatus> ledgerStatus =
            new ReadOnlyObjectWrapper<>(LedgerStatus.checking());
    private final ReadOnlyObjectWrapper<GatewayStatus> gatewayStatus =
            new ReadOnlyObjectWrapper<>(GatewayStatus.checking());
    private final StringBinding gatewayStatusText;
    private final ReadOnlyStringWrapper languageNotSavedBecause = new ReadOnlyStringWrapper("");
    private final StringBinding ledgerStatusText;
    private final StringBinding versionText;
    private final StringBinding dataDirectoryText;
    private final StringBinding notice;
    private final CounterSession session;
    private final StringBinding clerkText;
    private final StringBinding shiftText;
    private boolean started;

    /**
     * @param fxThread runs result handling on the JavaFX application thread ({@code Platform::runLater} in the
     *     application, a direct executor in tests)
     */
    public ShellViewModel(
            SettingsService settings,
            LedgerMaintenance maintenance,
            BillingService billing,
            Executor background,
            Executor fxThread,
            CounterSession session,
            BusinessCalendar calendar,
            String version,
            String dataDirectory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
        this.billing = Objects.requireNonNull(billing, "billing");
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.session = Objects.requireNonNull(session, "session");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.testing = billing.network().mode() == id.loket.billing.NetworkInfo.Mode.TESTING;
        this.sandbox = settings.isSandbox() || testing;
        this.language = new ReadOnlyObjectWrapper<>(supported(settings.language()));
        // Derived, so whoever reacts to a language change already sees the new bundle.
        this.bundle = Bindings.createObjectBinding(() -> Bundles.load(language.get()), language);
        this.ledgerStatusText = Bindings.createStringBinding(
                () -> ledgerStatus.get().text(bundle.get(), language.get()), ledgerStatus, bundle);
        this.gatewayStatusText = Bindings.createStringBinding(
                () -> gatewayStatus.get().text(bundle.get(), language.get()), gatewayStatus, bundle);
        this.versionText = Bindings.createStringBinding(
                () -> Bundles.format(bundle.get(), language.get(), "status.version", version), bundle);
        this.dataDirectoryText = Bindings.createStringBinding(
                () -> Bundles.format(bundle.get(), language.get(), "status.dataDirectory", dataDirectory), bundle);
        this.notice = Bindings.createStringBinding(
                () -> languageNotSavedBecause.get().isEmpty()
                        ? ""
                        : Bundles.format(bundle.get(), language.get(), "language.notSaved",
                                languageNotSavedBecause.get()),
                languageNotSavedBecause, bundle);
        this.clerkText = Bindings.createStringBinding(
                () -> Bundles.format(bundle.get(), language.get(), "status.clerk", session.clerk()), bundle);
        DateTimeFormatter hourMinute = DateTimeFormatter.ofPattern("HH:mm");
        this.shiftText = Bindings.createStringBinding(
                () -> session.shift().get() == null
                        ? bundle.get().getString("status.shift.none")
                        : Bundles.format(bundle.get(), language.get(), "status.shift.open", session.shift().get().id(),
                                hourMinute.format(calendar.localTime(session.shift().get().openedAt()))),
                session.shift(), bundle);
    }

    /**
     * Starts the ledger check; call once, when the window is shown.
     *
     * @throws IllegalStateException when called twice
     */
    public void start() {
        if (started) {
            throw new IllegalStateException("The shell is already started.");
        }
        started = true;
        ledgerStatus.set(LedgerStatus.checking());
        CompletableFuture.supplyAsync(maintenance::verify, background).whenCompleteAsync((report, failure) -> {
            if (failure == null) {
                ledgerStatus.set(LedgerStatus.of(report));
            } else {
                Throwable cause = unwrap(failure);
                LOG.warn("The ledger could not be verified", cause);
                ledgerStatus.set(LedgerStatus.unchecked(describe(cause)));
            }
        }, fxThread);
        refreshGateway();
        session.refresh();
        // Each payment moves the deposit: show the new balance without waiting for the minute's check.
        session.lastPayment().addListener((obs, old, now) -> refreshGateway());
    }

    /**
     * The deposit, and for a network that keeps a price list the list's age: reading the catalog here keeps the
     * list at its network's pace (Digiflazz: five minutes) while the counter is idle, so an old list means the
     * network could not give a new one.
     */
    private GatewayStatus checkGateway() {
        GatewayStatus status = GatewayStatus.of(billing.balance());
        if (!billing.network().quotesCost()) {
            return status;
        }
        billing.billers();
        return billing.catalogAsOf()
                .map(at -> status.withPriceListAge(java.time.Duration.between(at, calendar.now()).toMinutes()))
                .orElse(status);
    }

    /**
     * Asks the gateway for the deposit in the background and shows whether it answered; the window calls it
     * at start and then every minute.
     */
    public void refreshGateway() {
        CompletableFuture.supplyAsync(this::checkGateway, background).whenCompleteAsync((status, failure) -> {
            if (failure == null) {
                gatewayStatus.set(status);
            } else {
                Throwable cause = unwrap(failure);
                LOG.warn("The gateway could not be asked for the deposit", cause);
                gatewayStatus.set(new GatewayStatus(GatewayStatus.State.NO_ANSWER, "", describe(cause)));
            }
        }, fxThread);
    }

    public ReadOnlyObjectProperty<GatewayStatus> gatewayStatus() {
        return gatewayStatus.getReadOnlyProperty();
    }

    /** E.g. "Gateway tersambung · Deposit Rp 10.000.000". */
    public ObservableStringValue gatewayStatusText() {
        return gatewayStatusText;
    }

    public void select(Section section) {
        selectedSection.set(Objects.requireNonNull(section, "section"));
    }

    public ReadOnlyObjectProperty<Section> selectedSection() {
        return selectedSection.getReadOnlyProperty();
    }

    /**
     * Switches the interface language now and saves the choice in the background. If saving fails the
     * switch still holds for this session and {@link #notice()} says the choice was not saved.
     *
     * @throws IllegalArgumentException for a language the interface does not offer
     */
    public void chooseLanguage(Locale chosen) {
        Locale offered = Bundles.LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(chosen.getLanguage()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Loket is not translated into " + chosen));
        if (offered.equals(language.get())) {
            return;
        }
        languageNotSavedBecause.set("");
        language.set(offered);
        CompletableFuture.runAsync(() -> settings.setLanguage(offered), background).whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                LOG.warn("The language choice could not be saved", cause);
                languageNotSavedBecause.set(describe(cause));
            }
        }, fxThread);
    }

    public ReadOnlyObjectProperty<Locale> language() {
        return language.getReadOnlyProperty();
    }

    /** The texts of the current language. */
    public ObservableObjectValue<ResourceBundle> bundle() {
        return bundle;
    }

    /**
     * True when the biller network is a provider's own test mode (Digiflazz development): the badge then says
     * TESTING instead of SANDBOX.
     */
    public boolean testing() {
        return testing;
    }

    /** True when no real gateway is configured; the status bar then shows the SANDBOX badge. */
    public boolean sandbox() {
        return sandbox;
    }

    public ReadOnlyObjectProperty<LedgerStatus> ledgerStatus() {
        return ledgerStatus.getReadOnlyProperty();
    }

    /** E.g. "Buku besar sehat · 1.234 entri". */
    public ObservableStringValue ledgerStatusText() {
        return ledgerStatusText;
    }

    /** E.g. "Loket 0.1.0". */
    public ObservableStringValue versionText() {
        return versionText;
    }

    /** Where the data lives, for the version's tooltip. */
    public ObservableStringValue dataDirectoryText() {
        return dataDirectoryText;
    }

    /** E.g. "Kasir: sari". */
    public ObservableStringValue clerkText() {
        return clerkText;
    }

    /** E.g. "Shift #3 sejak 08:00", or that no shift is open. */
    public ObservableStringValue shiftText() {
        return shiftText;
    }

    /** True while the clerk has an open shift. */
    public javafx.beans.binding.BooleanBinding shiftOpen() {
        return session.shift().isNotNull();
    }

    /** A problem the clerk should know about that is not the ledger's (e.g. the language was not saved); empty when none. */
    public ObservableStringValue notice() {
        return notice;
    }

    private static Locale supported(Locale language) {
        return Bundles.LANGUAGES.stream()
                .filter(l -> l.getLanguage().equals(language.getLanguage()))
                .findFirst()
                .orElse(SettingsService.INDONESIAN);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
