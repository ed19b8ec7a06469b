package id.loket.users;

/** Where an operator's account stands. */
public enum OperatorStatus {
    /** Has a password and may sign in. */
    ACTIVE,
    /** Registered (or reset) by the owner; signs in only after setting a password with the activation code. */
    PENDING_ACTIVATION,
    /** Turned off by the owner; can no longer sign in. Operators are never deleted (payments name them). */
    DISABLED
}
