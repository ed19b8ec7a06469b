package id.loket.users;

import id.loket.core.BusinessCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Operators (issue 5): the first run, registering and activating clerks, signing in with the lockout, disabling and
 * resetting, changing a password. Every owner-only action takes the acting operator and refuses a clerk here, in the
 * service, whatever screen or command asked; every sign-in, failure and change lands in the audit log.
 *
 * <p>Secrets: passwords and activation codes are kept only as bcrypt hashes ({@link PasswordHasher}); an activation
 * code is returned once, by the call that issues it, and is never logged or audited.
 */
public final class UserService {

    /** Failed sign-ins (or activation codes) in a row that lock an account. */
    public static final int MAX_FAILED_SIGN_INS = 5;
    /** How long a locked account stays locked. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** How long an activation code is valid after it was issued. */
    public static final Duration ACTIVATION_VALIDITY = Duration.ofHours(24);

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final int MAX_NAME_LENGTH = 100;
    private static final DateTimeFormatter WIB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(BusinessCalendar.WIB);

    private final OperatorStore operators;
    private final AuditService audit;
    private final ShopProfile shop;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final ActivationCodes codes;
    private final Clock clock;

    public UserService(OperatorStore operators, AuditService audit, ShopProfile shop, PasswordPolicy policy,
            PasswordHasher hasher, ActivationCodes codes, Clock clock) {
        this.operators = operators;
        this.audit = audit;
        this.shop = shop;
        this.policy = policy;
        this.hasher = hasher;
        this.codes = codes;
        this.clock = clock;
    }

    /** True once the first run created the owner; until then nothing that needs an operator can run. */
    public boolean isSetUp() {
        return operators.any();
    }

    /** {@link #setUp(String, String, String, String)} with the owner's username as their display name. */
    public Operator setUp(String shopName, String ownerUsername, String ownerPassword) {
        return setUp(shopName, ownerUsername, ownerUsername, ownerPassword);
    }

    /**
     * The first run: names the shop and creates its owner, who signs in with {@code ownerPassword} at once.
     *
     * @throws UserException {@link UserException.Reason#ALREADY_SET_UP} once an operator exists; a bad username,
     *     name or password (nothing is created)
     */
    public Operator setUp(String shopName, String ownerUsername, String ownerDisplayName, String ownerPassword) {
        if (isSetUp()) {
            throw alreadySetUp();
        }
        String name = text(shopName, "shop's name", "Toko Sari Jaya");
        String username = username(ownerUsername);
        String displayName = text(ownerDisplayName, "owner's name", "Sari Wulandari");
        policy.check(ownerPassword, List.of(username, displayName, name));
        Operator owner = new Operator(0, username, displayName, Role.OWNER, OperatorStatus.ACTIVE, clock.instant());
        OperatorAccount saved = operators.createFirst(OperatorAccount.active(owner, hasher.hash(ownerPassword)));
        audit.record(saved.operator(), AuditAction.SET_UP, name, "shop '" + name + "' set up with owner " + username);
        // After the owner exists, so the settings' own owner check and audit see a real owner. Should this write fail,
        // the owner is there and renames the shop in Settings.
        shop.rename(saved.operator(), name);
        return saved.operator();
    }

    /**
     * The owner registers a clerk, who then sets a password with the returned one-time code (valid
     * {@link #ACTIVATION_VALIDITY}, once). Show the code to the owner now: only its hash is kept.
     *
     * @throws PermissionDeniedException unless {@code actor} is the (active) owner
     * @throws UserException a bad or taken username, a bad name
     */
    public Activation registerClerk(Operator actor, String username, String displayName) {
        Operator owner = requireOwner(actor, "register a clerk");
        String name = username(username);
        String display = text(displayName, "clerk's name", "Ani Setiawati");
        Optional<OperatorAccount> existing = operators.find(name);
        if (existing.isPresent()) {
            throw taken(existing.get().operator());
        }
        Instant now = clock.instant();
        String code = codes.next();
        Instant expiresAt = now.plus(ACTIVATION_VALIDITY);
        OperatorAccount saved = operators.create(OperatorAccount.pending(
                new Operator(0, name, display, Role.CLERK, OperatorStatus.PENDING_ACTIVATION, now),
                hasher.hash(ActivationCodes.canonical(code)), expiresAt));
        audit.record(owner, AuditAction.USER_REGISTERED, name, "clerk '" + display + "' registered; activation code"
                + " valid until " + WIB_TIME.format(expiresAt) + " WIB");
        return new Activation(saved.operator(), code, expiresAt);
    }

