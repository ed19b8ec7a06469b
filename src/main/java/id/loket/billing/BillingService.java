package id.loket.billing;

import id.loket.core.Biller;
import id.loket.core.BillerKind;
import id.loket.core.Product;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalog and bill look-ups, as the counter uses them: the catalog is fetched once and kept (a network that
 * quotes its cost keeps its own price list, so it is asked each time), and every
 * reference is checked against its biller's pattern before the gateway is asked, so a mistyped number costs
 * the clerk nothing but a message.
 */
public final class BillingService {

    private final BillerNetwork gateway;
    private final PriceBook prices;
    private final Supplier<Optional<String>> newClientRef;
    private volatile List<Biller> catalog = List.of();

    /** A network that quotes the customer's prices and needs no reference with an inquiry (the house gateway). */
    public BillingService(BillerNetwork gateway) {
        this.gateway = gateway;
        this.prices = PriceBook.AT_COST;
        this.newClientRef = Optional::empty;
    }

    /**
     * @param prices       the shop's selling prices, for a network that quotes its cost
     * @param newClientRef a new client_ref, handed to the network with an inquiry whose payment must carry it
     */
    public BillingService(BillerNetwork gateway, PriceBook prices, Supplier<String> newClientRef) {
        this.gateway = gateway;
        this.prices = prices;
        this.newClientRef = () -> Optional.of(newClientRef.get());
    }

    /** Which network this is, and how it counts (SANDBOX, TESTING, LIVE). */
    public NetworkInfo network() {
        return gateway.info();
    }

    /** The catalog: from the gateway the first time, then as kept; a failed refresh keeps the last good one. */
    public GatewayResult<List<Biller>> billers() {
        List<Biller> known = catalog;
        // A network that quotes its cost keeps its own price list at its own pace (Digiflazz: five minutes), so
        // the counter always sells at the list's current cost; the house catalog is read once.
        if (!known.isEmpty() && !gateway.info().quotesCost()) {
            return new GatewayResult.Answer<>(known);
        }
        GatewayResult<List<Biller>> fetched = gateway.billers();
        if (!(fetched instanceof GatewayResult.Answer<List<Biller>>) && !known.isEmpty()) {
            return new GatewayResult.Answer<>(known);
        }
        if (fetched instanceof GatewayResult.Answer<List<Biller>> answer) {
            return new GatewayResult.Answer<>(keep(answer.value()));
        }
        return fetched;
    }

    /** The catalog's biller with this code (case-insensitive), once the catalog could be read. */
    public Optional<Biller> biller(String code) {
        GatewayResult<List<Biller>> billers = billers();
        if (!(billers instanceof GatewayResult.Answer<List<Biller>> answer)) {
            return Optional.empty();
        }
        return answer.value().stream().filter(b -> b.code().equalsIgnoreCase(code.strip())).findFirst();
    }

    /**
     * Looks a bill up after checking the biller, the reference's shape and (for prepaid billers) the product.
     * Spaces and dashes a clerk types inside a number are dropped first.
     *
     * @throws ReferenceRejectedException naming what is wrong, before the gateway is asked
     */
    public GatewayResult<Inquiry> inquire(String billerCode, String reference, Optional<String> product) {
        GatewayResult<List<Biller>> billers = billers();
        if (!(billers instanceof GatewayResult.Answer<List<Biller>> answer)) {
            return billers instanceof GatewayResult.Refused<List<Biller>> r
                    ? new GatewayResult.Refused<>(r.error())
                    : new GatewayResult.NoAnswer<>(((GatewayResult.NoAnswer<List<Biller>>) billers).reason());
        }
        Biller biller = answer.value().stream()
                .filter(b -> b.code().equalsIgnoreCase(billerCode.strip()))
                .findFirst()
                .orElseThrow(() -> new ReferenceRejectedException("There is no biller '" + billerCode
                        + "': see the catalog ('loket billers')."));
        String cleaned = normalise(reference);
        if (!biller.acceptsReference(cleaned)) {
            throw new ReferenceRejectedException(biller.referenceLabel() + " '" + reference + "' is not valid for "
                    + biller.name() + " (expected " + biller.referencePattern() + "): check the number and type it again.");
        }
        if (biller.kind() == BillerKind.PREPAID) {
            String code = product.orElseThrow(() -> new ReferenceRejectedException(biller.name()
                    + " needs a product (--product): one of " + productCodes(biller) + "."));
            if (biller.product(code).isEmpty()) {
                throw new ReferenceRejectedException(biller.name() + " has no product '" + code + "': one of "
                        + productCodes(biller) + ".");
            }
        }
        GatewayResult<Inquiry> result = gateway.inquire(new InquiryRequest(biller.code(), cleaned,
                biller.kind() == BillerKind.PREPAID ? product : Optional.empty(), newClientRef.get()));
        if (biller.kind() == BillerKind.PREPAID && gateway.info().quotesCost()
                && result instanceof GatewayResult.Answer<Inquiry> found) {
            // The network quoted the cost; the customer pays the shop's price (the catalog's, already priced).
            Product sold = biller.product(product.orElseThrow()).orElseThrow();
            return new GatewayResult.Answer<>(found.value().repriced(sold.price()));
        }
        return result;
    }

