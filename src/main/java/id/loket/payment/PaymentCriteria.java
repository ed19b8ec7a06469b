package id.loket.payment;

import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A History search: business days (inclusive), states, methods, a piece of the customer reference or the
 * client_ref, a biller; every part optional (empty sets mean any). Results come newest first, at most
 * {@code limit}.
 */
public record PaymentCriteria(
        Optional<LocalDate> fromDay,
        Optional<LocalDate> toDay,
        Set<PaymentState> states,
        Set<PaymentMethod> methods,
        Optional<String> referenceContains,
        Optional<String> biller,
        int limit) {

    public static final int DEFAULT_LIMIT = 500;

    public PaymentCriteria {
        Objects.requireNonNull(fromDay, "fromDay");
        Objects.requireNonNull(toDay, "toDay");
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        methods = methods.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(methods));
        Objects.requireNonNull(referenceContains, "referenceContains");
        Objects.requireNonNull(biller, "biller");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
    }

    /** Every payment (the newest {@link #DEFAULT_LIMIT}). */
    public static PaymentCriteria any() {
        return new PaymentCriteria(Optional.empty(), Optional.empty(), Set.of(), Set.of(), Optional.empty(),
                Optional.empty(), DEFAULT_LIMIT);
    }

    public PaymentCriteria onDay(LocalDate day) {
        return between(day, day);
    }

    public PaymentCriteria between(LocalDate from, LocalDate to) {
        return new PaymentCriteria(Optional.of(from), Optional.of(to), states, methods, referenceContains, biller,
                limit);
    }

    public PaymentCriteria inStates(PaymentState first, PaymentState... more) {
        return new PaymentCriteria(fromDay, toDay, EnumSet.of(first, more), methods, referenceContains, biller,
                limit);
    }

    public PaymentCriteria byMethods(PaymentMethod first, PaymentMethod... more) {
        return new PaymentCriteria(fromDay, toDay, states, EnumSet.of(first, more), referenceContains, biller,
                limit);
    }

    /** Payments whose customer reference or client_ref contains {@code text} (ignoring case and spaces around). */
    public PaymentCriteria referenceContaining(String text) {
        String t = text.strip();
        return new PaymentCriteria(fromDay, toDay, states, methods, t.isEmpty() ? Optional.empty() : Optional.of(t),
                biller, limit);
    }

    public PaymentCriteria forBiller(String billerCode) {
        return new PaymentCriteria(fromDay, toDay, states, methods, referenceContains, Optional.of(billerCode),
                limit);
    }

    public PaymentCriteria limitedTo(int max) {
        return new PaymentCriteria(fromDay, toDay, states, methods, referenceContains, biller, max);
    }
}
