package id.loket.journal;

/**
 * The ledger cannot do what was asked, for a reason the user can act on. The message names what went wrong
 * and what to do ("… is not a Loket ledger: choose a backup made by 'loket backup'"); nothing was changed.
 */
public class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
