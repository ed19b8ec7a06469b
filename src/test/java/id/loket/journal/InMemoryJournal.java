package id.loket.journal;

import id.loket.core.Account;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.EntryBuilder;
import id.loket.core.EntryHash;
import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.LedgerView;
import id.loket.core.Posting;
import id.loket.core.RecordedEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A journal held in memory that appends as a real store must (rules checked against the ledger as it is,
 * next id, real hash chain, stored balances updated), and lets a test damage it afterwards the ways a file
 * can be damaged or tampered with: an entry's contents changed behind its hash, an entry dropped, two
 * swapped, a stored balance altered, or an entry stored without the rules.
 *
 * <p>Also an {@link OpenedLedger}, so it can stand for a backup file opened by a fake {@link LedgerSnapshots}.
 */
public final class InMemoryJournal implements JournalStore, OpenedLedger {

    private final List<Account> accounts;
    private final List<RecordedEntry> entries = new ArrayList<>();
    private final Map<AccountCode, AccountBalance> balances = new LinkedHashMap<>();
    private final Map<Long, JournalEntry> openPending = new HashMap<>();
    private int closeCount;

    public InMemoryJournal(List<Account> accounts) {
        this.accounts = List.copyOf(accounts);
        for (Account a : accounts) {
            balances.put(a.code(), AccountBalance.empty(a.code()));
        }
    }

    /** An empty journal with the standard chart of accounts. */
    public static InMemoryJournal standard() {
        return new InMemoryJournal(EntryBuilder.standardAccounts());
    }

    /** An independent copy, frozen as the journal is now. */
    @Override
    public OpenedLedger snapshot() {
        return copy();
    }

    /** An independent copy, as a backup file would be. */
    public InMemoryJournal copy() {
        InMemoryJournal copy = new InMemoryJournal(accounts);
        copy.entries.addAll(entries);
        copy.balances.putAll(balances);
        copy.openPending.putAll(openPending);
        return copy;
    }

    @Override
    public RecordedEntry append(JournalEntry entry, JournalRules rules) {
        rules.enforce(entry, view());
        Map<AccountCode, AccountBalance> updated;
        try {
            updated = balancesAfter(entry);
        } catch (ArithmeticException overflow) {
            throw new LedgerException("A balance would overflow; nothing was written.", overflow);
        }
        return store(entry, updated);
    }

    /**
     * Stores an entry without checking any rule, but with the real hash chain and balances: an entry that a
     * buggy or bypassed writer let through, which only {@code verify} can catch. Where a balance would
     * overflow, the stored balances are left as they were.
     */
    public RecordedEntry appendUnchecked(JournalEntry entry) {
        Map<AccountCode, AccountBalance> updated;
        try {
            updated = balancesAfter(entry);
        } catch (ArithmeticException overflow) {
            updated = balances;
        }
        return store(entry, updated);
    }

    private Map<AccountCode, AccountBalance> balancesAfter(JournalEntry entry) {
        Map<AccountCode, AccountBalance> updated = new LinkedHashMap<>(balances);
        for (Posting p : entry.postings()) {
            updated.put(p.account(),
                    updated.getOrDefault(p.account(), AccountBalance.empty(p.account())).apply(entry.kind(), p));
        }
        return updated;
    }

    private RecordedEntry store(JournalEntry entry, Map<AccountCode, AccountBalance> updatedBalances) {
        long id = entries.size() + 1L;
        String previous = entries.isEmpty() ? EntryHash.GENESIS : entries.get(entries.size() - 1).hash();
        RecordedEntry recorded = new RecordedEntry(id, entry, previous, EntryHash.next(previous, id, entry));
        if (updatedBalances != balances) {
            balances.clear();
            balances.putAll(updatedBalances);
        }
        if (entry.kind() == EntryKind.PENDING) {
            openPending.put(id, entry);
        } else if (entry.kind().resolvesPending()) {
            openPending.remove(entry.pendingOf().orElse(0));
        }
        entries.add(recorded);
        return recorded;
    }

    /** The ledger as the rules see it before the next append. */
    public LedgerView view() {
        return new LedgerView() {
            @Override
            public boolean accountExists(AccountCode account) {
                return accounts.stream().anyMatch(a -> a.code().equals(account));
            }

            @Override
            public Optional<JournalEntry> openPending(long entryId) {
                return Optional.ofNullable(openPending.get(entryId));
            }
        };
    }

    public RecordedEntry entry(long id) {
        return entries.stream().filter(e -> e.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entry " + id));
    }

    // --- damage, as a test wants it ---

    /** Changes what entry {@code id} says while leaving its stored hashes alone (an edit behind the chain's back). */
    public void tamperEntry(long id, UnaryOperator<JournalEntry> change) {
        int i = indexOf(id);
        RecordedEntry r = entries.get(i);
        entries.set(i, new RecordedEntry(r.id(), change.apply(r.entry()), r.previousHash(), r.hash()));
    }

    /** Replaces the whole stored row of entry {@code id}, hashes included. */
    public void replaceRecorded(long id, UnaryOperator<RecordedEntry> change) {
        int i = indexOf(id);
        entries.set(i, change.apply(entries.get(i)));
    }

    /** Deletes entry {@code id}; the stored balances still count it, as a row deleted by hand would leave them. */
    public void dropEntry(long id) {
        entries.remove(indexOf(id));
    }

    /** Swaps where two entries are read, each keeping its id and hashes. */
    public void swapEntries(long firstId, long secondId) {
        Collections.swap(entries, indexOf(firstId), indexOf(secondId));
    }

    public void setStoredBalance(AccountBalance balance) {
        balances.put(balance.account(), balance);
    }

    private int indexOf(long id) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id() == id) {
                return i;
            }
        }
        throw new IllegalArgumentException("no entry " + id);
    }

    // --- JournalReader ---

    @Override
    public long entryCount() {
        return entries.size();
    }

    @Override
    public void forEachEntry(Consumer<RecordedEntry> consumer) {
        List.copyOf(entries).forEach(consumer);
    }

    @Override
    public Map<AccountCode, AccountBalance> storedBalances() {
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

    @Override
    public void close() {
        closeCount++;
    }

    public int closeCount() {
        return closeCount;
    }
}
