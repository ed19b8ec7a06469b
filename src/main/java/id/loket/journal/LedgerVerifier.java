package id.loket.journal;

import id.loket.core.Account;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.EntryHash;
import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.LedgerView;
import id.loket.core.Posting;
import id.loket.core.RecordedEntry;
import id.loket.core.RuleViolation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Recomputes a journal from scratch: ids in sequence, the hash chain, every journal rule on every entry (with
 * the ledger as it stood before that entry), and the balances, which must equal the stored ones. One pass,
 * memory bounded by the accounts and the open pending entries, not by the journal's length.
 */
public final class LedgerVerifier {

    private final JournalRules rules;

    public LedgerVerifier(JournalRules rules) {
        this.rules = rules;
    }

    public VerifyReport verify(JournalReader journal) {
        Set<AccountCode> accounts = new HashSet<>();
        for (Account a : journal.accounts()) {
            accounts.add(a.code());
        }
        Fold fold = new Fold(accounts);
        journal.forEachEntry(fold::accept);

        List<String> problems = new ArrayList<>(fold.problems);
        Map<AccountCode, AccountBalance> stored = journal.storedBalances();
        Set<AccountCode> all = new HashSet<>(stored.keySet());
        all.addAll(fold.balances.keySet());
        for (AccountCode code : sorted(all)) {
            AccountBalance expected = fold.balances.getOrDefault(code, AccountBalance.empty(code));
            AccountBalance actual = stored.getOrDefault(code, AccountBalance.empty(code));
            if (!expected.equals(actual)) {
                problems.add("stored balance of " + code + " is " + describe(actual)
                        + " but the journal adds up to " + describe(expected));
            }
        }
        return new VerifyReport(fold.count, fold.firstBad, problems);
    }

    private static List<AccountCode> sorted(Set<AccountCode> codes) {
        List<AccountCode> list = new ArrayList<>(codes);
        list.sort(null);
        return list;
    }

    private static String describe(AccountBalance b) {
        return "debits " + b.debitsPosted().rupiah() + ", credits " + b.creditsPosted().rupiah()
                + " (pending debits " + b.debitsPending().rupiah() + ", credits " + b.creditsPending().rupiah() + ")";
    }

    private final class Fold implements LedgerView {
        private final Set<AccountCode> accounts;
        private final Map<AccountCode, AccountBalance> balances = new HashMap<>();
        private final Map<Long, JournalEntry> openPending = new HashMap<>();
        private final List<String> problems = new ArrayList<>();
        private OptionalLong firstBad = OptionalLong.empty();
        private String previousHash = EntryHash.GENESIS;
        /** Entries read; kept apart from the id expected next so a gap does not inflate the report's count. */
        private long count;
        private long expectedId = 1;

        Fold(Set<AccountCode> accounts) {
            this.accounts = accounts;
        }

        void accept(RecordedEntry recorded) {
            count++;
            long id = recorded.id();
            JournalEntry entry = recorded.entry();
            if (id != expectedId) {
                bad(id, "entry " + id + " follows entry " + (expectedId - 1)
                        + ": entries are missing or out of order");
            }
            expectedId = id + 1;
            if (!recorded.previousHash().equals(previousHash)) {
                bad(id, "entry " + id + " does not chain to the entry before it (previous hash differs)");
            }
            String expected = EntryHash.next(recorded.previousHash(), id, entry);
            if (!expected.equals(recorded.hash())) {
                bad(id, "entry " + id + " was altered after it was written (its hash does not match its contents)");
            }
            for (RuleViolation v : rules.check(entry, this)) {
                bad(id, "entry " + id + " breaks " + v);
            }
            try {
                for (Posting p : entry.postings()) {
                    balances.merge(p.account(), AccountBalance.empty(p.account()).apply(entry.kind(), p),
                            (old, ignored) -> old.apply(entry.kind(), p));
                }
            } catch (ArithmeticException overflow) {
                bad(id, "entry " + id + " makes a balance overflow");
            }
            if (entry.kind() == EntryKind.PENDING) {
                openPending.put(id, entry);
            } else if (entry.kind().resolvesPending()) {
                openPending.remove(entry.pendingOf().orElse(0));
            }
            previousHash = recorded.hash();
        }

        private void bad(long id, String problem) {
            if (firstBad.isEmpty()) {
                firstBad = OptionalLong.of(id);
            }
            problems.add(problem);
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
}
