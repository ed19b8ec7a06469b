package id.loket.billing;

/**
 * Payment acceptance: the customer's non-cash money (QRIS, virtual account, e-wallet, payment link), taken as a
 * charge the customer pays and the counter then asks about (DESIGN.md, "Upstreams").
 */
public interface PaymentAcceptance {

    GatewayResult<Charge> createCharge(ChargeRequest request);

    GatewayResult<Charge> charge(String chargeId);
}
