package id.loket.upstream.digiflazz;

import id.loket.core.Money;
import java.util.Objects;

/**
 * The buyer's remaining deposit ({@code /cek-saldo}, {@code data.deposit}).
 *
 * <p>Digiflazz types it as a Float. A whole number, also written with a zero fraction ({@code 1000000.0}), is
 * accepted; a fraction of a rupiah is not rounded away: the answer is refused as malformed, because a balance that
 * is off by any amount breaks the nightly balance proof silently.
 */
public record Balance(Money deposit) {
    public Balance {
        Objects.requireNonNull(deposit, "deposit");
    }
}
