package id.loket.cli;

import id.loket.billing.BillingService;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import java.util.Optional;

/** {@code --sku} or {@code --biller}/{@code --product}: which product a command means. */
final class SkuOption {

    private SkuOption() {}

    static GatewayResult<Inquiry> inquire(BillingService billing, String sku, String biller, String reference,
            String product) {
        if (sku != null && (biller != null || product != null)) {
            throw new IllegalArgumentException("Give --sku, or --biller (and --product), not both.");
        }
        if (sku != null) {
            BillingService.SkuMatch match = billing.sku(sku).orElseThrow(() -> new IllegalArgumentException(
                    "No product '" + sku + "' is sold on this network: see 'loket products'."));
            return billing.inquire(match.biller().code(), reference, match.product());
        }
        if (biller == null) {
            throw new IllegalArgumentException("Say what to look up: --sku SKU, or --biller CODE (and --product).");
        }
        return billing.inquire(biller, reference, Optional.ofNullable(product));
    }
}
