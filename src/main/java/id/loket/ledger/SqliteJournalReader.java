package id.loket.ledger;

import id.loket.core.Account;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.Money;
import id.loket.core.Posting;
import id.loket.core.RecordedEntry;
import id.loket.core.Side;
import id.loket.journal.JournalReader;
import id.loket.journal.LedgerException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Reads a ledger file, live or a backup: the same SQL either way, so {@code loket verify} checks a backup
 * exactly as it checks the ledger.
 */
final class SqliteJournalReader implements JournalReader {

    /** How the reader gets at a connection: the live ledger and a backup guard theirs differently. */
    interface ReadAccess {

        /** A short read. */
        <T> T read(String action, SqlWork<T> work);

        /** A read that may take long (the whole journal), best on a connection no one else waits for. */
        <T> T readLong(String action, SqlWork<T> work);
    }

    /** One row per posting, entries in id order: the shape {@link EntryRows} folds back into entries. */
    static final String ENTRY_SELECT = "SELECT e.id, e.kind, e.pending_of, e.business_day, e.created_at,"
            + " e.reference, e.memo, e.prev_hash, e.hash, p.line_no, p.account, p.side, p.amount"
            + " FROM journal_entry e LEFT JOIN posting p ON p.entry_id = e.id";

    private static final String STREAM_SQL = ENTRY_SELECT + " ORDER BY e.id, p.line_no";

    private final Path file;
    private final ReadAccess access;

    SqliteJournalReader(Path file, ReadAccess access) {
        this.file = file;
        this.access = access;
    }

    @Override
    public long entryCount() {
        return access.read("count the journal entries", c -> {
            try (ResultSet rs = c.prepare("SELECT count(*) FROM journal_entry").executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void forEachEntry(Consumer<RecordedEntry> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        access.readLong("read the journal", c -> {
            try (ResultSet rs = c.prepare(STREAM_SQL).executeQuery()) {
                EntryRows rows = new EntryRows(file);
                while (rs.next()) {
                    RecordedEntry finished = rows.add(rs);
                    if (finished != null) {
                        consumer.accept(finished);
                    }
                }
                RecordedEntry last = rows.finish();
                if (last != null) {
                    consumer.accept(last);
                }
            }
            return null;
        });
    }

    @Override
    public Map<AccountCode, AccountBalance> storedBalances() {
        return access.read("read the account balances", c -> {
            Map<AccountCode, AccountBalance> balances = new LinkedHashMap<>();
            try (ResultSet rs = c.prepare("SELECT account, debits_posted, credits_posted, debits_pending,"
                    + " credits_pending FROM account_balance ORDER BY account").executeQuery()) {
                while (rs.next()) {
                    AccountCode code = accountCode(rs.getString(1), "account_balance");
                    balances.put(code, new AccountBalance(code, Money.of(rs.getLong(2)), Money.of(rs.getLong(3)),
                            Money.of(rs.getLong(4)), Money.of(rs.getLong(5))));
                }
            }
            return balances;
        });
    }

    @Override
    public List<Account> accounts() {
        return access.read("read the accounts", c -> {
            List<Account> accounts = new ArrayList<>();
            try (ResultSet rs = c.prepare("SELECT code, type, name FROM account ORDER BY code").executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    Account.AccountType accountType;
                    try {
                        accountType = Account.AccountType.valueOf(type);
                    } catch (IllegalArgumentException e) {
                        throw altered("account " + rs.getString(1) + " has an unknown type '" + type + "'", e);
                    }
                    accounts.add(new Account(accountCode(rs.getString(1), "account"), accountType, rs.getString(3)));
                }
            }
            return accounts;
        });
    }

    @Override
    public String schemaVersion() {
        return access.read("read the schema version", c -> {
            try (ResultSet rs = c.prepare("SELECT version FROM " + LedgerFormat.HISTORY_TABLE
                    + " WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")
                    .executeQuery()) {
                return rs.next() ? rs.getString(1) : "0";
            }
        });
    }

    private AccountCode accountCode(String value, String table) {
        try {
            return AccountCode.of(value);
        } catch (IllegalArgumentException e) {
            throw altered("table " + table + " holds an invalid account code '" + value + "'", e);
        }
    }

    private LedgerException altered(String what, Exception cause) {
        return new LedgerException(file + " cannot be read: " + what + ". It was altered outside Loket: run"
                + " 'loket verify' and restore a backup with 'loket restore'.", cause);
    }

    /**
     * Folds the rows of {@link #ENTRY_SELECT} (one per posting, in id and line order) back into entries.
     * A row whose text does not parse means the file was edited by hand: that is reported with the entry id,
     * rather than as a bare parse error.
     */
    static final class EntryRows {
        private final Path file;
        private long id;
        private EntryKind kind;
        private OptionalLong pendingOf;
        private LocalDate businessDay;
        private Instant createdAt;
        private String reference;
        private String memo;
        private String previousHash;
        private String hash;
        private final List<Posting> postings = new ArrayList<>();
        private boolean started;

        EntryRows(Path file) {
            this.file = file;
        }

        /** Takes the next row; returns the previous entry once a row of the next one arrives. */
        RecordedEntry add(ResultSet rs) throws SQLException {
            long rowId = rs.getLong(1);
            RecordedEntry finished = null;
            if (started && rowId != id) {
                finished = finish();
            }
            if (!started) {
                start(rowId, rs);
            }
            rs.getLong(10);
            if (!rs.wasNull()) {
                postings.add(posting(rs));
            }
            return finished;
        }

        /** The entry being folded, if any. */
        RecordedEntry finish() {
            if (!started) {
                return null;
            }
            started = false;
            JournalEntry entry = JournalEntry.restored(kind, pendingOf, businessDay, createdAt, reference, memo,
                    postings);
            postings.clear();
            return new RecordedEntry(id, entry, previousHash, hash);
        }

        private void start(long rowId, ResultSet rs) throws SQLException {
            id = rowId;
            try {
                kind = EntryKind.valueOf(rs.getString(2));
                long pending = rs.getLong(3);
                pendingOf = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(pending);
                businessDay = LocalDate.parse(rs.getString(4));
                createdAt = Instant.parse(rs.getString(5));
            } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
                throw unreadable(e);
            }
            reference = rs.getString(6);
            memo = rs.getString(7);
            previousHash = rs.getString(8);
            hash = rs.getString(9);
            started = true;
        }

        private Posting posting(ResultSet rs) throws SQLException {
            try {
                return new Posting(AccountCode.of(rs.getString(11)), Side.valueOf(rs.getString(12)),
                        Money.of(rs.getLong(13)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw unreadable(e);
            }
        }

        private LedgerException unreadable(RuntimeException cause) {
            return new LedgerException(file + " cannot be read: journal entry " + id + " holds a value Loket"
                    + " never writes (" + cause.getMessage() + "). It was altered outside Loket: run 'loket"
                    + " verify' and restore a backup with 'loket restore'.", cause);
        }
    }
}
