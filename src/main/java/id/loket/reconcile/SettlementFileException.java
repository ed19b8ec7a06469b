package id.loket.reconcile;

/** The settlement file cannot be trusted or read: the run fails with this reason and nothing is written. */
final class SettlementFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SettlementFileException(String message) {
        super(message);
    }

    SettlementFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