    /**
     * The clerk's first sign-in: checks the activation code and sets the password. A wrong code counts towards the
     * lockout, like a wrong password.
     *
     * @throws UserException unknown, locked or disabled operator; already activated (the code was used); an expired or
     *     wrong code; a weak password (the code stays valid then)
     */
    public Operator activate(String username, String code, String newPassword) {
        OperatorAccount account = existing(username, "activate");
        String name = account.username();
        Instant now = clock.instant();
        refuseLockedOrDisabled(account, now, "activate");
        if (account.operator().status() == OperatorStatus.ACTIVE || account.activationHash().isEmpty()) {
            throw new UserException(UserException.Reason.CODE_USED, name + " is already activated, and an activation"
                    + " code works only once: sign in with your password. Forgot it? Ask the owner to reset it.");
        }
        Instant expiresAt = account.activationExpiresAt().orElseThrow();
        if (!now.isBefore(expiresAt)) {
            audit.recordFor(Optional.of(name), AuditAction.SIGN_IN_FAILED, name, "activation code expired");
            throw new UserException(UserException.Reason.CODE_EXPIRED, "The activation code of " + name
                    + " expired at " + WIB_TIME.format(expiresAt) + " WIB (codes are valid for "
                    + ACTIVATION_VALIDITY.toHours() + " hours): ask the owner for a new one.");
        }
        String usedHash = account.activationHash().get();
        if (code == null || !hasher.matches(ActivationCodes.canonical(code), usedHash)) {
            throw failure(account, "activation code", UserException.Reason.WRONG_CODE,
                    "Type it as the owner was shown it (dashes may be left out).");
        }
        policy.check(newPassword, List.of(name, account.operator().displayName(), shop.shopName()));
        String passwordHash = hasher.hash(newPassword);
        OperatorAccount activated = operators.update(name, current -> {
            if (current.operator().status() != OperatorStatus.PENDING_ACTIVATION
                    || !current.activationHash().equals(Optional.of(usedHash))) {
                throw new UserException(UserException.Reason.CODE_USED, "This activation code of " + name
                        + " was used (or replaced) a moment ago: sign in, or ask the owner for a new code.");
            }
            return current.activated(passwordHash);
        });
        audit.record(activated.operator(), AuditAction.USER_ACTIVATED, name, "password set with the activation code");
        return activated.operator();
    }

    /**
     * Signs an operator in. After {@value #MAX_FAILED_SIGN_INS} wrong passwords in a row the account is locked for
     * {@link #LOCKOUT} (kept in the ledger, so a restart does not unlock it); a successful sign-in clears the count.
     *
     * @throws UserException unknown, locked, disabled or not yet activated operator, wrong password; the message
     *     says how many tries are left, or how long the lock lasts
     */
    public Operator signIn(String username, String password) {
        String typed = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<OperatorAccount> found = USERNAME.matcher(typed).matches() ? operators.find(typed) : Optional.empty();
        if (found.isEmpty()) {
            hasher.decoy(password == null ? "" : password);
            if (!isSetUp()) {
                throw notSetUp();
            }
            audit.recordFor(Optional.empty(), AuditAction.SIGN_IN_FAILED, typed, "no such operator");
            throw unknown(typed);
        }
        OperatorAccount account = found.get();
        String name = account.username();
        Instant now = clock.instant();
        refuseLockedOrDisabled(account, now, "sign in");
        if (account.operator().status() == OperatorStatus.PENDING_ACTIVATION || account.passwordHash().isEmpty()) {
            audit.recordFor(Optional.of(name), AuditAction.SIGN_IN_FAILED, name, "refused: not activated yet");
            throw new UserException(UserException.Reason.NOT_ACTIVATED, name + " has no password yet: set one with"
                    + " the activation code the owner gave you (it is valid for " + ACTIVATION_VALIDITY.toHours()
                    + " hours; the owner can issue a new one).");
        }
        if (password == null || !hasher.matches(password, account.passwordHash().get())) {
            throw failure(account, "password", UserException.Reason.WRONG_PASSWORD,
                    "Check Caps Lock and the keyboard layout.");
        }
        OperatorAccount signedIn = operators.update(name, OperatorAccount::signedIn);
        audit.record(signedIn.operator(), AuditAction.SIGN_IN, name, "signed in");
        return signedIn.operator();
    }

    /**
     * The owner turns a clerk's account off: they can no longer sign in (their payments and shifts stay theirs).
     * Disabling a disabled clerk changes nothing. {@link #resetPassword} turns the account on again.
     *
     * @throws PermissionDeniedException unless {@code actor} is the (active) owner
     * @throws UserException no such operator; the owner's own account
     */
    public Operator disable(Operator actor, String username) {
        Operator owner = requireOwner(actor, "disable an operator");
        OperatorAccount target = existing(username, "disable");
        refuseOwnAccount(owner, target, "disable your own account: the shop would have no owner");
        if (target.operator().status() == OperatorStatus.DISABLED) {
            return target.operator();
        }
        OperatorAccount disabled = operators.update(target.username(), OperatorAccount::disabled);
        audit.record(owner, AuditAction.USER_DISABLED, target.username(), "disabled (was "
                + target.operator().status() + ")");
        return disabled.operator();
    }

