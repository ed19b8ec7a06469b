package id.loket.upstream.house.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.billing.GatewayError;
import id.loket.core.PaymentMethod;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-cash charges ({@code POST /v1/charges}, {@code GET /v1/charges/{id}}): what the customer is shown (a QRIS
 * string, a 16-digit VA number, a payment page) and whether they paid. EXPIRED is computed from the clock on every
 * read rather than stored, so moving a test clock past the deadline is enough; a PAID charge never expires.
 *
 * <p>Creating a charge is safe to repeat: for the same {@code client_ref}, method and amount, a charge still
 * PENDING or already PAID is returned again instead of a second one, so a counter that lost the answer cannot
 * end up showing two QR codes for one bill.
 */
final class Charges {

    private static final Logger LOG = LoggerFactory.getLogger(Charges.class);

    enum Status {
        PENDING,
        PAID,
        EXPIRED
    }

    private final SandboxState state;
    private final Clock clock;
    private final Duration ttl;
    private final String merchant;
    private final URI baseUri;

    Charges(SandboxState state, Clock clock, Duration ttl, String merchant, URI baseUri) {
        this.state = state;
        this.clock = clock;
        this.ttl = ttl;
        this.merchant = merchant;
        this.baseUri = baseUri;
    }

    ObjectNode create(ObjectNode body) {
        String clientRef = Json.text(body, "client_ref");
        if (clientRef.length() > 64) {
            throw SandboxError.badRequest("client_ref is at most 64 characters");
        }
        PaymentMethod method = Payments.method(Json.text(body, "method"));
        if (!method.isGatewayCharge()) {
            throw SandboxError.badRequest(method + " is not taken through a charge; one of QRIS, VIRTUAL_ACCOUNT,"
                    + " EWALLET, PAYMENT_LINK");
        }
        long amount = Json.amount(body, "amount");
        return state.atomically(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            for (SandboxState.ChargeRow existing : state.chargesOf(clientRef)) {
                if (existing.method().equals(method.name()) && existing.amount() == amount
                        && status(existing, now) != Status.EXPIRED) {
                    return render(existing, now);
                }
            }
            long seq = state.nextChargeSeq();
            String chargeId = Ids.next("chg");
            Optional<String> qr = Optional.empty();
            Optional<String> va = Optional.empty();
            Optional<String> url = Optional.empty();
            switch (method) {
                case QRIS -> qr = Optional.of(QrisString.build(merchant, amount, chargeId));
                case VIRTUAL_ACCOUNT -> va = Optional.of(String.format(Locale.ROOT, "8808%012d", seq));
                case EWALLET, PAYMENT_LINK -> url = Optional.of(payUrl(chargeId));
                default -> throw new IllegalStateException("not a charge method: " + method);
            }
            SandboxState.ChargeRow row = new SandboxState.ChargeRow(chargeId, seq, clientRef, method.name(), amount,
                    false, qr, va, url, now, now.plus(ttl), Optional.empty(), Optional.empty());
            state.insertCharge(row);
            LOG.info("Charge {} created: {} {} for {}", chargeId, method, amount, clientRef);
            return render(row, now);
        });
    }

    ObjectNode get(String chargeId) {
        SandboxState.ChargeRow row = find(chargeId);
        return render(row, clock.instant());
    }

    /**
     * The customer pays (the sandbox endpoint or the hosted page). Paying a PAID charge again changes nothing;
     * an expired one is refused with {@code 410 charge_expired}.
     */
    ObjectNode pay(String chargeId, Optional<String> paidWith) {
        return state.atomically(() -> {
            SandboxState.ChargeRow row = find(chargeId);
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Status status = status(row, now);
            if (status == Status.EXPIRED) {
                throw SandboxError.gone(GatewayError.CHARGE_EXPIRED, "Charge " + chargeId + " expired at "
                        + Json.time(row.expiresAt()));
            }
            if (status == Status.PENDING) {
                state.markChargePaid(chargeId, now, paidWith.orElse(row.method()));
                LOG.info("Charge {} paid with {}", chargeId, paidWith.orElse(row.method()));
            }
            return render(find(chargeId), now);
        });
    }

    /**
     * Refuses a non-cash payment unless {@code chargeId} names a PAID charge of the same method and amount that no
     * other payment has used (the customer's money is taken once and pays one bill).
     */
    void requirePaid(Optional<String> chargeId, PaymentMethod method, long amount) {
        String id = chargeId.orElseThrow(() -> SandboxError.conflict(GatewayError.CHARGE_NOT_PAID, method
                + " needs the charge_id of a PAID charge (POST /v1/charges first)"));
        SandboxState.ChargeRow row = find(id);
        Status status = status(row, clock.instant());
        if (status != Status.PAID) {
            throw SandboxError.conflict(GatewayError.CHARGE_NOT_PAID, "Charge " + id + " is " + status
                    + ", not PAID");
        }
        if (!row.method().equals(method.name())) {
            throw SandboxError.conflict(GatewayError.CHARGE_NOT_PAID, "Charge " + id + " was a " + row.method()
                    + " charge, the payment says " + method);
        }
        if (row.amount() != amount) {
            throw SandboxError.conflict(GatewayError.CHARGE_NOT_PAID, "Charge " + id + " took " + row.amount()
                    + ", the payment is for " + amount);
        }
        state.livePaymentWithCharge(id).ifPresent(p -> {
            throw SandboxError.conflict(GatewayError.CHARGE_NOT_PAID, "Charge " + id + " already paid payment "
                    + p.paymentId());
        });
    }

    Optional<SandboxState.ChargeRow> lookup(String chargeId) {
        return state.charge(chargeId);
    }

    SandboxState.ChargeRow find(String chargeId) {
        return state.charge(chargeId).orElseThrow(() -> SandboxError.notFound(GatewayError.CHARGE_NOT_FOUND,
                "No charge " + chargeId));
    }

    static Status status(SandboxState.ChargeRow row, Instant now) {
        if (row.paid()) {
            return Status.PAID;
        }
        return now.isBefore(row.expiresAt()) ? Status.PENDING : Status.EXPIRED;
    }

    ObjectNode render(SandboxState.ChargeRow row, Instant now) {
        ObjectNode body = Json.object();
        body.put("charge_id", row.chargeId());
        body.put("client_ref", row.clientRef());
        body.put("method", row.method());
        body.put("amount", row.amount());
        body.put("status", status(row, now).name());
        body.put("qr_string", row.qrString().orElse(null));
        body.put("va_number", row.vaNumber().orElse(null));
        body.put("payment_url", row.paymentUrl().orElse(null));
        body.put("expires_at", Json.time(row.expiresAt()));
        return body;
    }

    String merchant() {
        return merchant;
    }

    Clock clock() {
        return clock;
    }

    private String payUrl(String chargeId) {
        return baseUri + "/pay/" + chargeId;
    }
}
