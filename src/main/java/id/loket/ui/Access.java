package id.loket.ui;

import java.util.Objects;

/**
 * The window's way in: the first-run setup, signing in (and a clerk's first sign-in with their activation code),
 * and unlocking a locked screen. The composition root implements it with the operators' service; the screens
 * never see passwords' hashes or the audit log, only who is signed in or why not.
 */
public interface Access {

    /** Whether the shop and its owner exist; until then the window shows the setup. */
    boolean isSetUp();

    /**
     * Creates the shop and its owner, who is then signed in.
     *
     * @throws Refusal when the shop is already set up or the input is refused (e.g. a weak password)
     */
    SignedIn setUp(Setup setup);

    /** @throws Refusal for a wrong password, a locked or disabled account, or an account not activated yet */
    SignedIn signIn(String username, char[] password);

    /**
     * A clerk's first sign-in: the activation code the owner was shown, and the clerk's own new password.
     *
     * @throws Refusal for a wrong, used or expired code, or a weak password
     */
    SignedIn activate(String username, String code, char[] newPassword);

    /** What the setup asks. */
    record Setup(String shopName, String shopAddress, String owner, char[] password) {
        public Setup {
            Objects.requireNonNull(shopName, "shopName");
            Objects.requireNonNull(shopAddress, "shopAddress");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(password, "password");
        }
    }

    /** Who works the window. */
    record SignedIn(String username, String displayName, boolean owner) {
        public SignedIn {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    /** Why the way in was refused: a kind the screen puts into words, and the service's own detail. */
    final class Refusal extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** The kinds a screen explains in its own words. */
        public enum Reason {
            WRONG_CREDENTIALS,
            LOCKED,
            DISABLED,
            NOT_ACTIVATED,
            WEAK_PASSWORD,
            BAD_CODE,
            ALREADY_SET_UP,
            INVALID
        }

        private final Reason reason;

        public Refusal(Reason reason, String detail) {
            super(Objects.requireNonNull(detail, "detail"));
            this.reason = Objects.requireNonNull(reason, "reason");
        }

        public Reason reason() {
            return reason;
        }
    }
}
