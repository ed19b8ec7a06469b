package id.loket.ui;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.billing.UpstreamChecks;
import id.loket.qris.QrisException;
import id.loket.qris.QrisPayload;
import id.loket.settings.SettingsService;
import id.loket.ui.ProviderForm.Tested;
import id.loket.users.Operator;
import id.loket.users.UserException;
import id.loket.users.UserService;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the owner's Settings tabs for the money and messages that leave the shop: the payment gateway that
 * takes non-cash money (the training sandbox or Midtrans), the shop's own static QRIS (the sticker's payload), and
 * the messenger that sends codes and receipts (the training sandbox, Fonnte, or none). Beside
 * {@link SettingsViewModel}, which it leaves alone; {@link PaymentGatewaySettingsView},
 * {@link StaticQrisSettingsView} and {@link MessengerSettingsView} bind to its three parts.
 *
 * <p>As on the biller network's tab (each is a {@link ProviderForm}): "Test connection" asks with what is typed, not
 * saved (an empty key field means the stored key), on {@code background}, and says the answer in words; saving is the
 * owner's (the service refuses anyone else, and the refusal is shown); Loket builds its gateway and messenger when it
 * starts, so a saved change is used from the next start and the page says so. A stored key or token is never read into a field or a message: the
 * page only knows that one is stored, and a typed one is forgotten once saved or when the page is left.
 *
 * <p>A QRIS payload is checked here, at once and on the JavaFX thread (it is a short string): a payload that does not
 * parse is refused with its reason and nothing is saved; a good one shows the merchant, the city and the end of its
 * NMID before the owner saves it.
 */
public final class UpstreamSettingsViewModel {

    /** The training sandbox (the house gateway or messenger): the default. */
    public static final String HOUSE = "house";

    public static final String MIDTRANS = "midtrans";

    public static final String FONNTE = "fonnte";

