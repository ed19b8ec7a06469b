package id.loket.report;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.billing.Messenger;
import id.loket.core.ReceiptData;
import id.loket.payment.PaymentService;
import id.loket.payment.Shop;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receipts to the customer's phone: sent by the messenger when it can ({@link Messenger#sendText}), and otherwise a
 * {@code wa.me} link the clerk opens to send the same text by hand ({@link WaMeLink}). The text is
 * {@link ReceiptText}: the printed slip's content.
 *
 * <p>A messenger's refusal (a bad number, no quota, a messenger that cannot send texts) or its silence is an
 * {@link Outcome.NotSent}, never an exception. A payment without a receipt (failed, cancelled) still throws, as
 * {@link PaymentService#receipt} does.
 *
 * <p>Logs name the payment and the masked number; never the text (it may carry a prepaid token).
 */
public final class ReceiptMessages {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptMessages.class);

    /** What became of a receipt sent to a phone. */
    public sealed interface Outcome permits Outcome.Sent, Outcome.NotSent {

        /** The messenger accepted the text ("queued": a WhatsApp gateway never confirms delivery). */
        record Sent(String messageId, String status) implements Outcome {}

        /**
         * Not sent: why, in the messenger's words ({@code error} when it refused, empty when it did not answer: the
         * text may then still arrive), and the {@code wa.me} link to send it by hand instead (empty when the number
         * cannot make one).
         */
        record NotSent(String reason, Optional<GatewayError> error, Optional<String> link) implements Outcome {}
    }

    private final PaymentService payments;
    private final Messenger messenger;
    private final Supplier<Shop> shop;

    /** @param shop the shop as the receipt names it, read at each send (the owner may change it in Settings) */
    public ReceiptMessages(PaymentService payments, Messenger messenger, Supplier<Shop> shop) {
        this.payments = Objects.requireNonNull(payments, "payments");
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.shop = Objects.requireNonNull(shop, "shop");
    }

    public ReceiptMessages(PaymentService payments, Messenger messenger, Shop shop) {
        this(payments, messenger, constant(Objects.requireNonNull(shop, "shop")));
    }

    private static Supplier<Shop> constant(Shop shop) {
        return () -> shop;
    }

    /**
     * Sends the receipt of payment {@code clientRef} to {@code phone}.
     *
     * @param clerk the clerk the receipt names
     * @throws id.loket.payment.PaymentStateException when the payment has no receipt (it was not made)
     * @throws IllegalArgumentException when there is no such payment
     */
    public Outcome send(String clientRef, String phone, String clerk) {
        String text = text(clientRef, clerk);
        GatewayResult<MessageReceipt> result = messenger.sendText(phone, text);
        String to = masked(phone);
        if (result instanceof GatewayResult.Answer<MessageReceipt> answer) {
            LOG.info("Receipt of {} sent to {} by {}: message {} ({})", clientRef, to, messenger.messengerInfo().id(),
                    answer.value().messageId(), answer.value().status());
            return new Outcome.Sent(answer.value().messageId(), answer.value().status());
        }
        Optional<String> link = linkOf(phone, text);
        if (result instanceof GatewayResult.Refused<MessageReceipt> refused) {
            LOG.info("Receipt of {} not sent to {}: {}", clientRef, to, refused.error().code());
            return new Outcome.NotSent(refused.error().message(), Optional.of(refused.error()), link);
        }
        String reason = ((GatewayResult.NoAnswer<MessageReceipt>) result).reason();
        LOG.warn("Receipt of {} to {}: the messenger did not answer ({})", clientRef, to, reason);
        return new Outcome.NotSent("The messenger did not answer (" + reason + "): the receipt may or may not"
                + " arrive.", Optional.empty(), link);
    }

    /**
     * Sends the payment link of the waiting charge of payment {@code clientRef} to the customer's {@code phone}: the
     * shop, the bill, the amount and the link. Never throws for a refusal: the clerk then shows the link (or its QR).
     *
     * @throws IllegalArgumentException when there is no such payment or it has no payment link
     */
    public Outcome sendPaymentLink(String clientRef, String phone) {
        id.loket.payment.Payment p = payments.find(clientRef).orElseThrow(() -> new IllegalArgumentException(
                "There is no payment " + clientRef));
        String url = p.charge().flatMap(id.loket.payment.ChargeDetails::paymentUrl).orElseThrow(() ->
                new IllegalArgumentException("Payment " + clientRef + " has no payment link"));
        String text = shop.get().name() + "\n" + p.bill().billerName() + " " + p.bill().reference() + "\nTotal Rp"
                + String.format(java.util.Locale.ROOT, "%,d", p.amounts().gatewayTotal().rupiah()).replace(',', '.')
                + "\nBayar di: " + url;
        GatewayResult<MessageReceipt> result = messenger.sendText(phone, text);
        String to = masked(phone);
        if (result instanceof GatewayResult.Answer<MessageReceipt> answer) {
            LOG.info("Payment link of {} sent to {}: message {}", clientRef, to, answer.value().messageId());
            return new Outcome.Sent(answer.value().messageId(), answer.value().status());
        }
        Optional<String> link = linkOf(phone, text);
        if (result instanceof GatewayResult.Refused<MessageReceipt> refused) {
            LOG.info("Payment link of {} not sent to {}: {}", clientRef, to, refused.error().code());
            return new Outcome.NotSent(refused.error().message(), Optional.of(refused.error()), link);
        }
        String reason = ((GatewayResult.NoAnswer<MessageReceipt>) result).reason();
        LOG.warn("Payment link of {} to {}: the messenger did not answer ({})", clientRef, to, reason);
        return new Outcome.NotSent("The messenger did not answer (" + reason + ")", Optional.empty(), link);
    }

    /**
     * The {@code wa.me} link that opens a chat with {@code phone} with the receipt filled in.
     *
     * @throws IllegalArgumentException when the number cannot make a link, or there is no such payment
     * @throws id.loket.payment.PaymentStateException when the payment has no receipt
     */
    public String link(String clientRef, String phone, String clerk) {
        return WaMeLink.of(phone, text(clientRef, clerk));
    }

    /** The receipt's text ({@link ReceiptText}). */
    public String text(String clientRef, String clerk) {
        ReceiptData receipt = payments.receipt(clientRef, shop.get(), clerk);
        return ReceiptText.of(receipt);
    }

    private static Optional<String> linkOf(String phone, String text) {
        try {
            return Optional.of(WaMeLink.of(phone, text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String masked(String phone) {
        String digits = Objects.requireNonNullElse(phone, "").replaceAll("[^0-9]", "");
        return digits.length() <= 6 ? "***" : digits.substring(0, 4) + "*".repeat(digits.length() - 7)
                + digits.substring(digits.length() - 3);
    }
}
