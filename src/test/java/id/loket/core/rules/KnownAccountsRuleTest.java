package id.loket.core.rules;

import static id.loket.core.AccountCode.CASH_DRAWER;
import static id.loket.core.AccountCode.GATEWAY_DEPOSIT;
import static id.loket.core.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.AccountCode;
import id.loket.core.TestLedgerView;
import org.junit.jupiter.api.Test;

class KnownAccountsRuleTest {

    private final KnownAccountsRule rule = new KnownAccountsRule();

    @Test
    void accountsOfTheChartKeepTheRule() {
        var entry = entry().debit(CASH_DRAWER, 100).credit(GATEWAY_DEPOSIT, 100).build();
        assertThat(rule.check(entry, TestLedgerView.standard())).isEmpty();
    }

    @Test
    void unknownAccountIsNamed() {
        var entry = entry().debit(CASH_DRAWER, 100).credit(AccountCode.of("petty_cash"), 100).build();
        assertThat(rule.check(entry, TestLedgerView.standard())).get().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("KnownAccounts");
            assertThat(v.message()).contains("petty_cash");
        });
    }

    @Test
    void qualifiedAccountIsItsOwnAccountNotItsBase() {
        AccountCode shiftDrawer = CASH_DRAWER.qualified("shift-42");
        var entry = entry().debit(shiftDrawer, 100).credit(GATEWAY_DEPOSIT, 100).build();
        assertThat(rule.check(entry, TestLedgerView.standard())).isPresent();
        assertThat(rule.check(entry, TestLedgerView.standard().withAccount(shiftDrawer))).isEmpty();
    }

    @Test
    void everyAccountIsCheckedNotOnlyTheFirst() {
        var entry = entry().debit(CASH_DRAWER, 100).credit(GATEWAY_DEPOSIT, 100).build();
        assertThat(rule.check(entry, TestLedgerView.empty().withAccount(CASH_DRAWER))).get()
                .satisfies(v -> assertThat(v.message()).contains("gateway_deposit"));
    }
}
