package id.loket.billing;

import id.loket.core.Money;
import java.time.LocalDate;

/**
 * The gateway's signed summary of one business day's settlement. {@code fileSha256} binds the CSV file to this
 * signed summary: a file whose hash differs is refused.
 */
public record SettlementSummary(
        LocalDate date,
        long count,
        Money totalAmount,
        Money totalAdminFee,
        Money openingBalance,
        Money closingBalance,
        String fileSha256) {}
