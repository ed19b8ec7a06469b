package id.loket.payment;

import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.BillerNetwork;
import id.loket.billing.PaymentAcceptance;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.core.Biller;
import id.loket.core.BusinessCalendar;
import id.loket.core.ChargeChannel;
import id.loket.core.ClientRefs;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.ReceiptData;
import id.loket.settings.SettingsService;
import id.loket.shift.Shift;
import id.loket.shift.ShiftException;
import id.loket.shift.ShiftService;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paying bills at the counter: the payment state machine of DESIGN.md over the gateway port, with the money of
 * each step in the journal (see {@link PaymentEntries} for the postings).
 *
 * <p><b>Safe to repeat.</b> The {@code client_ref} is generated and the payment row committed as SENT, with the
 * PENDING journal entry reserving its money, in one transaction <em>before</em> the request leaves. Every later
 * request for the payment carries the same {@code client_ref}, so the gateway's idempotency makes a repeat the same
 * payment. Outcomes:
 * <ul>
 *   <li>answer SUCCESS → SUCCESS (posts the reservation); answer FAILED → FAILED (voids it);</li>
 *   <li>a verified refusal ({@code insufficient_deposit}, {@code inquiry_expired}, {@code amount_mismatch},
 *       {@code bill_already_paid} …) → FAILED with that reason: the gateway processes nothing it refuses;</li>
 *   <li>answer PENDING, no answer, a 5xx, a malformed or unsigned answer, or {@code idempotency_conflict}
 *       → SUSPECT: "pending: do not refund or retry, the system will check".</li>
 * </ul>
 *
 * <p><b>Recovery</b> ({@link #recover}) asks the gateway about every SUSPECT payment, and every SENT one older than
 * the grace period (a crash between the commit and the answer leaves SENT). When the gateway answers
 * {@code payment_not_found} — it never received the request — the payment is <em>sent again once</em>, with the
 * same {@code client_ref} and the same body: the customer paid and left with a provisional slip, and the bill
 * they paid for should be paid if it still can be. Should the gateway still not know it at a later check, it is
 * FAILED ("never received") and the customer's money is owed back. A new {@code client_ref} is never used.
 *
 * <p><b>Refunds.</b> A payment that fails while the customer waits at the counter gets its cash handed back
 * ({@link ClerkAdvice#RETURN_THE_MONEY}); non-cash money, and cash of a payment found failed later by recovery,
 * was kept, so a POSTED entry moves it to {@code refunds_due} ({@link ClerkAdvice#REFUND_DUE}).
 *
 * <p><b>Shop fee.</b> Set by the owner per biller or per category ({@link SettingsService#shopFee}); the customer
 * pays bill + gateway admin fee + shop fee, the gateway is paid the inquiry's total. A gateway charge (QRIS, VA,
 * e-wallet, payment link) must be for exactly the amount of the payment it pays (docs/gateway-api.md), so the shop
 * fee cannot ride on it and is not charged for those methods; cash and debit card through the counter's EDC carry it.
 *
 * <p>A gateway that throws instead of answering leaves the payment SENT; recovery settles it. Thread-safe: a
 * payment is worked on by one thread of this process at a time, and the store refuses a change made from a state
 * the payment has already left.
 */
public final class PaymentService {

    /** SENT payments younger than this may still be waiting for their answer (here or in another process). */
    public static final Duration DEFAULT_SENT_GRACE = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);

    /** What an EDC terminal prints as the approval code: letters and digits, usually six. */
    private static final Pattern APPROVAL_CODE = Pattern.compile("[A-Z0-9]{4,12}");

    private static final Set<PaymentState> OPEN = EnumSet.of(PaymentState.CHARGE_PENDING, PaymentState.PAID,
            PaymentState.SENT, PaymentState.SUSPECT);

    private final PaymentStore store;
    private final BillerNetwork network;
    private final PaymentAcceptance acceptance;
    private final ShiftService shifts;
    private final SettingsService settings;
    private final JournalRules rules;
    private final BusinessCalendar calendar;
    private final ClientRefs clientRefs;
    private final Duration sentGrace;
    private final CustomerDirectory customers;
    /** Payments a thread of this process is working on; recovery leaves them alone. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    public PaymentService(PaymentStore store, BillerNetwork network, PaymentAcceptance acceptance,
            ShiftService shifts, SettingsService settings, JournalRules rules, BusinessCalendar calendar) {
        this(store, network, acceptance, shifts, settings, rules, calendar, new ClientRefs(new SecureRandom()),
                DEFAULT_SENT_GRACE);
    }

    /** Without customers: a payment above {@link SettingsService#verifiedCustomerAbove()} is always refused. */
    public PaymentService(PaymentStore store, BillerNetwork network, PaymentAcceptance acceptance,
            ShiftService shifts, SettingsService settings, JournalRules rules, BusinessCalendar calendar,
            ClientRefs clientRefs, Duration sentGrace) {
        this(store, network, acceptance, shifts, settings, rules, calendar, clientRefs, sentGrace,
                CustomerDirectory.NONE);
    }

    /**
     * @param customers the shop's registered customers, for the rule that a payment above
     *     {@link SettingsService#verifiedCustomerAbove()} needs a verified one
     */
    public PaymentService(PaymentStore store, BillerNetwork network, PaymentAcceptance acceptance,
            ShiftService shifts, SettingsService settings, JournalRules rules, BusinessCalendar calendar,
            ClientRefs clientRefs, Duration sentGrace, CustomerDirectory customers) {
        this.customers = Objects.requireNonNull(customers, "customers");
        this.store = Objects.requireNonNull(store, "store");
        this.network = Objects.requireNonNull(network, "network");
        this.acceptance = Objects.requireNonNull(acceptance, "acceptance");
        this.shifts = Objects.requireNonNull(shifts, "shifts");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clientRefs = Objects.requireNonNull(clientRefs, "clientRefs");
        this.sentGrace = Objects.requireNonNull(sentGrace, "sentGrace");
    }

    // ---- paying ----------------------------------------------------------------------------------------------

    /**
     * What the customer pays for the bill by {@code method}: the bill, the gateway's admin fee and the shop fee
     * (none for gateway charges, see the class comment).
     *
     * @throws PaymentRefusedException when the inquiry is about another biller
     */
    public Amounts quote(Biller biller, Inquiry inquiry, PaymentMethod method) {
        PaidBill.of(biller, inquiry);
        Money shopFee = method.isGatewayCharge() ? Money.ZERO : settings.shopFee(biller.code(), biller.category());
        if (inquiry.amount().plus(inquiry.adminFee()).isLessThan(inquiry.cost())) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.COST_ABOVE_PRICE, biller.name()
                    + ": the network now takes " + inquiry.cost().rupiah() + " from the deposit, more than the selling"
                    + " price " + inquiry.amount().plus(inquiry.adminFee()).rupiah() + ". Nothing was charged: the"
                    + " owner must set a new selling price (Settings) before it is sold again.");
        }
        return new Amounts(inquiry.amount(), inquiry.adminFee(), shopFee, inquiry.cost());
    }

    /**
     * Pays the bill with the cash {@code tendered} by the customer, from the clerk's open shift's drawer. Returns
     * the payment as it ended: SUCCESS, FAILED (hand the cash back) or SUSPECT (keep it; do not refund or retry).
     *
     * @throws PaymentRefusedException before anything is written or sent: tendered below the total, no open
     *     shift, the bill already being paid (the double-payment guard), an inquiry of another biller
     */
    public Payment payCash(String clerk, Biller biller, Inquiry inquiry, Money tendered) {
        return payCash(clerk, biller, inquiry, tendered, Optional.empty());
    }

    /**
     * As {@link #payCash(String, Biller, Inquiry, Money)}, for the registered customer {@code customerId} (kept with
     * the payment, see {@link #customerOf}).
     *
     * @throws PaymentRefusedException also when the total is above {@link SettingsService#verifiedCustomerAbove()}
     *     and no customer, or one not verified, is named ({@code VERIFIED_CUSTOMER_REQUIRED}), or the customer does
     *     not exist ({@code UNKNOWN_CUSTOMER})
     */
    public Payment payCash(String clerk, Biller biller, Inquiry inquiry, Money tendered, Optional<Long> customerId) {
        Objects.requireNonNull(tendered, "tendered");
        return payAtCounter(clerk, biller, inquiry, PaymentMethod.CASH, Optional.of(tendered), Optional.empty(),
                customerId);
    }

    /**
     * Pays the bill with a debit card the counter's own EDC terminal has charged; {@code approvalCode} is what the
     * terminal printed. The money is booked into {@code customer_clearing} (it reaches the shop through the bank).
     *
     * @throws PaymentRefusedException as {@link #payCash}, or when the approval code is not one
     */
    public Payment payByDebitCard(String clerk, Biller biller, Inquiry inquiry, String approvalCode) {
        return payByDebitCard(clerk, biller, inquiry, approvalCode, Optional.empty());
    }

    /**
     * As {@link #payByDebitCard(String, Biller, Inquiry, String)}, for the registered customer {@code customerId}.
     *
     * @throws PaymentRefusedException also as {@link #payCash(String, Biller, Inquiry, Money, Optional)}
     */
    public Payment payByDebitCard(String clerk, Biller biller, Inquiry inquiry, String approvalCode,
            Optional<Long> customerId) {
        String code = Objects.requireNonNull(approvalCode, "approvalCode").strip().toUpperCase(Locale.ROOT);
        if (!APPROVAL_CODE.matcher(code).matches()) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.INVALID_APPROVAL_CODE, "'"
                    + approvalCode + "' is not an EDC approval code (4 to 12 letters or digits, as the terminal"
                    + " printed it): type it again.");
        }
        return payAtCounter(clerk, biller, inquiry, PaymentMethod.DEBIT_CARD, Optional.empty(), Optional.of(code),
                customerId);
    }

    private Payment payAtCounter(String clerk, Biller biller, Inquiry inquiry, PaymentMethod method,
            Optional<Money> tendered, Optional<String> approvalCode, Optional<Long> customerId) {
        PaidBill bill = PaidBill.of(biller, inquiry);
        Amounts amounts = quote(biller, inquiry, method);
        requireCustomer(amounts, customerId);
        if (tendered.isPresent() && tendered.get().isLessThan(amounts.total())) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.TENDERED_BELOW_TOTAL, "The cash tendered ("
                    + tendered.get().rupiah() + ") is less than the total " + amounts.total().rupiah()
                    + ": take at least the total.");
        }
        Shift shift = openShift(clerk);
        refuseIfHeld(bill);
        requireDeposit(amounts);
        Instant now = calendar.now();
        LocalDate day = calendar.dayOf(now);
        Payment draft = new Payment(clientRefFor(inquiry, day), shift.id(), shift.clerk(), day, now, now,
                PaymentState.SENT, method, bill, amounts, tendered, approvalCode, Optional.empty(), OptionalLong.empty(), 0,
                Optional.empty(), Optional.empty(), false);
        busy.add(draft.clientRef());
        try {
            Payment sent = insertNew(draft, customerId, "committed before the request leaves",
                    List.of(PaymentEntries.reservation(draft, day, now)));
            return send(sent, true);
        } finally {
            busy.remove(draft.clientRef());
        }
    }

    // ---- non-cash charges ------------------------------------------------------------------------------------

    /**
     * Asks the gateway for a charge the customer pays by {@code method} (QRIS, virtual account, e-wallet, payment
     * link) and records the payment as CHARGE_PENDING with what to show the customer ({@link Payment#charge()}).
     * Nothing is booked until the customer has paid; then {@link #pollCharge} pays the bill.
     *
     * @throws PaymentRefusedException when the method is not a gateway charge, there is no open shift, the bill is
     *     already being paid, or the gateway refused or did not answer (no charge was shown; nothing was written)
     */
    public Payment startCharge(String clerk, Biller biller, Inquiry inquiry, PaymentMethod method) {
        return startCharge(clerk, biller, inquiry, method, Optional.empty());
    }

    /**
     * As {@link #startCharge(String, Biller, Inquiry, PaymentMethod)}, for the registered customer {@code customerId}.
     *
     * @throws PaymentRefusedException also as {@link #payCash(String, Biller, Inquiry, Money, Optional)}, before the
     *     gateway is asked for a charge
     */
    public Payment startCharge(String clerk, Biller biller, Inquiry inquiry, PaymentMethod method,
            Optional<Long> customerId) {
        if (!method.isGatewayCharge()) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.WRONG_METHOD, method
                    + " is not taken through a gateway charge: use payCash, payByDebitCard or payByStaticQris.");
        }
        return startCharge(clerk, biller, inquiry, ChargeChannel.defaultFor(method), customerId, Optional.empty());
    }

    /**
     * Asks the gateway for a charge the customer pays by {@code channel} (QRIS, a bank's virtual account, GoPay, a
     * payment link sent to {@code phone}) and records the payment as CHARGE_PENDING with what to show the customer.
     * The charge's order id is the payment's client_ref, recorded (NEW) before the request leaves: a lost answer is
     * looked up by it, never answered with a second charge; one that cannot be settled now is left to recovery,
     * which finds it, and withdraws it (the customer never saw it) or pays the bill (they paid it anyway).
     *
     * @throws PaymentRefusedException before anything is written as {@link #payCash(String, Biller, Inquiry, Money,
     *     Optional)} or when the gateway does not offer the channel; after, when the gateway refused or did not
     *     answer (CHARGE_NOT_STARTED: nothing was shown to the customer; the payment is cancelled or left to recovery)
     */
    public Payment startCharge(String clerk, Biller biller, Inquiry inquiry, ChargeChannel channel,
            Optional<Long> customerId, Optional<String> phone) {
        PaymentMethod method = channel.method();
        if (!acceptance.channels().contains(channel)) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.WRONG_METHOD, "The payment gateway ("
                    + acceptance.acceptanceInfo().displayName() + ") does not take " + channel + ": choose another"
                    + " method.");
        }
        PaidBill bill = PaidBill.of(biller, inquiry);
        Amounts amounts = quote(biller, inquiry, method);
        requireCustomer(amounts, customerId);
        Shift shift = openShift(clerk);
        refuseIfHeld(bill);
        requireDeposit(amounts);
        Instant now = calendar.now();
        LocalDate day = calendar.dayOf(now);
        String clientRef = clientRefFor(inquiry, day);
        Payment draft = new Payment(clientRef, shift.id(), shift.clerk(), day, now, now, PaymentState.NEW, method, bill,
                amounts, Optional.empty(), Optional.empty(), Optional.of(ChargeDetails.asked(clientRef, channel, now)),
                OptionalLong.empty(), 0, Optional.empty(), Optional.empty(), false);
        busy.add(clientRef);
        try {
            Payment asked = insertNew(draft, customerId, "a " + channel + " charge asked for; recorded before the"
                    + " request leaves", List.of());
            ChargeRequest request = chargeRequestOf(asked, phone);
            GatewayResult<Charge> result = acceptance.createCharge(request);
            if (result instanceof GatewayResult.NoAnswer<Charge> none) {
                LOG.info("Charge of payment {}: no answer ({}); looking it up by its order id", clientRef,
                        none.reason());
                GatewayResult<Charge> found = acceptance.findCharge(request);
                if (found instanceof GatewayResult.Answer<Charge>) {
                    result = found;
                } else if (found instanceof GatewayResult.Refused<Charge> refused && !refused.error().is(
                        GatewayError.CHARGE_NOT_FOUND) && !refused.error().is(GatewayError.NOT_SUPPORTED)) {
                    result = found;
                } else if (found instanceof GatewayResult.NoAnswer<Charge>) {
                    throw new PaymentRefusedException(PaymentRefusedException.Reason.CHARGE_NOT_STARTED, "The"
                            + " gateway did not answer the " + channel + " charge (" + none.reason() + "), nor whether"
                            + " it exists. Nothing was shown to the customer: do not take the money for it. The counter"
                            + " checks it by itself and withdraws it; try again, or take cash.");
                } else {
                    cancel(asked, "the gateway did not answer the charge and has none under its order id");
                    throw new PaymentRefusedException(PaymentRefusedException.Reason.CHARGE_NOT_STARTED, "The"
                            + " gateway did not answer the " + channel + " charge (" + none.reason() + "); nothing was"
                            + " charged: try again.");
                }
            }
            if (result instanceof GatewayResult.Refused<Charge> refused) {
                cancel(asked, "the gateway refused the charge: " + refused.error());
                throw new PaymentRefusedException(PaymentRefusedException.Reason.CHARGE_NOT_STARTED, "The gateway"
                        + " refused the " + channel + " charge (" + refused.error() + "); nothing was charged.");
            }
            Charge charge = result.orThrow();
            ChargeDetails details = new ChargeDetails(charge.chargeId(), charge.qrString(), charge.vaNumber(),
                    charge.billerCode(), charge.paymentUrl(), charge.expiresAt(), Optional.of(channel));
            Payment pending = change(asked, asked.moved(PaymentState.CHARGE_PENDING, calendar.now()).charged(details),
                    "charge " + charge.chargeId() + " created; waiting for the customer", List.of());
            if (charge.status() == Charge.Status.PAID) {
                return advanceCharge(pending, true);
            }
            if (charge.status() != Charge.Status.PENDING || !showable(details)) {
                withdraw(pending, "the charge found is " + charge.status() + (showable(details) ? ""
                        : " with nothing to show the customer"));
                throw new PaymentRefusedException(PaymentRefusedException.Reason.CHARGE_NOT_STARTED, "The gateway's"
                        + " charge could not be shown (" + charge.status() + "); it was withdrawn and nothing was"
                        + " charged: try again.");
            }
            return pending;
        } finally {
            busy.remove(clientRef);
        }
    }

    /**
     * Pays the bill with the shop's own static QRIS, made dynamic with the amount: the clerk has seen the money
     * arrive on the shop's phone (no gateway confirms it). The money is booked into {@code qris_static}; the owner
     * ticks these payments off in the day's reconciliation.
     *
     * @throws PaymentRefusedException as {@link #payCash(String, Biller, Inquiry, Money, Optional)}, or when no
     *     static QRIS is set
     */
    public Payment payByStaticQris(String clerk, Biller biller, Inquiry inquiry, Optional<Long> customerId) {
        if (settings.staticQris().isEmpty()) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.WRONG_METHOD, "The shop has no static"
                    + " QRIS set: the owner enters it in Settings (or LOKET_STATIC_QRIS).");
        }
        return payAtCounter(clerk, biller, inquiry, PaymentMethod.STATIC_QRIS, Optional.empty(), Optional.empty(),
                customerId);
    }

    /** The channels the payment gateway takes (the counter offers only these), in the enum's order. */
    public java.util.SortedSet<ChargeChannel> chargeChannels() {
        return new java.util.TreeSet<>(acceptance.channels());
    }

    /** The payment gateway taking non-cash money, and its mode (TESTING for a provider's sandbox). */
    public id.loket.billing.NetworkInfo acceptanceInfo() {
        return acceptance.acceptanceInfo();
    }

    /** The request that creates (and finds) the charge of payment {@code p}. */
    private static ChargeRequest chargeRequestOf(Payment p, Optional<String> phone) {
        ChargeChannel channel = chargeOf(p).channel().orElse(ChargeChannel.defaultFor(p.method()));
        String description = (p.bill().billerName() + " " + p.bill().reference()).strip();
        return new ChargeRequest(p.clientRef(), channel, p.amounts().gatewayTotal(), description, phone);
    }

    private static boolean showable(ChargeDetails d) {
        return d.qrString().isPresent() || d.vaNumber().isPresent() || d.paymentUrl().isPresent();
    }

    private Payment cancel(Payment p, String why) {
        return change(p, p.moved(PaymentState.CANCELLED, calendar.now()).failedBecause(why, false), why, List.of());
    }

    /**
     * Withdraws a waiting charge at the gateway and cancels the payment; should the customer have paid it meanwhile,
     * the payment goes on and pays the bill instead.
     */
    private Payment withdraw(Payment p, String why) {
        GatewayResult<Charge> answer = acceptance.cancelCharge(chargeOf(p).chargeId());
        if (answer instanceof GatewayResult.Answer<Charge> a && a.value().status() == Charge.Status.PAID) {
            return p.state() == PaymentState.CHARGE_PENDING ? advanceCharge(p, false) : p;
        }
        String note = answer instanceof GatewayResult.Answer<Charge> ? "; withdrawn at the gateway"
                : answer instanceof GatewayResult.Refused<Charge> r && r.error().is(GatewayError.NOT_SUPPORTED)
                        ? "; it expires at the gateway on its own"
                        : "; the gateway did not confirm the withdrawal (" + answer + "): a late payment shows in the"
                                + " night's reconciliation as money owed back";
        return cancel(p, why + note);
    }

    /**
     * Asks the gateway whether the customer has paid the charge of payment {@code clientRef}. Once paid, the payment
     * goes on at once (SENT, then SUCCESS, FAILED or SUSPECT, as {@link #payCash}); an expired charge ends
     * CHARGE_EXPIRED, and the biller is never paid for it. While the charge waits, or when the gateway does not
     * answer, the payment stays as it is: poll again.
     */
    public ChargePoll pollCharge(String clientRef) {
        if (!busy.add(clientRef)) {
            return ChargePoll.of(require(clientRef));
        }
        try {
            return ChargePoll.of(advanceCharge(require(clientRef), true));
        } finally {
            busy.remove(clientRef);
        }
    }

    /**
     * The clerk stops waiting for the charge of {@code clientRef} (Esc, or the counter's wait ran out): the charge
     * is withdrawn at the gateway where it can be, and the payment CANCELLED (CHARGE_EXPIRED if it has expired). If
     * the customer has paid it meanwhile the payment is not cancelled but goes on to pay the bill, and is returned as
     * it ended. A customer who pays a charge the gateway could not withdraw shows up in the night's reconciliation
     * as money owed back.
     *
     * @throws PaymentStateException when the payment has no waiting charge, or is being worked on right now
     */
    public Payment cancelCharge(String clientRef) {
        if (!busy.add(clientRef)) {
            Payment p = require(clientRef);
            throw new PaymentStateException("Payment " + clientRef + " is being worked on right now: try again in a"
                    + " moment.", p.state());
        }
        try {
            Payment p = require(clientRef);
            if (p.state() == PaymentState.CANCELLED || p.state() == PaymentState.CHARGE_EXPIRED) {
                return p;
            }
            if (p.state() != PaymentState.CHARGE_PENDING) {
                throw new PaymentStateException("Payment " + clientRef + " is " + p.state()
                        + ": only a charge still waiting for the customer can be cancelled.", p.state());
            }
            String chargeId = chargeOf(p).chargeId();
            GatewayResult<Charge> withdrawn = acceptance.cancelCharge(chargeId);
            if (withdrawn instanceof GatewayResult.Answer<Charge> answer) {
                return switch (answer.value().status()) {
                    case PAID -> advanceCharge(p, true);
                    case EXPIRED -> expire(p);
                    default -> cancel(p, "cancelled by the clerk; withdrawn at the gateway");
                };
            }
            if (withdrawn instanceof GatewayResult.Refused<Charge> refused
                    && refused.error().is(GatewayError.CHARGE_NOT_FOUND)) {
                return cancel(p, "cancelled by the clerk; the gateway does not know the charge");
            }
            GatewayResult<Charge> status = acceptance.charge(chargeId);
            if (status instanceof GatewayResult.Answer<Charge> answer) {
                if (answer.value().status() == Charge.Status.PAID) {
                    return advanceCharge(p, true);
                }
                if (answer.value().status() == Charge.Status.EXPIRED) {
                    return expire(p);
                }
            }
            boolean cannotWithdraw = withdrawn instanceof GatewayResult.Refused<Charge> r
                    && r.error().is(GatewayError.NOT_SUPPORTED);
            return cancel(p, cannotWithdraw ? "cancelled by the clerk"
                    : "cancelled by the clerk; the gateway did not confirm the withdrawal (" + withdrawn + "): a late"
                            + " payment shows in the night's reconciliation as money owed back");
        } finally {
            busy.remove(clientRef);
        }
    }

    private Payment advanceCharge(Payment p, boolean customerPresent) {
        Payment current = p;
        if (current.state() == PaymentState.CHARGE_PENDING) {
            ChargeDetails charge = chargeOf(current);
            GatewayResult<Charge> status = acceptance.charge(charge.chargeId());
            if (status instanceof GatewayResult.Answer<Charge> answer) {
                switch (answer.value().status()) {
                    case PENDING -> {
                        return current;
                    }
                    case EXPIRED -> {
                        return expire(current);
                    }
                    case CANCELLED, REVERSED -> {
                        return cancel(current, "the gateway ended charge " + charge.chargeId() + " unpaid ("
                                + answer.value().status() + ")");
                    }
                    case PAID -> current = change(current, current.moved(PaymentState.PAID, calendar.now()),
                            "the customer paid charge " + charge.chargeId(), List.of());
                }
            } else if (status instanceof GatewayResult.Refused<Charge> refused
                    && refused.error().is(GatewayError.CHARGE_NOT_FOUND)) {
                return change(current, current.moved(PaymentState.CANCELLED, calendar.now())
                        .failedBecause("the gateway does not know charge " + charge.chargeId(), false),
                        "charge_not_found", List.of());
            } else {
                LOG.info("Charge {} of payment {}: no definitive answer ({}); still waiting", charge.chargeId(),
                        current.clientRef(), status);
                return current;
            }
        }
        if (current.state() == PaymentState.PAID) {
            Instant now = calendar.now();
            Payment sent = change(current, current.moved(PaymentState.SENT, now),
                    "charge paid; committed before the request leaves",
                    List.of(PaymentEntries.reservation(current, calendar.dayOf(now), now)));
            if (sent.state() != PaymentState.SENT) {
                return sent;
            }
            return send(sent, customerPresent);
        }
        return current;
    }

    /**
     * A charge asked for whose answer never came (the counter stopped, the answer was lost): looked up by its order
     * id. None → cancelled; paid → the bill is paid; still waiting → withdrawn, since the customer never saw it
     * (should they have paid it first, the bill is paid). Unknown → left NEW for the next run.
     */
    private Payment resolveAsked(Payment p) {
        if (p.charge().isEmpty() || !p.method().isGatewayCharge()) {
            return p;
        }
        GatewayResult<Charge> found = acceptance.findCharge(chargeRequestOf(p, Optional.empty()));
        if (found instanceof GatewayResult.Refused<Charge> refused) {
            if (refused.error().is(GatewayError.CHARGE_NOT_FOUND)) {
                return cancel(p, "the charge was never created at the gateway (the counter stopped before its answer)");
            }
            if (refused.error().is(GatewayError.NOT_SUPPORTED)) {
                return cancel(p, "the counter stopped before the charge was shown; a charge the gateway may have made"
                        + " expires unpaid");
            }
            LOG.info("Payment {}: looking its charge up was refused ({}); asked again next time", p.clientRef(),
                    refused.error());
            return p;
        }
        if (found instanceof GatewayResult.NoAnswer<Charge> none) {
            LOG.info("Payment {}: no answer looking its charge up ({}); asked again next time", p.clientRef(),
                    none.reason());
            return p;
        }
        Charge charge = found.orThrow();
        ChargeDetails details = new ChargeDetails(charge.chargeId(), charge.qrString(), charge.vaNumber(),
                charge.billerCode(), charge.paymentUrl(), charge.expiresAt(), chargeOf(p).channel());
        return switch (charge.status()) {
            case PAID -> advanceCharge(change(p, p.moved(PaymentState.CHARGE_PENDING, calendar.now()).charged(details),
                    "found charge " + charge.chargeId() + " after the counter stopped", List.of()), false);
            case PENDING -> withdraw(change(p, p.moved(PaymentState.CHARGE_PENDING, calendar.now()).charged(details),
                    "found charge " + charge.chargeId() + " after the counter stopped; the customer never saw it",
                    List.of()), "the counter stopped before the charge was shown");
            default -> cancel(p, "the charge found after the counter stopped is " + charge.status());
        };
    }

    /**
     * The night's check of a payment's non-cash money: its charge's status read from the gateway (signed, so an
     * answer the adapter cannot verify is no answer) against what the ledger did. A charge the gateway took while
     * the payment was cancelled or expired (the customer paid after the clerk gave up, or after the counter stopped)
     * is booked as owed back to the customer, once. Every answer is kept.
     */
    public ChargeConfirmation confirmCharge(String clientRef) {
        Payment p = require(clientRef);
        if (p.method() == PaymentMethod.STATIC_QRIS) {
            return new ChargeConfirmation(ChargeConfirmation.Outcome.TO_TICK_OFF, Optional.empty(), "paid to the"
                    + " shop's own QRIS and confirmed on sight by " + p.clerk() + " at "
                    + java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
                            .withZone(id.loket.core.BusinessCalendar.WIB).format(p.createdAt()) + " WIB: tick it off"
                    + " against the bank's record of " + p.amounts().total().rupiah());
        }
        if (!p.method().isGatewayCharge() || p.charge().isEmpty()) {
            return new ChargeConfirmation(ChargeConfirmation.Outcome.NOT_A_CHARGE, Optional.empty(), p.method().name());
        }
        boolean taken = switch (p.state()) {
            case PAID, SENT, SUSPECT, SUCCESS, FAILED -> true;
            default -> false;
        };
        if (p.state() == PaymentState.NEW || p.state() == PaymentState.CHARGE_PENDING || busy.contains(clientRef)) {
            return new ChargeConfirmation(ChargeConfirmation.Outcome.NOT_CHECKED, Optional.empty(), "the charge is"
                    + " still being worked on (" + p.state() + "); recovery settles it");
        }
        String chargeId = chargeOf(p).chargeId();
        GatewayResult<Charge> status = acceptance.charge(chargeId);
        Instant now = calendar.now();
        if (status instanceof GatewayResult.NoAnswer<Charge> none) {
            return new ChargeConfirmation(ChargeConfirmation.Outcome.NOT_CHECKED, Optional.empty(), "the gateway did"
                    + " not answer for charge " + chargeId + " (" + none.reason() + ")");
        }
        if (status instanceof GatewayResult.Refused<Charge> refused) {
            if (!refused.error().is(GatewayError.CHARGE_NOT_FOUND)) {
                return new ChargeConfirmation(ChargeConfirmation.Outcome.NOT_CHECKED, Optional.empty(), "the gateway"
                        + " refused the status of charge " + chargeId + ": " + refused.error());
            }
            store.addChargeCheck(clientRef, now, "NOT_FOUND", Optional.empty());
            return taken
                    ? new ChargeConfirmation(ChargeConfirmation.Outcome.NOT_CONFIRMED, Optional.of("NOT_FOUND"), "the"
                            + " ledger took charge " + chargeId + " as paid, but the gateway does not know it")
                    : new ChargeConfirmation(ChargeConfirmation.Outcome.NOTHING_TAKEN, Optional.of("NOT_FOUND"),
                            "never created");
        }
        Charge charge = status.orThrow();
        store.addChargeCheck(clientRef, now, charge.status().name(), Optional.of(charge.amount()));
        Optional<String> said = Optional.of(charge.status().name());
        if (charge.status() == Charge.Status.PAID) {
            if (taken) {
                if (!charge.amount().equals(p.amounts().gatewayTotal())) {
                    return new ChargeConfirmation(ChargeConfirmation.Outcome.NOT_CONFIRMED, said, "the gateway took "
                            + charge.amount().rupiah() + " for charge " + chargeId + ", the ledger "
                            + p.amounts().gatewayTotal().rupiah());
                }
                return new ChargeConfirmation(ChargeConfirmation.Outcome.CONFIRMED, said, "paid, signed status");
            }
            return new ChargeConfirmation(ChargeConfirmation.Outcome.OWED_BACK, said, owedBack(p, charge).failureReason()
                    .orElse("owed back"));
        }
        if (taken) {
            return new ChargeConfirmation(ChargeConfirmation.Outcome.NOT_CONFIRMED, said, "the ledger took charge "
                    + chargeId + " as paid, but the gateway says " + charge.status()
                    + (charge.status() == Charge.Status.REVERSED ? " (reversed: the shop does not have this money)"
                            : ""));
        }
        return new ChargeConfirmation(ChargeConfirmation.Outcome.NOTHING_TAKEN, said, charge.status().name());
    }

    /** Books the customer's money for a charge paid after its payment ended unpaid as owed back, once. */
    private Payment owedBack(Payment p, Charge charge) {
        if (p.refundDue()) {
            return p;
        }
        Instant now = calendar.now();
        String why = "the customer paid charge " + charge.chargeId() + " (" + charge.amount().rupiah() + ") after the"
                + " payment ended " + p.state() + "; the bill was not paid: refund due to the customer";
        return change(p, p.failedBecause(why, true), why, List.of(PaymentEntries.refundDue(p, calendar.dayOf(now),
                now)));
    }

    private Payment expire(Payment p) {
        Instant now = calendar.now();
        return change(p, p.moved(PaymentState.CHARGE_EXPIRED, now).failedBecause("the charge expired unpaid at "
                + chargeOf(p).expiresAt(), false), "charge expired unpaid", List.of());
    }

    // ---- the gateway's answers -------------------------------------------------------------------------------

    private Payment send(Payment sent, boolean customerPresent) {
        return settle(sent, network.pay(requestTo(sent)), customerPresent);
    }

    /**
     * The payment request of {@code p}, exactly as it was sent to this counter's network: what a status check by
     * re-sending (Digiflazz prepaid) must send again.
     */
    public PaymentRequest requestTo(Payment p) {
        return requestOf(p, acceptance.acceptanceInfo().id().equals(network.info().id()));
    }

    /**
     * The payment request of {@code p}, exactly as it was sent (see {@link #requestTo}), to a network that is also
     * the gateway that took the charge.
     */
    public static PaymentRequest requestOf(Payment p) {
        return requestOf(p, true);
    }

    /**
     * {@code sameParty}: the biller network also took the customer's non-cash money (the house gateway in every
     * role), so the payment names its charge; a charge another gateway took (Midtrans) means nothing to the network,
     * which is paid from the deposit as for money the counter holds.
     */
    private static PaymentRequest requestOf(Payment p, boolean sameParty) {
        return new PaymentRequest(p.clientRef(), p.bill().inquiryId(), p.amounts().gatewayTotal(), p.method(),
                sameParty ? p.charge().map(ChargeDetails::chargeId) : Optional.empty(), p.bill().billerCode(),
                p.bill().reference(), p.amounts().cost());
    }

    /**
     * The client_ref of a new payment of {@code inquiry}: the inquiry's own when the network pays under it (its
     * inquiry and payment are one transaction), which a payment may use only once; a new one otherwise.
     */
    private String clientRefFor(Inquiry inquiry, LocalDate day) {
        if (inquiry.paymentRef().isEmpty()) {
            return clientRefs.next(day);
        }
        String ref = inquiry.paymentRef().get();
        Optional<Payment> used = store.find(ref);
        if (used.isPresent()) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.INQUIRY_USED, "This look-up was already"
                    + " used by payment " + ref + " (" + used.get().state() + "): look the bill up again before paying.");
        }
        return ref;
    }

    /** The outcome of sending the payment (the first time, or the one resend). */
    private Payment settle(Payment p, GatewayResult<PaymentResult> result, boolean customerPresent) {
        if (result instanceof GatewayResult.Answer<PaymentResult> answer) {
            return settleAnswer(p, answer.value(), customerPresent);
        }
        if (result instanceof GatewayResult.Refused<PaymentResult> refused) {
            GatewayError error = refused.error();
            if (error.is(GatewayError.IDEMPOTENCY_CONFLICT)) {
                // Another body under our key: something is badly wrong, and nothing says this bill was not paid.
                return suspect(p, "the gateway holds a different payment under this client_ref (" + error + ")",
                        Optional.empty());
            }
            return fail(p, "the gateway refused it: " + error.code() + " (" + error.message() + ")",
                    Optional.empty(), customerPresent);
        }
        return suspect(p, "no trustworthy answer from the gateway: " + ((GatewayResult.NoAnswer<PaymentResult>) result)
                .reason(), Optional.empty());
    }

    private Payment settleAnswer(Payment p, PaymentResult result, boolean customerPresent) {
        return switch (result.status()) {
            case SUCCESS -> succeed(p, result);
            case FAILED -> fail(p, "the payment failed (rc " + result.rc() + "): " + result.message(),
                    Optional.of(GatewayOutcome.of(result)), customerPresent);
            case PENDING -> suspect(p, "the gateway answered PENDING (rc " + result.rc() + ")",
                    Optional.of(GatewayOutcome.of(result)));
        };
    }

    private Payment succeed(Payment p, PaymentResult result) {
        Instant now = calendar.now();
        return change(p, p.moved(PaymentState.SUCCESS, now).withOutcome(GatewayOutcome.of(result))
                .withMoreDetails(result.details()),
                "success (rc " + result.rc() + ", payment " + result.paymentId() + ")",
                List.of(PaymentEntries.posting(p, calendar.dayOf(now), now)));
    }

    private Payment fail(Payment p, String reason, Optional<GatewayOutcome> outcome, boolean customerPresent) {
        Instant now = calendar.now();
        LocalDate day = calendar.dayOf(now);
        boolean owedBack = p.method() != PaymentMethod.CASH || !customerPresent;
        Payment failed = p.moved(PaymentState.FAILED, now).failedBecause(reason, owedBack);
        if (outcome.isPresent()) {
            failed = failed.withOutcome(outcome.get());
        }
        List<JournalEntry> entries = new ArrayList<>(2);
        entries.add(PaymentEntries.voiding(p, day, now));
        if (owedBack) {
            entries.add(PaymentEntries.refundDue(p, day, now));
        }
        return change(p, failed, reason + (owedBack ? "; refund due to the customer" : "; cash handed back"),
                entries);
    }

    private Payment suspect(Payment p, String reason, Optional<GatewayOutcome> outcome) {
        if (p.state() == PaymentState.SUSPECT) {
            return p;
        }
        Payment suspect = p.moved(PaymentState.SUSPECT, calendar.now());
        if (outcome.isPresent()) {
            suspect = suspect.withOutcome(outcome.get());
        }
        return change(p, suspect, reason, List.of());
    }

    /** Writes a new payment, which starts from NEW, with the customer it is for. */
    private Payment insertNew(Payment draft, Optional<Long> customerId, String detail, List<JournalEntry> entries) {
        if (draft.state() != PaymentState.NEW && !PaymentState.NEW.canMoveTo(draft.state())) {
            throw new PaymentStateException("A new payment cannot start as " + draft.state(), PaymentState.NEW);
        }
        return store.insert(draft, customerId, detail, entries, rules);
    }

    /**
     * Writes a change checked against the state machine. Should another worker have moved the payment first, its
     * decision stands (it came from the same gateway) and is returned.
     */
    private Payment change(Payment before, Payment after, String detail, List<JournalEntry> entries) {
        if (before.state() != after.state() && !before.state().canMoveTo(after.state())) {
            throw new PaymentStateException("Payment " + before.clientRef() + " cannot move from " + before.state()
                    + " to " + after.state(), before.state());
        }
        try {
            return store.update(before.state(), after, detail, entries, rules);
        } catch (PaymentStateException moved) {
            Payment now = require(before.clientRef());
            LOG.info("Payment {} was moved to {} by another worker; this one's {} ({}) was not applied: {}",
                    before.clientRef(), now.state(), after.state(), detail, moved.getMessage());
            return now;
        }
    }

    // ---- recovery --------------------------------------------------------------------------------------------

    /**
     * Asks the gateway about every payment whose outcome is open — SUSPECT, SENT older than the grace period,
     * and charges still waiting or paid but not sent — and settles those with a definitive answer. Safe to run at
     * any time and from several places; payments being worked on in this process are left alone.
     */
    public RecoverySummary recover() {
        List<RecoverySummary.Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Instant now = calendar.now();
        List<Payment> open = new ArrayList<>(store.inStates(EnumSet.of(PaymentState.NEW)));
        open.addAll(store.inStates(OPEN));
        for (Payment listed : open) {
            String ref = listed.clientRef();
            if ((listed.state() == PaymentState.SENT || listed.state() == PaymentState.NEW)
                    && listed.updatedAt().plus(sentGrace).isAfter(now)) {
                continue;
            }
            if (!busy.add(ref)) {
                continue;
            }
            try {
                Payment p = require(ref);
                if (!OPEN.contains(p.state()) && p.state() != PaymentState.NEW) {
                    continue;
                }
                Payment after = recoverOne(p);
                items.add(new RecoverySummary.Item(ref, p.state(), after.state(), note(after)));
            } catch (RuntimeException e) {
                LOG.warn("Could not recover payment {} (it stays {}; it is asked about again next time)", ref,
                        listed.state(), e);
                problems.add(ref + ": " + e.getMessage());
            } finally {
                busy.remove(ref);
            }
        }
        if (!items.isEmpty() || !problems.isEmpty()) {
            LOG.info("Recovery: {} open payments checked, {} succeeded, {} failed, {} still open, {} problems",
                    items.size(), items.stream().filter(i -> i.after() == PaymentState.SUCCESS).count(),
                    items.stream().filter(i -> i.after() == PaymentState.FAILED).count(),
                    items.stream().filter(i -> !i.settled()).count(), problems.size());
        }
        return new RecoverySummary(items, problems);
    }

    private Payment recoverOne(Payment p) {
        return switch (p.state()) {
            case NEW -> resolveAsked(p);
            case CHARGE_PENDING, PAID -> advanceCharge(p, false);
            case SENT, SUSPECT -> askAbout(p);
            default -> p;
        };
    }

    private Payment askAbout(Payment p) {
        GatewayResult<PaymentResult> status = network.paymentStatus(requestTo(p));
        if (status instanceof GatewayResult.Answer<PaymentResult> answer) {
            return settleAnswer(p, answer.value(), false);
        }
        if (status instanceof GatewayResult.Refused<PaymentResult> refused) {
            if (refused.error().is(GatewayError.PAYMENT_NOT_FOUND)) {
                return neverReceived(p);
            }
            return suspect(p, "the status check was refused: " + refused.error(), Optional.empty());
        }
        return suspect(p, "no trustworthy answer to the status check: "
                + ((GatewayResult.NoAnswer<PaymentResult>) status).reason(), Optional.empty());
    }

    /** The gateway says it never received the payment: send it again once, with the same client_ref and body. */
    private Payment neverReceived(Payment p) {
        if (p.resends() >= 1) {
            return fail(p, "the gateway never received the payment, even after it was sent again"
                    + " (payment_not_found)", Optional.empty(), false);
        }
        Payment marked = change(p, p.moved(PaymentState.SUSPECT, calendar.now()).resent(),
                "the gateway never received it (payment_not_found): sent again once with the same client_ref",
                List.of());
        if (marked.state() != PaymentState.SUSPECT || marked.resends() < 1) {
            return marked;
        }
        return settle(marked, network.pay(requestTo(marked)), false);
    }

    /**
     * Settles a payment whose outcome the ledger did not know (SENT or SUSPECT) as the gateway's settlement file
     * decided it, with the same correcting entries recovery would write: the reservation posted for a success;
     * voided, with the customer's money owed back, for a failure. A payment already settled is returned as it is.
     *
     * @throws PaymentStateException when the payment is being worked on right now, or is in no state a settlement
     *     can decide
     */
    public Payment settleBySettlement(String clientRef, boolean success, String reason) {
        return settleBySettlement(clientRef, success, reason, Optional.empty());
    }

    /**
     * As {@link #settleBySettlement(String, boolean, String)}, with the network's own answer when the deciding word
     * was a re-check: its outcome (a PLN token, the biller's reference) is kept with the payment, as recovery would.
     */
    public Payment settleByAnswer(String clientRef, PaymentResult answer, String reason) {
        return settleBySettlement(clientRef, answer.status() == PaymentResult.Status.SUCCESS, reason,
                Optional.of(answer));
    }

    private Payment settleBySettlement(String clientRef, boolean success, String reason,
            Optional<PaymentResult> answer) {
        if (!busy.add(clientRef)) {
            Payment p = require(clientRef);
            throw new PaymentStateException("Payment " + clientRef + " is being worked on right now: try again in a"
                    + " moment.", p.state());
        }
        try {
            Payment p = require(clientRef);
            if (p.state() == PaymentState.SUCCESS || p.state() == PaymentState.FAILED) {
                return p;
            }
            if (p.state() != PaymentState.SENT && p.state() != PaymentState.SUSPECT) {
                throw new PaymentStateException("Payment " + clientRef + " is " + p.state() + ": it never reached"
                        + " the gateway, so no settlement can decide it.", p.state());
            }
            if (success) {
                Instant now = calendar.now();
                Payment succeeded = p.moved(PaymentState.SUCCESS, now);
                if (answer.isPresent()) {
                    succeeded = succeeded.withOutcome(GatewayOutcome.of(answer.get()))
                            .withMoreDetails(answer.get().details());
                }
                return change(p, succeeded, reason, List.of(PaymentEntries.posting(p, calendar.dayOf(now), now)));
            }
            return fail(p, reason, answer.map(GatewayOutcome::of), false);
        } finally {
            busy.remove(clientRef);
        }
    }

    private static String note(Payment p) {
        return p.failureReason().map(r -> p.advice().message() + " (" + r + ")").orElse(p.advice().message());
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    public Optional<Payment> find(String clientRef) {
        return store.find(clientRef);
    }

    /** The registered customer the payment was made for, if one was named. */
    public Optional<Long> customerOf(String clientRef) {
        return store.customerOf(clientRef);
    }

    /** History: payments matching {@code criteria}, newest first. */
    public List<Payment> search(PaymentCriteria criteria) {
        return store.search(criteria);
    }

    /** Every change of the payment, in order. */
    public List<PaymentEvent> events(String clientRef) {
        return store.events(clientRef);
    }

    /**
     * What the receipt of payment {@code clientRef} prints. A payment whose outcome is not known yet gets a
     * provisional slip.
     *
     * @throws PaymentStateException when the payment was not made (FAILED, cancelled, expired, still waiting)
     */
    public ReceiptData receipt(String clientRef, Shop shop, String clerk) {
        Payment p = require(clientRef);
        boolean provisional = p.state() == PaymentState.SENT || p.state() == PaymentState.SUSPECT;
        if (p.state() != PaymentState.SUCCESS && !provisional) {
            throw new PaymentStateException("Payment " + clientRef + " is " + p.state() + ": only a payment made, or"
                    + " one whose outcome is pending, has a receipt.", p.state());
        }
        Optional<GatewayOutcome> outcome = provisional ? Optional.empty() : p.outcome();
        Instant at = outcome.flatMap(GatewayOutcome::paidAt).orElse(p.createdAt());
        PaidBill bill = p.bill();
        // The house sandbox says SANDBOX; a provider's test mode (the network's, or the gateway that took the charge)
        // says TESTING.
        boolean houseSandbox = network.info().mode() == id.loket.billing.NetworkInfo.Mode.SANDBOX
                || settings.isSandbox() && "house".equals(network.info().id());
        return new ReceiptData(shop.name(), shop.address(), clerk, at, p.clientRef(), bill.billerCode(),
                bill.billerName(), bill.category(), bill.reference(), bill.customerName(), bill.details(),
                p.amounts().bill(), p.amounts().adminFee(), p.total(), p.method(), p.tendered(), p.change(),
                outcome.flatMap(GatewayOutcome::token), outcome.flatMap(GatewayOutcome::kwh),
                outcome.flatMap(GatewayOutcome::billerRef), provisional, false,
                settings.isSandbox() || network.info().isTraining() || chargedInTraining(p),
                network.info().mode() == id.loket.billing.NetworkInfo.Mode.TESTING
                        || !houseSandbox && chargedInTraining(p));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** The customer's money was a charge at a gateway in its test mode: no real money came in. */
    private boolean chargedInTraining(Payment p) {
        return p.method().isGatewayCharge() && acceptance.acceptanceInfo().isTraining();
    }

    private Payment require(String clientRef) {
        return store.find(clientRef).orElseThrow(() -> new IllegalArgumentException("There is no payment "
                + clientRef));
    }

    private static ChargeDetails chargeOf(Payment p) {
        return p.charge().orElseThrow(() -> new IllegalStateException("Payment " + p.clientRef() + " by "
                + p.method() + " has no charge"));
    }

    private Shift openShift(String clerk) {
        try {
            return shifts.requireOpen(clerk);
        } catch (ShiftException e) {
            PaymentRefusedException refused = new PaymentRefusedException(
                    PaymentRefusedException.Reason.NO_OPEN_SHIFT, e.getMessage());
            refused.initCause(e);
            throw refused;
        }
    }

    /**
     * The rule of DESIGN.md ("Users"): a payment above the amount the owner set needs a verified customer. A named
     * customer must exist whatever the amount, so that the payment's link to them means something.
     */
    private void requireCustomer(Amounts amounts, Optional<Long> customerId) {
        Objects.requireNonNull(customerId, "customerId");
        Optional<PayingCustomer> customer = Optional.empty();
        if (customerId.isPresent()) {
            customer = customers.payingCustomer(customerId.get());
            if (customer.isEmpty()) {
                throw new PaymentRefusedException(PaymentRefusedException.Reason.UNKNOWN_CUSTOMER, "There is no"
                        + " customer " + customerId.get() + ": search for the customer, or pay without one.");
            }
        }
        Money limit = settings.verifiedCustomerAbove();
        if (limit.isZero() || !limit.isLessThan(amounts.total())) {
            return;
        }
        if (customer.isEmpty()) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.VERIFIED_CUSTOMER_REQUIRED, "A payment of "
                    + amounts.total().rupiah() + " is above " + limit.rupiah() + " and needs a verified customer:"
                    + " pick (or register and verify) the customer first.");
        }
        if (!customer.get().verified()) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.VERIFIED_CUSTOMER_REQUIRED, "A payment of "
                    + amounts.total().rupiah() + " is above " + limit.rupiah() + " and needs a verified customer, but"
                    + " customer " + customer.get().id() + " (" + customer.get().name() + ") is not verified yet:"
                    + " verify their phone with the SMS code first.");
        }
    }

    /**
     * Refuses, before anything is written, a sale the network's deposit cannot pay: when the deposit it last reported
     * is below the cost, it is read again (a top-up may have arrived), and only a deposit still too low refuses.
     */
    private void requireDeposit(Amounts amounts) {
        Optional<Money> known = network.lastKnownDeposit();
        if (known.isEmpty() || !known.get().isLessThan(amounts.cost())) {
            return;
        }
        GatewayResult<id.loket.billing.DepositBalance> now = network.balance();
        Money deposit = now instanceof GatewayResult.Answer<id.loket.billing.DepositBalance> a ? a.value().balance()
                : known.get();
        if (deposit.isLessThan(amounts.cost())) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.INSUFFICIENT_DEPOSIT, "The deposit at "
                    + network.info().displayName() + " (" + deposit.rupiah() + ") cannot pay this sale ("
                    + amounts.cost().rupiah() + "); nothing was taken or charged: the owner must top the deposit up.");
        }
    }

    private void refuseIfHeld(PaidBill bill) {
        Optional<Payment> holder = bill.guardKey().flatMap(store::holding);
        if (holder.isPresent()) {
            throw PaymentRefusedException.alreadyBeingPaid(holder.get());
        }
    }
}
