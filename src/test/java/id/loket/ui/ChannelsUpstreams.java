package id.loket.ui;

import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.GatewayResult;
import id.loket.billing.NetworkInfo;
import id.loket.core.ChargeChannel;
import id.loket.testing.AllUpstreams;
import id.loket.testing.ForwardingUpstreams;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The house sandbox as a payment gateway that takes the channels a test says (several banks, as Midtrans does) in
 * the mode it says (TESTING, as Midtrans's sandbox): everything else goes to the sandbox, which makes a virtual
 * account of any bank's charge. A Mandiri bill gets Mandiri's biller code, as Midtrans answers one. The last charge
 * asked for is kept, for the test to read the channel and the phone that went out.
 */
final class ChannelsUpstreams extends ForwardingUpstreams {

    static final String MANDIRI_BILLER_CODE = "70012";

    private volatile Set<ChargeChannel> channels;
    private volatile NetworkInfo.Mode mode = NetworkInfo.Mode.SANDBOX;
    private volatile Optional<ChargeRequest> lastCharge = Optional.empty();

    ChannelsUpstreams(AllUpstreams house) {
        super(house);
        this.channels = house.channels();
    }

    /** From the next bill on, the gateway takes every channel there is, in its test mode. */
    void everyChannelInTestMode() {
        channels = EnumSet.allOf(ChargeChannel.class);
        mode = NetworkInfo.Mode.TESTING;
    }

    Optional<ChargeRequest> lastCharge() {
        return lastCharge;
    }

    @Override
    public Set<ChargeChannel> channels() {
        return channels;
    }

    @Override
    public NetworkInfo acceptanceInfo() {
        return new NetworkInfo("channels", "Test gateway with channels", mode, true);
    }

    @Override
    public GatewayResult<Charge> createCharge(ChargeRequest request) {
        lastCharge = Optional.of(request);
        GatewayResult<Charge> made = delegate.createCharge(request);
        if (request.channel() == ChargeChannel.MANDIRI_BILL && made instanceof GatewayResult.Answer<Charge> a) {
            Charge c = a.value();
            return new GatewayResult.Answer<>(new Charge(c.chargeId(), c.clientRef(), c.method(), c.amount(),
                    c.status(), c.qrString(), c.vaNumber(), Optional.of(MANDIRI_BILLER_CODE), c.paymentUrl(),
                    c.expiresAt()));
        }
        return made;
    }

    @Override
    public NetworkInfo info() {
        return delegate.info();
    }
}
