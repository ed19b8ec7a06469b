package id.loket.users;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where operators are kept (the ledger file); the port {@link UserService} uses. Operators are never deleted. */
public interface OperatorStore {

    /** True once any operator exists (Loket has been set up). */
    boolean any();

    Optional<OperatorAccount> find(String username);

    /** Every operator, in the order they were registered. */
    List<OperatorAccount> all();

    /**
     * Saves the first operator, atomically refusing when any operator exists already (two first runs at once).
     *
     * @return the account with the id the store gave it
     * @throws UserException {@link UserException.Reason#ALREADY_SET_UP} when an operator exists
     */
    OperatorAccount createFirst(OperatorAccount owner);

    /**
     * Saves a new operator.
     *
     * @return the account with the id the store gave it
     * @throws UserException {@link UserException.Reason#USERNAME_TAKEN} when the username exists
     */
    OperatorAccount create(OperatorAccount account);

    /**
     * Reads the operator, applies {@code change} and writes the result, as one transaction: two sign-ins failing at
     * once (the window and a command) both count. {@code change} may throw to abandon the update (nothing is written);
     * it must not change the id, username, role or creation time.
     *
     * @return the account as written
     * @throws UserException {@link UserException.Reason#UNKNOWN_OPERATOR} when there is no such operator
     */
    OperatorAccount update(String username, UnaryOperator<OperatorAccount> change);
}
