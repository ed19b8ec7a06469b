package id.loket.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The state of one action of an owner's screen (run a day, resolve an item, print a report …): whether it is on its
 * way, and what came of it last, as a {@link Message} the view puts into words. Changed by its view model on the
 * JavaFX thread only.
 */
public final class ActionStatus {

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper();

    ActionStatus() {}

    /** Whether the action is on its way (its button is disabled meanwhile). */
    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** The outcome of the last action, or why it failed; {@link Message#NONE} when there is nothing to say. */
    public ReadOnlyObjectProperty<Message> message() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #message()} says something went wrong. */
    public ReadOnlyBooleanProperty isError() {
        return error.getReadOnlyProperty();
    }

    void start() {
        busy.set(true);
        error.set(false);
        message.set(Message.NONE);
    }

    /** Started, with a word on what is going on ("printing …"). */
    void start(Message progress) {
        start();
        message.set(progress);
    }

    void done() {
        busy.set(false);
    }

    void info(Message text) {
        error.set(false);
        message.set(text);
    }

    void error(Message text) {
        error.set(true);
        message.set(text);
    }

    void clear() {
        error.set(false);
        message.set(Message.NONE);
    }
}
