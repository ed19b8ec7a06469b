package id.loket.reconcile;

import java.time.Instant;
import java.util.Objects;

/** An operator's note that settles a reconciliation item; it carries over to re-runs of the same day. */
public record Resolution(String operator, Instant at, String note) {

    public Resolution {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
    }
}
