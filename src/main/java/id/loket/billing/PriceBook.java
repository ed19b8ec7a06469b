package id.loket.billing;

import id.loket.core.Biller;
import id.loket.core.Money;
import id.loket.core.Product;

/**
 * The shop's selling price of a prepaid product whose network quotes its cost ({@link NetworkInfo#quotesCost()}):
 * set by the owner (a markup per category, or a price per product). A price below the cost is kept as set: selling
 * it is then refused at the counter until the owner decides.
 */
@FunctionalInterface
public interface PriceBook {

    /** Sells every product at its cost. */
    PriceBook AT_COST = (biller, product) -> product.cost();

    Money sellingPrice(Biller biller, Product product);
}
