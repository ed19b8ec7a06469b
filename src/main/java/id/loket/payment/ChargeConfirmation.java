package id.loket.payment;

import java.util.Objects;
import java.util.Optional;

/**
 * What the night's reconciliation learnt of one payment's non-cash money (DESIGN.md, "Reconciliation"): the gateway's
 * signed status of its charge against what the ledger did with it, or, for the shop's static QRIS, that only the
 * owner can check it.
 *
 * @param gatewayStatus the charge's status as the gateway said it (a {@code Charge.Status} name or NOT_FOUND), when
 *     it said
 */
public record ChargeConfirmation(Outcome outcome, Optional<String> gatewayStatus, String detail) {

    public enum Outcome {
        /** The ledger took the charge as paid and the gateway's signed status says paid. */
        CONFIRMED,
        /** Neither side took money (a charge cancelled or expired unpaid). */
        NOTHING_TAKEN,
        /** The ledger took the charge as paid; the gateway says it is not (unpaid, reversed, unknown). */
        NOT_CONFIRMED,
        /** The gateway took the customer's money for a charge whose bill was not paid: owed back (booked). */
        OWED_BACK,
        /** The gateway did not answer, or the payment is still being worked on: asked again next run. */
        NOT_CHECKED,
        /** The shop's own static QRIS, confirmed by the clerk on sight: the owner ticks it off. */
        TO_TICK_OFF,
        /** Not non-cash money taken through a charge or the shop's QRIS (cash, debit card). */
        NOT_A_CHARGE
    }

    public ChargeConfirmation {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(gatewayStatus, "gatewayStatus");
        Objects.requireNonNull(detail, "detail");
    }
}
