package id.loket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.Account;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.EntryHash;
import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRuleException;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.Posting;
import id.loket.core.RecordedEntry;
import id.loket.journal.JournalStore;
import id.loket.journal.LedgerException;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.OpenedLedger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJournalStoreTest {

    private static final JournalRules RULES = JournalRules.standard();

    @TempDir
    Path dir;

    @Test
    void anEntryWithThreePostingsIsReadBackEqualAndChainedToGenesis() {
        JournalEntry entry = JournalEntry.posted(Entries.DAY, Instant.parse("2025-03-14T03:15:09.123456789Z"),
                "CR-20250314-0001", "PLN 5123|45;67,8\\ tagihan\nMaret — Rp 152.500", Entries.cashPayment(150_000, 2_500));
        RecordedEntry written;
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            written = db.journal().append(entry, RULES);
        }

        assertThat(written.id()).isEqualTo(1);
        assertThat(written.previousHash()).isEqualTo(EntryHash.GENESIS);
        assertThat(written.hash()).isEqualTo(EntryHash.next(EntryHash.GENESIS, 1, entry));
        try (LedgerDatabase reopened = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            List<RecordedEntry> read = readAll(reopened.journal());
            assertThat(read).containsExactly(written);
            assertThat(read.get(0).entry()).isEqualTo(entry);
            assertThat(reopened.journal().entryCount()).isEqualTo(1);
            assertThat(reopened.journal().schemaVersion()).isEqualTo(LedgerSchema.fromClassPath().newestKnown().getVersion());
        }
    }

    @Test
    void appendMovesTheStoredBalancesOfEveryPostedAccount() {
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            db.journal().append(Entries.payment(0), RULES);
            db.journal().append(Entries.payment(0), RULES);

            Map<AccountCode, AccountBalance> balances = db.journal().storedBalances();
            assertThat(balances.get(AccountCode.CASH_DRAWER).postedNet()).isEqualTo(Money.of(305_000));
            assertThat(balances.get(AccountCode.GATEWAY_DEPOSIT).creditsPosted()).isEqualTo(Money.of(300_000));
            assertThat(balances.get(AccountCode.ADMIN_FEE_INCOME).creditsPosted()).isEqualTo(Money.of(5_000));
            assertThat(new LedgerVerifier(RULES).verify(db.journal()).sound()).isTrue();
        }
    }

    @Test
    void aSnapshotKeepsEntriesAndBalancesOfOneInstantWhileAppendsGoOn() {
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            db.journal().append(Entries.payment(0), RULES);
            try (OpenedLedger snapshot = db.journal().snapshot()) {
                db.journal().append(Entries.payment(1), RULES);
                db.journal().append(Entries.payment(2), RULES);

                assertThat(snapshot.entryCount()).isEqualTo(1);
                assertThat(snapshot.storedBalances().get(AccountCode.CASH_DRAWER).postedNet())
                        .isEqualTo(Money.of(152_500));
                assertThat(new LedgerVerifier(RULES).verify(snapshot).sound()).isTrue();
            }
            assertThat(db.journal().entryCount()).isEqualTo(3);
        }
    }

    @Test
    void theSeededChartOfAccountsIsThere() {
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            assertThat(db.journal().accounts()).extracting(Account::code).containsExactlyInAnyOrder(
                    AccountCode.CASH_DRAWER, AccountCode.GATEWAY_DEPOSIT, AccountCode.CUSTOMER_CLEARING,
                    AccountCode.ADMIN_FEE_INCOME, AccountCode.REFUNDS_DUE, AccountCode.OWNER_EQUITY,
                    AccountCode.of("cash_over_short"), AccountCode.QRIS_STATIC);
            assertThat(db.journal().accounts()).filteredOn(a -> a.code().equals(AccountCode.ADMIN_FEE_INCOME))
                    .extracting(Account::type).containsExactly(Account.AccountType.INCOME);
        }
    }

    @Test
    void anUnbalancedEntryIsRefusedNamingTheRuleAndNothingIsWritten() {
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            JournalStore journal = db.journal();
            Map<AccountCode, AccountBalance> before = journal.storedBalances();
            JournalEntry unbalanced = JournalEntry.posted(Entries.DAY, Entries.AT, "BAD", "", List.of(
                    Posting.debit(AccountCode.CASH_DRAWER, Money.of(152_500)),
                    Posting.credit(AccountCode.GATEWAY_DEPOSIT, Money.of(150_000))));

            assertThatThrownBy(() -> journal.append(unbalanced, RULES))
                    .isInstanceOf(JournalRuleException.class)
                    .hasMessageContaining("DebitsEqualCredits");

            assertThat(journal.entryCount()).isZero();
            assertThat(journal.storedBalances()).isEqualTo(before);
            assertThat(journal.append(Entries.payment(1), RULES).id()).isEqualTo(1);
        }
    }

    @Test
    void anEntryOnAnUnknownAccountIsRefusedUntilTheAccountIsOpened() {
        AccountCode drawer = AccountCode.CASH_DRAWER.qualified("shift-42");
        JournalEntry entry = JournalEntry.posted(Entries.DAY, Entries.AT, "SHIFT-42", "opening float", List.of(
                Posting.debit(drawer, Money.of(500_000)),
                Posting.credit(AccountCode.OWNER_EQUITY, Money.of(500_000))));
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            SqliteJournalStore journal = (SqliteJournalStore) db.journal();
            assertThatThrownBy(() -> journal.append(entry, RULES)).hasMessageContaining("KnownAccounts");

            journal.openAccount(new Account(drawer, Account.AccountType.ASSET, "Cash drawer, shift 42"));
            journal.openAccount(new Account(drawer, Account.AccountType.ASSET, "Cash drawer, shift 42"));

            journal.append(entry, RULES);
            assertThat(journal.storedBalances().get(drawer).postedNet()).isEqualTo(Money.of(500_000));
            assertThatThrownBy(() -> journal.openAccount(new Account(drawer, Account.AccountType.INCOME, "x")))
                    .isInstanceOf(LedgerException.class).hasMessageContaining("already exists as ASSET");
        }
    }

    @Test
    void aPostedReservationMovesFromPendingToPostedAndCannotBeResolvedAgain() {
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            JournalStore journal = db.journal();
            JournalEntry reserve = Entries.reservation("CR-1", 100_000);
            long pendingId = journal.append(reserve, RULES).id();

            AccountBalance reserved = journal.storedBalances().get(AccountCode.CUSTOMER_CLEARING);
            assertThat(reserved.debitsPending()).isEqualTo(Money.of(100_000));
            assertThat(reserved.debitsPosted()).isEqualTo(Money.ZERO);

            journal.append(Entries.resolving(EntryKind.POST_PENDING, pendingId, reserve), RULES);

            AccountBalance clearing = journal.storedBalances().get(AccountCode.CUSTOMER_CLEARING);
            AccountBalance deposit = journal.storedBalances().get(AccountCode.GATEWAY_DEPOSIT);
            assertThat(clearing).isEqualTo(new AccountBalance(AccountCode.CUSTOMER_CLEARING, Money.of(100_000),
                    Money.ZERO, Money.ZERO, Money.ZERO));
            assertThat(deposit).isEqualTo(new AccountBalance(AccountCode.GATEWAY_DEPOSIT, Money.ZERO,
                    Money.of(100_000), Money.ZERO, Money.ZERO));

            assertThatThrownBy(() -> journal.append(Entries.resolving(EntryKind.VOID_PENDING, pendingId, reserve), RULES))
                    .isInstanceOf(JournalRuleException.class)
                    .hasMessageContaining("ResolvesOpenPending");
            assertThatThrownBy(() -> journal.append(Entries.resolving(EntryKind.POST_PENDING, pendingId, reserve), RULES))
                    .isInstanceOf(JournalRuleException.class);
            assertThat(journal.entryCount()).isEqualTo(2);
            assertThat(new LedgerVerifier(RULES).verify(journal).sound()).isTrue();
        }
    }

    @Test
    void aVoidedReservationLeavesNoBalanceAndCannotBeResolvedAgain() {
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            JournalStore journal = db.journal();
            JournalEntry reserve = Entries.reservation("CR-2", 75_000);
            long pendingId = journal.append(reserve, RULES).id();

            journal.append(Entries.resolving(EntryKind.VOID_PENDING, pendingId, reserve), RULES);

            assertThat(journal.storedBalances().get(AccountCode.CUSTOMER_CLEARING))
                    .isEqualTo(AccountBalance.empty(AccountCode.CUSTOMER_CLEARING));
            assertThat(journal.storedBalances().get(AccountCode.GATEWAY_DEPOSIT))
                    .isEqualTo(AccountBalance.empty(AccountCode.GATEWAY_DEPOSIT));
            assertThatThrownBy(() -> journal.append(Entries.resolving(EntryKind.POST_PENDING, pendingId, reserve), RULES))
                    .isInstanceOf(JournalRuleException.class)
                    .hasMessageContaining("not an open pending entry");
            assertThat(journal.entryCount()).isEqualTo(2);
        }
    }

    @Test
    void appendsFromManyThreadsGetConsecutiveIdsAndAChainThatVerifies() throws Exception {
        int threads = 4;
        int perThread = 25;
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int base = t * perThread;
                    results.add(pool.submit(() -> {
                        start.await();
                        List<Long> ids = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            ids.add(db.journal().append(Entries.payment(base + i), RULES).id());
                        }
                        return ids;
                    }));
                }
                start.countDown();
                List<Long> ids = new ArrayList<>();
                for (Future<List<Long>> f : results) {
                    ids.addAll(f.get(60, TimeUnit.SECONDS));
                }
                assertThat(ids).hasSize(threads * perThread).doesNotHaveDuplicates()
                        .allMatch(id -> id >= 1 && id <= threads * perThread);
            } finally {
                pool.shutdownNow();
            }
            var report = new LedgerVerifier(RULES).verify(db.journal());
            assertThat(report.problems()).isEmpty();
            assertThat(report.entries()).isEqualTo(threads * perThread);
        }
    }

    @Test
    void theJournalRefusesWorkOnceTheDatabaseIsClosed() {
        LedgerDatabase db = LedgerDatabase.open(dir.resolve("ledger.db"));
        JournalStore journal = db.journal();
        db.close();

        assertThatThrownBy(() -> journal.append(Entries.payment(1), RULES))
                .isInstanceOf(LedgerException.class).hasMessageContaining("is closed");
    }

    static List<RecordedEntry> readAll(id.loket.journal.JournalReader reader) {
        List<RecordedEntry> entries = new ArrayList<>();
        reader.forEachEntry(entries::add);
        return entries;
    }
}
