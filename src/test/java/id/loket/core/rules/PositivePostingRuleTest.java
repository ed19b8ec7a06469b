package id.loket.core.rules;

import static id.loket.core.AccountCode.CASH_DRAWER;
import static id.loket.core.AccountCode.GATEWAY_DEPOSIT;
import static id.loket.core.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.EntryBuilder;
import id.loket.core.RuleViolation;
import id.loket.core.TestLedgerView;
import org.junit.jupiter.api.Test;

class PositivePostingRuleTest {

    private final PositivePostingRule rule = new PositivePostingRule();
    private final TestLedgerView ledger = TestLedgerView.standard();

    @Test
    void positiveAmountsKeepTheRule() {
        assertThat(rule.check(EntryBuilder.payment(1).build(), ledger)).isEmpty();
    }

    @Test
    void zeroPostingIsNamedWithItsAccount() {
        var zero = entry().debit(CASH_DRAWER, 0).credit(GATEWAY_DEPOSIT, 0).build();
        assertThat(rule.check(zero, ledger)).get().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("PositivePosting");
            assertThat(v.message()).contains("cash_drawer").contains("amount 0");
        });
    }

    @Test
    void negativePostingIsNamedEvenWhenTheEntryBalances() {
        // A negative debit against a negative credit balances, but hides a flow going the other way.
        var negative = entry().debit(CASH_DRAWER, 5_000).credit(GATEWAY_DEPOSIT, 5_000)
                .debit(GATEWAY_DEPOSIT, -2_000).credit(CASH_DRAWER, -2_000).build();
        assertThat(rule.check(negative, ledger)).get().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("PositivePosting");
            assertThat(v.message()).contains("gateway_deposit").contains("-2000");
        });
    }

    @Test
    void badPostingAfterGoodOnesIsStillFound() {
        var late = entry().debit(CASH_DRAWER, 100).credit(GATEWAY_DEPOSIT, 100).credit(GATEWAY_DEPOSIT, 0).build();
        assertThat(rule.check(late, ledger)).get().extracting(RuleViolation::rule).isEqualTo("PositivePosting");
    }
}
