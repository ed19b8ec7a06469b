package id.loket.ledger;

import id.loket.journal.LedgerException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Turns SQLite's failures into {@link LedgerException}s that tell the owner what happened and what to do:
 * a clerk cannot act on "[SQLITE_FULL] database or disk is full", but can on "the disk is full: free space".
 */
final class SqliteErrors {

    // SQLite's primary result codes (the low byte of an extended code).
    private static final int PERM = 3;
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int CONSTRAINT = 19;
    private static final int AUTH = 23;
    private static final int NOTADB = 26;

    private SqliteErrors() {}

    /** A failure while writing: whatever the cause, the transaction was rolled back. */
    static LedgerException onWrite(String action, Path file, SQLException e) {
        return translate(action, file, e, "nothing was written");
    }

    /** A failure while reading: nothing was changed. */
    static LedgerException onRead(String action, Path file, SQLException e) {
        return translate(action, file, e, "nothing was changed");
    }

    static LedgerException translate(String action, Path file, SQLException e, String outcome) {
        String detail = detail(e);
        String message = switch (primaryCode(e)) {
            case FULL -> "The disk is full: free space, then try again; " + outcome
                    + " (while trying to " + action + ").";
            case BUSY, LOCKED -> "Cannot " + action + ": the ledger " + file
                    + " is busy (another Loket program is using it). Try again in a moment; " + outcome + ".";
            case READONLY, PERM, AUTH, CANTOPEN -> "Cannot " + action + ": " + file
                    + " cannot be opened or written (" + detail + "). Check that the disk is not read-only and"
                    + " that the file and its folder may be written; " + outcome + ".";
            case IOERR -> "Cannot " + action + ": the disk reported an error (" + detail
                    + "). Check the disk (is it removed or failing?), then try again; " + outcome + ".";
            case CORRUPT, NOTADB -> "Cannot " + action + ": " + file + " is damaged (" + detail
                    + "). Run 'loket verify', and restore a backup with 'loket restore'; " + outcome + ".";
            case CONSTRAINT -> "Cannot " + action + ": the ledger refused it (" + detail
                    + "). Loket should have caught this first, so report it and run 'loket verify'; "
                    + outcome + ".";
            default -> "Cannot " + action + " (" + file + "): " + detail + "; " + outcome + ".";
        };
        return new LedgerException(message, e);
    }

    /**
     * sqlite-jdbc puts SQLite's (possibly extended) result code in {@link SQLException#getErrorCode()}; the
     * low byte is the primary code, which is enough to choose the advice.
     */
    private static int primaryCode(SQLException e) {
        return e.getErrorCode() & 0xFF;
    }

    private static String detail(SQLException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }
}
