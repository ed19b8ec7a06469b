package id.loket.payment;

import id.loket.core.AccountCode;
import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.PaymentMethod;
import id.loket.core.Posting;
import id.loket.shift.Shift;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal entries of a payment. One place builds the reservation's postings, so the entry that posts or
 * voids it repeats them exactly (the journal's {@code ResolvesOpenPending} rule checks that it does).
 *
 * <pre>
 *   reservation (PENDING), when the request leaves:
 *     DR cash_drawer:shift-N (cash) or customer_clearing (every other method)   total
 *       (qris_static for the shop's own static QRIS)
 *     CR gateway_deposit                                                         cost (what the network takes)
 *     CR admin_fee_income                                                        shop fee + margin (when not zero)
 *   (at the house gateway the cost is bill + its admin fee and the margin zero; at an aggregator the margin is its
 *   selling price less its price)
 *   SUCCESS: POST_PENDING of it.   FAILED: VOID_PENDING of it, and when the customer's money was kept
 *   (non-cash, or cash of a customer who has left) a POSTED  DR the same account / CR refunds_due  total.
 * </pre>
 */
final class PaymentEntries {

    private PaymentEntries() {}

    /** Where the customer's money is: the shift's drawer for cash, customer clearing for every other method. */
    static AccountCode customerMoney(Payment p) {
        return switch (p.method()) {
            case CASH -> Shift.drawerOf(p.shiftId());
            case STATIC_QRIS -> AccountCode.QRIS_STATIC;
            default -> AccountCode.CUSTOMER_CLEARING;
        };
    }

    static List<Posting> reservationPostings(Payment p) {
        List<Posting> postings = new ArrayList<>(3);
        postings.add(Posting.debit(customerMoney(p), p.amounts().total()));
        postings.add(Posting.credit(AccountCode.GATEWAY_DEPOSIT, p.amounts().cost()));
        if (p.amounts().income().isPositive()) {
            postings.add(Posting.credit(AccountCode.ADMIN_FEE_INCOME, p.amounts().income()));
        }
        return postings;
    }

    static JournalEntry reservation(Payment p, LocalDate day, Instant at) {
        return JournalEntry.pending(day, at, p.clientRef(), memo(p, "sent"), reservationPostings(p));
    }

    static JournalEntry posting(Payment p, LocalDate day, Instant at) {
        return JournalEntry.resolving(EntryKind.POST_PENDING, reservationOf(p), day, at, p.clientRef(),
                memo(p, "success"), reservationPostings(p));
    }

    static JournalEntry voiding(Payment p, LocalDate day, Instant at) {
        return JournalEntry.resolving(EntryKind.VOID_PENDING, reservationOf(p), day, at, p.clientRef(),
                memo(p, "failed"), reservationPostings(p));
    }

    static JournalEntry refundDue(Payment p, LocalDate day, Instant at) {
        return JournalEntry.posted(day, at, p.clientRef(), memo(p, "refund due to the customer"), List.of(
                Posting.debit(customerMoney(p), p.amounts().total()),
                Posting.credit(AccountCode.REFUNDS_DUE, p.amounts().total())));
    }

    private static long reservationOf(Payment p) {
        return p.reservationEntry().orElseThrow(() -> new IllegalStateException("Payment " + p.clientRef()
                + " in " + p.state() + " has no reservation entry"));
    }

    private static String memo(Payment p, String what) {
        return p.bill().billerCode() + " " + p.bill().reference() + " " + p.method() + ": " + what;
    }
}
