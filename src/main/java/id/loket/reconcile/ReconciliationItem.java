package id.loket.reconcile;

import id.loket.core.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * One difference found by a run (or an informational item: a resolved suspect, a timing difference). Amounts are
 * what the payment carried to the gateway: bill amount + the gateway's admin fee. {@code clientRef} is empty for
 * {@link ItemKind#BALANCE_MISMATCH}, whose amounts are the expected and the gateway's closing balance.
 *
 * @param lineNo the item's place in its run, from 1
 * @param detail what was found, in English, for the log and the report
 */
public record ReconciliationItem(
        long runId,
        int lineNo,
        ItemKind kind,
        Optional<String> clientRef,
        Optional<Money> ledgerAmount,
        Optional<Money> gatewayAmount,
        Optional<String> ledgerStatus,
        Optional<String> gatewayStatus,
        Optional<String> biller,
        Optional<String> reference,
        String detail,
        Optional<Resolution> resolution) {

    public ReconciliationItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(ledgerAmount, "ledgerAmount");
        Objects.requireNonNull(gatewayAmount, "gatewayAmount");
        Objects.requireNonNull(ledgerStatus, "ledgerStatus");
        Objects.requireNonNull(gatewayStatus, "gatewayStatus");
        Objects.requireNonNull(biller, "biller");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(resolution, "resolution");
    }

    /** Needs the owner's attention and has no resolution yet. */
    public boolean isOpen() {
        return kind.needsReview() && resolution.isEmpty();
    }

    /** The key that carries a resolution from one run of a day to the next. */
    public String key() {
        return kind.name() + ":" + clientRef.orElse("");
    }
}
