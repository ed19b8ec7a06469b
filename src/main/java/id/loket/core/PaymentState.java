package id.loket.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a payment, per DESIGN.md:
 * {@code NEW → (CHARGE_PENDING → PAID, for non-cash) → SENT → SUCCESS | FAILED | SUSPECT → SUCCESS | FAILED}.
 *
 * <p>A non-cash charge that the customer never pays ends {@code CHARGE_EXPIRED} or {@code CANCELLED}; the
 * biller is never paid for it. Only a definitive gateway answer moves a {@code SUSPECT} payment on.
 */
public enum PaymentState {
    NEW,
    CHARGE_PENDING,
    PAID,
    SENT,
    SUSPECT,
    SUCCESS,
    FAILED,
    CHARGE_EXPIRED,
    CANCELLED;

    /** Whether a payment in this state may move to {@code next}. */
    public boolean canMoveTo(PaymentState next) {
        return successors().contains(next);
    }

    public Set<PaymentState> successors() {
        return switch (this) {
            case NEW -> EnumSet.of(CHARGE_PENDING, SENT, CANCELLED);
            case CHARGE_PENDING -> EnumSet.of(PAID, CHARGE_EXPIRED, CANCELLED);
            case PAID -> EnumSet.of(SENT);
            case SENT -> EnumSet.of(SUCCESS, FAILED, SUSPECT);
            case SUSPECT -> EnumSet.of(SUCCESS, FAILED);
            case SUCCESS, FAILED, CHARGE_EXPIRED, CANCELLED -> EnumSet.noneOf(PaymentState.class);
        };
    }

    public boolean isTerminal() {
        return successors().isEmpty();
    }

    /**
     * States that block a second payment of the same bill (the double-payment guard): the money may already
     * be, or certainly is, with the biller.
     */
    public boolean blocksRepeat() {
        return this == SENT || this == SUSPECT || this == SUCCESS;
    }
}
