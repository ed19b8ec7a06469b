-- The double-entry, append-only journal (DESIGN.md, "Money and the ledger").
--
-- Marks the file as a Loket ledger (0x4C4B4554, "LKET"), so Loket can tell its own ledger from any other
-- SQLite file before it changes anything. The Java side checks the same number (LedgerFormat).
PRAGMA application_id = 1280001364;

-- STRICT tables: a money column that is declared INTEGER can never hold text or a real number.
CREATE TABLE account (
    code TEXT NOT NULL PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    name TEXT NOT NULL
) STRICT;

CREATE TABLE journal_entry (
    -- Given by the store (last id + 1), never reused: the id is part of the hash chain.
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('POSTED', 'PENDING', 'POST_PENDING', 'VOID_PENDING')),
    pending_of   INTEGER REFERENCES journal_entry (id),
    business_day TEXT    NOT NULL,
    -- java.time.Instant.toString(): read back with Instant.parse, so the hash recomputes identically.
    created_at   TEXT    NOT NULL,
    reference    TEXT    NOT NULL,
    memo         TEXT    NOT NULL,
    -- No UNIQUE on hash: the chain already makes every hash depend on all before it, and an index on a
    -- random 64-character key would add a page write to every append.
    prev_hash    TEXT    NOT NULL,
    hash         TEXT    NOT NULL,
    CHECK ((kind IN ('POST_PENDING', 'VOID_PENDING')) = (pending_of IS NOT NULL))
) STRICT;

CREATE TABLE posting (
    entry_id INTEGER NOT NULL REFERENCES journal_entry (id),
    line_no  INTEGER NOT NULL CHECK (line_no >= 1),
    account  TEXT    NOT NULL REFERENCES account (code),
    side     TEXT    NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    amount   INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (entry_id, line_no)
) STRICT, WITHOUT ROWID;

-- The balances derived from the postings, updated by every append in the same transaction so screens need
-- not add up the whole journal; 'loket verify' recomputes them and compares.
CREATE TABLE account_balance (
    account         TEXT    NOT NULL PRIMARY KEY REFERENCES account (code),
    debits_posted   INTEGER NOT NULL DEFAULT 0 CHECK (debits_posted >= 0),
    credits_posted  INTEGER NOT NULL DEFAULT 0 CHECK (credits_posted >= 0),
    debits_pending  INTEGER NOT NULL DEFAULT 0 CHECK (debits_pending >= 0),
    credits_pending INTEGER NOT NULL DEFAULT 0 CHECK (credits_pending >= 0)
) STRICT, WITHOUT ROWID;

-- A reservation is posted or voided once: a second resolving entry fails here even if a rule were skipped.
CREATE UNIQUE INDEX journal_entry_resolves_once ON journal_entry (pending_of) WHERE pending_of IS NOT NULL;
-- No other index yet (business_day, reference, posting(account)): every index is one more page each append
-- has to sync, and no query needs them so far; the feature whose query does adds its index in its own migration.

-- Nothing written to the journal is ever changed or removed: corrections are new entries.
CREATE TRIGGER journal_entry_no_update BEFORE UPDATE ON journal_entry
BEGIN
    SELECT RAISE(ABORT, 'journal is append-only: a journal entry cannot be changed; post a correcting entry instead');
END;

CREATE TRIGGER journal_entry_no_delete BEFORE DELETE ON journal_entry
BEGIN
    SELECT RAISE(ABORT, 'journal is append-only: a journal entry cannot be deleted; post a correcting entry instead');
END;

CREATE TRIGGER posting_no_update BEFORE UPDATE ON posting
BEGIN
    SELECT RAISE(ABORT, 'journal is append-only: a posting cannot be changed; post a correcting entry instead');
END;

CREATE TRIGGER posting_no_delete BEFORE DELETE ON posting
BEGIN
    SELECT RAISE(ABORT, 'journal is append-only: a posting cannot be deleted; post a correcting entry instead');
END;

INSERT INTO account (code, type, name) VALUES
    ('cash_drawer', 'ASSET', 'Cash drawer'),
    ('gateway_deposit', 'ASSET', 'Gateway deposit'),
    ('customer_clearing', 'ASSET', 'Customer clearing (non-cash charges)'),
    ('admin_fee_income', 'INCOME', 'Admin fee income'),
    ('refunds_due', 'LIABILITY', 'Refunds due'),
    ('owner_equity', 'EQUITY', 'Owner equity');

INSERT INTO account_balance (account) SELECT code FROM account;
