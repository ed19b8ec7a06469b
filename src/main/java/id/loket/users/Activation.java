package id.loket.users;

import java.time.Instant;

/**
 * A one-time activation code, as issued: shown to the owner once (only its hash is kept), valid until
 * {@code expiresAt} and for one activation.
 */
public record Activation(Operator operator, String code, Instant expiresAt) {

    @Override
    public String toString() {
        return "Activation[" + operator.username() + ", until " + expiresAt + "]";
    }
}
