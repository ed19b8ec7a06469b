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
public record GatewayStatus(State state, String deposit, String reason, long priceListMinutes) {

    /** A price list older than this is said in the status bar: it should be read every five minutes. */
    public static final long STALE_PRICE_LIST_MINUTES = 15;

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

    /** A status without a price list to speak of (the house network's catalog is its own). */
    public GatewayStatus(State state, String deposit, String reason) {
        this(state, deposit, reason, -1);
    }

    /**
     * The same status, saying how old the kept price list is when it is older than {@link
     * #STALE_PRICE_LIST_MINUTES}: the counter then sells at prices the network may have changed.
     */
    public GatewayStatus withPriceListAge(long minutes) {
        return new GatewayStatus(state, deposit, reason, minutes);
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
                    Money.of(Long.parseLong(deposit)).format(language)) + staleList(bundle, language);
            case NO_ANSWER -> bundle.getString("gateway.noAnswer") + staleList(bundle, language);
            case REFUSED -> Bundles.format(bundle, language, "gateway.refused", reason);
        };
    }

    private String staleList(ResourceBundle bundle, Locale language) {
        return priceListMinutes >= STALE_PRICE_LIST_MINUTES
                ? Bundles.format(bundle, language, "gateway.priceListAge", priceListMinutes) : "";
    }
}
