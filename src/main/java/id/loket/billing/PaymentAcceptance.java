package id.loket.billing;

import id.loket.core.ChargeChannel;
import java.util.EnumSet;
import java.util.Set;

/**
 * Payment acceptance: the customer's non-cash money (QRIS, virtual account, e-wallet, payment link), taken as a
 * charge the customer pays and the counter then asks about (DESIGN.md, "Upstreams"). The charge's order id is the
 * payment's {@code client_ref}; one customer payment never gets a second one.
 */
public interface PaymentAcceptance {

    /** Which gateway takes the money and in which mode (TESTING for a provider's sandbox). */
    default NetworkInfo acceptanceInfo() {
        return new NetworkInfo("house", "Loket gateway", NetworkInfo.Mode.SANDBOX, true);
    }

    /** The channels this gateway can take (a counter shows only these). */
    default Set<ChargeChannel> channels() {
        return EnumSet.of(ChargeChannel.QRIS, ChargeChannel.VA_BCA, ChargeChannel.GOPAY, ChargeChannel.LINK);
    }

    /**
     * Creates the charge, or returns the one this request already created (a retry after a lost answer finds it by
     * the order id rather than making another). Refused when the gateway definitively refused (nothing charged);
     * no answer when it is unknown whether a charge exists: look it up with {@link #findCharge} before anything else.
     */
    GatewayResult<Charge> createCharge(ChargeRequest request);

    /** The charge's status now. An answer the adapter cannot verify (a bad signature) is no answer. */
    GatewayResult<Charge> charge(String chargeId);

    /**
     * The charge {@code request} created, if the gateway has one (an answer that was lost, a crash before it was
     * recorded): refused with {@link GatewayError#CHARGE_NOT_FOUND} when the gateway has none, so nothing was charged.
     * Never creates a charge the customer could pay. {@link GatewayError#NOT_SUPPORTED} when the gateway cannot say.
     */
    default GatewayResult<Charge> findCharge(ChargeRequest request) {
        return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.NOT_SUPPORTED,
                "this gateway cannot look a charge up by its order id"));
    }

    /**
     * Withdraws a charge still waiting for the customer. The answer is the charge afterwards: CANCELLED, or PAID
     * when the customer paid first (the counter then goes on with the payment). {@link GatewayError#NOT_SUPPORTED}
     * when the gateway has no way to withdraw a charge (it then expires on its own).
     */
    default GatewayResult<Charge> cancelCharge(String chargeId) {
        return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.NOT_SUPPORTED,
                "this gateway cannot withdraw a charge; it expires on its own"));
    }
}
