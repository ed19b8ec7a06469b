package id.loket.testing;

import id.loket.billing.BillerNetwork;
import id.loket.billing.GatewayResult;
import id.loket.billing.Messenger;
import id.loket.billing.NetworkInfo;
import id.loket.billing.PaymentAcceptance;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;

/**
 * One test double in every upstream role, as the house gateway is: the biller network, payment acceptance and
 * messaging. Status checks are by client_ref, as the house protocol asks them.
 */
public interface AllUpstreams extends BillerNetwork, PaymentAcceptance, Messenger {

    GatewayResult<PaymentResult> paymentStatus(String clientRef);

    GatewayResult<PaymentResult> awaitPayment(String clientRef, int maxChecks);

    @Override
    default NetworkInfo info() {
        return new NetworkInfo("house", "Test gateway", NetworkInfo.Mode.SANDBOX, true);
    }

    @Override
    default GatewayResult<PaymentResult> paymentStatus(PaymentRequest request) {
        return paymentStatus(request.clientRef());
    }

    @Override
    default GatewayResult<PaymentResult> awaitPayment(PaymentRequest request, int maxChecks) {
        return awaitPayment(request.clientRef(), maxChecks);
    }
}
