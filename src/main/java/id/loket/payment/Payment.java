package id.loket.payment;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One payment at the counter, as it stands now. The row changes as the payment moves through the state machine;
 * every change is also kept as a {@link PaymentEvent}, and every money movement as a journal entry.
 *
 * @param clientRef the counter's id of the payment and the gateway's idempotency key
 * @param tendered the cash the customer handed over (cash only)
 * @param approvalCode the EDC terminal's approval code (debit card only)
 * @param charge the gateway charge (QRIS, VA, e-wallet, payment link only)
 * @param reservationEntry the PENDING journal entry reserving the money while the gateway is asked
 * @param resends how often the request was sent again after the gateway said it never received it (0 or 1)
 * @param failureReason why a FAILED, expired or cancelled payment ended so, for the clerk
 * @param refundDue the customer's money was kept although the bill was not paid: it is owed back
 */
public record Payment(
        String clientRef,
        long shiftId,
        String clerk,
        LocalDate businessDay,
        Instant createdAt,
        Instant updatedAt,
        PaymentState state,
        PaymentMethod method,
        PaidBill bill,
        Amounts amounts,
        Optional<Money> tendered,
        Optional<String> approvalCode,
        Optional<ChargeDetails> charge,
        OptionalLong reservationEntry,
        int resends,
        Optional<GatewayOutcome> outcome,
        Optional<String> failureReason,
        boolean refundDue) {

    public Payment {
        Objects.requireNonNull(clientRef, "clientRef");
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(businessDay, "businessDay");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(amounts, "amounts");
        Objects.requireNonNull(tendered, "tendered");
        Objects.requireNonNull(approvalCode, "approvalCode");
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(reservationEntry, "reservationEntry");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(failureReason, "failureReason");
    }

    /** What the customer pays. */
    public Money total() {
        return amounts.total();
    }

    /** The change to hand back for cash: tendered − total. */
    public Optional<Money> change() {
        return tendered.map(t -> t.minus(amounts.total()));
    }

    /** The guard key of the bill (biller, reference, period), empty for prepaid products. */
    public Optional<String> guardKey() {
        return bill.guardKey();
    }

    /** What the clerk should do now. */
    public ClerkAdvice advice() {
        return ClerkAdvice.of(this);
    }

    Payment moved(PaymentState newState, Instant at) {
        return new Payment(clientRef, shiftId, clerk, businessDay, createdAt, at, newState, method, bill, amounts,
                tendered, approvalCode, charge, reservationEntry, resends, outcome, failureReason, refundDue);
    }

    Payment withOutcome(GatewayOutcome newOutcome) {
        return new Payment(clientRef, shiftId, clerk, businessDay, createdAt, updatedAt, state, method, bill, amounts,
                tendered, approvalCode, charge, reservationEntry, resends, Optional.of(newOutcome), failureReason,
                refundDue);
    }

    /** The same payment whose bill also has {@code more} details (those it has already are kept as they are). */
    Payment withMoreDetails(java.util.Map<String, String> more) {
        java.util.Map<String, String> merged = new java.util.LinkedHashMap<>(bill.details());
        more.forEach(merged::putIfAbsent);
        PaidBill b = new PaidBill(bill.billerCode(), bill.billerName(), bill.category(), bill.kind(), bill.reference(),
                bill.period(), bill.customerName(), bill.inquiryId(), merged);
        return new Payment(clientRef, shiftId, clerk, businessDay, createdAt, updatedAt, state, method, b, amounts,
                tendered, approvalCode, charge, reservationEntry, resends, outcome, failureReason, refundDue);
    }

    Payment failedBecause(String reason, boolean owedBack) {
        return new Payment(clientRef, shiftId, clerk, businessDay, createdAt, updatedAt, state, method, bill, amounts,
                tendered, approvalCode, charge, reservationEntry, resends, outcome, Optional.of(reason), owedBack);
    }

    /** The same payment with the charge as the gateway made it. */
    Payment charged(ChargeDetails details) {
        return new Payment(clientRef, shiftId, clerk, businessDay, createdAt, updatedAt, state, method, bill, amounts,
                tendered, approvalCode, Optional.of(details), reservationEntry, resends, outcome, failureReason,
                refundDue);
    }

    Payment resent() {
        return new Payment(clientRef, shiftId, clerk, businessDay, createdAt, updatedAt, state, method, bill, amounts,
                tendered, approvalCode, charge, reservationEntry, resends + 1, outcome, failureReason, refundDue);
    }

    /** The same payment with its reservation entry, as the store records it. */
    public Payment withReservation(long entryId) {
        return new Payment(clientRef, shiftId, clerk, businessDay, createdAt, updatedAt, state, method, bill, amounts,
                tendered, approvalCode, charge, OptionalLong.of(entryId), resends, outcome, failureReason, refundDue);
    }
}
