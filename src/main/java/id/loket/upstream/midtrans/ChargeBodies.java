package id.loket.upstream.midtrans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.billing.ChargeRequest;
import id.loket.core.ChargeChannel;
import java.time.Duration;

/**
 * The request bodies (research §1.2, §1.3, §1.9): {@code POST /v2/charge} per channel and
 * {@code POST /v1/payment-links}. {@code gross_amount} is an integer of rupiah in every request. Building is pure:
 * the same request gives byte-for-byte the same body, which is what a re-send with the same idempotency key needs.
 */
public final class ChargeBodies {

    /** Mandiri bill_info1 is cut at 10 characters, bill_info2 at 30 [S5]. */
    static final int BILL_INFO1_MAX = 10;
    static final int BILL_INFO2_MAX = 30;
    /** A payment link's title shows at most 40 characters [S15]. */
    static final int TITLE_MAX = 40;
    /** item_details name: String(50). */
    static final int ITEM_NAME_MAX = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChargeBodies() {
    }

    /** The {@code /v2/charge} body of a request; not for {@link ChargeChannel#LINK}. */
    public static byte[] charge(ChargeRequest request) {
        ObjectNode root = JSON.createObjectNode();
        ChargeChannel channel = request.channel();
        switch (channel) {
            case QRIS -> {
                root.put("payment_type", "qris");
                root.putObject("qris").put("acquirer", "gopay");
            }
            case GOPAY -> root.put("payment_type", "gopay");
            case VA_BCA, VA_BNI, VA_BRI -> {
                root.put("payment_type", "bank_transfer");
                root.putObject("bank_transfer").put("bank", channel.code());
            }
            // The docs' own form for Permata (bank_transfer + bank "permata" is the other accepted form) [S5][S9].
            case VA_PERMATA -> root.put("payment_type", "permata");
            case MANDIRI_BILL -> {
                root.put("payment_type", "echannel");
                ObjectNode echannel = root.putObject("echannel");
                echannel.put("bill_info1", cut("Payment:", BILL_INFO1_MAX));
                echannel.put("bill_info2", cut(descriptionOr(request, "Loket"), BILL_INFO2_MAX));
            }
            case LINK -> throw new IllegalArgumentException("A payment link is created with paymentLink(), not charge()");
        }
        transactionDetails(root, request);
        items(root, request);
        request.phone().ifPresent(phone -> root.putObject("customer_details").put("phone", phone));
        return bytes(root);
    }

    /**
     * The {@code /v1/payment-links} body: one use, a fixed amount, an expiry counted from creation (no start_time:
     * "if not specified, transaction time will be used"), the customer's phone when given, a title of ≤ 40 chars.
     */
    public static byte[] paymentLink(ChargeRequest request, Duration expiry) {
        ObjectNode root = JSON.createObjectNode();
        transactionDetails(root, request);
        root.put("usage_limit", 1);
        ObjectNode expiryNode = root.putObject("expiry");
        expiryNode.put("duration", Math.max(1, expiry.toMinutes()));
        expiryNode.put("unit", "minute");
        root.put("title", cut(descriptionOr(request, "Loket"), TITLE_MAX));
        items(root, request);
        request.phone().ifPresent(phone -> root.putObject("customer_details").put("phone", phone));
        return bytes(root);
    }

    private static void transactionDetails(ObjectNode root, ChargeRequest request) {
        ObjectNode details = root.putObject("transaction_details");
        details.put("order_id", request.clientRef());
        details.put("gross_amount", request.amount().rupiah());
    }

    /** One item for the whole amount when there is a description (optional; items must sum to gross_amount). */
    private static void items(ObjectNode root, ChargeRequest request) {
        if (request.description().isBlank()) {
            return;
        }
        ObjectNode item = root.putArray("item_details").addObject();
        item.put("id", "bill");
        item.put("price", request.amount().rupiah());
        item.put("quantity", 1);
        item.put("name", cut(request.description().strip(), ITEM_NAME_MAX));
    }

    private static String descriptionOr(ChargeRequest request, String fallback) {
        return request.description().isBlank() ? fallback : request.description().strip();
    }

    /** The first {@code max} characters, without a space left dangling at the cut. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max).stripTrailing();
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Midtrans request could not be written", e);
        }
    }
}
