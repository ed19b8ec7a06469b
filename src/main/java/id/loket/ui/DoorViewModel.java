package id.loket.ui;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way into the window, before the counter: the first-run setup (the shop and its owner), signing in, and a
 * clerk's first sign-in with the activation code the owner was shown. Plain Java and JavaFX properties, tested
 * without the toolkit. Passwords are held only as long as the form is open and are cleared after each attempt.
 */
public final class DoorViewModel {

    /** Which form the door shows. */
    public enum Mode {
        /** Asking whether the shop is set up. */
        CHECKING,
        SETUP,
        SIGN_IN,
        ACTIVATE
    }

    /** Shorter than this is refused before the service is asked (the service also checks strength). */
    static final int MIN_PASSWORD = 10;

    private static final Logger LOG = LoggerFactory.getLogger(DoorViewModel.class);

    private final Access access;
    private final UiWork uiWork;
    private final Consumer<Access.SignedIn> signedIn;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.CHECKING);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final StringProperty shopName = new SimpleStringProperty("");
    private final StringProperty shopAddress = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeated = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");

    /** @param signedIn called on the JavaFX thread with whoever got in */
    public DoorViewModel(Access access, Executor background, Executor fxThread, Consumer<Access.SignedIn> signedIn) {
        this.access = Objects.requireNonNull(access, "access");
        this.uiWork = new UiWork(background, fxThread);
        this.signedIn = Objects.requireNonNull(signedIn, "signedIn");
    }

    /** Asks whether the shop is set up, then shows the setup or the sign-in. */
    public void start() {
        busy.set(true);
        run(access::isSetUp, setUp -> mode.set(setUp ? Mode.SIGN_IN : Mode.SETUP));
    }

    public ReadOnlyObjectProperty<Mode> mode() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> message() {
        return message.getReadOnlyProperty();
    }

    public StringProperty shopName() {
        return shopName;
    }

    public StringProperty shopAddress() {
        return shopAddress;
    }

    public StringProperty username() {
        return username;
    }

    public StringProperty password() {
        return password;
    }

    /** The password typed a second time (setup, activation). */
    public StringProperty repeated() {
        return repeated;
    }

    /** The activation code the owner was shown for this clerk. */
    public StringProperty code() {
        return code;
    }

    /** "I have an activation code": the clerk's first sign-in. */
    public void toActivation() {
        if (mode.get() == Mode.SIGN_IN) {
            message.set(Message.NONE);
            mode.set(Mode.ACTIVATE);
        }
    }

    /** Back from the activation to the sign-in. */
    public void toSignIn() {
        if (mode.get() == Mode.ACTIVATE) {
            message.set(Message.NONE);
            mode.set(Mode.SIGN_IN);
        }
    }

    /** Enter on the form: checks what can be checked here, then asks the service. */
    public void submit() {
        if (busy.get()) {
            return;
        }
        String user = username.get().strip();
        switch (mode.get()) {
            case SETUP -> {
                if (shopName.get().isBlank() || user.isEmpty()) {
                    message.set(Message.of("door.setup.missing"));
                    return;
                }
                if (!newPasswordOk()) {
                    return;
                }
                Access.Setup setup = new Access.Setup(shopName.get().strip(), shopAddress.get().strip(), user,
                        password.get().toCharArray());
                attempt(() -> access.setUp(setup), setup.password());
            }
            case SIGN_IN -> {
                if (user.isEmpty() || password.get().isEmpty()) {
                    message.set(Message.of("door.signIn.missing"));
                    return;
                }
                char[] typed = password.get().toCharArray();
                attempt(() -> access.signIn(user, typed), typed);
            }
            case ACTIVATE -> {
                if (user.isEmpty() || code.get().isBlank()) {
                    message.set(Message.of("door.activate.missing"));
                    return;
                }
                if (!newPasswordOk()) {
                    return;
                }
                char[] typed = password.get().toCharArray();
                String activation = code.get().strip();
                attempt(() -> access.activate(user, activation, typed), typed);
            }
            case CHECKING -> {
                // nothing to submit yet
            }
        }
    }

    /** Checks a new password and its repetition; a refused one is cleared so it is typed again from scratch. */
    private boolean newPasswordOk() {
        Message problem = password.get().length() < MIN_PASSWORD ? Message.of("door.password.short", MIN_PASSWORD)
                : !password.get().equals(repeated.get()) ? Message.of("door.password.mismatch")
                : Message.NONE;
        if (problem.isEmpty()) {
            return true;
        }
        password.set("");
        repeated.set("");
        message.set(problem);
        return false;
    }

    private void attempt(Supplier<Access.SignedIn> work, char[] secret) {
        message.set(Message.NONE);
        busy.set(true);
        run(() -> {
            try {
                return work.get();
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, who -> {
            password.set("");
            repeated.set("");
            code.set("");
            signedIn.accept(who);
        });
    }

    private <T> void run(Supplier<T> work, Consumer<T> done) {
        uiWork.run(work, value -> {
            busy.set(false);
            done.accept(value);
        }, cause -> {
            busy.set(false);
            password.set("");
            repeated.set("");
            if (cause instanceof Access.Refusal refusal) {
                message.set(Message.of("door.refused." + refusal.reason().name(), refusal.getMessage()));
                if (refusal.reason() == Access.Refusal.Reason.ALREADY_SET_UP) {
                    mode.set(Mode.SIGN_IN);
                }
            } else {
                LOG.warn("The way in failed", cause);
                message.set(Message.of("door.failed", cause.getMessage() == null ? cause.toString()
                        : cause.getMessage()));
                if (mode.get() == Mode.CHECKING) {
                    mode.set(Mode.SIGN_IN);
                }
            }
        }, refused -> {
            throw refused; // the executor shut down: the caller hears of it
        });
    }
}
