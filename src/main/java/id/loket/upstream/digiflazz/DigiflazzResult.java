package id.loket.upstream.digiflazz;

import java.util.Objects;

/**
 * What one call to Digiflazz came to.
 *
 * <p>{@link Answer}: Digiflazz answered and the whole answer was understood (its {@code rc} is in
 * {@link ResponseCode}'s table, its status agrees with that code, every amount is a whole number of rupiah). The
 * HTTP status is kept for the log only: Digiflazz sends business errors with HTTP 400 and a valid JSON body
 * (research §1.1), so any 2xx or 4xx whose body is a well-formed {@code {"data": ...}} is an answer, and the
 * {@code rc} inside decides.
 *
 * <p>{@link NoAnswer}: anything else (a timeout, a refused or reset connection, HTTP 5xx or 3xx, a body that is not
 * JSON, has no {@code data} or a {@code data} of the wrong shape, an {@code rc} missing or not in the table, a status
 * text that contradicts the {@code rc}, an answer about another {@code ref_id}, a body over the size limit). For a
 * transaction it means "unknown", never "failed": re-check with the same {@code ref_id}.
 */
public sealed interface DigiflazzResult<T> {

    record Answer<T>(T value, int httpStatus) implements DigiflazzResult<T> {
        public Answer {
            Objects.requireNonNull(value, "value");
        }
    }

    /** @param reason for the log and the owner: never contains the key or a signature */
    record NoAnswer<T>(String reason) implements DigiflazzResult<T> {
        public NoAnswer {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
