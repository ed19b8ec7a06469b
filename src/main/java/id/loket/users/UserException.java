package id.loket.users;

/**
 * A user operation was refused (set-up, sign-in, activation, registration …); nothing was changed beyond what the
 * message says (a failed sign-in is counted). The message is for people and says what to do.
 */
public final class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, for screens and commands that react differently. */
    public enum Reason {
        /** No operator exists yet: the first run ({@code loket init} or the wizard) comes first. */
        NOT_SET_UP,
        /** The first run is over: an owner exists. */
        ALREADY_SET_UP,
        UNKNOWN_OPERATOR,
        WRONG_PASSWORD,
        /** Too many failures: locked for a while (the message says how long). */
        LOCKED,
        DISABLED,
        /** Registered but no password set yet: activate with the code first. */
        NOT_ACTIVATED,
        /** The account has no activation code (already activated: the code was used). */
        CODE_USED,
        WRONG_CODE,
        CODE_EXPIRED,
        /** Too short, too long or too easy to guess. */
        WEAK_PASSWORD,
        INVALID_USERNAME,
        INVALID_NAME,
        USERNAME_TAKEN,
        /** The action cannot apply to this operator (e.g. the owner disabling themself). */
        NOT_ALLOWED
    }

    private final Reason reason;

    public UserException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
