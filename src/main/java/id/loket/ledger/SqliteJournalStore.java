package id.loket.ledger;

import id.loket.core.Account;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.EntryHash;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRuleException;
import id.loket.core.JournalRules;
import id.loket.core.LedgerView;
import id.loket.core.Money;
import id.loket.core.Posting;
import id.loket.core.RecordedEntry;
import id.loket.core.RuleViolation;
import id.loket.journal.JournalStore;
import id.loket.journal.LedgerException;
import id.loket.journal.OpenedLedger;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The journal in SQLite. An append is one {@code BEGIN IMMEDIATE} transaction on the single writer
 * connection: the rules are checked against the ledger as it stands inside that transaction (so nothing can
 * slip in between the check and the write), the entry gets the next id and its place in the hash chain, the
 * stored balances move with it, and the commit returns only once the WAL is synced ({@code synchronous=FULL}).
 * Any failure rolls the whole entry back.
 */
public final class SqliteJournalStore implements JournalStore {

    private static final String LAST_ENTRY = "SELECT id, hash FROM journal_entry ORDER BY id DESC LIMIT 1";
    private static final String INSERT_ENTRY = "INSERT INTO journal_entry (id, kind, pending_of, business_day,"
            + " created_at, reference, memo, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_POSTING =
            "INSERT INTO posting (entry_id, line_no, account, side, amount) VALUES (?, ?, ?, ?, ?)";
    private static final String SELECT_BALANCE = "SELECT debits_posted, credits_posted, debits_pending,"
            + " credits_pending FROM account_balance WHERE account = ?";
    private static final String UPSERT_BALANCE = "INSERT INTO account_balance (account, debits_posted,"
            + " credits_posted, debits_pending, credits_pending) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (account) DO UPDATE SET debits_posted = excluded.debits_posted,"
            + " credits_posted = excluded.credits_posted, debits_pending = excluded.debits_pending,"
            + " credits_pending = excluded.credits_pending";
    private static final String ACCOUNT_EXISTS = "SELECT 1 FROM account WHERE code = ?";
    private static final String OPEN_PENDING = SqliteJournalReader.ENTRY_SELECT
            + " WHERE e.id = ? AND e.kind = 'PENDING'"
            + " AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.pending_of = e.id)"
            + " ORDER BY p.line_no";

    private final SqliteConnections connections;
    private final SqliteJournalReader reader;

    SqliteJournalStore(SqliteConnections connections) {
        this.connections = connections;
        this.reader = new SqliteJournalReader(connections.file(), new LiveAccess(connections));
    }

    @Override
    public RecordedEntry append(JournalEntry entry, JournalRules rules) {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(rules, "rules");
        return connections.write("write the journal entry", c -> {
            c.execute("BEGIN IMMEDIATE");
            try {
                RecordedEntry recorded = appendInTransaction(c, entry, rules);
                c.execute("COMMIT");
                return recorded;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            }
        });
    }

    @Override
    public OpenedLedger snapshot() {
        return LiveSnapshot.open(connections);
    }

    /**
     * Adds an account to the chart of accounts, with an empty balance, if it is not there yet; e.g. the cash
     * drawer of a new shift ({@code cash_drawer:shift-42}). Not part of the {@link JournalStore} port (yet).
     *
     * @throws LedgerException when an account with this code exists with another type
     */
    public void openAccount(Account account) {
        Objects.requireNonNull(account, "account");
        connections.write("open account " + account.code(), c -> {
            c.execute("BEGIN IMMEDIATE");
            try {
                openAccountWithin(c, account);
                c.execute("COMMIT");
                return null;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            }
        });
    }

    /**
     * {@link #openAccount}, inside a transaction the caller holds on the writer (e.g. a new shift's row and its
     * drawer account, committed together).
     */
    void openAccountWithin(CachedConnection c, Account account) throws SQLException {
        PreparedStatement type = c.prepare("SELECT type FROM account WHERE code = ?");
        type.setString(1, account.code().value());
        String existing;
        try (ResultSet rs = type.executeQuery()) {
            existing = rs.next() ? rs.getString(1) : null;
        }
        if (existing != null && !existing.equals(account.type().name())) {
            throw new LedgerException("Account " + account.code() + " already exists as " + existing
                    + ", not " + account.type() + ": choose another code; nothing was written.");
        }
        if (existing == null) {
            PreparedStatement insert = c.prepare("INSERT INTO account (code, type, name) VALUES (?, ?, ?)");
            insert.setString(1, account.code().value());
            insert.setString(2, account.type().name());
            insert.setString(3, account.name());
            insert.executeUpdate();
            PreparedStatement balance = c.prepare("INSERT INTO account_balance (account) VALUES (?)");
            balance.setString(1, account.code().value());
            balance.executeUpdate();
        }
    }

    /**
     * Appends {@code entry} inside a transaction the caller holds on the writer ({@link SqliteConnections#transaction}),
     * so a store can change its own rows and write the journal entry of that change atomically. The same rules, ids,
     * hash chain and balances as {@link #append}; the caller commits or rolls back.
     */
    RecordedEntry appendWithin(CachedConnection c, JournalEntry entry, JournalRules rules) throws SQLException {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(rules, "rules");
        return appendInTransaction(c, entry, rules);
    }

    @Override
    public long entryCount() {
        return reader.entryCount();
    }

    @Override
    public void forEachEntry(Consumer<RecordedEntry> consumer) {
        reader.forEachEntry(consumer);
    }

    @Override
    public Map<AccountCode, AccountBalance> storedBalances() {
        return reader.storedBalances();
    }

    @Override
    public List<Account> accounts() {
        return reader.accounts();
    }

    @Override
    public String schemaVersion() {
        return reader.schemaVersion();
    }

