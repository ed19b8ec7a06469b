package id.loket.journal;

import static id.loket.core.AccountCode.CASH_DRAWER;
import static id.loket.core.AccountCode.OWNER_EQUITY;
import static id.loket.core.EntryBuilder.entry;
import static id.loket.core.EntryBuilder.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.EntryHash;
import id.loket.core.JournalRuleException;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.RecordedEntry;
import org.junit.jupiter.api.Test;

class JournalServiceTest {

    private final InMemoryJournal store = InMemoryJournal.standard();
    private final JournalService service = new JournalService(store, JournalRules.standard());

    @Test
    void postedEntriesAreNumberedAndChainedFromGenesis() {
        RecordedEntry first = service.post(entry().debit(CASH_DRAWER, 500_000).credit(OWNER_EQUITY, 500_000).build());
        RecordedEntry second = service.post(payment(152_500).build());
        assertThat(first.id()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(EntryHash.GENESIS);
        assertThat(second.id()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isEqualTo(EntryHash.next(first.hash(), 2, second.entry()));
    }

    @Test
    void refusedEntryLeavesTheJournalAndBalancesUntouched() {
        service.post(payment(152_500).build());
        var before = store.storedBalances();
        assertThatThrownBy(() -> service.post(entry().debit(CASH_DRAWER, 10).credit(OWNER_EQUITY, 9).build()))
                .isInstanceOf(JournalRuleException.class)
                .hasMessageContaining("DebitsEqualCredits");
        assertThat(store.entryCount()).isEqualTo(1);
        assertThat(store.storedBalances()).isEqualTo(before);
    }

    @Test
    void secondResolutionOfAPendingIsRefused() {
        service.post(payment(20_000).pending().build());
        service.post(payment(20_000).postsPending(1).build());
        assertThatThrownBy(() -> service.post(payment(20_000).voidsPending(1).build()))
                .isInstanceOf(JournalRuleException.class)
                .hasMessageContaining("ResolvesOpenPending");
        assertThat(store.storedBalances().get(CASH_DRAWER).debitsPosted()).isEqualTo(Money.of(20_000));
        assertThat(store.storedBalances().get(CASH_DRAWER).debitsPending()).isEqualTo(Money.ZERO);
    }

    @Test
    void whatTheServiceWritesVerifies() {
        service.post(entry().debit(CASH_DRAWER, 500_000).credit(OWNER_EQUITY, 500_000).build());
        service.post(payment(20_000).pending().build());
        service.post(payment(20_000).voidsPending(2).build());
        assertThat(new LedgerVerifier(JournalRules.standard()).verify(store).sound()).isTrue();
    }
}
