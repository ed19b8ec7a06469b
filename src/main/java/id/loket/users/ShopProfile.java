package id.loket.users;

/**
 * The shop's name, as the settings keep it; the port {@link UserService} uses for the first run and to check that a
 * password is not the shop's name. (A port rather than the settings service itself: settings depend on users for
 * their role checks, and packages depend one way.)
 */
public interface ShopProfile {

    String shopName();

    /** Saves the shop's name, as the owner. */
    void rename(Operator owner, String shopName);
}
