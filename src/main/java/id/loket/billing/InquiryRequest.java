package id.loket.billing;

import java.util.Objects;
import java.util.Optional;

/**
 * Look up the bill of {@code reference} at {@code biller}; prepaid billers also need the product. {@code clientRef}
 * is the reference the payment will carry should the network need it with the inquiry ({@link
 * Inquiry#paymentRef()}); a network that does not simply ignores it.
 */
public record InquiryRequest(String biller, String reference, Optional<String> product, Optional<String> clientRef) {

    public InquiryRequest {
        Objects.requireNonNull(biller, "biller");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(clientRef, "clientRef");
    }

    /** A look-up that names no reference for the payment. */
    public InquiryRequest(String biller, String reference, Optional<String> product) {
        this(biller, reference, product, Optional.empty());
    }
}
