package id.loket.core.rules;

import static id.loket.core.AccountCode.CASH_DRAWER;
import static id.loket.core.AccountCode.GATEWAY_DEPOSIT;
import static id.loket.core.EntryBuilder.entry;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.EntryBuilder;
import id.loket.core.RuleViolation;
import id.loket.core.TestLedgerView;
import org.junit.jupiter.api.Test;

class NonEmptyEntryRuleTest {

    private final NonEmptyEntryRule rule = new NonEmptyEntryRule();
    private final TestLedgerView ledger = TestLedgerView.standard();

    @Test
    void entryWithADebitAndACreditKeepsTheRule() {
        assertThat(rule.check(EntryBuilder.payment(152_500).build(), ledger)).isEmpty();
    }

    @Test
    void entryWithoutPostingsIsNamed() {
        assertThat(rule.check(entry().build(), ledger))
                .get().extracting(RuleViolation::rule).isEqualTo("NonEmptyEntry");
        assertThat(rule.check(entry().build(), ledger)).get().extracting(RuleViolation::message)
                .asString().contains("no postings");
    }

    @Test
    void entryWithOnlyDebitsIsNamed() {
        var onlyDebits = entry().debit(CASH_DRAWER, 1_000).debit(GATEWAY_DEPOSIT, 1_000).build();
        assertThat(rule.check(onlyDebits, ledger)).get().extracting(RuleViolation::rule).isEqualTo("NonEmptyEntry");
    }

    @Test
    void entryWithOnlyCreditsIsNamed() {
        var onlyCredits = entry().credit(CASH_DRAWER, 1_000).build();
        assertThat(rule.check(onlyCredits, ledger)).get().extracting(RuleViolation::rule).isEqualTo("NonEmptyEntry");
    }

    @Test
    void nameIsStable() {
        assertThat(rule.name()).isEqualTo("NonEmptyEntry");
    }
}
