package id.loket.reconcile;

import id.loket.core.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A business day's payments added up for the owner: the successful ones per biller, per method and per clerk,
 * with the counts of failed and still-open (suspect or sent) payments. Built from the ledger's payment rows
 * ({@code business_day} = the day).
 */
public record DailyRecap(LocalDate day, List<Line> byBiller, List<Line> byMethod, List<Line> byClerk, Line total,
        long failed, long suspect, long refundsDue) {

    public DailyRecap {
        Objects.requireNonNull(day, "day");
        byBiller = List.copyOf(byBiller);
        byMethod = List.copyOf(byMethod);
        byClerk = List.copyOf(byClerk);
        Objects.requireNonNull(total, "total");
    }

    /**
     * One group of successful payments.
     *
     * @param key the biller code, method name or clerk's username
     * @param label what to print: the biller's name, the method, the clerk
     * @param billAmount the bills paid to the billers
     * @param gatewayFees the gateway's admin fees
     * @param shopFees the shop's own admin fees (the shop's income)
     * @param total what the customers paid: bill + both fees
     */
    public record Line(String key, String label, long count, Money billAmount, Money gatewayFees, Money shopFees,
            Money total) {

        public Line {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(billAmount, "billAmount");
            Objects.requireNonNull(gatewayFees, "gatewayFees");
            Objects.requireNonNull(shopFees, "shopFees");
            Objects.requireNonNull(total, "total");
        }
    }
}
