package id.loket.ui;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The locked screen (idle too long, or Ctrl+L): only the signed-in operator's password opens it again; failures
 * count towards the account's lockout like any sign-in. Work in progress behind it (a payment waiting for the
 * gateway, a charge being polled) goes on.
 */
public final class LockViewModel {

    private final Access access;
    private final Access.SignedIn operator;
    private final UiWork uiWork;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final StringProperty password = new SimpleStringProperty("");

    public LockViewModel(Access access, Access.SignedIn operator, Executor background, Executor fxThread) {
        this.access = Objects.requireNonNull(access, "access");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.uiWork = new UiWork(background, fxThread);
    }

    public Access.SignedIn operator() {
        return operator;
    }

    public ReadOnlyBooleanProperty locked() {
        return locked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> message() {
        return message.getReadOnlyProperty();
    }

    public StringProperty password() {
        return password;
    }

    public void lock() {
        password.set("");
        message.set(Message.NONE);
        locked.set(true);
    }

    /** Enter on the lock: checks the password in the background. */
    public void unlock() {
        if (!locked.get() || busy.get()) {
            return;
        }
        if (password.get().isEmpty()) {
            message.set(Message.of("lock.missing"));
            return;
        }
        char[] typed = password.get().toCharArray();
        password.set("");
        busy.set(true);
        uiWork.run(() -> {
            try {
                return access.signIn(operator.username(), typed);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }, who -> {
            busy.set(false);
            message.set(Message.NONE);
            locked.set(false);
        }, cause -> {
            busy.set(false);
            message.set(cause instanceof Access.Refusal refusal
                    ? Message.of("door.refused." + refusal.reason().name(), refusal.getMessage())
                    : Message.of("door.failed", String.valueOf(cause.getMessage())));
        }, refused -> {
            throw refused; // the executor shut down: the caller hears of it
        });
    }
}
