package id.loket.cli;

import id.loket.billing.GatewayResult;
import java.io.PrintWriter;

/** How commands report a gateway call that did not bring an answer: a message and the exit code of DESIGN.md. */
final class GatewayOutcomes {

    private GatewayOutcomes() {}

    /** Prints why there is no answer and returns the exit code: 2 for a definitive refusal, 1 for no answer. */
    static int report(GatewayResult<?> result, PrintWriter err) {
        if (result instanceof GatewayResult.Refused<?> refused) {
            err.println("loket: the gateway refused: " + refused.error().message() + " (" + refused.error().code() + ").");
            err.flush();
            return LoketCommand.FAILED;
        }
        if (result instanceof GatewayResult.NoAnswer<?> none) {
            err.println("loket: no answer from the gateway (" + none.reason()
                    + "). Check the network and the gateway settings, then try again.");
            err.flush();
            return LoketCommand.ERROR;
        }
        throw new IllegalArgumentException("An answer is not a failure: " + result);
    }
}
