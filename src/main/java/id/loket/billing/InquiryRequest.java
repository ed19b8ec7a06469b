package id.loket.billing;

import java.util.Objects;
import java.util.Optional;

/** Look up the bill of {@code reference} at {@code biller}; prepaid billers also need the product. */
public record InquiryRequest(String biller, String reference, Optional<String> product) {

    public InquiryRequest {
        Objects.requireNonNull(biller, "biller");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(product, "product");
    }
}
