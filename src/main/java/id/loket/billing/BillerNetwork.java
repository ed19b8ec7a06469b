package id.loket.billing;

import id.loket.core.Biller;
import id.loket.core.Money;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The biller network: who pays the billers for the shop out of its deposit (the house gateway, Digiflazz …), as
 * the services see it: typed results, never HTTP (DESIGN.md, "Upstreams").
 *
 * <p><b>Payments must be safe to repeat.</b> {@link #pay} carries the caller's {@code client_ref} as the provider's
 * reference ({@code ref_id}, idempotency key); a caller that gets {@link GatewayResult.NoAnswer} asks
 * {@link #paymentStatus} (or pays again with the same request), never pays with a new {@code client_ref}.
 * Implementations never retry a payment on their own with a new reference.
 */
public interface BillerNetwork {

    /** Who this is and how its money counts: shown wherever money is (SANDBOX, TESTING). */
    NetworkInfo info();

    /** The catalog: billers, and for prepaid billers their products with the shop's selling price. */
    GatewayResult<List<Biller>> billers();

    /**
     * Looks a bill (or a prepaid product for a customer number) up. {@code request.clientRef()} is the reference the
     * payment of this bill will carry; a network whose inquiry and payment share one reference (Digiflazz) sends it
     * with the inquiry and says so with {@link Inquiry#paymentRef()}.
     */
    GatewayResult<Inquiry> inquire(InquiryRequest request);

    GatewayResult<PaymentResult> pay(PaymentRequest request);

    /**
     * The network's current word on a payment; {@code payment_not_found} means it never arrived. A network without
     * a status call re-sends the identical payment request, which is the provider's own way of asking (Digiflazz
     * prepaid): {@code request} is that request.
     */
    GatewayResult<PaymentResult> paymentStatus(PaymentRequest request);

    /**
     * Asks the status until the answer is definitive or {@code maxChecks} checks were made, backing off between
     * checks; returns the last result.
     */
    GatewayResult<PaymentResult> awaitPayment(PaymentRequest request, int maxChecks);

    GatewayResult<DepositBalance> balance();

    /**
     * The deposit as the network last reported it (a balance read, or the running balance an aggregator returns with
     * each purchase), without asking; empty when not known or not tracked. A counter uses it to refuse, before
     * anything is written, a sale the deposit cannot pay.
     */
    default Optional<Money> lastKnownDeposit() {
        return Optional.empty();
    }

    /** Reads the catalog anew now, where the network allows it (a price list has its own pace). */
    default GatewayResult<List<Biller>> refreshCatalog() {
        return billers();
    }

    /** When the catalog the counter sells from was read, for a network whose catalog is a kept price list. */
    default Optional<java.time.Instant> catalogAsOf() {
        return Optional.empty();
    }

    /**
     * Asks the network for a deposit top-up ticket: where to transfer how much. A network that takes top-ups another
     * way refuses with {@code not_supported}.
     */
    default GatewayResult<TopUpTicket> depositTicket(Money amount, String bank, String ownerName) {
        return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.NOT_SUPPORTED, info().displayName()
                + " takes no top-up tickets through Loket: top the deposit up as its provider says."));
    }

    /**
     * Fetches the signed settlement summary of {@code day} and its CSV file into {@code csvFile}, and checks the
     * file's SHA-256 against the summary. A mismatch is {@link GatewayResult.NoAnswer} naming it, and the file is
     * deleted. A day not closed yet is refused with {@code day_not_closed}. A network with no statement
     * ({@link NetworkInfo#hasStatement()} false) refuses with {@code no_statement}.
     */
    GatewayResult<SettlementSummary> settlement(LocalDate day, Path csvFile);
}