    /** No messenger: codes and receipts are not sent. */
    public static final String NONE = "none";

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamSettingsViewModel.class);

    /** A mobile number as people type it: 08…, 628… or +628…, with spaces, dots or dashes between the digits. */
    private static final Pattern PHONE = Pattern.compile("(\\+?62|0)8[0-9]{7,12}");

    private final SettingsService settings;
    private final UserService users;
    private final UpstreamChecks checks;
    private final Access.SignedIn operator;
    private final UiWork uiWork;
    private final Executor fxThread;

    private final PaymentGateway payment = new PaymentGateway();
    private final StaticQris qris = new StaticQris();
    private final Messenger messenger = new Messenger();

    /**
     * @param checks "Test connection" with what is typed (may take as long as the provider's timeout: called on
     *     {@code background} only)
     */
    public UpstreamSettingsViewModel(SettingsService settings, UserService users, UpstreamChecks checks,
            Access.SignedIn operator, Executor background, Executor fxThread) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.users = Objects.requireNonNull(users, "users");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.uiWork = new UiWork(background, fxThread);
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    /** Whether the signed-in operator is the owner (the tabs are the owner's; the service refuses anyone else). */
    public boolean isOwner() {
        return operator.owner();
    }

    /** The payment gateway's tab. */
    public PaymentGateway payment() {
        return payment;
    }

    /** The static QRIS tab. */
    public StaticQris qris() {
        return qris;
    }

    /** The messenger's tab. */
    public Messenger messenger() {
        return messenger;
    }

    // ---- the payment gateway ------------------------------------------------------------------------------------

    /** Which gateway takes non-cash money: the training sandbox or Midtrans, with its server key and address. */
    public final class PaymentGateway extends Account {

        private PaymentGateway() {
            super("payment gateway", MIDTRANS, SettingsService.MIDTRANS_DEFAULT_URL, "settings.payment.key.missing",
                    HOUSE, MIDTRANS);
        }

        public ObjectProperty<String> gateway() {
            return form.choice();
        }

        /** The server key as typed (the field masks it); empty keeps the stored key, which is never read into it. */
        public StringProperty serverKey() {
            return form.secret();
        }

        /** Whether a server key is stored, so the key field may stay empty. */
        public ReadOnlyBooleanProperty keyStored() {
            return form.secretStored();
        }

        /** Asks Midtrans with the key and address as typed (an empty key field: the stored key), in the background. */
        public void test() {
            testable(Message.of("settings.payment.test.house")).ifPresent(address -> test(
                    Message.of("settings.payment.test.running"),
                    key -> tested(checks.testPaymentGateway(key, address)), "Testing Midtrans failed"));
        }

        /** Saves the choice and, for Midtrans, the key (empty keeps the stored one) and address; owner only. */
        public void save() {
            save((choice, key, address) -> settings.setMidtrans(actor(), MIDTRANS.equals(choice), key, address),
                    read -> Message.of(MIDTRANS.equals(read.choice()) ? "settings.payment.saved.midtrans"
                            : "settings.payment.saved.house"));
        }

        @Override
        Stored read(boolean saved) {
            return stored(settings::paymentGateway, settings::midtransServerKey, settings::midtransUrl, saved);
        }

        @Override
        Optional<String> storedSecret() {
            return settings.midtransServerKey();
        }

        /** On the background thread. */
        private Tested tested(GatewayResult<String> result) {
            if (result instanceof GatewayResult.Answer<String> answer) {
                return new Tested(true, Message.of(answer.value().contains("sandbox")
                        ? "settings.payment.test.ok.sandbox" : "settings.payment.test.ok.production"));
            }
            if (result instanceof GatewayResult.Refused<String> refused) {
                GatewayError error = refused.error();
                if (error.is(GatewayError.WRONG_KEY)) {
                    return new Tested(false, Message.of("settings.payment.test.wrongKey", error.message()));
                }
                return new Tested(false, refusedBy(error));
            }
            return new Tested(false, Message.of("settings.payment.test.noAnswer",
                    ((GatewayResult.NoAnswer<String>) result).reason()));
        }
    }

    // ---- the static QRIS ----------------------------------------------------------------------------------------

    /**
     * The shop's own static QRIS: its payload, pasted (or typed by a barcode scanner) from the sticker the acquirer
     * gave. Checked as it is typed; saved only when it parses.
     */
    public final class StaticQris {

        private final ActionStatus status = new ActionStatus();
        private final StringProperty payload = new SimpleStringProperty("");
        private final ReadOnlyObjectWrapper<Message> check = new ReadOnlyObjectWrapper<>(Message.NONE);
        private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
        private final ReadOnlyObjectWrapper<Message> stored = new ReadOnlyObjectWrapper<>(Message.NONE);
        private final ReadOnlyBooleanWrapper qrisStored = new ReadOnlyBooleanWrapper();
        /** The payload as stored; empty for none. */
        private String storedPayload = "";
        private boolean loaded;

        private StaticQris() {
            payload.addListener((obs, old, now) -> {
                if (!status.busy().get()) {
                    status.clear(); // what was said about the payload before is not about this one
                }
                recheck();
            });
        }

        /** Reading, saving and removing. */
        public ActionStatus status() {
            return status;
        }

        /** The payload as pasted or scanned. */
        public StringProperty payload() {
            return payload;
        }

        /**
         * What the typed payload is: the merchant, city and NMID's last digits, or why it is refused;
         * {@link Message#NONE} for an empty field or the payload stored ({@link #stored()} says what it is).
         */
        public ReadOnlyObjectProperty<Message> check() {
            return check.getReadOnlyProperty();
        }

        /** Whether the typed payload parses (and so may be saved). */
        public ReadOnlyBooleanProperty valid() {
            return valid.getReadOnlyProperty();
        }

        /** What is stored now, in words ("none yet", or its merchant). */
        public ReadOnlyObjectProperty<Message> stored() {
            return stored.getReadOnlyProperty();
        }

        /** Whether a payload is stored (so it may be removed). */
        public ReadOnlyBooleanProperty qrisStored() {
            return qrisStored.getReadOnlyProperty();
        }

        /** The tab is shown: the stored payload is read the first time. */
        public void activate() {
            if (isOwner() && !loaded) {
                load();
            }
        }

        /** Reads the stored payload in the background; the field then holds it (it is printed on the sticker). */
        public void load() {
            status.start();
            run(settings::staticQris, read -> {
                status.done();
                show(read);
            }, failure -> {
                status.done();
                logFailure("The static QRIS could not be read", failure);
                status.error(refusal(failure, "settings.upstream.error.read"));
            });
        }

        /** Saves the typed payload when it parses; otherwise says why and saves nothing. Owner only. */
        public void save() {
            if (status.busy().get()) {
                return;
            }
            String typed = ProviderForm.typed(payload);
            if (typed.isEmpty()) {
                status.error(Message.of("settings.qris.missing"));
                return;
            }
            QrisPayload parsed;
            try {
                parsed = parseStatic(typed);
            } catch (QrisException e) {
                // The reason is under the field already (check()); this says that nothing was saved.
                status.error(Message.of("settings.qris.notSaved"));
                return;
            }
            change(() -> settings.setStaticQris(actor(), parsed.text()), merchant("settings.qris.saved", parsed));
        }

        /** Removes the stored payload (customers then cannot pay by the shop's own QRIS). Owner only. */
        public void remove() {
            if (status.busy().get()) {
                return;
            }
            change(() -> settings.setStaticQris(actor(), ""), Message.of("settings.qris.removed"));
        }

        private void change(Runnable work, Message done) {
            status.start();
            run(() -> {
                work.run();
                return settings.staticQris();
            }, read -> {
                status.done();
                show(read);
                status.info(done);
            }, failure -> {
                status.done();
                LOG.info("Changing the static QRIS was refused: {}", describe(failure));
                status.error(refusal(failure, "settings.upstream.error.save"));
            });
        }

        private void show(Optional<String> read) {
            loaded = true;
            storedPayload = read.orElse("");
            qrisStored.set(read.isPresent());
            stored.set(read.map(p -> {
                try {
                    return merchant("settings.qris.stored", parseStatic(p));
                } catch (QrisException e) {
                    return Message.of("settings.qris.storedInvalid", reasonText(e));
                }
            }).orElse(Message.of("settings.qris.none")));
            payload.set(read.orElse(""));
            recheck();
        }

        private void recheck() {
            String typed = ProviderForm.typed(payload);
            if (typed.isEmpty()) {
                valid.set(false);
                check.set(Message.NONE);
                return;
            }
            try {
                QrisPayload parsed = parseStatic(typed);
                valid.set(true);
                check.set(parsed.text().equals(storedPayload) ? Message.NONE : merchant("settings.qris.valid", parsed));
            } catch (QrisException e) {
                valid.set(false);
                check.set(Message.of("settings.qris.refused", reasonText(e)));
            }
        }
    }

    /** A payload the shop may print its amounts into: a valid QRIS, and static (the sticker's, not one payment's). */
    private static QrisPayload parseStatic(String payload) {
        return QrisPayload.parse(payload).requireStatic();
    }

    /** {@code key} with the merchant's name, city and the NMID's last four ("…1234"; "—" without an NMID). */
    private static Message merchant(String key, QrisPayload payload) {
        return Message.of(key, payload.merchantName(), payload.merchantCity(),
                payload.nmidLast4().map(last4 -> "…" + last4).orElse("—"));
    }

    /** Why a payload is refused, as the bundle says it (the reason's own sentence). */
    private static Message reasonText(QrisException e) {
        return Message.of("settings.qris.reason." + e.reason().name());
    }

    // ---- the messenger ------------------------------------------------------------------------------------------

    /** Who sends codes and receipts: the training sandbox, Fonnte (WhatsApp) with its token and address, or none. */
    public final class Messenger extends Account {

        private final StringProperty testPhone = new SimpleStringProperty("");

        private Messenger() {
            super("messenger", FONNTE, SettingsService.FONNTE_DEFAULT_URL, "settings.messenger.token.missing", HOUSE,
                    FONNTE, NONE);
            form.watch(testPhone);
        }

        public ObjectProperty<String> kind() {
            return form.choice();
        }

        /** Fonnte's device token as typed (the field masks it); empty keeps the stored token. */
        public StringProperty token() {
            return form.secret();
        }

        /** The number the test text goes to (not saved). */
        public StringProperty testPhone() {
            return testPhone;
        }

        /** Whether a token is stored, so the token field may stay empty. */
        public ReadOnlyBooleanProperty tokenStored() {
            return form.secretStored();
        }

        /** Sends Fonnte a test text to the typed number with the token as typed (empty: the stored token). */
        public void test() {
            Optional<String> address = testable(Message.of(NONE.equals(form.choice().get())
                    ? "settings.messenger.test.none" : "settings.messenger.test.house"));
            if (address.isEmpty()) {
                return;
            }
            String phone = ProviderForm.typed(testPhone).replaceAll("[\\s.\\-()]", "");
            if (!PHONE.matcher(phone).matches()) {
                form.testStatus().error(Message.of("settings.messenger.phone.invalid"));
                return;
            }
            test(Message.of("settings.messenger.test.running", phone),
                    token -> tested(checks.testMessenger(token, address.get(), phone), phone), "Testing Fonnte failed");
        }

        /** Saves the choice and, for Fonnte, the token (empty keeps the stored one) and address; owner only. */
        public void save() {
            save((choice, token, address) -> settings.setMessenger(actor(), choice, token, address),
                    read -> Message.of("settings.messenger.saved." + read.choice()));
        }

        @Override
        Stored read(boolean saved) {
            return stored(settings::messenger, settings::fonnteToken, settings::fonnteUrl, saved);
        }

        @Override
        Optional<String> storedSecret() {
            return settings.fonnteToken();
        }

        /** On the background thread. */
        private Tested tested(GatewayResult<MessageReceipt> result, String phone) {
            if (result instanceof GatewayResult.Answer<MessageReceipt> answer) {
                return new Tested(true, Message.of("settings.messenger.test.ok", phone, answer.value().status()));
            }
            if (result instanceof GatewayResult.Refused<MessageReceipt> refused) {
                GatewayError error = refused.error();
                if (error.is(GatewayError.WRONG_KEY)) {
                    return new Tested(false, Message.of("settings.messenger.test.wrongKey", error.message()));
                }
                if (error.is(GatewayError.INVALID_PHONE)) {
                    return new Tested(false, Message.of("settings.messenger.test.invalidPhone", phone,
                            error.message()));
                }
                return new Tested(false, refusedBy(error));
            }
            return new Tested(false, Message.of("settings.messenger.test.noAnswer",
                    ((GatewayResult.NoAnswer<MessageReceipt>) result).reason()));
        }
    }

    // ---- shared -------------------------------------------------------------------------------------------------

    /**
     * What the payment gateway's and the messenger's tabs share: a {@link ProviderForm} run by this view model, the
     * choice among {@link #choices()} starting as {@link #HOUSE}, whose provider has a secret and an address.
     */
    abstract class Account {

        /** Saves the choice ({@link #HOUSE} for none), the secret as typed (empty keeps the stored one) and address. */
        interface Store {
            void store(String choice, Optional<String> secret, String url);
        }

        final ProviderForm form;
        private final ObservableList<String> choices;
        private final String name;
        private final String provider;
        private final String defaultUrl;
        private final String secretMissing;

        /**
         * @param name the tab's, as the log says it
         * @param provider the choice that has a secret and an address
         * @param secretMissing said when that provider has no secret, typed or stored
         */
        Account(String name, String provider, String defaultUrl, String secretMissing, String... choices) {
            this.form = new ProviderForm(LOG, UpstreamSettingsViewModel.this::run, HOUSE, defaultUrl);
            this.choices = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(choices));
            this.name = name;
            this.provider = provider;
            this.defaultUrl = defaultUrl;
            this.secretMissing = secretMissing;
        }

        /** Reading and saving. */
        public ActionStatus status() {
            return form.status();
        }

        /** "Test connection": on its way, and what the provider said. */
        public ActionStatus testStatus() {
            return form.testStatus();
        }

        /** {@link #HOUSE} first, then the others the tab offers. */
        public ObservableList<String> choices() {
            return choices;
        }

        /** The provider's address; empty means its default ({@link SettingsService}'s). */
        public StringProperty url() {
            return form.url();
        }

        /** The tab is shown: the stored settings are read the first time (what was typed survives a look away). */
        public void activate() {
            if (isOwner() && !form.loaded()) {
                load();
            }
        }

        /** The page is left: the typed secret is forgotten. */
        public void deactivate() {
            form.forget();
        }

        /** Reads the stored settings in the background. */
        public void load() {
            form.load(() -> read(false), read -> {}, "The " + name + "'s settings could not be read",
                    "settings.upstream.error.read");
        }

        ProviderForm form() {
            return form;
        }

        /** On the background thread: the settings as stored now (see {@link #stored}). */
        abstract Stored read(boolean saved);

        /** On the background thread: the stored secret. */
        abstract Optional<String> storedSecret();

        /**
         * The typed address to test with, once no test is on its way, the provider is chosen ({@code notChosen} is
         * said otherwise) and the address and a secret are there; empty, with why, otherwise.
         */
        Optional<String> testable(Message notChosen) {
            ActionStatus testStatus = form.testStatus();
            if (testStatus.busy().get()) {
                return Optional.empty();
            }
            if (!provider.equals(form.choice().get())) {
                testStatus.info(notChosen);
                return Optional.empty();
            }
            Optional<String> address = form.typedUrl(defaultUrl, testStatus);
            if (address.isEmpty() || !form.secretAvailable(testStatus, secretMissing)) {
                return Optional.empty();
            }
            return address;
        }

        /** Tests with the secret as typed (empty: the stored one); {@code ask} on the background thread. */
        void test(Message running, Function<String, Tested> ask, String whatFailed) {
            String typed = form.typedSecret();
            form.test(running, typed, () -> typed.isEmpty() ? storedSecret().orElse("") : typed, ask, whatFailed,
                    whatFailed, "settings.upstream.test.failed");
        }

        /** Saves when the address is good and, for the provider, a secret is typed or stored; owner only. */
        void save(Store store, Function<Stored, Message> saved) {
            ActionStatus status = form.status();
            if (status.busy().get()) {
                return;
            }
            String chosen = Objects.requireNonNullElse(form.choice().get(), HOUSE);
            Optional<String> address = form.typedUrl(defaultUrl, status);
            if (address.isEmpty() || provider.equals(chosen) && !form.secretAvailable(status, secretMissing)) {
                return;
            }
            String secret = form.typedSecret();
            form.save(secret, () -> {
                store.store(chosen, secret.isEmpty() ? Optional.empty() : Optional.of(secret), address.get());
                return read(true);
            }, read -> {}, saved, "Saving the " + name + " was refused", "settings.upstream.error.save");
        }
    }

    /** What the settings say now: the choice, whether a secret is stored (never the secret), and the address. */
    private record Stored(String choice, boolean secretStored, String url, Message problem)
            implements ProviderForm.Read {}

    /**
     * On the background thread: a provider's settings as stored now. Read to be shown, a stored choice that cannot be
     * used reads as {@link #HOUSE}, with why; just {@code saved}, it is used as it is.
     */
    private static Stored stored(Supplier<String> choice, Supplier<Optional<String>> secret, Supplier<String> url,
            boolean saved) {
        ProviderForm.Choice chosen = saved ? new ProviderForm.Choice(choice.get(), Message.NONE)
                : ProviderForm.storedChoice(choice, HOUSE, "settings.upstream.storedInvalid");
        return new Stored(chosen.value(), secret.get().isPresent(), url.get(), chosen.problem());
    }

    /** A refusal other than a wrong key, in words. */
    private static Message refusedBy(GatewayError error) {
        if (error.is(GatewayError.CONFIGURATION_ERROR)) {
            return Message.of("settings.upstream.test.configuration", error.message());
        }
        return Message.of("settings.upstream.test.refused", error.code(), error.message());
    }

    /** The signed-in operator as stored now: the service checks the role and status of this one. */
    private Operator actor() {
        return users.find(operator.username()).orElseThrow(() -> new UserException(
                UserException.Reason.UNKNOWN_OPERATOR, "There is no operator '" + operator.username()
                        + "' any more: sign in again."));
    }

    private static Message refusal(Throwable failure, String otherwiseKey) {
        return SettingsViewModel.refusal(failure, otherwiseKey);
    }

    private static void logFailure(String what, Throwable failure) {
        ProviderForm.logFailure(LOG, what, failure);
    }

    private static String describe(Throwable failure) {
        return ProviderForm.describe(failure);
    }

    /** Runs {@code work} on the background executor and hands its result or its failure to the JavaFX thread. */
    private <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        uiWork.run(work, done, failed, refused -> fxThread.execute(() -> failed.accept(refused)));
    }
}
