package id.loket.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Test-data builder for {@link JournalEntry}: a sound default (a POSTED entry of one balanced pair on day
 * 2025-03-14) that a test changes only where its point lies. Reusable by any test that needs journal entries.
 *
 * <pre>{@code
 * JournalEntry e = EntryBuilder.entry().debit(CASH_DRAWER, 152_500).credit(GATEWAY_DEPOSIT, 152_500).build();
 * JournalEntry p = EntryBuilder.payment(152_500).pending().build();
 * JournalEntry s = EntryBuilder.payment(152_500).postsPending(7).build();
 * }</pre>
 */
public final class EntryBuilder {

    public static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    /** 10:15 WIB on {@link #DAY}. */
    public static final Instant CREATED_AT = Instant.parse("2025-03-14T03:15:00Z");

    private EntryKind kind = EntryKind.POSTED;
    private OptionalLong pendingOf = OptionalLong.empty();
    private LocalDate businessDay = DAY;
    private Instant createdAt = CREATED_AT;
    private String reference = "";
    private String memo = "";
    private final List<Posting> postings = new ArrayList<>();

    private EntryBuilder() {}

    /** An entry with no postings yet: add them with {@link #debit} and {@link #credit}. */
    public static EntryBuilder entry() {
        return new EntryBuilder();
    }

    /**
     * A customer's payment at the counter: cash comes into the drawer, the gateway deposit pays the biller.
     * Balanced, on accounts every {@link #standardAccounts()} ledger has.
     */
    public static EntryBuilder payment(long rupiah) {
        return entry().reference("LKT-0001").memo("PLN prepaid 152.500")
                .debit(AccountCode.CASH_DRAWER, rupiah)
                .credit(AccountCode.GATEWAY_DEPOSIT, rupiah);
    }

    /** The chart of accounts of DESIGN.md, plus owner's equity. */
    public static List<Account> standardAccounts() {
        return List.of(
                new Account(AccountCode.CASH_DRAWER, Account.AccountType.ASSET, "Cash drawer"),
                new Account(AccountCode.GATEWAY_DEPOSIT, Account.AccountType.ASSET, "Gateway deposit"),
                new Account(AccountCode.CUSTOMER_CLEARING, Account.AccountType.ASSET, "Customer clearing"),
                new Account(AccountCode.ADMIN_FEE_INCOME, Account.AccountType.INCOME, "Admin fee income"),
                new Account(AccountCode.REFUNDS_DUE, Account.AccountType.LIABILITY, "Refunds due"),
                new Account(AccountCode.OWNER_EQUITY, Account.AccountType.EQUITY, "Owner's equity"));
    }

    public EntryBuilder debit(AccountCode account, long rupiah) {
        postings.add(Posting.debit(account, Money.of(rupiah)));
        return this;
    }

    public EntryBuilder credit(AccountCode account, long rupiah) {
        postings.add(Posting.credit(account, Money.of(rupiah)));
        return this;
    }

    public EntryBuilder posting(Posting posting) {
        postings.add(posting);
        return this;
    }

    public EntryBuilder noPostings() {
        postings.clear();
        return this;
    }

    public EntryBuilder pending() {
        return kind(EntryKind.PENDING);
    }

    public EntryBuilder postsPending(long pendingId) {
        return kind(EntryKind.POST_PENDING).pendingOf(pendingId);
    }

    public EntryBuilder voidsPending(long pendingId) {
        return kind(EntryKind.VOID_PENDING).pendingOf(pendingId);
    }

    /** Sets the kind without touching {@code pendingOf}, so a test can build inconsistent entries on purpose. */
    public EntryBuilder kind(EntryKind kind) {
        this.kind = kind;
        return this;
    }

    public EntryBuilder pendingOf(long pendingId) {
        this.pendingOf = OptionalLong.of(pendingId);
        return this;
    }

    public EntryBuilder noPendingOf() {
        this.pendingOf = OptionalLong.empty();
        return this;
    }

    public EntryBuilder businessDay(LocalDate day) {
        this.businessDay = day;
        return this;
    }

    public EntryBuilder createdAt(Instant instant) {
        this.createdAt = instant;
        return this;
    }

    public EntryBuilder reference(String reference) {
        this.reference = reference;
        return this;
    }

    public EntryBuilder memo(String memo) {
        this.memo = memo;
        return this;
    }

    /**
     * Builds through {@link JournalEntry#restored}, the one factory that accepts any combination, so tests can
     * also make the broken entries that rules and the verifier must catch.
     */
    public JournalEntry build() {
        return JournalEntry.restored(kind, pendingOf, businessDay, createdAt, reference, memo, postings);
    }
}
