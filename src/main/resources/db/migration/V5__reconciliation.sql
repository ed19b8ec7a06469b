-- Nightly reconciliation against the gateway's settlement (DESIGN.md, "Reconciliation"; issue 6).
--
-- A run is stored with its items and never changed: a re-run of a day is a new run. What the owner adds
-- (resolutions, sign-offs) is appended beside the runs. Only differences are stored as items; matched payments
-- are counted in their run.

CREATE TABLE recon_run (
    id                INTEGER PRIMARY KEY,
    business_day      TEXT    NOT NULL,
    started_at        TEXT    NOT NULL,
    finished_at       TEXT    NOT NULL,
    trigger_kind      TEXT    NOT NULL CHECK (trigger_kind IN ('SCHEDULE', 'CATCH_UP', 'COMMAND', 'MANUAL')),
    operator          TEXT,
    outcome           TEXT    NOT NULL CHECK (outcome IN ('RECONCILED', 'FAILED')),
    failure           TEXT,
    matched           INTEGER NOT NULL CHECK (matched >= 0),
    gateway_count     INTEGER NOT NULL CHECK (gateway_count >= 0),
    ledger_count      INTEGER NOT NULL CHECK (ledger_count >= 0),
    gateway_total     INTEGER NOT NULL,
    opening_balance   INTEGER,
    movements         INTEGER,
    closing_balance   INTEGER,
    items             INTEGER NOT NULL CHECK (items >= 0),
    open_items        INTEGER NOT NULL CHECK (open_items >= 0),
    changes           TEXT    NOT NULL,
    CHECK ((outcome = 'FAILED') = (failure IS NOT NULL)),
    CHECK ((opening_balance IS NULL) = (closing_balance IS NULL) AND (opening_balance IS NULL) = (movements IS NULL))
) STRICT;

CREATE INDEX recon_run_by_day ON recon_run (business_day, id);

CREATE TABLE recon_item (
    run_id         INTEGER NOT NULL REFERENCES recon_run (id),
    line_no        INTEGER NOT NULL CHECK (line_no >= 1),
    kind           TEXT    NOT NULL,
    client_ref     TEXT,
    ledger_amount  INTEGER,
    gateway_amount INTEGER,
    ledger_status  TEXT,
    gateway_status TEXT,
    biller         TEXT,
    reference      TEXT,
    detail         TEXT    NOT NULL,
    PRIMARY KEY (run_id, line_no)
) STRICT, WITHOUT ROWID;

-- Resolutions belong to the day and the item's key (kind:client_ref), so they hold for the same item in re-runs.
CREATE TABLE recon_resolution (
    id           INTEGER PRIMARY KEY,
    business_day TEXT NOT NULL,
    item_key     TEXT NOT NULL,
    operator     TEXT NOT NULL,
    at           TEXT NOT NULL,
    note         TEXT NOT NULL CHECK (length(note) >= 1)
) STRICT;

CREATE INDEX recon_resolution_by_day ON recon_resolution (business_day);

CREATE TABLE recon_signoff (
    id           INTEGER PRIMARY KEY,
    business_day TEXT    NOT NULL,
    run_id       INTEGER NOT NULL REFERENCES recon_run (id),
    operator     TEXT    NOT NULL,
    at           TEXT    NOT NULL,
    note         TEXT    NOT NULL
) STRICT;

CREATE INDEX recon_signoff_by_day ON recon_signoff (business_day);

-- The deposit check sums a day's top-ups; the daily recap reads a day's payments (payment_by_day exists).
CREATE INDEX journal_entry_by_day ON journal_entry (business_day);

CREATE TRIGGER recon_run_no_update BEFORE UPDATE ON recon_run
BEGIN
    SELECT RAISE(ABORT, 'reconciliation runs are kept as they ran: run the day again instead');
END;

CREATE TRIGGER recon_run_no_delete BEFORE DELETE ON recon_run
BEGIN
    SELECT RAISE(ABORT, 'reconciliation runs are never deleted');
END;

CREATE TRIGGER recon_item_no_update BEFORE UPDATE ON recon_item
BEGIN
    SELECT RAISE(ABORT, 'reconciliation items are kept as found: resolve them with a note instead');
END;

CREATE TRIGGER recon_item_no_delete BEFORE DELETE ON recon_item
BEGIN
    SELECT RAISE(ABORT, 'reconciliation items are never deleted');
END;

CREATE TRIGGER recon_resolution_no_update BEFORE UPDATE ON recon_resolution
BEGIN
    SELECT RAISE(ABORT, 'resolutions are append-only: add a new one instead');
END;

CREATE TRIGGER recon_resolution_no_delete BEFORE DELETE ON recon_resolution
BEGIN
    SELECT RAISE(ABORT, 'resolutions are append-only');
END;

CREATE TRIGGER recon_signoff_no_update BEFORE UPDATE ON recon_signoff
BEGIN
    SELECT RAISE(ABORT, 'sign-offs are append-only');
END;

CREATE TRIGGER recon_signoff_no_delete BEFORE DELETE ON recon_signoff
BEGIN
    SELECT RAISE(ABORT, 'sign-offs are append-only');
END;
