package id.loket.billing;

import java.util.Objects;

/**
 * Which biller network the counter is on. {@code mode} is what the screens and receipts show beside money:
 * SANDBOX (the house training sandbox: no real money anywhere), TESTING (a real provider's own test mode: no real
 * charge) or LIVE. {@code hasStatement}: whether the network gives a signed day's settlement; without one the
 * night's reconciliation re-checks each transaction and proves the deposit from balance snapshots.
 * {@code quotesCost}: the network quotes prepaid products at what they cost the shop, and the shop sells them at a
 * price of its own ({@link PriceBook}); the house gateway quotes the customer's price.
 */
public record NetworkInfo(String id, String displayName, Mode mode, boolean hasStatement, boolean quotesCost) {

    public enum Mode {
        SANDBOX,
        TESTING,
        LIVE
    }

    /** A network that quotes the customer's price. */
    public NetworkInfo(String id, String displayName, Mode mode, boolean hasStatement) {
        this(id, displayName, mode, hasStatement, false);
    }

    public NetworkInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(mode, "mode");
    }

    /** Whether no real money moves (the sandbox or the provider's test mode). */
    public boolean isTraining() {
        return mode != Mode.LIVE;
    }
}
