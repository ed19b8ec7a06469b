package id.loket.upstream.digiflazz;

import id.loket.core.Money;
import java.util.Objects;

/**
 * One postpaid product of the buyer's price list ({@code /price-list}, {@code cmd=pasca}). The bill amount comes
 * with the inquiry; the list only gives the admin fee and the buyer's commission.
 */
public record PascaPriceListRow(
        String productName,
        String category,
        String brand,
        String sellerName,
        Money admin,
        Money commission,
        String buyerSkuCode,
        boolean buyerProductStatus,
        boolean sellerProductStatus,
        String desc) {

    public PascaPriceListRow {
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(sellerName, "sellerName");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(buyerSkuCode, "buyerSkuCode");
        Objects.requireNonNull(desc, "desc");
    }
}
