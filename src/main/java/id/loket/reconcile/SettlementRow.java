package id.loket.reconcile;

import java.time.Instant;

/**
 * One row of a settlement file, kept compact (a day may hold a million): amounts as rupiah, the line's byte
 * offset so the rest of the row (payment id, biller, reference) can be read again for the few rows that end up in
 * an item.
 */
record SettlementRow(String clientRef, long amount, long adminFee, SettlementStatus status, Instant paidAt,
        long lineNo) {

    long total() {
        return Math.addExact(amount, adminFee);
    }

    enum SettlementStatus {
        SUCCESS, FAILED, REVERSED
    }
}
