package id.loket.app;

import id.loket.settings.SettingsService;
import id.loket.ui.Access;
import id.loket.users.Operator;
import id.loket.users.UserException;
import id.loket.users.UserService;
import java.util.Objects;

/** The window's {@link Access}: the operators' service, its refusals put into the screens' kinds. */
final class OperatorAccess implements Access {

    private final UserService users;
    private final SettingsService settings;

    OperatorAccess(UserService users, SettingsService settings) {
        this.users = Objects.requireNonNull(users, "users");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public boolean isSetUp() {
        return users.isSetUp();
    }

    @Override
    public SignedIn setUp(Setup setup) {
        Operator owner = refusing(() -> users.setUp(setup.shopName(), setup.owner(), new String(setup.password())));
        if (!setup.shopAddress().isBlank()) {
            settings.setShopAddress(owner, setup.shopAddress());
        }
        return signedIn(owner);
    }

    @Override
    public SignedIn signIn(String username, char[] password) {
        return signedIn(refusing(() -> users.signIn(username, new String(password))));
    }

    @Override
    public SignedIn activate(String username, String code, char[] newPassword) {
        return signedIn(refusing(() -> users.activate(username, code, new String(newPassword))));
    }

    static SignedIn signedIn(Operator operator) {
        return new SignedIn(operator.username(), operator.displayName(), operator.isOwner());
    }

    private static Operator refusing(java.util.function.Supplier<Operator> work) {
        try {
            return work.get();
        } catch (UserException e) {
            Refusal.Reason reason = switch (e.reason()) {
                case UNKNOWN_OPERATOR, WRONG_PASSWORD -> Refusal.Reason.WRONG_CREDENTIALS;
                case LOCKED -> Refusal.Reason.LOCKED;
                case DISABLED -> Refusal.Reason.DISABLED;
                case NOT_ACTIVATED -> Refusal.Reason.NOT_ACTIVATED;
                case WEAK_PASSWORD -> Refusal.Reason.WEAK_PASSWORD;
                case WRONG_CODE, CODE_EXPIRED, CODE_USED -> Refusal.Reason.BAD_CODE;
                case ALREADY_SET_UP -> Refusal.Reason.ALREADY_SET_UP;
                case NOT_SET_UP, INVALID_USERNAME, INVALID_NAME, USERNAME_TAKEN, NOT_ALLOWED -> Refusal.Reason.INVALID;
            };
            throw new Refusal(reason, e.getMessage());
        }
    }
}
