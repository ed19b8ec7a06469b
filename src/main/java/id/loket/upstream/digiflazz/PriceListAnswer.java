package id.loket.upstream.digiflazz;

import java.util.Objects;

/**
 * Digiflazz's answer to a price-list request: the list ({@code data} is an array), or a refusal ({@code data} is an
 * object with an {@code rc}, e.g. 83 when the list was asked for within 5 minutes, 41 for a wrong key).
 */
public sealed interface PriceListAnswer<R> {

    record Rows<R>(PriceList<R> priceList) implements PriceListAnswer<R> {
        public Rows {
            Objects.requireNonNull(priceList, "priceList");
        }
    }

    record Rejected<R>(ResponseCode code, String message) implements PriceListAnswer<R> {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
