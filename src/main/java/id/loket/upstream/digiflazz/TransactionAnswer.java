package id.loket.upstream.digiflazz;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.core.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * Digiflazz's answer on {@code /transaction}: a prepaid topup or its re-check, or a postpaid inquiry, payment or
 * status. {@code code} decides what happened; act on {@code code().rcClass()}, never on {@code message}.
 *
 * <p>Only answers with a known {@code rc} and a {@code status} that agrees with it get here. Text fields Digiflazz
 * left out are {@code ""} (refusals such as RC 41 or 45 may carry no {@code buyer_sku_code}); optional ones that are
 * absent, {@code null} or blank are empty.
 *
 * @param rc as sent, with its leading zero ({@code "03"})
 * @param status as sent: {@code Sukses}, {@code Pending} or {@code Gagal}
 * @param sn the serial number, PLN token or biller reference; empty while pending ({@code ""} or {@code "N/A"})
 * @param price what Digiflazz takes from the deposit
 * @param sellingPrice postpaid: what to charge the customer
 * @param admin postpaid: the total admin fee
 * @param buyerLastSaldo the deposit after this transaction; a re-check repeats the original value. Empty, with a
 *     warning in the log, when it carries a fraction of a rupiah: it only feeds the nightly balance proof, and
 *     dropping it is better than turning a known outcome into an unknown one
 * @param desc postpaid bill details as sent; {@link #billDesc()} is the typed view
 */
public record TransactionAnswer(
        String refId,
        String customerNo,
        String buyerSkuCode,
        String rc,
        ResponseCode code,
        String status,
        String message,
        Optional<String> sn,
        Optional<Money> price,
        Optional<Money> sellingPrice,
        Optional<Money> admin,
        Optional<Money> buyerLastSaldo,
        Optional<String> customerName,
        Optional<String> periode,
        Optional<JsonNode> desc) {

    public TransactionAnswer {
        Objects.requireNonNull(refId, "refId");
        Objects.requireNonNull(customerNo, "customerNo");
        Objects.requireNonNull(buyerSkuCode, "buyerSkuCode");
        Objects.requireNonNull(rc, "rc");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sn, "sn");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(sellingPrice, "sellingPrice");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(buyerLastSaldo, "buyerLastSaldo");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(periode, "periode");
        desc = Objects.requireNonNull(desc, "desc").map(JsonNode::deepCopy);
    }

    /** A copy: a JSON tree is mutable, and this answer must stay what Digiflazz said. */
    @Override
    public Optional<JsonNode> desc() {
        return desc.map(JsonNode::deepCopy);
    }

    /**
     * The typed view of {@code desc} when it is an object (postpaid answers); empty for prepaid answers and for a
     * {@code desc} that is plain text. The client checked the shape when it read the answer.
     *
     * @throws IllegalArgumentException only for an answer built by hand with a malformed {@code desc}
     */
    public Optional<BillDesc> billDesc() {
        return desc.filter(JsonNode::isObject).map(BillDesc::of);
    }
}
