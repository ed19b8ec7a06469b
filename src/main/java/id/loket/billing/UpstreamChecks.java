package id.loket.billing;

/**
 * "Test connection" for the payment gateway and the messenger with what the owner has typed but not saved, so a
 * wrong key, token or address is named before anything is saved. Nothing is charged; the messenger check sends one
 * short test text to a number the owner chose.
 */
public interface UpstreamChecks {

    /**
     * Asks the payment gateway about an order that cannot exist. An answer describes the account as the gateway
     * sees it ("accepted, sandbox"); refused with {@link GatewayError#WRONG_KEY} for a key it does not accept,
     * {@link GatewayError#CONFIGURATION_ERROR} for an address that cannot be used.
     */
    GatewayResult<String> testPaymentGateway(String serverKey, String url);

    /** Sends a test text to {@code testPhone}: refused with the provider's reason (a wrong token, a bad number). */
    GatewayResult<MessageReceipt> testMessenger(String token, String url, String testPhone);
}
