package id.loket.ui;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.billing.UpstreamChecks;
import id.loket.qris.QrisException;
import id.loket.qris.QrisPayload;
import id.loket.settings.SettingsService;
import id.loket.users.Operator;
import id.loket.users.PermissionDeniedException;
import id.loket.users.UserException;
import id.loket.users.UserService;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
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
 * <p>As on the biller network's tab: "Test connection" asks with what is typed, not saved (an empty key field means
 * the stored key), on {@code background}, and says the answer in words; saving is the owner's (the service refuses
 * anyone else, and the refusal is shown); Loket builds its gateway and messenger when it starts, so a saved change is
 * used from the next start and the page says so. A stored key or token is never read into a field or a message: the
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
    public final class PaymentGateway {

        private final ActionStatus status = new ActionStatus();
        private final ActionStatus testStatus = new ActionStatus();
        private final ObservableList<String> choices =
                FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(HOUSE, MIDTRANS));
        private final ObjectProperty<String> gateway = new SimpleObjectProperty<>(HOUSE);
        private final StringProperty serverKey = new SimpleStringProperty("");
        private final StringProperty url = new SimpleStringProperty(SettingsService.MIDTRANS_DEFAULT_URL);
        private final ReadOnlyBooleanWrapper keyStored = new ReadOnlyBooleanWrapper();
        private final Edits edits = new Edits(testStatus);
        private boolean loaded;

        private PaymentGateway() {
            edits.watch(gateway, serverKey, url);
        }

        /** Reading and saving. */
        public ActionStatus status() {
            return status;
        }

        /** "Test connection": on its way, and what the gateway said. */
        public ActionStatus testStatus() {
            return testStatus;
        }

        /** {@link #HOUSE}, then {@link #MIDTRANS}. */
        public ObservableList<String> choices() {
            return choices;
        }

        public ObjectProperty<String> gateway() {
            return gateway;
        }

        /** The server key as typed (the field masks it); empty keeps the stored key, which is never read into it. */
        public StringProperty serverKey() {
            return serverKey;
        }

        /** Midtrans' address; empty means {@link SettingsService#MIDTRANS_DEFAULT_URL}. */
        public StringProperty url() {
            return url;
        }

        /** Whether a server key is stored, so the key field may stay empty. */
        public ReadOnlyBooleanProperty keyStored() {
            return keyStored.getReadOnlyProperty();
        }

        /** The tab is shown: the stored settings are read the first time (what was typed survives a look away). */
        public void activate() {
            if (isOwner() && !loaded) {
                load();
            }
        }

        /** The page is left: the typed key is forgotten. */
        public void deactivate() {
            serverKey.set("");
        }

        /** Reads the stored settings in the background. */
        public void load() {
            status.start();
            run(() -> {
                Message problem = Message.NONE;
                String chosen;
                try {
                    chosen = settings.paymentGateway();
                } catch (IllegalArgumentException e) {
                    chosen = HOUSE;
                    problem = Message.of("settings.upstream.storedInvalid", describe(e));
                }
                return new Stored(chosen, settings.midtransServerKey().isPresent(), settings.midtransUrl(), problem);
            }, read -> {
                status.done();
                show(read);
                if (!read.problem().isEmpty()) {
                    status.error(read.problem());
                }
            }, failure -> {
                status.done();
                logFailure("The payment gateway's settings could not be read", failure);
                status.error(refusal(failure, "settings.upstream.error.read"));
            });
        }

        /** Asks Midtrans with the key and address as typed (an empty key field: the stored key), in the background. */
        public void test() {
            if (testStatus.busy().get()) {
                return;
            }
            if (!MIDTRANS.equals(gateway.get())) {
                testStatus.info(Message.of("settings.payment.test.house"));
                return;
            }
            Optional<String> address = typedUrl(url, SettingsService.MIDTRANS_DEFAULT_URL, testStatus);
            if (address.isEmpty() || !keyAvailable(testStatus)) {
                return;
            }
            String typedKey = typed(serverKey);
            long asked = edits.count();
            testStatus.start(Message.of("settings.payment.test.running"));
            run(() -> {
                String key = typedKey.isEmpty() ? settings.midtransServerKey().orElse("") : typedKey;
                try {
                    return hideSecret(tested(checks.testPaymentGateway(key, address.get())), key);
                } catch (RuntimeException e) {
                    LOG.warn("Testing Midtrans failed: {}", hideSecret(describe(e), key));
                    return new Tested(false, hideSecret(Message.of("settings.upstream.test.failed", describe(e)), key));
                }
            }, result -> edits.answer(asked, result), failure -> {
                testStatus.done();
                logFailure("Testing Midtrans failed", failure);
                testStatus.error(hideSecret(refusal(failure, "settings.upstream.test.failed"), typedKey));
            });
        }

        /** Saves the choice and, for Midtrans, the key (empty keeps the stored one) and address; owner only. */
        public void save() {
            if (status.busy().get()) {
                return;
            }
            boolean midtrans = MIDTRANS.equals(gateway.get());
            Optional<String> address = typedUrl(url, SettingsService.MIDTRANS_DEFAULT_URL, status);
            if (address.isEmpty() || midtrans && !keyAvailable(status)) {
                return;
            }
            String key = typed(serverKey);
            status.start();
            run(() -> {
                settings.setMidtrans(actor(), midtrans, key.isEmpty() ? Optional.empty() : Optional.of(key),
                        address.get());
                return new Stored(settings.paymentGateway(), settings.midtransServerKey().isPresent(),
                        settings.midtransUrl(), Message.NONE);
            }, read -> {
                status.done();
                serverKey.set("");
                show(read);
                status.info(Message.of(MIDTRANS.equals(read.choice()) ? "settings.payment.saved.midtrans"
                        : "settings.payment.saved.house"));
            }, failure -> {
                status.done();
                LOG.info("Saving the payment gateway was refused: {}", hideSecret(describe(failure), key));
                status.error(hideSecret(refusal(failure, "settings.upstream.error.save"), key));
            });
        }

        private boolean keyAvailable(ActionStatus said) {
            if (typed(serverKey).isEmpty() && !keyStored.get()) {
                said.error(Message.of("settings.payment.key.missing"));
                return false;
            }
            return true;
        }

        private void show(Stored read) {
            loaded = true;
            keyStored.set(read.secretStored());
            gateway.set(read.choice());
            url.set(read.url());
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
            String typed = typed(payload);
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
            String typed = typed(payload);
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
    public final class Messenger {

        private final ActionStatus status = new ActionStatus();
        private final ActionStatus testStatus = new ActionStatus();
        private final ObservableList<String> choices =
                FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(HOUSE, FONNTE, NONE));
        private final ObjectProperty<String> kind = new SimpleObjectProperty<>(HOUSE);
        private final StringProperty token = new SimpleStringProperty("");
        private final StringProperty url = new SimpleStringProperty(SettingsService.FONNTE_DEFAULT_URL);
        private final StringProperty testPhone = new SimpleStringProperty("");
        private final ReadOnlyBooleanWrapper tokenStored = new ReadOnlyBooleanWrapper();
        private final Edits edits = new Edits(testStatus);
        private boolean loaded;

        private Messenger() {
            edits.watch(kind, token, url, testPhone);
        }

        /** Reading and saving. */
        public ActionStatus status() {
            return status;
        }

        /** "Test connection": on its way, and what the messenger said. */
        public ActionStatus testStatus() {
            return testStatus;
        }

        /** {@link #HOUSE}, {@link #FONNTE}, then {@link #NONE}. */
        public ObservableList<String> choices() {
            return choices;
        }

        public ObjectProperty<String> kind() {
            return kind;
        }

        /** Fonnte's device token as typed (the field masks it); empty keeps the stored token. */
        public StringProperty token() {
            return token;
        }

        /** Fonnte's address; empty means {@link SettingsService#FONNTE_DEFAULT_URL}. */
        public StringProperty url() {
            return url;
        }

        /** The number the test text goes to (not saved). */
        public StringProperty testPhone() {
            return testPhone;
        }

        /** Whether a token is stored, so the token field may stay empty. */
        public ReadOnlyBooleanProperty tokenStored() {
            return tokenStored.getReadOnlyProperty();
        }

        /** The tab is shown: the stored settings are read the first time. */
        public void activate() {
            if (isOwner() && !loaded) {
                load();
            }
        }

        /** The page is left: the typed token is forgotten. */
        public void deactivate() {
            token.set("");
        }

        /** Reads the stored settings in the background. */
        public void load() {
            status.start();
            run(() -> {
                Message problem = Message.NONE;
                String chosen;
                try {
                    chosen = settings.messenger();
                } catch (IllegalArgumentException e) {
                    chosen = HOUSE;
                    problem = Message.of("settings.upstream.storedInvalid", describe(e));
                }
                return new Stored(chosen, settings.fonnteToken().isPresent(), settings.fonnteUrl(), problem);
            }, read -> {
                status.done();
                show(read);
                if (!read.problem().isEmpty()) {
                    status.error(read.problem());
                }
            }, failure -> {
                status.done();
                logFailure("The messenger's settings could not be read", failure);
                status.error(refusal(failure, "settings.upstream.error.read"));
            });
        }

        /** Sends Fonnte a test text to the typed number with the token as typed (empty: the stored token). */
        public void test() {
            if (testStatus.busy().get()) {
                return;
            }
            if (!FONNTE.equals(kind.get())) {
                testStatus.info(Message.of(NONE.equals(kind.get()) ? "settings.messenger.test.none"
                        : "settings.messenger.test.house"));
                return;
            }
            Optional<String> address = typedUrl(url, SettingsService.FONNTE_DEFAULT_URL, testStatus);
            if (address.isEmpty() || !tokenAvailable(testStatus)) {
                return;
            }
            String phone = typed(testPhone).replaceAll("[\\s.\\-()]", "");
            if (!PHONE.matcher(phone).matches()) {
                testStatus.error(Message.of("settings.messenger.phone.invalid"));
                return;
            }
            String typedToken = typed(token);
            long asked = edits.count();
            testStatus.start(Message.of("settings.messenger.test.running", phone));
            run(() -> {
                String secret = typedToken.isEmpty() ? settings.fonnteToken().orElse("") : typedToken;
                try {
                    return hideSecret(tested(checks.testMessenger(secret, address.get(), phone), phone), secret);
                } catch (RuntimeException e) {
                    LOG.warn("Testing Fonnte failed: {}", hideSecret(describe(e), secret));
                    return new Tested(false,
                            hideSecret(Message.of("settings.upstream.test.failed", describe(e)), secret));
                }
            }, result -> edits.answer(asked, result), failure -> {
                testStatus.done();
                logFailure("Testing Fonnte failed", failure);
                testStatus.error(hideSecret(refusal(failure, "settings.upstream.test.failed"), typedToken));
            });
        }

        /** Saves the choice and, for Fonnte, the token (empty keeps the stored one) and address; owner only. */
        public void save() {
            if (status.busy().get()) {
                return;
            }
            String chosen = Objects.requireNonNullElse(kind.get(), HOUSE);
            Optional<String> address = typedUrl(url, SettingsService.FONNTE_DEFAULT_URL, status);
            if (address.isEmpty() || FONNTE.equals(chosen) && !tokenAvailable(status)) {
                return;
            }
            String secret = typed(token);
            status.start();
            run(() -> {
                settings.setMessenger(actor(), chosen, secret.isEmpty() ? Optional.empty() : Optional.of(secret),
                        address.get());
                return new Stored(settings.messenger(), settings.fonnteToken().isPresent(), settings.fonnteUrl(),
                        Message.NONE);
            }, read -> {
                status.done();
                token.set("");
                show(read);
                status.info(Message.of("settings.messenger.saved." + read.choice()));
            }, failure -> {
                status.done();
                LOG.info("Saving the messenger was refused: {}", hideSecret(describe(failure), secret));
                status.error(hideSecret(refusal(failure, "settings.upstream.error.save"), secret));
            });
        }

        private boolean tokenAvailable(ActionStatus said) {
            if (typed(token).isEmpty() && !tokenStored.get()) {
                said.error(Message.of("settings.messenger.token.missing"));
                return false;
            }
            return true;
        }

        private void show(Stored read) {
            loaded = true;
            tokenStored.set(read.secretStored());
            kind.set(read.choice());
            url.set(read.url());
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

    /** What the settings say now: the choice, whether a secret is stored (never the secret), and the address. */
    private record Stored(String choice, boolean secretStored, String url, Message problem) {}

    /** What a test came to, in words that never hold the secret. */
    private record Tested(boolean answered, Message message) {}

    /**
     * Counts the edits of a form, so that a test's answer about what was typed before is not shown, and clears the
     * last answer when the form changes.
     */
    private static final class Edits {

        private final ActionStatus testStatus;
        private long count;

        Edits(ActionStatus testStatus) {
            this.testStatus = testStatus;
        }

        void watch(ObservableValue<?>... values) {
            for (ObservableValue<?> value : values) {
                value.addListener((obs, old, now) -> {
                    count++;
                    if (!testStatus.busy().get()) {
                        testStatus.clear();
                    }
                });
            }
        }

        long count() {
            return count;
        }

        /** On the JavaFX thread: shows the answer to the test asked at {@code asked} edits. */
        void answer(long asked, Tested result) {
            testStatus.done();
            if (asked != count) {
                testStatus.clear(); // the answer is about a form no longer on screen
            } else if (result.answered()) {
                testStatus.info(result.message());
            } else {
                testStatus.error(result.message());
            }
        }
    }

    /** A refusal other than a wrong key, in words. */
    private static Message refusedBy(GatewayError error) {
        if (error.is(GatewayError.CONFIGURATION_ERROR)) {
            return Message.of("settings.upstream.test.configuration", error.message());
        }
        return Message.of("settings.upstream.test.refused", error.code(), error.message());
    }

    /** The field's text without the spaces around it. */
    private static String typed(StringProperty field) {
        return Objects.requireNonNullElse(field.get(), "").strip();
    }

    /**
     * The typed address (empty: {@code defaultUrl}); empty, with the reason on {@code said}, unless it is
     * {@code https://}, or {@code http://} to this computer (a simulator).
     */
    private static Optional<String> typedUrl(StringProperty field, String defaultUrl, ActionStatus said) {
        String text = typed(field);
        String url = text.isEmpty() ? defaultUrl : text;
        try {
            URI uri = new URI(url);
            String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
            String host = Objects.requireNonNullElse(uri.getHost(), "").toLowerCase(Locale.ROOT);
            boolean local = List.of("localhost", "127.0.0.1", "[::1]").contains(host);
            if (!host.isEmpty() && (scheme.equals("https") || scheme.equals("http") && local)) {
                return Optional.of(url);
            }
        } catch (URISyntaxException e) {
            // said below
        }
        said.error(Message.of("settings.upstream.url.invalid", url));
        return Optional.empty();
    }

    /** {@code result} with the secret, should a provider or an exception have repeated it, masked. */
    private static Tested hideSecret(Tested result, String secret) {
        return new Tested(result.answered(), hideSecret(result.message(), secret));
    }

    private static Message hideSecret(Message message, String secret) {
        return new Message(message.key(), message.arguments().stream()
                .map(a -> a instanceof String text ? hideSecret(text, secret) : a).toList());
    }

    private static String hideSecret(String text, String secret) {
        return secret.isBlank() ? text : text.replace(secret, "****");
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
        if (failure instanceof UserException || failure instanceof PermissionDeniedException) {
            LOG.info("{}: {}", what, failure.getMessage());
        } else {
            LOG.warn(what, failure);
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** Runs {@code work} on the background executor and hands its result or its failure to the JavaFX thread. */
    private <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        uiWork.run(work, done, failed, refused -> fxThread.execute(() -> failed.accept(refused)));
    }
}