    /**
     * The owner resets a clerk's password: the old password (and any earlier code) stops working, the lock is lifted,
     * and the clerk sets a new password with the returned one-time code. Also turns a disabled clerk on again.
     *
     * @throws PermissionDeniedException unless {@code actor} is the (active) owner
     * @throws UserException no such operator; the owner's own account (change it with the current password instead)
     */
    public Activation resetPassword(Operator actor, String username) {
        Operator owner = requireOwner(actor, "reset a password");
        OperatorAccount target = existing(username, "reset");
        refuseOwnAccount(owner, target, "reset your own password: change it with your current password instead");
        Instant now = clock.instant();
        String code = codes.next();
        Instant expiresAt = now.plus(ACTIVATION_VALIDITY);
        String codeHash = hasher.hash(ActivationCodes.canonical(code));
        OperatorAccount reset = operators.update(target.username(), current -> current.reset(codeHash, expiresAt));
        audit.record(owner, AuditAction.PASSWORD_RESET, target.username(), "password reset (was "
                + target.operator().status() + "); new activation code valid until " + WIB_TIME.format(expiresAt)
                + " WIB");
        return new Activation(reset.operator(), code, expiresAt);
    }

    /**
     * An operator changes their own password, proving the current one (a wrong one counts towards the lockout).
     *
     * @throws UserException locked or disabled, wrong current password, a weak or unchanged new password
     */
    public Operator changePassword(Operator actor, String currentPassword, String newPassword) {
        Objects.requireNonNull(actor, "actor");
        OperatorAccount account = existing(actor.username(), "change the password of");
        String name = account.username();
        Instant now = clock.instant();
        refuseLockedOrDisabled(account, now, "change the password");
        if (account.passwordHash().isEmpty()) {
            throw new UserException(UserException.Reason.NOT_ACTIVATED, name + " has no password yet: set one with"
                    + " the activation code first.");
        }
        if (currentPassword == null || !hasher.matches(currentPassword, account.passwordHash().get())) {
            throw failure(account, "current password", UserException.Reason.WRONG_PASSWORD,
                    "Type the password you sign in with now.");
        }
        if (currentPassword.equals(newPassword)) {
            throw new UserException(UserException.Reason.WEAK_PASSWORD, "The new password is the current one: choose"
                    + " another.");
        }
        policy.check(newPassword, List.of(name, account.operator().displayName(), shop.shopName()));
        String hash = hasher.hash(newPassword);
        OperatorAccount changed = operators.update(name, current -> current.withPassword(hash));
        audit.record(changed.operator(), AuditAction.PASSWORD_CHANGED, name, "password changed by the operator");
        return changed.operator();
    }

    /**
     * Every operator, in the order they were registered, with their lock and activation state.
     *
     * @throws PermissionDeniedException unless {@code actor} is the (active) owner
     */
    public List<OperatorSummary> list(Operator actor) {
        requireOwner(actor, "list the operators");
        return operators.all().stream()
                .map(a -> new OperatorSummary(a.operator(), a.lockedUntil().filter(clock.instant()::isBefore),
                        a.activationExpiresAt(), a.failedSignIns()))
                .toList();
    }

    /** The operator named {@code username}, as stored now. */
    public Optional<Operator> find(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return operators.find(name).map(OperatorAccount::operator);
    }

    // ---- rules ---------------------------------------------------------------------------------------------------

    /**
     * The owner check of every owner-only action here: the role the caller holds, then the account as stored now (an
     * owner object kept by a long-running window must still be an active owner).
     */
    private Operator requireOwner(Operator actor, String action) {
        Objects.requireNonNull(actor, "actor");
        actor.requireOwner(action);
        Operator stored = operators.find(actor.username()).map(OperatorAccount::operator)
                .filter(o -> o.isOwner() && o.status() == OperatorStatus.ACTIVE)
                .orElseThrow(() -> new PermissionDeniedException(actor.username(), action, "Only an active owner may "
                        + action + ", and the account " + actor.username() + " is not one (any more): sign in again;"
                        + " nothing was changed."));
        return stored;
    }

