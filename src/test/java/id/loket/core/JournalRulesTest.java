package id.loket.core;

import static id.loket.core.AccountCode.CASH_DRAWER;
import static id.loket.core.AccountCode.GATEWAY_DEPOSIT;
import static id.loket.core.EntryBuilder.entry;
import static id.loket.core.EntryBuilder.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalRulesTest {

    private final JournalRules rules = JournalRules.standard();
    private final TestLedgerView ledger = TestLedgerView.standard();

    /** Breaks PositivePosting (a zero), DebitsEqualCredits (100 vs 0) and KnownAccounts (petty_cash). */
    private final JournalEntry threeTimesWrong = entry()
            .debit(AccountCode.of("petty_cash"), 100).credit(GATEWAY_DEPOSIT, 0).build();

    @Test
    void standardHoldsTheFiveRulesOfTheDesign() {
        assertThat(rules.rules()).extracting(JournalRule::name).containsExactly(
                "NonEmptyEntry", "PositivePosting", "DebitsEqualCredits", "KnownAccounts", "ResolvesOpenPending");
    }

    @Test
    void soundEntryBreaksNoRule() {
        assertThat(rules.check(payment(152_500).build(), ledger)).isEmpty();
        assertThatCode(() -> rules.enforce(payment(152_500).build(), ledger)).doesNotThrowAnyException();
    }

    @Test
    void checkNamesEveryBrokenRuleNotOnlyTheFirst() {
        assertThat(rules.check(threeTimesWrong, ledger)).extracting(RuleViolation::rule)
                .containsExactly("PositivePosting", "DebitsEqualCredits", "KnownAccounts");
    }

    @Test
    void enforceThrowsNamingEveryBrokenRule() {
        JournalRuleException e = catchThrowableOfType(JournalRuleException.class,
                () -> rules.enforce(threeTimesWrong, ledger));
        assertThat(e).isNotNull();
        assertThat(e.violations()).extracting(RuleViolation::rule)
                .containsExactly("PositivePosting", "DebitsEqualCredits", "KnownAccounts");
        assertThat(e.getMessage()).contains("PositivePosting").contains("DebitsEqualCredits").contains("KnownAccounts")
                .contains("petty_cash");
    }

    @Test
    void resolvingEntryBreakingSeveralRulesIsNamedForEach() {
        var entry = entry().debit(CASH_DRAWER, 5).postsPending(99).build();
        assertThat(rules.check(entry, ledger)).extracting(RuleViolation::rule)
                .containsExactly("NonEmptyEntry", "DebitsEqualCredits", "ResolvesOpenPending");
    }

    @Test
    void customRuleSetRunsOnlyItsRules() {
        JournalRule noMemo = new JournalRule() {
            @Override
            public String name() {
                return "HasMemo";
            }

            @Override
            public Optional<RuleViolation> check(JournalEntry entry, LedgerView view) {
                return entry.memo().isEmpty() ? Optional.of(violation("no memo")) : Optional.empty();
            }
        };
        JournalRules custom = new JournalRules(List.of(noMemo));
        assertThat(custom.check(threeTimesWrong, ledger)).containsExactly(new RuleViolation("HasMemo", "no memo"));
    }

    @Test
    void ruleListCannotBeChangedAfterConstruction() {
        List<JournalRule> source = new ArrayList<>(rules.rules());
        JournalRules copy = new JournalRules(source);
        source.clear();
        assertThat(copy.rules()).hasSize(5);
    }
}
