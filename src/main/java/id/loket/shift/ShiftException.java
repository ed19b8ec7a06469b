package id.loket.shift;

/** A shift cannot be opened or closed as asked; nothing was written. The message says what to do. */
public final class ShiftException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, for screens and commands that react differently (the message is for people). */
    public enum Reason {
        /** The clerk already has an open shift. */
        ALREADY_OPEN,
        /** The clerk has no open shift (to pay with, or to close). */
        NO_OPEN_SHIFT,
        /** An amount that cannot be (a negative float or count). */
        INVALID_AMOUNT
    }

    private final Reason reason;

    public ShiftException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
