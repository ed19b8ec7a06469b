package id.loket.customers;

import java.util.Optional;

/**
 * The sandbox gateway's window on the codes it "sent": it sends no SMS, so the counter shows the code instead
 * (issue 5, "the sandbox shows the code"). A real gateway has no such window: {@link #NONE}.
 */
@FunctionalInterface
public interface SentCodes {

    /** For a real gateway: the code only ever reaches the customer's phone. */
    SentCodes NONE = otpId -> Optional.empty();

    /** The code sent under {@code otpId}, if this gateway shows it. */
    Optional<String> codeOf(String otpId);
}