    private void refuseLockedOrDisabled(OperatorAccount account, Instant now, String attempt) {
        String name = account.username();
        if (account.operator().status() == OperatorStatus.DISABLED) {
            audit.recordFor(Optional.of(name), AuditAction.SIGN_IN_FAILED, name, "refused: disabled (" + attempt + ")");
            throw new UserException(UserException.Reason.DISABLED, name + " was disabled by the owner and cannot "
                    + attempt + ": ask the owner (who can turn the account on again with a password reset).");
        }
        if (account.lockedAt(now)) {
            audit.recordFor(Optional.of(name), AuditAction.SIGN_IN_FAILED, name, "refused: locked until "
                    + account.lockedUntil().orElseThrow() + " (" + attempt + ")");
            throw locked(account, now, name + " is locked after " + MAX_FAILED_SIGN_INS + " failed attempts in a row");
        }
    }

    /** Counts a wrong password or code; the exception to throw says how many tries are left, or that it is locked now. */
    private UserException failure(OperatorAccount account, String what, UserException.Reason reason, String advice) {
        String name = account.username();
        Instant now = clock.instant();
        OperatorAccount after = operators.update(name, current -> current.withFailure(now, MAX_FAILED_SIGN_INS,
                LOCKOUT));
        if (after.lockedAt(now)) {
            audit.recordFor(Optional.of(name), AuditAction.LOCKED_OUT, name, MAX_FAILED_SIGN_INS + " failed attempts"
                    + " in a row (last: wrong " + what + "); locked until " + WIB_TIME.format(after.lockedUntil()
                    .orElseThrow()) + " WIB");
            return locked(after, now, "Wrong " + what + ". That was the " + MAX_FAILED_SIGN_INS + "th failure in a row:"
                    + " " + name + " is locked");
        }
        audit.recordFor(Optional.of(name), AuditAction.SIGN_IN_FAILED, name, "wrong " + what + " ("
                + after.failedSignIns() + " of " + MAX_FAILED_SIGN_INS + ")");
        int left = MAX_FAILED_SIGN_INS - after.failedSignIns();
        return new UserException(reason, "Wrong " + what + " for " + name + ". " + advice + " " + left
                + (left == 1 ? " more try" : " more tries") + " before the account is locked for "
                + LOCKOUT.toMinutes() + " minutes.");
    }

    private UserException locked(OperatorAccount account, Instant now, String what) {
        Instant until = account.lockedUntil().orElseThrow();
        long seconds = Duration.between(now, until).toSeconds();
        long minutes = Math.max(1, (seconds + 59) / 60);
        String help = account.operator().isOwner() ? "" : ", or ask the owner to reset the password";
        return new UserException(UserException.Reason.LOCKED, what + ": try again in " + minutes
                + (minutes == 1 ? " minute" : " minutes") + " (at " + WIB_TIME.format(until) + " WIB)" + help + ".");
    }

    private static void refuseOwnAccount(Operator owner, OperatorAccount target, String what) {
        if (target.username().equals(owner.username()) || target.operator().isOwner()) {
            throw new UserException(UserException.Reason.NOT_ALLOWED, "You cannot " + what + "; nothing was changed.");
        }
    }

    private OperatorAccount existing(String username, String attempt) {
        String typed = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<OperatorAccount> found = USERNAME.matcher(typed).matches() ? operators.find(typed) : Optional.empty();
        if (found.isEmpty()) {
            if (!isSetUp()) {
                throw notSetUp();
            }
            throw unknown(typed);
        }
        return found.get();
    }

    private static String username(String typed) {
        String name = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new UserException(UserException.Reason.INVALID_USERNAME, "'" + (typed == null ? "" : typed.strip())
                    + "' cannot be a username: use 3 to 32 lower-case letters, digits, '.', '_' or '-', starting with"
                    + " a letter or digit (e.g. ani or ani.s).");
        }
        return name;
    }

    private static String text(String typed, String what, String example) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || text.length() > MAX_NAME_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            throw new UserException(UserException.Reason.INVALID_NAME, "Give the " + what + " as people read it, 1 to "
                    + MAX_NAME_LENGTH + " characters on one line (e.g. " + example + ").");
        }
        return text;
    }

    private static UserException unknown(String typed) {
        return new UserException(UserException.Reason.UNKNOWN_OPERATOR, "There is no operator '" + typed + "': check"
                + " the spelling, or ask the owner to register you.");
    }

    private static UserException taken(Operator existing) {
        return new UserException(UserException.Reason.USERNAME_TAKEN, "There is already an operator '"
                + existing.username() + "' (" + existing.role().name().toLowerCase(Locale.ROOT) + ", "
                + existing.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): choose another username.");
    }

    static UserException notSetUp() {
        return new UserException(UserException.Reason.NOT_SET_UP, "Loket is not set up yet: run the first-run setup"
                + " (the window's wizard, or 'loket init --shop-name NAME --owner USER --password-stdin') first.");
    }

    private static UserException alreadySetUp() {
        return new UserException(UserException.Reason.ALREADY_SET_UP, "Loket is already set up (it has an owner):"
                + " sign in instead; the owner registers clerks. Nothing was changed.");
    }
}
