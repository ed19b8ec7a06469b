package id.loket.ui;

import id.loket.core.Account;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.EntryHash;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.Posting;
import id.loket.core.RecordedEntry;
import id.loket.journal.JournalStore;
import id.loket.journal.LedgerException;
import id.loket.journal.OpenedLedger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small journal in memory for the shell's tests: real hash chain and stored balances, so the real
 * {@code LedgerVerifier} finds it sound, and {@link #tamperWith} to make it unsound the way an edited file is.
 * Thread-safe, because the shell verifies it on a background thread.
 */
final class FakeJournalStore implements JournalStore {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);
    private static final Instant AT = Instant.parse("2025-03-14T03:15:00Z");

    private final List<Account> accounts = List.of(
            new Account(AccountCode.CASH_DRAWER, Account.AccountType.ASSET, "Cash drawer"),
            new Account(AccountCode.GATEWAY_DEPOSIT, Account.AccountType.ASSET, "Gateway deposit"),
            new Account(AccountCode.OWNER_EQUITY, Account.AccountType.EQUITY, "Owner's equity"));
    private final List<RecordedEntry> entries = new ArrayList<>();
    private final Map<AccountCode, AccountBalance> balances = new LinkedHashMap<>();
    private String failReadsWith = "";

    /** A sound journal of {@code count} cash payments of Rp 152.500. */
    static FakeJournalStore withPayments(int count) {
        FakeJournalStore store = new FakeJournalStore();
        for (int i = 1; i <= count; i++) {
            store.append(JournalEntry.posted(DAY, AT, "LKT-" + i, "PLN prepaid",
                    List.of(Posting.debit(AccountCode.CASH_DRAWER, Money.of(152_500)),
                            Posting.credit(AccountCode.GATEWAY_DEPOSIT, Money.of(152_500)))), JournalRules.standard());
        }
        return store;
    }

    /** Changes entry {@code id}'s memo behind its hash, as someone editing the file would. */
    synchronized void tamperWith(long id) {
        int index = (int) id - 1;
        RecordedEntry original = entries.get(index);
        JournalEntry e = original.entry();
        JournalEntry altered = JournalEntry.posted(e.businessDay(), e.createdAt(), e.reference(), "altered",
                e.postings());
        entries.set(index, new RecordedEntry(id, altered, original.previousHash(), original.hash()));
    }

    /** Makes every read fail as a locked or unreadable ledger file does. */
    synchronized FakeJournalStore failingReads(String message) {
        failReadsWith = message;
        return this;
    }

    /** Stores the entry with the next id and the real hash chain; the rules are not this fake's concern. */
    @Override
    public synchronized RecordedEntry append(JournalEntry entry, JournalRules rules) {
        long id = entries.size() + 1L;
        String previous = entries.isEmpty() ? EntryHash.GENESIS : entries.get(entries.size() - 1).hash();
        RecordedEntry recorded = new RecordedEntry(id, entry, previous, EntryHash.next(previous, id, entry));
        for (Posting p : entry.postings()) {
            balances.merge(p.account(), AccountBalance.empty(p.account()).apply(entry.kind(), p),
                    (old, ignored) -> old.apply(entry.kind(), p));
        }
        entries.add(recorded);
        return recorded;
    }

    @Override
    public synchronized long entryCount() {
        return entries.size();
    }

    @Override
    public void forEachEntry(Consumer<RecordedEntry> consumer) {
        List<RecordedEntry> copy;
        synchronized (this) {
            if (!failReadsWith.isEmpty()) {
                throw new LedgerException(failReadsWith);
            }
            copy = List.copyOf(entries);
        }
        copy.forEach(consumer);
    }

    @Override
    public synchronized Map<AccountCode, AccountBalance> storedBalances() {
        return Map.copyOf(balances);
    }

    @Override
    public List<Account> accounts() {
        return accounts;
    }

    @Override
    public String schemaVersion() {
        return "1";
    }

    /** Reads through to this store; the fake's reads are already consistent copies. */
    @Override
    public OpenedLedger snapshot() {
        FakeJournalStore store = this;
        return new OpenedLedger() {
            @Override
            public long entryCount() {
                return store.entryCount();
            }

            @Override
            public void forEachEntry(Consumer<RecordedEntry> consumer) {
                store.forEachEntry(consumer);
            }

            @Override
            public Map<AccountCode, AccountBalance> storedBalances() {
                return store.storedBalances();
            }

            @Override
            public List<Account> accounts() {
                return store.accounts();
            }

            @Override
            public String schemaVersion() {
                return store.schemaVersion();
            }

            @Override
            public void close() {
                // Nothing to release: the snapshot holds no resources of its own.
            }
        };
    }
}
