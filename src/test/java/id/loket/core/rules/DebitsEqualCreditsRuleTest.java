package id.loket.core.rules;

import static id.loket.core.AccountCode.ADMIN_FEE_INCOME;
import static id.loket.core.AccountCode.CASH_DRAWER;
import static id.loket.core.AccountCode.GATEWAY_DEPOSIT;
import static id.loket.core.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.RuleViolation;
import id.loket.core.TestLedgerView;
import org.junit.jupiter.api.Test;

class DebitsEqualCreditsRuleTest {

    private final DebitsEqualCreditsRule rule = new DebitsEqualCreditsRule();
    private final TestLedgerView ledger = TestLedgerView.standard();

    @Test
    void splitCreditsThatAddUpToTheDebitKeepTheRule() {
        // A payment of 152.500 with an admin fee of 2.500: the drawer takes both.
        var entry = entry().debit(CASH_DRAWER, 155_000)
                .credit(GATEWAY_DEPOSIT, 152_500).credit(ADMIN_FEE_INCOME, 2_500).build();
        assertThat(rule.check(entry, ledger)).isEmpty();
    }

    @Test
    void offByOneRupiahIsNamedWithBothTotals() {
        var entry = entry().debit(CASH_DRAWER, 155_000)
                .credit(GATEWAY_DEPOSIT, 152_500).credit(ADMIN_FEE_INCOME, 2_499).build();
        assertThat(rule.check(entry, ledger)).get().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("DebitsEqualCredits");
            assertThat(v.message()).contains("155000").contains("154999");
        });
    }

    @Test
    void sumThatOverflowsALongIsNamedNotThrown() {
        // Wrapped, MAX + MAX + 2 is 0 on each side: without overflow checks the entry would look balanced.
        var entry = entry().debit(CASH_DRAWER, Long.MAX_VALUE).debit(CASH_DRAWER, Long.MAX_VALUE).debit(CASH_DRAWER, 2)
                .credit(GATEWAY_DEPOSIT, Long.MAX_VALUE).credit(GATEWAY_DEPOSIT, Long.MAX_VALUE)
                .credit(GATEWAY_DEPOSIT, 2).build();
        assertThat(rule.check(entry, ledger)).get().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("DebitsEqualCredits");
            assertThat(v.message()).contains("more than a long can hold");
        });
    }

    @Test
    void overflowOnOneSideOnlyIsNamed() {
        var entry = entry().debit(CASH_DRAWER, Long.MAX_VALUE).debit(CASH_DRAWER, 1)
                .credit(GATEWAY_DEPOSIT, 1).build();
        assertThat(rule.check(entry, ledger)).get().extracting(RuleViolation::rule).isEqualTo("DebitsEqualCredits");
    }

    @Test
    void emptyEntryIsLeftToNonEmptyEntry() {
        assertThat(rule.check(entry().build(), ledger)).isEmpty();
    }
}
