package id.loket.app;

import id.loket.billing.BillerNetwork;
import id.loket.billing.Messenger;
import id.loket.billing.PaymentAcceptance;
import java.util.Objects;

/** The three outside parties of a running Loket, one per role (DESIGN.md, "Upstreams"; ADR 0012). */
record Upstreams(BillerNetwork network, PaymentAcceptance acceptance, Messenger messenger) {

    Upstreams {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(acceptance, "acceptance");
        Objects.requireNonNull(messenger, "messenger");
    }

    /** One party in every role: the house gateway (or its sandbox). */
    static <T extends BillerNetwork & PaymentAcceptance & Messenger> Upstreams allOf(T house) {
        return new Upstreams(house, house, house);
    }
}
