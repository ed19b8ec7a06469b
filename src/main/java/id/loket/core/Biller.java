package id.loket.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A biller of the gateway's catalog: what it bills, how its customer reference looks (label and pattern, checked
 * before the gateway is ever asked), the gateway's admin fee, and for prepaid billers the products.
 */
public record Biller(
        String code,
        BillerCategory category,
        String name,
        BillerKind kind,
        String referenceLabel,
        String referencePattern,
        Money adminFee,
        List<Product> products) {

    public Biller {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(referenceLabel, "referenceLabel");
        Objects.requireNonNull(adminFee, "adminFee");
        products = List.copyOf(products);
        try {
            Pattern.compile(referencePattern);
        } catch (PatternSyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("Biller " + code + " has an invalid reference pattern", e);
        }
    }

    /** Whether {@code reference} has the shape this biller's references have (the whole text must match). */
    public boolean acceptsReference(String reference) {
        return Pattern.compile(referencePattern).matcher(reference).matches();
    }

    public Optional<Product> product(String productCode) {
        return products.stream().filter(p -> p.code().equals(productCode)).findFirst();
    }
}
