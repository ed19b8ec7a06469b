package id.loket.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a receipt prints about one payment, gathered by the payment service and rendered by the report
 * layer for 58 mm or 80 mm thermal paper. {@code details} are the biller's own fields from the inquiry (keys as
 * the gateway sends them: {@code idpel}, {@code tarif_daya}, {@code periode}, {@code stand_meter}, …), from
 * which the receipt builds the lines Indonesian receipts carry per biller.
 *
 * <p>{@code provisional} marks the slip of a payment whose outcome is not known yet (SUSPECT): it says so and
 * tells the customer to keep it. {@code reprint} prints "CETAK ULANG". {@code sandbox}: no real money moved (the
 * training sandbox, or a provider's test mode, which {@code testing} names as such on the slip).
 */
public record ReceiptData(
        String shopName,
        String shopAddress,
        String clerk,
        Instant paidAt,
        String clientRef,
        String billerCode,
        String billerName,
        BillerCategory category,
        String reference,
        String customerName,
        Map<String, String> details,
        Money amount,
        Money adminFee,
        Money total,
        PaymentMethod method,
        Optional<Money> tendered,
        Optional<Money> change,
        Optional<String> token,
        Optional<String> kwh,
        Optional<String> billerRef,
        boolean provisional,
        boolean reprint,
        boolean sandbox,
        boolean testing) {

    public ReceiptData {
        Objects.requireNonNull(shopName, "shopName");
        Objects.requireNonNull(shopAddress, "shopAddress");
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(billerCode, "billerCode");
        Objects.requireNonNull(billerName, "billerName");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(adminFee, "adminFee");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(tendered, "tendered");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(kwh, "kwh");
        Objects.requireNonNull(billerRef, "billerRef");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A receipt of the house network: SANDBOX or real, never a provider's test mode. */
    public ReceiptData(String shopName, String shopAddress, String clerk, Instant paidAt, String clientRef,
            String billerCode, String billerName, BillerCategory category, String reference, String customerName,
            Map<String, String> details, Money amount, Money adminFee, Money total, PaymentMethod method,
            Optional<Money> tendered, Optional<Money> change, Optional<String> token, Optional<String> kwh,
            Optional<String> billerRef, boolean provisional, boolean reprint, boolean sandbox) {
        this(shopName, shopAddress, clerk, paidAt, clientRef, billerCode, billerName, category, reference,
                customerName, details, amount, adminFee, total, method, tendered, change, token, kwh, billerRef,
                provisional, reprint, sandbox, false);
    }

    /** The same receipt marked as a reprint. */
    public ReceiptData asReprint() {
        return new ReceiptData(shopName, shopAddress, clerk, paidAt, clientRef, billerCode, billerName, category,
                reference, customerName, details, amount, adminFee, total, method, tendered, change, token, kwh,
                billerRef, provisional, true, sandbox, testing);
    }
}
