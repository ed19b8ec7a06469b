package id.loket.billing;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A non-cash charge as the gateway reports it: what to show the customer (QR string, VA number — with the biller
 * code for a Mandiri bill — or payment page) and whether they have paid. The counter polls it until PAID, EXPIRED
 * or CANCELLED, or the clerk cancels it. An adapter reports PAID only on an answer it has verified (a signed
 * status); anything it cannot trust is no answer.
 */
public record Charge(
        String chargeId,
        String clientRef,
        PaymentMethod method,
        Money amount,
        Status status,
        Optional<String> qrString,
        Optional<String> vaNumber,
        Optional<String> billerCode,
        Optional<String> paymentUrl,
        Instant expiresAt) {

    public enum Status {
        /** Waiting for the customer. */
        PENDING,
        /** The customer's money is in (settled, or captured and accepted by fraud checks). */
        PAID,
        /** Ran out of time unpaid. */
        EXPIRED,
        /** Withdrawn (by the counter), denied or failed: no money was taken. */
        CANCELLED,
        /** Was paid, then the money went back (refund, chargeback, a reversal): the shop does not have it. */
        REVERSED
    }

    public Charge {
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(qrString, "qrString");
        Objects.requireNonNull(vaNumber, "vaNumber");
        Objects.requireNonNull(billerCode, "billerCode");
        Objects.requireNonNull(paymentUrl, "paymentUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A charge without a biller code (everything but a Mandiri bill). */
    public Charge(String chargeId, String clientRef, PaymentMethod method, Money amount, Status status,
            Optional<String> qrString, Optional<String> vaNumber, Optional<String> paymentUrl, Instant expiresAt) {
        this(chargeId, clientRef, method, amount, status, qrString, vaNumber, Optional.empty(), paymentUrl,
                expiresAt);
    }

    /** The same charge with another status (what to show stays as it was first shown). */
    public Charge withStatus(Status newStatus) {
        return new Charge(chargeId, clientRef, method, amount, newStatus, qrString, vaNumber, billerCode, paymentUrl,
                expiresAt);
    }
}
