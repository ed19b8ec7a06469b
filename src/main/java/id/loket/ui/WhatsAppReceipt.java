package id.loket.ui;

import id.loket.billing.GatewayError;
import id.loket.report.ReceiptMessages;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending one payment's receipt to the customer's WhatsApp, for the counter's result (Shift+F5) and History: the
 * phone asked for, the send on the background executor, and what became of it, in the clerk's words. When the
 * messenger cannot send (none configured, a token it does not accept, a bad number, no quota, no answer) the
 * {@code wa.me} link is offered instead: the customer scans its QR, or the clerk opens it and presses Send.
 *
 * <p>Plain Java and JavaFX properties, tested without the toolkit; {@link WhatsAppReceiptPanel} shows it. A send
 * answered after the clerk closed the panel or opened it for another payment is dropped.
 */
public final class WhatsAppReceipt {

    /** Where the clerk is with the receipt. */
    public enum State {
        /** Nothing asked. */
        CLOSED,
        /** The phone is asked for. */
        ASKING,
        /** On its way to the messenger. */
        SENDING,
        /** The messenger took it. */
        SENT,
        /** Not sent: {@link #message()} says why, {@link #link()} offers the {@code wa.me} link when there is one. */
        NOT_SENT
    }

    /**
     * Fonnte's code for a device without message quota. The adapter's own constant lives in its package, which the
     * screens may not see (ArchitectureTest); the code is the port's contract, so naming it here is no borrowing.
     */
    static final String NO_QUOTA = "insufficient_quota";

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppReceipt.class);

    private final Optional<ReceiptMessages> messages;
    private final Supplier<String> clerk;
    private final UiWork uiWork;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CLOSED);
    private final StringProperty phone = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyObjectWrapper<Optional<String>> link = new ReadOnlyObjectWrapper<>(Optional.empty());
    private Optional<String> clientRef = Optional.empty();
    private long generation;

    /**
     * @param messages how receipts reach a phone; empty when this window was built without (the panel then says
     *     so and sends nothing)
     * @param clerk who the receipt names (the signed-in clerk)
     */
    WhatsAppReceipt(Optional<ReceiptMessages> messages, Supplier<String> clerk, Executor background,
            Executor fxThread) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clerk = Objects.requireNonNull(clerk, "clerk");
        this.uiWork = new UiWork(background, fxThread);
    }

    /** Asks for the phone to send the receipt of {@code payment} to; {@code knownPhone} fills it in when known. */
    public void open(String payment, Optional<String> knownPhone) {
        generation++;
        clientRef = Optional.of(Objects.requireNonNull(payment, "payment"));
        sentTo = "";
        phone.set(knownPhone.orElse(""));
        link.set(Optional.empty());
        message.set(messages.isEmpty() ? Message.of("counter.wa.unavailable") : Message.NONE);
        state.set(State.ASKING);
    }

    /** Enter in the phone: sends, on the background executor. */
    public void send() {
        if (clientRef.isEmpty() || state.get() == State.SENDING || state.get() == State.CLOSED) {
            return;
        }
        if (messages.isEmpty()) {
            message.set(Message.of("counter.wa.unavailable"));
            return;
        }
        String to = phone.get() == null ? "" : phone.get().strip();
        if (to.isEmpty()) {
            message.set(Message.of("counter.wa.phoneMissing"));
            return;
        }
        if (state.get() == State.SENT && to.equals(sentTo)) {
            return; // already sent to this number: a second Enter sends nothing twice
        }
        String ref = clientRef.get();
        String by = clerk.get();
        ReceiptMessages sender = messages.get();
        long asked = ++generation;
        state.set(State.SENDING);
        link.set(Optional.empty());
        message.set(Message.of("counter.wa.sending", masked(to)));
        uiWork.run(() -> sender.send(ref, to, by), outcome -> {
            if (asked == generation) {
                show(outcome, to);
            }
        }, failure -> {
            if (asked != generation) {
                return;
            }
            LOG.warn("The receipt of {} could not be sent to a phone", ref, failure);
            String why = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            message.set(Message.of("counter.wa.failed", why));
            state.set(State.NOT_SENT);
        });
    }

    /** The number the receipt was last sent to in this panel. */
    private String sentTo = "";

    /** Esc: closes the panel; a send under way goes on, its answer is dropped. */
    public void close() {
        generation++;
        clientRef = Optional.empty();
        link.set(Optional.empty());
        message.set(Message.NONE);
        state.set(State.CLOSED);
    }

    private void show(ReceiptMessages.Outcome outcome, String to) {
        if (outcome instanceof ReceiptMessages.Outcome.Sent) {
            sentTo = to;
            message.set(Message.of("counter.wa.sent", masked(to)));
            state.set(State.SENT);
            return;
        }
        ReceiptMessages.Outcome.NotSent notSent = (ReceiptMessages.Outcome.NotSent) outcome;
        link.set(notSent.link());
        message.set(reason(notSent));
        state.set(State.NOT_SENT);
    }

    /** The messenger's refusal in the clerk's words: the known codes translated, the others as the messenger said. */
    static Message reason(ReceiptMessages.Outcome.NotSent notSent) {
        if (notSent.error().isEmpty()) {
            return Message.of("counter.wa.reason.noAnswer");
        }
        GatewayError error = notSent.error().get();
        return switch (error.code()) {
            case GatewayError.NOT_SUPPORTED -> Message.of("counter.wa.reason.notSupported");
            case GatewayError.WRONG_KEY -> Message.of("counter.wa.reason.wrongKey");
            case GatewayError.CONFIGURATION_ERROR -> Message.of("counter.wa.reason.configuration");
            case GatewayError.INVALID_PHONE -> Message.of("counter.wa.reason.invalidPhone");
            case GatewayError.RATE_LIMITED -> Message.of("counter.wa.reason.rateLimited");
            case NO_QUOTA -> Message.of("counter.wa.reason.noQuota");
            default -> Message.of("counter.wa.reason.other", notSent.reason());
        };
    }

    /** {@code 0812****890}: enough for the clerk to see it went to the right customer. */
    static String masked(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() <= 7) {
            return digits;
        }
        return digits.substring(0, 4) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 3);
    }

    public ReadOnlyObjectProperty<State> state() {
        return state.getReadOnlyProperty();
    }

    /** The customer's phone, as typed (any common form: 0812…, +62 812…). */
    public StringProperty phone() {
        return phone;
    }

    /** What the panel says: sending, sent, or why not. */
    public ReadOnlyObjectProperty<Message> message() {
        return message.getReadOnlyProperty();
    }

    /** The {@code wa.me} link to send the receipt by hand, after a send that did not go. */
    public ReadOnlyObjectProperty<Optional<String>> link() {
        return link.getReadOnlyProperty();
    }

    /** Whether receipts can be sent from this window at all. */
    public boolean available() {
        return messages.isPresent();
    }
}
