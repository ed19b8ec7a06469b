package id.loket.payment;

import id.loket.core.Money;
import java.util.Objects;

/**
 * The money of one payment: the bill, the biller network's admin fee, the shop's own fee, and the cost: what the
 * network takes from the shop's deposit for it.
 *
 * <p>The customer pays {@link #total()}; the network is asked to pay {@link #gatewayTotal()} (the bill side's
 * selling price: bill + admin) and takes {@link #cost()} from the deposit. At the house gateway the cost is the
 * gateway total; at an aggregator it is its {@code price}, and the difference is the shop's margin, booked as income
 * with the shop fee ({@link #income()}). A cost above the gateway total would be a sale at a loss and is refused.
 */
public record Amounts(Money bill, Money gatewayFee, Money shopFee, Money cost) {

    public Amounts {
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(gatewayFee, "gatewayFee");
        Objects.requireNonNull(shopFee, "shopFee");
        Objects.requireNonNull(cost, "cost");
        if (bill.isNegative() || gatewayFee.isNegative() || shopFee.isNegative() || cost.isNegative()) {
            throw new IllegalArgumentException("Amounts are never negative: bill " + bill + ", gateway fee "
                    + gatewayFee + ", shop fee " + shopFee + ", cost " + cost);
        }
        if (bill.plus(gatewayFee).isLessThan(cost)) {
            throw new IllegalArgumentException("The cost " + cost + " is above the selling price "
                    + bill.plus(gatewayFee) + ": that would be a sale at a loss");
        }
    }

    /** Amounts at the house gateway, whose cost is the gateway total. */
    public Amounts(Money bill, Money gatewayFee, Money shopFee) {
        this(bill, gatewayFee, shopFee, bill.plus(gatewayFee));
    }

    /** The bill side's selling price: bill + the network's admin fee. */
    public Money gatewayTotal() {
        return bill.plus(gatewayFee);
    }

    /** What the customer pays: bill + admin fee + shop fee. */
    public Money total() {
        return gatewayTotal().plus(shopFee);
    }

    /** The admin fee a receipt prints: the network's and the shop's together. */
    public Money adminFee() {
        return gatewayFee.plus(shopFee);
    }

    /** The network's margin on the bill side: its selling price less what it takes from the deposit. */
    public Money margin() {
        return gatewayTotal().minus(cost);
    }

    /** The shop's income from this payment: its fee and the margin. */
    public Money income() {
        return shopFee.plus(margin());
    }
}
