package id.loket.users;

/** What an operator may do (DESIGN.md, "Users"). Checked by the services, not only hidden in the screens. */
public enum Role {
    /**
     * The shop owner: everything a clerk does, and registers, disables and resets operators, sets fees and
     * settings, restores backups, reads the audit log and (issue 6) runs and signs off reconciliation.
     */
    OWNER,
    /** Works the counter: shifts, payments, history, reprints. */
    CLERK
}
