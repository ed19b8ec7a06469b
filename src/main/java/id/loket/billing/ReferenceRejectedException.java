package id.loket.billing;

/** A biller, reference or product refused by the counter itself, before the gateway is asked. */
public final class ReferenceRejectedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ReferenceRejectedException(String message) {
        super(message);
    }
}
