package id.loket.ui;

import java.util.HashMap;
import java.util.Map;

/** Operators in memory, for the window's tests: a password per username, nothing hashed, no lockout. */
final class FakeAccess implements Access {

    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, String> codes = new HashMap<>();
    private String owner;

    FakeAccess with(String username, String password) {
        passwords.put(username, password);
        if (owner == null) {
            owner = username;
        }
        return this;
    }

    FakeAccess pending(String username, String code) {
        codes.put(username, code);
        return this;
    }

    @Override
    public synchronized boolean isSetUp() {
        return owner != null;
    }

    @Override
    public synchronized SignedIn setUp(Setup setup) {
        if (owner != null) {
            throw new Refusal(Refusal.Reason.ALREADY_SET_UP, "the shop is set up");
        }
        if (new String(setup.password()).equals("password123")) {
            throw new Refusal(Refusal.Reason.WEAK_PASSWORD, "a very common password");
        }
        with(setup.owner(), new String(setup.password()));
        return new SignedIn(setup.owner(), setup.owner(), true);
    }

    @Override
    public synchronized SignedIn signIn(String username, char[] password) {
        if (codes.containsKey(username)) {
            throw new Refusal(Refusal.Reason.NOT_ACTIVATED, username + " is not activated");
        }
        if (!new String(password).equals(passwords.get(username))) {
            throw new Refusal(Refusal.Reason.WRONG_CREDENTIALS, "wrong password for " + username);
        }
        return new SignedIn(username, username, username.equals(owner));
    }

    @Override
    public synchronized SignedIn activate(String username, String code, char[] newPassword) {
        if (!code.equals(codes.get(username))) {
            throw new Refusal(Refusal.Reason.BAD_CODE, "wrong code");
        }
        codes.remove(username);
        passwords.put(username, new String(newPassword));
        return new SignedIn(username, username, false);
    }
}
