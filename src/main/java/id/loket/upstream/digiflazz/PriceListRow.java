package id.loket.upstream.digiflazz;

import id.loket.core.Money;
import java.util.Objects;

/**
 * One prepaid product of the buyer's price list ({@code /price-list}, {@code cmd=prepaid}).
 *
 * <p>Missing text fields are {@code ""}, missing flags {@code false} (a product whose status is not said is not
 * offered), a missing {@code stock} is 0. {@code price} and {@code stock} may come as numbers or as digit strings
 * (the docs' table says String, their example shows numbers).
 *
 * @param stock ignorable when {@code unlimitedStock}
 * @param startCutOff {@code hh:mm} as sent
 * @param endCutOff {@code hh:mm} as sent
 */
public record PriceListRow(
        String productName,
        String category,
        String brand,
        String type,
        String sellerName,
        Money price,
        String buyerSkuCode,
        boolean buyerProductStatus,
        boolean sellerProductStatus,
        boolean unlimitedStock,
        long stock,
        boolean multi,
        String startCutOff,
        String endCutOff,
        String desc) {

    public PriceListRow {
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sellerName, "sellerName");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(buyerSkuCode, "buyerSkuCode");
        Objects.requireNonNull(startCutOff, "startCutOff");
        Objects.requireNonNull(endCutOff, "endCutOff");
        Objects.requireNonNull(desc, "desc");
    }
}
