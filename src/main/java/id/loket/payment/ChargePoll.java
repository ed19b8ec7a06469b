package id.loket.payment;

import java.util.Objects;

/**
 * Where a non-cash charge stands after a poll: still waiting, or ended unpaid, or paid, in which case
 * {@code payment} has gone on to the gateway and shows the outcome (SUCCESS, FAILED or SUSPECT).
 */
public record ChargePoll(Progress progress, Payment payment) {

    public enum Progress {
        WAITING,
        PAID,
        EXPIRED,
        CANCELLED
    }

    public ChargePoll {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(payment, "payment");
    }

    static ChargePoll of(Payment payment) {
        Progress progress = switch (payment.state()) {
            case NEW, CHARGE_PENDING -> Progress.WAITING;
            case CHARGE_EXPIRED -> Progress.EXPIRED;
            case CANCELLED -> Progress.CANCELLED;
            case PAID, SENT, SUSPECT, SUCCESS, FAILED -> Progress.PAID;
        };
        return new ChargePoll(progress, payment);
    }
}
