package id.loket.billing;

import java.util.Objects;

/**
 * A text the messenger accepted for delivery: its id at the provider (for the log) and the provider's word on it
 * ("queued", "pending"). Accepted is not delivered: a WhatsApp gateway without webhooks never confirms delivery.
 */
public record MessageReceipt(String messageId, String status) {

    public MessageReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
    }
}
