package id.loket.payment;

import id.loket.core.Money;
import java.util.Objects;

/**
 * The money of one payment: the bill, the gateway's admin fee and the shop's own fee. The gateway is paid
 * {@link #gatewayTotal()} (the inquiry's total); the customer pays {@link #total()}.
 */
public record Amounts(Money bill, Money gatewayFee, Money shopFee) {

    public Amounts {
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(gatewayFee, "gatewayFee");
        Objects.requireNonNull(shopFee, "shopFee");
        if (bill.isNegative() || gatewayFee.isNegative() || shopFee.isNegative()) {
            throw new IllegalArgumentException("Amounts are never negative: bill " + bill + ", gateway fee "
                    + gatewayFee + ", shop fee " + shopFee);
        }
    }

    /** What the gateway takes from the deposit: bill + gateway admin fee. */
    public Money gatewayTotal() {
        return bill.plus(gatewayFee);
    }

    /** What the customer pays: bill + gateway admin fee + shop fee. */
    public Money total() {
        return gatewayTotal().plus(shopFee);
    }

    /** The admin fee a receipt prints: the gateway's and the shop's together. */
    public Money adminFee() {
        return gatewayFee.plus(shopFee);
    }
}