    /** Reads the catalog anew (a network with a price list keeps its own pace: Digiflazz once per 5 minutes). */
    public GatewayResult<List<Biller>> refresh() {
        GatewayResult<List<Biller>> fresh = gateway.refreshCatalog();
        if (fresh instanceof GatewayResult.Answer<List<Biller>> answer) {
            return new GatewayResult.Answer<>(keep(answer.value()));
        }
        return fresh;
    }

    /** Keeps the network's catalog, at the shop's prices when the network quotes its cost. */
    private List<Biller> keep(List<Biller> billers) {
        List<Biller> priced = gateway.info().quotesCost() ? billers.stream().map(this::priced).toList()
                : List.copyOf(billers);
        catalog = priced;
        return priced;
    }

    /** When the catalog was read, for a network whose catalog is a kept price list. */
    public Optional<java.time.Instant> catalogAsOf() {
        return gateway.catalogAsOf();
    }

    /** A product code (an aggregator's SKU) and the biller it belongs to; empty product for a postpaid biller. */
    public record SkuMatch(Biller biller, Optional<String> product) {}

    /**
     * The biller of SKU {@code sku}: the prepaid biller selling a product of that code, or the postpaid biller that
     * is that SKU (its code is the SKU in capitals).
     */
    public Optional<SkuMatch> sku(String sku) {
        String wanted = sku.strip();
        GatewayResult<List<Biller>> billers = billers();
        if (!(billers instanceof GatewayResult.Answer<List<Biller>> answer)) {
            return Optional.empty();
        }
        for (Biller b : answer.value()) {
            for (Product p : b.products()) {
                if (p.code().equals(wanted)) {
                    return Optional.of(new SkuMatch(b, Optional.of(p.code())));
                }
            }
        }
        String code = wanted.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return answer.value().stream()
                .filter(b -> b.kind() == BillerKind.POSTPAID
                        && (b.code().equals(code) || b.code().equals(code + "_PASCA")))
                .findFirst().map(b -> new SkuMatch(b, Optional.empty()));
    }

    /** A deposit top-up ticket from the network: where to transfer how much. */
    public GatewayResult<TopUpTicket> depositTicket(id.loket.core.Money amount, String bank, String ownerName) {
        return gateway.depositTicket(amount, bank, ownerName);
    }

    private Biller priced(Biller biller) {
        if (biller.products().isEmpty()) {
            return biller;
        }
        List<Product> products = biller.products().stream()
                .map(p -> p.withPrice(prices.sellingPrice(biller, p))).toList();
        return new Biller(biller.code(), biller.category(), biller.name(), biller.kind(), biller.referenceLabel(),
                biller.referencePattern(), biller.adminFee(), products);
    }

    /** The merchant's deposit at the gateway; also how the status bar tells whether the gateway answers. */
    public GatewayResult<DepositBalance> balance() {
        return gateway.balance();
    }

    /** Drops the spaces and dashes people type inside numbers; scanners send none. */
    public static String normalise(String reference) {
        return reference.strip().replace(" ", "").replace("-", "");
    }

    private static String productCodes(Biller biller) {
        return String.join(", ", biller.products().stream().map(p -> p.code()).toList());
    }
}
