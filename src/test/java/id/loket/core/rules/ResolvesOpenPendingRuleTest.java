package id.loket.core.rules;

import static id.loket.core.AccountCode.ADMIN_FEE_INCOME;
import static id.loket.core.AccountCode.CASH_DRAWER;
import static id.loket.core.AccountCode.GATEWAY_DEPOSIT;
import static id.loket.core.EntryBuilder.entry;
import static id.loket.core.EntryBuilder.payment;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.RuleViolation;
import id.loket.core.TestLedgerView;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolvesOpenPendingRuleTest {

    private static final long PENDING_ID = 7;

    private final ResolvesOpenPendingRule rule = new ResolvesOpenPendingRule();
    private final JournalEntry reservation = payment(152_500).pending().build();
    private final TestLedgerView ledger = TestLedgerView.standard().withOpenPending(PENDING_ID, reservation);

    private static void assertNamed(Optional<RuleViolation> violation, String messagePart) {
        assertThat(violation).get().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ResolvesOpenPending");
            assertThat(v.message()).contains(messagePart);
        });
    }

    @Test
    void postingAnOpenPendingWithItsPostingsKeepsTheRule() {
        assertThat(rule.check(payment(152_500).postsPending(PENDING_ID).build(), ledger)).isEmpty();
    }

    @Test
    void voidingAnOpenPendingWithItsPostingsKeepsTheRule() {
        assertThat(rule.check(payment(152_500).voidsPending(PENDING_ID).build(), ledger)).isEmpty();
    }

    @Test
    void ordinaryAndPendingEntriesNamingNothingKeepTheRule() {
        assertThat(rule.check(payment(152_500).build(), ledger)).isEmpty();
        assertThat(rule.check(payment(152_500).pending().build(), ledger)).isEmpty();
    }

    @Test
    void resolvingEntryWithoutAReferenceToItsPendingIsNamed() {
        var entry = payment(152_500).kind(EntryKind.POST_PENDING).noPendingOf().build();
        assertNamed(rule.check(entry, ledger), "must name the pending entry");
    }

    @Test
    void resolvingAnEntryThatIsNotAnOpenPendingIsNamed() {
        // Id 8 is unknown, or was pending and is already resolved: either way it is not open.
        var entry = payment(152_500).postsPending(8).build();
        assertNamed(rule.check(entry, ledger), "entry 8 is not an open pending entry");
        assertNamed(rule.check(payment(152_500).voidsPending(PENDING_ID).build(), TestLedgerView.standard()),
                "entry 7 is not an open pending entry");
    }

    @Test
    void resolvingWithADifferentAmountIsNamed() {
        var entry = payment(150_000).postsPending(PENDING_ID).build();
        assertNamed(rule.check(entry, ledger), "differ from those of pending entry 7");
    }

    @Test
    void resolvingWithDifferentAccountsIsNamed() {
        var entry = entry().debit(CASH_DRAWER, 152_500).credit(ADMIN_FEE_INCOME, 152_500)
                .postsPending(PENDING_ID).build();
        assertNamed(rule.check(entry, ledger), "differ");
    }

    @Test
    void resolvingWithSidesSwappedIsNamed() {
        var entry = entry().debit(GATEWAY_DEPOSIT, 152_500).credit(CASH_DRAWER, 152_500)
                .voidsPending(PENDING_ID).build();
        assertNamed(rule.check(entry, ledger), "differ");
    }

    @Test
    void postedEntryNamingAPendingIsNamed() {
        var entry = payment(152_500).kind(EntryKind.POSTED).pendingOf(PENDING_ID).build();
        assertNamed(rule.check(entry, ledger), "a POSTED entry cannot name a pending entry");
    }

    @Test
    void pendingEntryNamingAPendingIsNamed() {
        var entry = payment(152_500).kind(EntryKind.PENDING).pendingOf(PENDING_ID).build();
        assertNamed(rule.check(entry, ledger), "a PENDING entry cannot name a pending entry");
    }
}
