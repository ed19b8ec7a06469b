package id.loket.journal;

import static id.loket.core.AccountCode.ADMIN_FEE_INCOME;
import static id.loket.core.AccountCode.CASH_DRAWER;
import static id.loket.core.AccountCode.GATEWAY_DEPOSIT;
import static id.loket.core.AccountCode.OWNER_EQUITY;
import static id.loket.core.EntryBuilder.entry;
import static id.loket.core.EntryBuilder.payment;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.EntryBuilder;
import id.loket.core.EntryHash;
import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.Posting;
import id.loket.core.RecordedEntry;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerVerifierTest {

    private final JournalRules rules = JournalRules.standard();
    private final LedgerVerifier verifier = new LedgerVerifier(rules);
    private InMemoryJournal journal;

    /**
     * Six entries through the real rules: an opening float, a deposit top-up, a payment reserved then posted,
     * another reserved then voided.
     */
    @BeforeEach
    void soundLedgerOfSixEntries() {
        journal = InMemoryJournal.standard();
        journal.append(entry().memo("opening float").debit(CASH_DRAWER, 500_000).credit(OWNER_EQUITY, 500_000)
                .build(), rules);                                                                   // 1
        journal.append(entry().memo("deposit top-up").debit(GATEWAY_DEPOSIT, 1_000_000)
                .credit(OWNER_EQUITY, 1_000_000).build(), rules);                                   // 2
        journal.append(paymentWithFee().pending().build(), rules);                                  // 3
        journal.append(paymentWithFee().postsPending(3).build(), rules);                            // 4
        journal.append(payment(20_000).reference("LKT-0002").pending().build(), rules);            // 5
        journal.append(payment(20_000).reference("LKT-0002").voidsPending(5).build(), rules);      // 6
    }

    private static EntryBuilder paymentWithFee() {
        return entry().reference("LKT-0001").memo("PLN 152.500 + admin 2.500")
                .debit(CASH_DRAWER, 155_000).credit(GATEWAY_DEPOSIT, 152_500).credit(ADMIN_FEE_INCOME, 2_500);
    }

    private VerifyReport verify() {
        return verifier.verify(journal);
    }

    @Test
    void soundLedgerVerifiesWithNoProblem() {
        VerifyReport report = verify();
        assertThat(report.sound()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(report.firstBadEntry()).isEmpty();
        assertThat(report.entries()).isEqualTo(6);
    }

    @Test
    void emptyLedgerIsSound() {
        VerifyReport report = verifier.verify(InMemoryJournal.standard());
        assertThat(report.sound()).isTrue();
        assertThat(report.entries()).isZero();
    }

    @Test
    void alteredAmountIsNamedAsTheFirstBadEntry() {
        journal.tamperEntry(2, e -> entry().memo(e.memo()).debit(GATEWAY_DEPOSIT, 9_000_000)
                .credit(OWNER_EQUITY, 9_000_000).build());
        VerifyReport report = verify();
        assertThat(report.sound()).isFalse();
        assertThat(report.firstBadEntry()).hasValue(2);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("entry 2 was altered"));
    }

    @Test
    void alteredMemoAloneIsNamedAlthoughNoAmountChanged() {
        journal.tamperEntry(4, e -> JournalEntry.restored(e.kind(), e.pendingOf(), e.businessDay(), e.createdAt(),
                e.reference(), e.memo() + " (refunded)", e.postings()));
        VerifyReport report = verify();
        assertThat(report.firstBadEntry()).hasValue(4);
        assertThat(report.problems()).containsExactly(
                "entry 4 was altered after it was written (its hash does not match its contents)");
    }

    @Test
    void alteredEntryWithItsOwnHashRecomputedBreaksTheNextLink() {
        // The tamperer rewrites entry 2 and its hash; entry 3 still chains to the old hash.
        journal.replaceRecorded(2, r -> {
            JournalEntry forged = entry().memo("deposit top-up").debit(GATEWAY_DEPOSIT, 1_000_000)
                    .credit(OWNER_EQUITY, 1_000_000).createdAt(r.entry().createdAt().plusSeconds(1)).build();
            return new RecordedEntry(2, forged, r.previousHash(), EntryHash.next(r.previousHash(), 2, forged));
        });
        VerifyReport report = verify();
        assertThat(report.firstBadEntry()).hasValue(3);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("entry 3 does not chain"));
    }

    @Test
    void deletedMiddleEntryIsNamedAtTheGap() {
        journal.dropEntry(3);
        VerifyReport report = verify();
        assertThat(report.sound()).isFalse();
        assertThat(report.firstBadEntry()).hasValue(4);
        assertThat(report.problems())
                .anySatisfy(p -> assertThat(p).contains("entry 4 follows entry 2"))
                .anySatisfy(p -> assertThat(p).contains("entry 4 does not chain"));
    }

    @Test
    void entriesCountsTheEntriesReadNotTheHighestId() {
        journal.dropEntry(3);
        assertThat(verify().entries()).isEqualTo(5);
    }

    @Test
    void deletedLastEntryShowsInTheBalances() {
        journal.dropEntry(6);
        VerifyReport report = verify();
        assertThat(report.sound()).isFalse();
        assertThat(report.firstBadEntry()).isEmpty();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("stored balance of cash_drawer"));
    }

    @Test
    void swappedEntriesAreNamedAtTheFirstOneOutOfPlace() {
        journal.swapEntries(2, 3);
        VerifyReport report = verify();
        assertThat(report.sound()).isFalse();
        assertThat(report.firstBadEntry()).hasValue(3);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("out of order"));
    }

    @Test
    void swappedContentsUnderSequentialIdsAreNamed() {
        JournalEntry second = journal.entry(2).entry();
        JournalEntry first = journal.entry(1).entry();
        journal.tamperEntry(1, e -> second);
        journal.tamperEntry(2, e -> first);
        VerifyReport report = verify();
        assertThat(report.firstBadEntry()).hasValue(1);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("entry 2 was altered"));
    }

    @Test
    void alteredStoredBalanceIsReportedAsABalanceProblemNotAsAnEntry() {
        AccountBalance real = journal.storedBalances().get(ADMIN_FEE_INCOME);
        journal.setStoredBalance(new AccountBalance(ADMIN_FEE_INCOME, real.debitsPosted(),
                real.creditsPosted().plus(Money.of(1)), real.debitsPending(), real.creditsPending()));
        VerifyReport report = verify();
        assertThat(report.sound()).isFalse();
        assertThat(report.firstBadEntry()).isEmpty();
        assertThat(report.problems()).containsExactly(
                "stored balance of admin_fee_income is debits 0, credits 2501 (pending debits 0, credits 0)"
                        + " but the journal adds up to debits 0, credits 2500 (pending debits 0, credits 0)");
    }

    @Test
    void storedBalanceForAnAccountWithNoPostingsIsChecked() {
        journal.setStoredBalance(new AccountBalance(AccountCode.REFUNDS_DUE, Money.ZERO, Money.ZERO,
                Money.ZERO, Money.of(10_000)));
        assertThat(verify().problems()).singleElement().asString().startsWith("stored balance of refunds_due");
    }

    @Test
    void pendingBalanceIsCheckedToo() {
        journal.append(payment(75_000).reference("LKT-0003").pending().build(), rules); // 7, stays open
        AccountBalance real = journal.storedBalances().get(CASH_DRAWER);
        assertThat(real.debitsPending()).isEqualTo(Money.of(75_000));
        journal.setStoredBalance(new AccountBalance(CASH_DRAWER, real.debitsPosted(), real.creditsPosted(),
                Money.ZERO, real.creditsPending()));
        assertThat(verify().problems()).singleElement().asString().contains("cash_drawer");
    }

    @Test
    void storedEntryBreakingDebitsEqualCreditsIsNamed() {
        journal.appendUnchecked(entry().debit(CASH_DRAWER, 10_000).credit(OWNER_EQUITY, 9_000).build()); // 7
        VerifyReport report = verify();
        assertThat(report.firstBadEntry()).hasValue(7);
        assertThat(report.problems()).singleElement().asString()
                .isEqualTo("entry 7 breaks DebitsEqualCredits: debits 10000 do not equal credits 9000");
    }

    @Test
    void pendingResolvedTwiceIsNamedAtTheSecondResolution() {
        journal.appendUnchecked(paymentWithFee().voidsPending(3).build()); // 7: entry 4 already posted 3
        VerifyReport report = verify();
        assertThat(report.firstBadEntry()).hasValue(7);
        assertThat(report.problems()).singleElement().asString()
                .contains("entry 7 breaks ResolvesOpenPending").contains("entry 3 is not an open pending entry");
    }

    @Test
    void entryOnAnUnknownAccountIsNamed() {
        journal.appendUnchecked(entry().debit(AccountCode.of("petty_cash"), 100)
                .credit(CASH_DRAWER, 100).build()); // 7
        VerifyReport report = verify();
        assertThat(report.firstBadEntry()).hasValue(7);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("KnownAccounts"));
    }

    @Test
    void firstBadEntryIsTheEarliestEvenWhenLaterOnesAreWorse() {
        journal.appendUnchecked(entry().debit(CASH_DRAWER, 1).credit(OWNER_EQUITY, 2).build()); // 7
        journal.tamperEntry(5, e -> JournalEntry.restored(e.kind(), OptionalLong.empty(), e.businessDay(),
                e.createdAt(), e.reference(), "x", e.postings()));
        journal.dropEntry(2);
        VerifyReport report = verify();
        assertThat(report.firstBadEntry()).hasValue(3);
        assertThat(report.problems()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void overflowingBalanceIsNamedNotThrown() {
        journal.appendUnchecked(entry().debit(CASH_DRAWER, Long.MAX_VALUE).credit(OWNER_EQUITY, Long.MAX_VALUE)
                .build()); // 7: the drawer already holds money, so its debits overflow
        VerifyReport report = verify();
        assertThat(report.firstBadEntry()).hasValue(7);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("entry 7 makes a balance overflow"));
    }

    @Test
    void ruleViolationsUseTheLedgerAsItStoodBeforeTheEntry() {
        // Entry 4 posts pending 3, which was open then; that 3 is closed at the end must not matter.
        VerifyReport report = verify();
        assertThat(report.sound()).isTrue();
        List<Posting> postings = journal.entry(4).entry().postings();
        assertThat(journal.entry(4).entry().kind()).isEqualTo(EntryKind.POST_PENDING);
        assertThat(postings).isEqualTo(journal.entry(3).entry().postings());
    }
}
