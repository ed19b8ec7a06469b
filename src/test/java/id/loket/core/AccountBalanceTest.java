package id.loket.core;

import static id.loket.core.AccountCode.CASH_DRAWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountBalanceTest {

    private static final Posting DEBIT = Posting.debit(CASH_DRAWER, Money.of(1_000));
    private static final Posting CREDIT = Posting.credit(CASH_DRAWER, Money.of(300));

    /** debits posted 5.000, credits posted 2.000, pending debits 1.000, pending credits 300. */
    private static final AccountBalance START = new AccountBalance(
            CASH_DRAWER, Money.of(5_000), Money.of(2_000), Money.of(1_000), Money.of(300));

    private static AccountBalance balance(long debitsPosted, long creditsPosted, long debitsPending, long creditsPending) {
        return new AccountBalance(CASH_DRAWER, Money.of(debitsPosted), Money.of(creditsPosted),
                Money.of(debitsPending), Money.of(creditsPending));
    }

    @Test
    void emptyBalanceIsZeroEverywhere() {
        assertThat(AccountBalance.empty(CASH_DRAWER)).isEqualTo(balance(0, 0, 0, 0));
    }

    @Test
    void postedDebitAndCreditCountInThePostedTotalsOnly() {
        assertThat(START.apply(EntryKind.POSTED, DEBIT)).isEqualTo(balance(6_000, 2_000, 1_000, 300));
        assertThat(START.apply(EntryKind.POSTED, CREDIT)).isEqualTo(balance(5_000, 2_300, 1_000, 300));
    }

    @Test
    void pendingDebitAndCreditCountInThePendingTotalsOnly() {
        assertThat(START.apply(EntryKind.PENDING, DEBIT)).isEqualTo(balance(5_000, 2_000, 2_000, 300));
        assertThat(START.apply(EntryKind.PENDING, CREDIT)).isEqualTo(balance(5_000, 2_000, 1_000, 600));
    }

    @Test
    void postPendingMovesTheAmountFromPendingToPosted() {
        assertThat(START.apply(EntryKind.POST_PENDING, DEBIT)).isEqualTo(balance(6_000, 2_000, 0, 300));
        assertThat(START.apply(EntryKind.POST_PENDING, CREDIT)).isEqualTo(balance(5_000, 2_300, 1_000, 0));
    }

    @Test
    void voidPendingReleasesTheAmountWithoutPostingIt() {
        assertThat(START.apply(EntryKind.VOID_PENDING, DEBIT)).isEqualTo(balance(5_000, 2_000, 0, 300));
        assertThat(START.apply(EntryKind.VOID_PENDING, CREDIT)).isEqualTo(balance(5_000, 2_000, 1_000, 0));
    }

    @Test
    void pendingThenPostLeavesTheSameBalanceAsPostingAtOnce() {
        AccountBalance twoPhase = AccountBalance.empty(CASH_DRAWER)
                .apply(EntryKind.PENDING, DEBIT).apply(EntryKind.POST_PENDING, DEBIT);
        assertThat(twoPhase).isEqualTo(AccountBalance.empty(CASH_DRAWER).apply(EntryKind.POSTED, DEBIT));
    }

    @Test
    void pendingThenVoidLeavesNothing() {
        AccountBalance voided = AccountBalance.empty(CASH_DRAWER)
                .apply(EntryKind.PENDING, CREDIT).apply(EntryKind.VOID_PENDING, CREDIT);
        assertThat(voided).isEqualTo(AccountBalance.empty(CASH_DRAWER));
    }

    @Test
    void applyReturnsANewBalanceAndLeavesTheOldOne() {
        START.apply(EntryKind.POSTED, DEBIT);
        assertThat(START).isEqualTo(balance(5_000, 2_000, 1_000, 300));
    }

    @Test
    void netsSubtractCreditsFromDebits() {
        assertThat(START.postedNet()).isEqualTo(Money.of(3_000));
        assertThat(START.netIncludingPending()).isEqualTo(Money.of(3_700));
    }

    @Test
    void overflowingBalanceThrowsRatherThanWraps() {
        AccountBalance full = balance(Long.MAX_VALUE, 0, 0, 0);
        assertThatThrownBy(() -> full.apply(EntryKind.POSTED, DEBIT)).isInstanceOf(ArithmeticException.class);
    }
}
