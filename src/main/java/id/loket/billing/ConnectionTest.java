package id.loket.billing;

/**
 * "Test connection": asks a biller network for the deposit with an account the owner has entered but not saved,
 * so a wrong key ({@link GatewayError#WRONG_KEY}), user name ({@link GatewayError#WRONG_USERNAME}) or an address
 * the network refuses ({@link GatewayError#IP_NOT_WHITELISTED}) is named before anything is saved.
 */
@FunctionalInterface
public interface ConnectionTest {

    /** Refuses an account that cannot even be built (a bad address) with {@link GatewayError#CONFIGURATION_ERROR}. */
    GatewayResult<DepositBalance> test(NetworkAccount account);
}
