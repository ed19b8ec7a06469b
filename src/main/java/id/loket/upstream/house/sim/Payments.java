package id.loket.upstream.house.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.billing.GatewayError;
import id.loket.core.PaymentMethod;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/payments} and {@code GET /v1/payments/{client_ref}}, with the protocol's idempotency: the first
 * response to a {@code client_ref} is stored with a fingerprint of the request, and the same request again gets
 * those very bytes back (whatever they said, PENDING and FAILED included); a different request under the same key
 * is a conflict, never a second payment.
 *
 * <p>As at Stripe, only a payment the gateway actually processed is stored under its key. A refusal before that
 * (bad amount, expired inquiry, insufficient deposit …) leaves no trace: a status check then says
 * {@code payment_not_found} (nothing was paid), and the same key may be sent again once the cause is fixed.
 *
 * <p>The deposit is debited by the total when a payment becomes SUCCESS, at that instant, which is also its
 * {@code paid_at} and the moment that decides its settlement day. A PENDING payment whose deposit no longer covers
 * it when the biller "answers" fails with rc 44.
 */
final class Payments {

    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);

    static final String SUCCESS = "SUCCESS";
    static final String PENDING = "PENDING";
    static final String FAILED = "FAILED";

    /** What to send back: the bytes and whether they are a replay of the stored first response. */
    record Outcome(int status, byte[] body, boolean replayed) {}

    private final SandboxState state;
    private final Charges charges;
    private final Clock clock;

    Payments(SandboxState state, Charges charges, Clock clock) {
        this.state = state;
        this.charges = charges;
        this.clock = clock;
    }

    static PaymentMethod method(String text) {
        return Arrays.stream(PaymentMethod.values()).filter(m -> m.name().equals(text)).findFirst()
                .orElseThrow(() -> SandboxError.badRequest("Unknown method '" + text + "'; one of "
                        + Arrays.toString(PaymentMethod.values())));
    }

    /**
     * Pays, or replays the stored answer. {@code pendingPolls} is set by an armed {@code pending} fault: the payment
     * is answered PENDING and becomes SUCCESS at that many status checks.
     */
    Outcome pay(ObjectNode body, Optional<String> idempotencyKey, OptionalInt pendingPolls) {
        String clientRef = Json.text(body, "client_ref");
        if (clientRef.length() > 64) {
            throw SandboxError.badRequest("client_ref is at most 64 characters");
        }
        if (idempotencyKey.isEmpty() || !idempotencyKey.get().equals(clientRef)) {
            throw SandboxError.badRequest("The Idempotency-Key header is required and must equal client_ref");
        }
        String inquiryId = Json.text(body, "inquiry_id");
        long amount = Json.amount(body, "amount");
        PaymentMethod method = method(Json.text(body, "method"));
        Optional<String> chargeId = Json.optionalText(body, "charge_id");
        // The request's meaning, not its bytes: the same fields re-serialised differently are the same request.
        String fingerprint = String.join("|", inquiryId, Long.toString(amount), method.name(), chargeId.orElse(""));
        return state.atomically(() -> {
            Optional<SandboxState.StoredResponse> stored = state.storedResponse(clientRef);
            if (stored.isPresent()) {
                if (!stored.get().fingerprint().equals(fingerprint)) {
                    throw SandboxError.conflict(GatewayError.IDEMPOTENCY_CONFLICT, "client_ref " + clientRef
                            + " was already used for a different payment (rc 47, duplicate)");
                }
                LOG.info("Payment {} replayed", clientRef);
                return new Outcome(stored.get().status(), stored.get().body(), true);
            }
            SandboxState.PaymentRow payment = process(clientRef, inquiryId, amount, method, chargeId, pendingPolls);
            byte[] bytes = Json.bytes(render(payment, state.balance()));
            state.storeResponse(clientRef, new SandboxState.StoredResponse(fingerprint, 200, bytes), clock.instant());
            LOG.info("Payment {} ({} {}) {}", clientRef, payment.biller(), method, payment.status());
            return new Outcome(200, bytes, false);
        });
    }

    private SandboxState.PaymentRow process(String clientRef, String inquiryId, long amount, PaymentMethod method,
            Optional<String> chargeId, OptionalInt pendingPolls) {
        SandboxState.InquiryRow inquiry = state.inquiry(inquiryId).orElseThrow(() -> SandboxError.notFound(
                GatewayError.INQUIRY_NOT_FOUND, "No inquiry " + inquiryId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!now.isBefore(inquiry.expiresAt())) {
            throw SandboxError.gone(GatewayError.INQUIRY_EXPIRED, "Inquiry " + inquiryId + " expired at "
                    + Json.time(inquiry.expiresAt()) + "; look the bill up again");
        }
        if (amount != inquiry.total()) {
            throw SandboxError.unprocessable(GatewayError.AMOUNT_MISMATCH, "The amount " + amount
                    + " is not the inquiry's total " + inquiry.total() + " (bill " + inquiry.amount() + " + admin "
                    + inquiry.adminFee() + ")");
        }
        Optional<SandboxState.PaymentRow> earlier = state.livePaymentOfInquiry(inquiryId)
                .or(() -> inquiry.billKey().flatMap(state::livePaymentOfBill));
        if (earlier.isPresent()) {
            throw SandboxError.conflict(GatewayError.BILL_ALREADY_PAID, "This bill is already paid or being paid"
                    + " (payment " + earlier.get().paymentId() + ", rc 34)");
        }
        if (method.isGatewayCharge()) {
            charges.requirePaid(chargeId, method, amount);
        }
        long balance = state.balance();
        if (balance < amount) {
            throw new SandboxError(402, GatewayError.INSUFFICIENT_DEPOSIT, "Saldo deposit " + balance
                    + " kurang dari " + amount + " (rc 44, insufficient deposit)");
        }
        SandboxState.PaymentRow payment = new SandboxState.PaymentRow(Ids.next("pay"), clientRef, inquiryId,
                inquiry.biller(), inquiry.reference(), inquiry.billKey(), inquiry.amount(), inquiry.adminFee(),
                method.name(), method.isGatewayCharge() ? chargeId : Optional.empty(), PENDING, "03",
                "Transaksi sedang diproses biller; cek status lagi (pending)", Optional.empty(), Optional.empty(),
                Optional.empty(), now, Optional.empty(), 0);
        if (inquiry.reference().endsWith("2222")) {
            payment = withOutcome(payment, FAILED, "02", "Transaksi gagal: ditolak oleh biller (failed)",
                    Optional.empty(), Optional.empty(), Optional.of(now), 0);
            state.insertPayment(payment);
            return payment;
        }
        int polls = pendingPolls.orElse(inquiry.reference().endsWith("1111") ? 2 : 0);
        if (polls > 0) {
            payment = withOutcome(payment, PENDING, "03", payment.message(), Optional.empty(), Optional.empty(),
                    Optional.empty(), polls);
            state.insertPayment(payment);
            return payment;
        }
        state.insertPayment(payment);
        return complete(payment, inquiry, now);
    }

    /** The gateway's word on a payment; each check of a PENDING payment brings the biller's answer closer. */
    ObjectNode status(String clientRef) {
        return state.atomically(() -> {
            SandboxState.PaymentRow payment = state.paymentByClientRef(clientRef).orElseThrow(() ->
                    SandboxError.notFound(GatewayError.PAYMENT_NOT_FOUND, "The gateway never received a payment "
                            + clientRef));
            if (payment.status().equals(PENDING)) {
                int left = payment.pollsLeft() - 1;
                if (left > 0) {
                    payment = withOutcome(payment, PENDING, payment.rc(), payment.message(), Optional.empty(),
                            Optional.empty(), Optional.empty(), left);
                    state.updatePayment(payment);
                } else {
                    SandboxState.InquiryRow inquiry = state.inquiry(payment.inquiryId()).orElseThrow(
                            () -> new IllegalStateException("A stored payment lost its inquiry"));
                    payment = complete(payment, inquiry, clock.instant().truncatedTo(ChronoUnit.SECONDS));
                    LOG.info("Payment {} now {}", clientRef, payment.status());
                }
            }
            return render(payment, state.balance());
        });
    }

    /** Makes a stored payment SUCCESS and debits the deposit; or FAILED (rc 44) if the deposit no longer covers it. */
    private SandboxState.PaymentRow complete(SandboxState.PaymentRow payment, SandboxState.InquiryRow inquiry,
            Instant now) {
        SandboxState.PaymentRow done;
        if (state.balance() < payment.total()) {
            done = withOutcome(payment, FAILED, "44", "Transaksi gagal: saldo deposit tidak cukup (insufficient"
                    + " deposit)", Optional.empty(), Optional.empty(), Optional.of(now), 0);
            state.updatePayment(done);
            return done;
        }
        Optional<String> token = Optional.empty();
        Optional<String> kwh = Optional.empty();
        if (inquiry.biller().equals("PLN_PREPAID")) {
            token = Optional.of(BillFactory.token(payment.paymentId()));
            kwh = Optional.of(BillFactory.kwh(inquiry.amount(), inquiry.details().get("tarif_daya")));
        }
        done = new SandboxState.PaymentRow(payment.paymentId(), payment.clientRef(), payment.inquiryId(),
                payment.biller(), payment.reference(), payment.billKey(), payment.amount(), payment.adminFee(),
                payment.method(), payment.chargeId(), SUCCESS, "00", "Transaksi berhasil (success)",
                Optional.of(BillFactory.billerRef(payment.paymentId())), token, kwh, payment.createdAt(),
                Optional.of(now), 0);
        state.updatePayment(done);
        state.addMovement(now, -done.total(), "PAYMENT", Optional.of(done.paymentId()));
        return done;
    }

    private static SandboxState.PaymentRow withOutcome(SandboxState.PaymentRow p, String status, String rc,
            String message, Optional<String> token, Optional<String> kwh, Optional<Instant> settledAt, int polls) {
        return new SandboxState.PaymentRow(p.paymentId(), p.clientRef(), p.inquiryId(), p.biller(), p.reference(),
                p.billKey(), p.amount(), p.adminFee(), p.method(), p.chargeId(), status, rc, message, p.billerRef(),
                token, kwh, p.createdAt(), settledAt, polls);
    }

    static ObjectNode render(SandboxState.PaymentRow p, long depositBalance) {
        ObjectNode body = Json.object();
        body.put("payment_id", p.paymentId());
        body.put("client_ref", p.clientRef());
        body.put("status", p.status());
        body.put("rc", p.rc());
        body.put("message", p.message());
        body.put("biller_ref", p.billerRef().orElse(null));
        body.put("token", p.token().orElse(null));
        body.put("kwh", p.kwh().orElse(null));
        body.put("paid_at", p.status().equals(SUCCESS) ? p.settledAt().map(Json::time).orElse(null) : null);
        body.put("deposit_balance", depositBalance);
        return body;
    }

    /** Everything held, for tests ({@code GET /sandbox/payments}). */
    ObjectNode all() {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("payments");
        for (SandboxState.PaymentRow p : state.allPayments()) {
            ObjectNode node = list.addObject();
            node.put("payment_id", p.paymentId());
            node.put("client_ref", p.clientRef());
            node.put("inquiry_id", p.inquiryId());
            node.put("biller", p.biller());
            node.put("reference", p.reference());
            node.put("amount", p.amount());
            node.put("admin_fee", p.adminFee());
            node.put("total", p.total());
            node.put("method", p.method());
            node.put("charge_id", p.chargeId().orElse(null));
            node.put("status", p.status());
            node.put("rc", p.rc());
            node.put("biller_ref", p.billerRef().orElse(null));
            node.put("token", p.token().orElse(null));
            node.put("kwh", p.kwh().orElse(null));
            node.put("created_at", Json.time(p.createdAt()));
            node.put("settled_at", p.settledAt().map(Json::time).orElse(null));
            node.put("polls_left", p.pollsLeft());
        }
        body.put("deposit_balance", state.balance());
        return body;
    }
}
