package id.loket.users;

/** The operator's role does not allow the action; nothing was changed. The message names the action and who may. */
public final class PermissionDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final String action;

    public PermissionDeniedException(String username, String action, String message) {
        super(message);
        this.username = username;
        this.action = action;
    }

    /** Who was refused. */
    public String username() {
        return username;
    }

    /** What they tried, in words ("register a clerk"). */
    public String action() {
        return action;
    }
}