    private RecordedEntry appendInTransaction(CachedConnection c, JournalEntry entry, JournalRules rules)
            throws SQLException {
        rules.enforce(entry, new TransactionView(c, connections.file()));

        long lastId = 0;
        String previousHash = EntryHash.GENESIS;
        try (ResultSet rs = c.prepare(LAST_ENTRY).executeQuery()) {
            if (rs.next()) {
                lastId = rs.getLong(1);
                previousHash = rs.getString(2);
            }
        }
        long id = Math.addExact(lastId, 1);
        String hash = EntryHash.next(previousHash, id, entry);
        Map<AccountCode, AccountBalance> balances = applyToBalances(c, entry);

        PreparedStatement insert = c.prepare(INSERT_ENTRY);
        insert.setLong(1, id);
        insert.setString(2, entry.kind().name());
        if (entry.pendingOf().isPresent()) {
            insert.setLong(3, entry.pendingOf().getAsLong());
        } else {
            insert.setNull(3, Types.INTEGER);
        }
        insert.setString(4, entry.businessDay().toString());
        // Instant.toString round-trips through Instant.parse exactly, so the hash recomputes on read.
        insert.setString(5, entry.createdAt().toString());
        insert.setString(6, entry.reference());
        insert.setString(7, entry.memo());
        insert.setString(8, previousHash);
        insert.setString(9, hash);
        insert.executeUpdate();

        PreparedStatement posting = c.prepare(INSERT_POSTING);
        int line = 0;
        for (Posting p : entry.postings()) {
            posting.setLong(1, id);
            posting.setInt(2, ++line);
            posting.setString(3, p.account().value());
            posting.setString(4, p.side().name());
            posting.setLong(5, p.amount().rupiah());
            posting.executeUpdate();
        }

        PreparedStatement upsert = c.prepare(UPSERT_BALANCE);
        for (AccountBalance b : balances.values()) {
            upsert.setString(1, b.account().value());
            upsert.setLong(2, b.debitsPosted().rupiah());
            upsert.setLong(3, b.creditsPosted().rupiah());
            upsert.setLong(4, b.debitsPending().rupiah());
            upsert.setLong(5, b.creditsPending().rupiah());
            upsert.executeUpdate();
        }
        return new RecordedEntry(id, entry, previousHash, hash);
    }

    /** Each touched account's balance after the entry, read once per account within the transaction. */
    private static Map<AccountCode, AccountBalance> applyToBalances(CachedConnection c, JournalEntry entry)
            throws SQLException {
        Map<AccountCode, AccountBalance> balances = new LinkedHashMap<>();
        for (Posting p : entry.postings()) {
            AccountBalance current = balances.get(p.account());
            if (current == null) {
                current = storedBalance(c, p.account());
            }
            try {
                balances.put(p.account(), current.apply(entry.kind(), p));
            } catch (ArithmeticException overflow) {
                throw new JournalRuleException(List.of(new RuleViolation("BalanceWithinRange",
                        "the entry would make the balance of " + p.account() + " overflow")));
            }
        }
        return balances;
    }

    private static AccountBalance storedBalance(CachedConnection c, AccountCode account) throws SQLException {
        PreparedStatement select = c.prepare(SELECT_BALANCE);
        select.setString(1, account.value());
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return AccountBalance.empty(account);
            }
            return new AccountBalance(account, Money.of(rs.getLong(1)), Money.of(rs.getLong(2)),
                    Money.of(rs.getLong(3)), Money.of(rs.getLong(4)));
        }
    }

    /**
     * Ends the failed transaction. A statement of its own, not a cached one: the failure may have left the
     * cached statements unusable (see {@link CachedConnection#forgetStatements}).
     */
    private static void rollback(CachedConnection c, Throwable failure) {
        try (Statement statement = c.raw().createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite has already rolled back after some errors (a full disk, an I/O error) and then says "no
            // transaction is active"; the first failure is the one to report, this one travels with it.
            failure.addSuppressed(e);
        }
    }

    /** The ledger as the rules see it, answered from inside the append's transaction. */
    private static final class TransactionView implements LedgerView {
        private final CachedConnection c;
        private final Path file;

        TransactionView(CachedConnection c, Path file) {
            this.c = c;
            this.file = file;
        }

        @Override
        public boolean accountExists(AccountCode account) {
            try {
                PreparedStatement exists = c.prepare(ACCOUNT_EXISTS);
                exists.setString(1, account.value());
                try (ResultSet rs = exists.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw SqliteErrors.onWrite("check the accounts of the journal entry", file, e);
            }
        }

        @Override
        public Optional<JournalEntry> openPending(long entryId) {
            try {
                PreparedStatement select = c.prepare(OPEN_PENDING);
                select.setLong(1, entryId);
                try (ResultSet rs = select.executeQuery()) {
                    SqliteJournalReader.EntryRows rows = new SqliteJournalReader.EntryRows(file);
                    while (rs.next()) {
                        rows.add(rs);
                    }
                    RecordedEntry pending = rows.finish();
                    return pending == null ? Optional.empty() : Optional.of(pending.entry());
                }
            } catch (SQLException e) {
                throw SqliteErrors.onWrite("look up pending entry " + entryId, file, e);
            }
        }
    }

    /** The live ledger: short reads share the reader, the whole-journal stream gets a connection of its own. */
    private static final class LiveAccess implements SqliteJournalReader.ReadAccess {
        private final SqliteConnections connections;

        LiveAccess(SqliteConnections connections) {
            this.connections = connections;
        }

        @Override
        public <T> T read(String action, SqlWork<T> work) {
            return connections.read(action, work);
        }

        @Override
        public <T> T readLong(String action, SqlWork<T> work) {
            return connections.readAlone(action, work);
        }
    }
}
