package id.loket.upstream.digiflazz;

import java.util.List;

/**
 * The rows of a price list that could be read, and a description of each row that could not.
 *
 * <p>A malformed row (no {@code buyer_sku_code}, a price that is not a whole rupiah amount, a flag that is not a
 * boolean) is skipped rather than failing the whole list: one bad product must not stop the counter from selling
 * the others.
 *
 * @param skipped one line per skipped row: its position, its SKU when known, and why
 */
public record PriceList<R>(List<R> rows, List<String> skipped) {
    public PriceList {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
    }
}
