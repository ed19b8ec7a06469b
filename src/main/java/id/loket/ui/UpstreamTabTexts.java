package id.loket.ui;

import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * What the payment gateway's, static QRIS and messenger tabs of Settings share when they put a view model's
 * {@link Message} on screen: a message whose arguments are themselves messages (a QRIS refusal's reason) is said
 * with each argument in words first.
 */
final class UpstreamTabTexts {

    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private UpstreamTabTexts() {}

    /** {@code message} in {@code bundle}'s language, its message arguments in words too; empty for none. */
    static String words(Message message, ResourceBundle bundle) {
        if (message.isEmpty()) {
            return "";
        }
        return new Message(message.key(), message.arguments().stream()
                .map(a -> a instanceof Message inner ? words(inner, bundle) : a).toList()).in(bundle);
    }

    /** Shows {@code status}'s message on {@code label} (hidden when there is none), red when it is an error. */
    static void show(Label label, ActionStatus status, ResourceBundle bundle) {
        show(label, status.message().get(), status.isError().get(), bundle);
    }

    static void show(Label label, Message message, boolean error, ResourceBundle bundle) {
        label.setText(words(message, bundle));
        label.setVisible(!message.isEmpty());
        label.pseudoClassStateChanged(ERROR, error);
    }
}
