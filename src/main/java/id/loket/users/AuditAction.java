package id.loket.users;

/**
 * What an audit entry records. Stored by name: add new kinds at will, never rename one (old entries keep theirs).
 */
public enum AuditAction {
    /** The first run: the shop and its owner were created. */
    SET_UP,
    SIGN_IN,
    /** A refused sign-in or activation: wrong password or code, unknown name, locked, disabled. */
    SIGN_IN_FAILED,
    /** The failures reached the limit: the account is locked for a while. */
    LOCKED_OUT,
    USER_REGISTERED,
    USER_ACTIVATED,
    USER_DISABLED,
    /** The owner reset a password: a new activation code was issued. */
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    FEE_CHANGED,
    /** Shop, printer, gateway settings. */
    SETTINGS_CHANGED,
    /** A receipt printed (or written) again. */
    REPRINT,
    BACKUP,
    RESTORE,
    /** Issue 6: a reconciliation run signed off by the owner. */
    RECONCILIATION_SIGNED_OFF,
    /** Issue 6: a reconciliation item resolved with a note. */
    RECONCILIATION_ITEM_RESOLVED,
    /** Issue 6: a top-up of the gateway deposit recorded in the ledger. */
    DEPOSIT_TOP_UP_RECORDED
}
