package id.loket.billing;

import id.loket.core.Money;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bill as the gateway looked it up: who the customer is, what they owe, the gateway's admin fee, and the
 * biller-specific details a receipt prints (tarif/daya, periods, stand meter, train and seat …), in the order
 * the gateway gave them. Valid until {@code expiresAt}.
 */
public record Inquiry(
        String inquiryId,
        String biller,
        String reference,
        String customerName,
        Money amount,
        Money adminFee,
        Money total,
        Map<String, String> details,
        Instant expiresAt) {

    public Inquiry {
        Objects.requireNonNull(inquiryId, "inquiryId");
        Objects.requireNonNull(biller, "biller");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(adminFee, "adminFee");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(expiresAt, "expiresAt");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
