package id.loket.payment;

import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.PaymentState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where payments are kept, with their events and journal entries: the port {@link PaymentService} uses.
 *
 * <p>Every write is <b>one transaction</b>: the payment row, its event and its journal entries (the reservation,
 * its posting or voiding, a refund) are all written, or none is. A PENDING entry among them becomes the payment's
 * {@link Payment#reservationEntry()}.
 */
public interface PaymentStore {

    /** States in which a payment holds its bill against a second payment (the double-payment guard). */
    Set<PaymentState> GUARDED = Set.of(PaymentState.CHARGE_PENDING, PaymentState.PAID, PaymentState.SENT,
            PaymentState.SUSPECT, PaymentState.SUCCESS);

    /**
     * Stores a new payment (its first event goes from NEW to its state) and appends {@code entries}.
     *
     * @throws PaymentRefusedException when its shift is not open ({@code NO_OPEN_SHIFT}), or, for a payment in a
     *     {@link #GUARDED} state, another payment of the same {@link Payment#guardKey()} is in one
     *     ({@code ALREADY_BEING_PAID}); nothing was written
     * @throws id.loket.core.JournalRuleException when an entry breaks a rule; nothing was written
     */
    default Payment insert(Payment payment, String detail, List<JournalEntry> entries, JournalRules rules) {
        return insert(payment, Optional.empty(), detail, entries, rules);
    }

    /**
     * As {@link #insert(Payment, String, List, JournalRules)}, linking the payment to the registered customer
     * {@code customerId} in the same transaction.
     *
     * @throws IllegalArgumentException when there is no such customer; nothing was written
     */
    Payment insert(Payment payment, Optional<Long> customerId, String detail, List<JournalEntry> entries,
            JournalRules rules);

    /** The registered customer a payment was made for, if one was named. */
    Optional<Long> customerOf(String clientRef);

    /**
     * Replaces the row of {@code changed.clientRef()} with {@code changed}, if the payment is still in
     * {@code expected}; records the event {@code expected → changed.state()} and appends {@code entries}.
     *
     * @throws PaymentStateException when the payment is in another state by now; nothing was written
     * @throws PaymentRefusedException ({@code ALREADY_BEING_PAID}) when the change enters a guarded state while
     *     another payment of the same bill is in one
     */
    Payment update(PaymentState expected, Payment changed, String detail, List<JournalEntry> entries,
            JournalRules rules);

    Optional<Payment> find(String clientRef);

    /** The payment holding the bill {@code guardKey}, if one is in a {@link #GUARDED} state. */
    Optional<Payment> holding(String guardKey);

    /** Every payment in one of {@code states}, oldest first. */
    List<Payment> inStates(Set<PaymentState> states);

    List<Payment> search(PaymentCriteria criteria);

    /** The events of a payment, in order. */
    List<PaymentEvent> events(String clientRef);

    /**
     * Keeps what the gateway said of a payment's charge when the night's reconciliation asked (append-only):
     * {@code status} a {@code Charge.Status} name or {@code NOT_FOUND}, {@code amount} what the gateway says was
     * charged when it said.
     */
    void addChargeCheck(String clientRef, Instant at, String status, Optional<Money> amount);
}
