package id.loket.ledger;

import id.loket.core.AccountCode;
import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.Money;
import id.loket.core.Posting;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Journal entries for the ledger tests: a cash payment of a bill with an admin fee, and its two-phase form. */
final class Entries {

    static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    static final Instant AT = Instant.parse("2025-03-14T03:15:09.123456789Z");

    private Entries() {}

    /** Customer pays Rp 152.500 in cash: Rp 150.000 to the biller through the deposit, Rp 2.500 fee. */
    static List<Posting> cashPayment(long bill, long fee) {
        return List.of(
                Posting.debit(AccountCode.CASH_DRAWER, Money.of(bill + fee)),
                Posting.credit(AccountCode.GATEWAY_DEPOSIT, Money.of(bill)),
                Posting.credit(AccountCode.ADMIN_FEE_INCOME, Money.of(fee)));
    }

    static JournalEntry payment(int n) {
        return JournalEntry.posted(DAY, AT.plusSeconds(n), "PAY-" + n, "payment " + n, cashPayment(150_000 + n, 2_500));
    }

    static JournalEntry reservation(String reference, long amount) {
        return JournalEntry.pending(DAY, AT, reference, "reserve " + reference, List.of(
                Posting.debit(AccountCode.CUSTOMER_CLEARING, Money.of(amount)),
                Posting.credit(AccountCode.GATEWAY_DEPOSIT, Money.of(amount))));
    }

    static JournalEntry resolving(EntryKind kind, long pendingId, JournalEntry pending) {
        return JournalEntry.resolving(kind, pendingId, DAY, AT.plusSeconds(60), pending.reference(),
                kind + " " + pending.reference(), pending.postings());
    }
}
