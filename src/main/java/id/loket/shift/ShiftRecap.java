package id.loket.shift;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a shift took and what its drawer should hold.
 *
 * <ul>
 *   <li>{@code cashIn}: the cash of every cash payment sent to the gateway during the shift;</li>
 *   <li>{@code cashOut}: the cash handed back at once because the payment failed while the customer waited;</li>
 *   <li>{@code expected} = opening float + cash in − cash out; it includes the cash of payments still pending
 *       (SENT/SUSPECT: the customer paid and left with a provisional slip) and of failed ones whose money is owed
 *       back ({@code cashRefundsDue}), because that cash is in the drawer;</li>
 *   <li>{@code difference} = counted − expected: positive over, negative short.</li>
 * </ul>
 *
 * {@code byMethod} and {@code byBiller} tally the successful payments (the shift's takings, total paid by the
 * customers). {@code openItems} are the payments whose outcome is not known yet (and charges still waiting): a
 * shift may close with them; recovery settles them later.
 */
public record ShiftRecap(
        long shiftId,
        String clerk,
        Instant openedAt,
        Optional<Instant> closedAt,
        Money openingFloat,
        Money cashIn,
        Money cashOut,
        Money cashRefundsDue,
        Money expected,
        Optional<Money> counted,
        Optional<Money> difference,
        Map<PaymentMethod, Tally> byMethod,
        Map<String, Tally> byBiller,
        int succeeded,
        int failed,
        int suspect,
        List<String> openItems) {

    public ShiftRecap {
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(openingFloat, "openingFloat");
        Objects.requireNonNull(cashIn, "cashIn");
        Objects.requireNonNull(cashOut, "cashOut");
        Objects.requireNonNull(cashRefundsDue, "cashRefundsDue");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(counted, "counted");
        Objects.requireNonNull(difference, "difference");
        byMethod = Collections.unmodifiableMap(new LinkedHashMap<>(byMethod));
        byBiller = Collections.unmodifiableMap(new LinkedHashMap<>(byBiller));
        openItems = List.copyOf(openItems);
    }

    /** The tally of one method, {@link Tally#NONE} when the shift took none. */
    public Tally of(PaymentMethod method) {
        return byMethod.getOrDefault(method, Tally.NONE);
    }

    public boolean isClosed() {
        return closedAt.isPresent();
    }
}
