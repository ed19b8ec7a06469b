package id.loket.upstream.digiflazz.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A stored transaction as the simulator sees it ({@link DigiflazzSimulator#transactions()},
 * {@code GET /sim/transactions}): a snapshot, not a live view.
 *
 * @param refId the buyer's ref_id
 * @param type {@code prepaid} or {@code pasca}
 * @param stage {@code topup} (prepaid), {@code inquiry} (a postpaid inquiry not paid yet) or {@code payment}
 * @param status {@code Sukses}, {@code Pending} or {@code Gagal} (for an inquiry: the inquiry's)
 * @param sn the serial or token; empty while Pending or when failed
 * @param price what the deposit pays (for an inquiry: the quote; nothing moved yet)
 * @param sellingPrice postpaid: what the customer is charged; 0 for prepaid
 * @param buyerLastSaldo the deposit right after the transaction was created, as every answer repeats it
 * @param reserved whether {@code price} is currently taken from the deposit
 * @param checks how many times it was re-checked (identical re-send, repeated pay-pasca or status-pasca)
 * @param superseded a prepaid transaction replaced by a re-send of its ref_id more than 90 days later
 */
public record SimulatedTransaction(String refId, String type, String buyerSkuCode, String customerNo, String stage,
        String status, String rc, String message, String sn, long price, long sellingPrice, long buyerLastSaldo,
        boolean reserved, boolean testing, Instant createdAt, Instant updatedAt, int checks, boolean superseded) {

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("ref_id", refId);
        node.put("type", type);
        node.put("buyer_sku_code", buyerSkuCode);
        node.put("customer_no", customerNo);
        node.put("stage", stage);
        node.put("status", status);
        node.put("rc", rc);
        node.put("message", message);
        node.put("sn", sn);
        node.put("price", price);
        node.put("selling_price", sellingPrice);
        node.put("buyer_last_saldo", buyerLastSaldo);
        node.put("reserved", reserved);
        node.put("testing", testing);
        node.put("created_at", createdAt.toString());
        node.put("updated_at", updatedAt.toString());
        node.put("checks", checks);
        node.put("superseded", superseded);
        return node;
    }
}
