package id.loket.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link LedgerView} a test fills by hand: which accounts exist and which pending entries are open. */
public final class TestLedgerView implements LedgerView {

    private final Set<AccountCode> accounts = new HashSet<>();
    private final Map<Long, JournalEntry> openPending = new HashMap<>();

    /** A ledger with the standard chart of accounts and nothing pending. */
    public static TestLedgerView standard() {
        TestLedgerView view = new TestLedgerView();
        EntryBuilder.standardAccounts().forEach(a -> view.accounts.add(a.code()));
        return view;
    }

    /** A ledger with no accounts at all. */
    public static TestLedgerView empty() {
        return new TestLedgerView();
    }

    public TestLedgerView withAccount(AccountCode account) {
        accounts.add(account);
        return this;
    }

    public TestLedgerView withOpenPending(long id, JournalEntry pending) {
        openPending.put(id, pending);
        return this;
    }

    @Override
    public boolean accountExists(AccountCode account) {
        return accounts.contains(account);
    }

    @Override
    public Optional<JournalEntry> openPending(long entryId) {
        return Optional.ofNullable(openPending.get(entryId));
    }
}
