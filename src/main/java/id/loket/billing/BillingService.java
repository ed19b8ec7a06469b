package id.loket.billing;

import id.loket.core.Biller;
import id.loket.core.BillerKind;
import java.util.List;
import java.util.Optional;

/**
 * The catalog and bill look-ups, as the counter uses them: the catalog is fetched once and kept, and every
 * reference is checked against its biller's pattern before the gateway is asked, so a mistyped number costs
 * the clerk nothing but a message.
 */
public final class BillingService {

    private final Gateway gateway;
    private volatile List<Biller> catalog = List.of();

    public BillingService(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The catalog: from the gateway the first time, then as kept; a failed refresh keeps the last good one. */
    public GatewayResult<List<Biller>> billers() {
        List<Biller> known = catalog;
        if (!known.isEmpty()) {
            return new GatewayResult.Answer<>(known);
        }
        GatewayResult<List<Biller>> fetched = gateway.billers();
        if (fetched instanceof GatewayResult.Answer<List<Biller>> answer) {
            catalog = List.copyOf(answer.value());
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
        return gateway.inquire(new InquiryRequest(biller.code(), cleaned,
                biller.kind() == BillerKind.PREPAID ? product : Optional.empty()));
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
