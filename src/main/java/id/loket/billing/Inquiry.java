package id.loket.billing;

import id.loket.core.Money;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bill as the biller network looked it up: who the customer is, what they owe, the network's admin fee, and the
 * biller-specific details a receipt prints (tarif/daya, periods, stand meter, train and seat …), in the order
 * the network gave them. Valid until {@code expiresAt}.
 *
 * <p>{@code cost} is what the network will take from the shop's deposit to pay it ({@code amount + adminFee} at the
 * house gateway; an aggregator's {@code price}). {@code paymentRef}, when present, is the reference the payment of
 * this bill must carry as its {@code client_ref}: a network whose inquiry and payment are one transaction under one
 * reference (Digiflazz's {@code ref_id}) was given it with the inquiry.
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
        Instant expiresAt,
        Money cost,
        Optional<String> paymentRef) {

    public Inquiry {
        Objects.requireNonNull(inquiryId, "inquiryId");
        Objects.requireNonNull(biller, "biller");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(adminFee, "adminFee");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(paymentRef, "paymentRef");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A bill of the house gateway: the cost is the total, and any client_ref pays it. */
    public Inquiry(String inquiryId, String biller, String reference, String customerName, Money amount,
            Money adminFee, Money total, Map<String, String> details, Instant expiresAt) {
        this(inquiryId, biller, reference, customerName, amount, adminFee, total, details, expiresAt, total,
                Optional.empty());
    }

    /** The same bill at another amount (a prepaid product at the shop's own selling price). */
    public Inquiry repriced(Money newAmount) {
        return new Inquiry(inquiryId, biller, reference, customerName, newAmount, adminFee,
                newAmount.plus(adminFee), details, expiresAt, cost, paymentRef);
    }
}
