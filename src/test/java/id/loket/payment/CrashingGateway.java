package id.loket.payment;

import id.loket.testing.AllUpstreams;
import id.loket.testing.ForwardingUpstreams;
import id.loket.billing.GatewayResult;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real gateway, except that the next payment can "crash the counter": the call throws, before the request
 * leaves or after the gateway has done the payment, as if the process died there. What the counter committed before
 * the call is all that is left, as after a real crash.
 */
final class CrashingGateway extends ForwardingUpstreams {

    enum When {
        NEVER,
        BEFORE_SENDING,
        AFTER_SENDING
    }

    static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    private final AtomicReference<When> next = new AtomicReference<>(When.NEVER);

    CrashingGateway(AllUpstreams real) {
        super(real);
    }

    void crashNextPayment(When when) {
        next.set(when);
    }

    @Override
    public GatewayResult<PaymentResult> pay(PaymentRequest request) {
        When when = next.getAndSet(When.NEVER);
        if (when == When.BEFORE_SENDING) {
            throw new SimulatedCrash("before sending");
        }
        GatewayResult<PaymentResult> result = delegate.pay(request);
        if (when == When.AFTER_SENDING) {
            throw new SimulatedCrash("after sending");
        }
        return result;
    }
}
