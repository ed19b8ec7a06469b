package id.loket.ui;

import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayResult;
import id.loket.core.Money;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * What the status bar says about the gateway: being checked, answering (with the deposit), not answering, or
 * refusing the shop (e.g. a wrong merchant id). Kept apart from its text so the text follows a language switch.
 */
public record GatewayStatus(State state, String deposit, String reason) {

    /** The things the clerk can be told. */
    public enum State {
        CHECKING,
        CONNECTED,
        NO_ANSWER,
        REFUSED
    }

    public GatewayStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deposit, "deposit");
        Objects.requireNonNull(reason, "reason");
    }

    public static GatewayStatus checking() {
        return new GatewayStatus(State.CHECKING, "", "");
    }

    /** From the answer to a deposit query; the deposit is formatted when the text is made, in its language. */
    public static GatewayStatus of(GatewayResult<DepositBalance> result) {
        if (result instanceof GatewayResult.Answer<DepositBalance> answer) {
            return new GatewayStatus(State.CONNECTED, Long.toString(answer.value().balance().rupiah()), "");
        }
        if (result instanceof GatewayResult.Refused<DepositBalance> refused) {
            return new GatewayStatus(State.REFUSED, "", refused.error().message());
        }
        return new GatewayStatus(State.NO_ANSWER, "", ((GatewayResult.NoAnswer<DepositBalance>) result).reason());
    }

    /** The status bar text in the given language. */
    public String text(ResourceBundle bundle, Locale language) {
        return switch (state) {
            case CHECKING -> bundle.getString("gateway.checking");
            case CONNECTED -> Bundles.format(bundle, language, "gateway.connected",
                    Money.of(Long.parseLong(deposit)).format(language));
            case NO_ANSWER -> bundle.getString("gateway.noAnswer");
            case REFUSED -> Bundles.format(bundle, language, "gateway.refused", reason);
        };
    }
}
