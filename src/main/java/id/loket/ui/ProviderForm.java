package id.loket.ui;

import id.loket.users.PermissionDeniedException;
import id.loket.users.UserException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;

/**
 * A provider account on a Settings tab, the shape the biller network's, the payment gateway's and the messenger's
 * forms share: a choice among providers; a secret (an API key, a server key, a device token) typed into a masked
 * field and never read back into it, the form only knowing whether one is stored ({@link #secretStored()}), an empty
 * field meaning the stored one; the provider's address; "Test connection", asked on the background thread with what
 * is typed, its answer dropped when the form was edited meanwhile (it would be about a form no longer on screen);
 * and reading and saving through the settings service, a refusal said in words. A secret that a provider or an
 * exception repeats is masked in every message and log line.
 *
 * <p>The tab's view model keeps its own public names for these properties and says what is its provider's own: what
 * is checked before asking, how the answer is said, and what is read and saved.
 */
final class ProviderForm {

    /** Runs work on the background executor and hands its result or its failure to the JavaFX thread. */
    interface Runner {
        <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed);
    }

    /** What the settings say now: the choice, whether a secret is stored (never the secret), and the address. */
    interface Read {
        String choice();

        boolean secretStored();

        String url();

        /** Why the stored choice could not be used, or {@link Message#NONE}. */
        Message problem();
    }

    /** A stored choice and, when it could not be used (a fallback stands in for it), why. */
    record Choice(String value, Message problem) {}

    /** What a test came to, in words that never hold the secret. */
    record Tested(boolean answered, Message message) {

        /** This answer with {@code secret}, should a provider or an exception have repeated it, masked. */
        Tested hiding(String secret) {
            return new Tested(answered, hideSecret(message, secret));
        }
    }

    private final Logger log;
    private final Runner runner;
    private final ActionStatus status = new ActionStatus();
    private final ActionStatus testStatus = new ActionStatus();
    private final ObjectProperty<String> choice;
    private final StringProperty secret = new SimpleStringProperty("");
    private final StringProperty url;
    private final ReadOnlyBooleanWrapper secretStored = new ReadOnlyBooleanWrapper();
    private long edits;
    private boolean loaded;

    /**
     * @param log where the view model logs (a refusal without its stack trace, anything else with it)
     * @param choice the choice before the stored one is read
     * @param defaultUrl the address before the stored one is read
     */
    ProviderForm(Logger log, Runner runner, String choice, String defaultUrl) {
        this.log = Objects.requireNonNull(log, "log");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.choice = new SimpleObjectProperty<>(choice);
        this.url = new SimpleStringProperty(defaultUrl);
        watch(this.choice, secret, url);
    }

    /** Reading and saving. */
    ActionStatus status() {
        return status;
    }

    /** "Test connection": on its way, and what the provider said. */
    ActionStatus testStatus() {
        return testStatus;
    }

    ObjectProperty<String> choice() {
        return choice;
    }

    /** The secret as typed (the field masks it); empty keeps the stored one, which is never read into it. */
    StringProperty secret() {
        return secret;
    }

    /** The provider's address as typed. */
    StringProperty url() {
        return url;
    }

    /** Whether a secret is stored, so the secret field may stay empty. */
    ReadOnlyBooleanProperty secretStored() {
        return secretStored.getReadOnlyProperty();
    }

    /** Whether the stored settings were read (what was typed since survives a look away). */
    boolean loaded() {
        return loaded;
    }

    /**
     * Counts the edits of {@code values} too (the choice, the secret and the address are counted already): a test's
     * answer about what was typed before is not shown, and the last answer is cleared when the form changes.
     */
    void watch(ObservableValue<?>... values) {
        for (ObservableValue<?> value : values) {
            value.addListener((obs, old, now) -> {
                edits++;
                if (!testStatus.busy().get()) {
                    testStatus.clear();
                }
            });
        }
    }

    /** The page is left: the typed secret is forgotten. */
    void forget() {
        secret.set("");
    }

    /** The typed secret without the spaces around it; empty for the stored one. */
    String typedSecret() {
        return typed(secret);
    }

    /** Whether there is a secret to use, typed or stored; otherwise says {@code missingKey} on {@code said}. */
    boolean secretAvailable(ActionStatus said, String missingKey) {
        if (typedSecret().isEmpty() && !secretStored.get()) {
            said.error(Message.of(missingKey));
            return false;
        }
        return true;
    }

    /**
     * The typed address (empty: {@code defaultUrl}); empty, with the reason on {@code said}, unless it is
     * {@code https://}, or {@code http://} to this computer (a simulator).
     */
    Optional<String> typedUrl(String defaultUrl, ActionStatus said) {
        String text = typed(url);
        String address = text.isEmpty() ? defaultUrl : text;
        try {
            URI uri = new URI(address);
            String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
            String host = Objects.requireNonNullElse(uri.getHost(), "").toLowerCase(Locale.ROOT);
            boolean local = List.of("localhost", "127.0.0.1", "[::1]").contains(host);
            if (!host.isEmpty() && (scheme.equals("https") || scheme.equals("http") && local)) {
                return Optional.of(address);
            }
        } catch (URISyntaxException e) {
            // said below
        }
        said.error(Message.of("settings.upstream.url.invalid", address));
        return Optional.empty();
    }

    /**
     * Reads the stored settings in the background and shows them; a stored choice that could not be used is said as
     * an error, a failure as {@code failedKey} (logged as {@code what}).
     *
     * @param more shows what the view model's form has besides the choice, the secret and the address
     */
    <T extends Read> void load(Supplier<T> read, Consumer<T> more, String what, String failedKey) {
        status.start();
        runner.run(read, stored -> {
            status.done();
            show(stored, more);
            if (!stored.problem().isEmpty()) {
                status.error(stored.problem());
            }
        }, failure -> {
            status.done();
            logFailure(log, what, failure);
            status.error(SettingsViewModel.refusal(failure, failedKey));
        });
    }

    /**
     * Tests the account as typed in the background, once the view model has checked it, saying {@code running}
     * meanwhile. The answer is shown unless the form was edited since; a failure is said as {@code failedKey}.
     *
     * @param typedSecret the secret as typed (masked in what is said of a failure)
     * @param secret on the background thread: the secret to ask with (the stored one for an empty field)
     * @param ask on the background thread: asks the provider with that secret and says its answer
     * @param whatAsked logged, with the exception's message, when {@code ask} throws
     * @param what logged with a failure of the work itself
     */
    void test(Message running, String typedSecret, Supplier<String> secret, Function<String, Tested> ask,
            String whatAsked, String what, String failedKey) {
        long asked = edits;
        testStatus.start(running);
        runner.run(() -> {
            String used = secret.get();
            try {
                return ask.apply(used).hiding(used);
            } catch (RuntimeException e) {
                // The secret may be in an exception's message: neither the log nor the screen gets it.
                log.warn("{}: {}", whatAsked, hideSecret(describe(e), used));
                return new Tested(false, hideSecret(Message.of(failedKey, describe(e)), used));
            }
        }, result -> {
            testStatus.done();
            if (asked != edits) {
                testStatus.clear(); // the answer is about a form no longer on screen
            } else if (result.answered()) {
                testStatus.info(result.message());
            } else {
                testStatus.error(result.message());
            }
        }, failure -> {
            testStatus.done();
            logFailure(log, what, failure);
            testStatus.error(hideSecret(SettingsViewModel.refusal(failure, failedKey), typedSecret));
        });
    }

    /**
     * Saves in the background, once the view model has checked the form; then the typed secret is forgotten, the
     * settings as stored now are shown and {@code saved} says so. A refusal is said as {@code failedKey} (logged as
     * {@code what}), the typed secret masked.
     *
     * @param store on the background thread: saves, then reads the settings back
     * @param more shows what the view model's form has besides the choice, the secret and the address
     */
    <T extends Read> void save(String typedSecret, Supplier<T> store, Consumer<T> more, Function<T, Message> saved,
            String what, String failedKey) {
        status.start();
        runner.run(store, stored -> {
            status.done();
            secret.set("");
            show(stored, more);
            status.info(saved.apply(stored));
        }, failure -> {
            status.done();
            log.info("{}: {}", what, hideSecret(describe(failure), typedSecret));
            status.error(hideSecret(SettingsViewModel.refusal(failure, failedKey), typedSecret));
        });
    }

    private <T extends Read> void show(T stored, Consumer<T> more) {
        loaded = true;
        secretStored.set(stored.secretStored());
        choice.set(stored.choice());
        url.set(stored.url());
        more.accept(stored);
    }

    /** On the background thread: the stored choice, or {@code fallback} and why when it cannot be used. */
    static Choice storedChoice(Supplier<String> stored, String fallback, String invalidKey) {
        try {
            return new Choice(stored.get(), Message.NONE);
        } catch (IllegalArgumentException e) {
            return new Choice(fallback, Message.of(invalidKey, describe(e)));
        }
    }

    /** The field's text without the spaces around it. */
    static String typed(StringProperty field) {
        return Objects.requireNonNullElse(field.get(), "").strip();
    }

    /** {@code message} with the secret, should a provider or an exception have repeated it, masked. */
    static Message hideSecret(Message message, String secret) {
        return new Message(message.key(), message.arguments().stream()
                .map(a -> a instanceof String text ? hideSecret(text, secret) : a).toList());
    }

    static String hideSecret(String text, String secret) {
        return secret.isBlank() ? text : text.replace(secret, "****");
    }

    /** A refusal is the service's answer, said on screen: logged without a stack trace; anything else with one. */
    static void logFailure(Logger log, String what, Throwable failure) {
        if (failure instanceof UserException || failure instanceof PermissionDeniedException) {
            log.info("{}: {}", what, failure.getMessage());
        } else {
            log.warn(what, failure);
        }
    }

    /** The failure's message, or its class for none. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
