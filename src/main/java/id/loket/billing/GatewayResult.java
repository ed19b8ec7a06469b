package id.loket.billing;

/**
 * What a call to the gateway came to, so no caller ever interprets HTTP:
 * <ul>
 *   <li>{@link Answer}: the gateway answered and the answer is verified;</li>
 *   <li>{@link Refused}: the gateway answered with a definitive, verified error (e.g. {@code reference_not_found});</li>
 *   <li>{@link NoAnswer}: nothing trustworthy came back (timeout, connection failure, 5xx, malformed or unsigned
 *       answer). For a payment this means "unknown": the payment may or may not have been made, so it must be
 *       asked about with the same {@code client_ref}, never retried with a new one.</li>
 * </ul>
 */
public sealed interface GatewayResult<T> permits GatewayResult.Answer, GatewayResult.Refused, GatewayResult.NoAnswer {

    record Answer<T>(T value) implements GatewayResult<T> {}

    record Refused<T>(GatewayError error) implements GatewayResult<T> {}

    record NoAnswer<T>(String reason) implements GatewayResult<T> {}

    /** The answer; throws {@link IllegalStateException} with the refusal or the missing answer otherwise. */
    default T orThrow() {
        if (this instanceof Answer<T> a) {
            return a.value();
        }
        if (this instanceof Refused<T> r) {
            throw new IllegalStateException("The gateway refused: " + r.error());
        }
        throw new IllegalStateException("The gateway did not answer: " + ((NoAnswer<T>) this).reason());
    }
}
