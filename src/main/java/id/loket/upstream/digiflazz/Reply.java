package id.loket.upstream.digiflazz;

import java.util.Objects;

/**
 * Digiflazz's answer to a call that is not a purchase (balance, deposit ticket, PLN customer check): the value
 * asked for, or a refusal with its code.
 *
 * <p>Every known code other than 00 is a {@link Rejected}, whatever its class; the class says what to do about it
 * (a {@link ResponseCode.RcClass#CONFIG_ERROR} needs the owner, a {@link ResponseCode.RcClass#RATE_LIMITED} needs
 * patience). An unknown code never gets here: it is a {@link DigiflazzResult.NoAnswer}.
 */
public sealed interface Reply<T> {

    record Ok<T>(T value) implements Reply<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** @param message Digiflazz's message as sent, or the official one when none was sent */
    record Rejected<T>(ResponseCode code, String message) implements Reply<T> {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
