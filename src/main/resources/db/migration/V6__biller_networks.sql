-- Biller networks that quote their cost (issue 13, Digiflazz): what the deposit pays for a payment, the answers
-- of the re-checks that stand in for a statement, and the deposit snapshots that prove the deposit.

-- What the network takes from the deposit for the payment (an aggregator's price); NULL for payments made before
-- this column existed and at the house gateway, where it is the bill plus the gateway's admin fee.
ALTER TABLE payment ADD COLUMN cost INTEGER CHECK (cost IS NULL OR (cost >= 0 AND cost <= bill_amount + gateway_fee));

-- Every answer the network gave when a payment was re-checked for reconciliation, as it came. A run uses the
-- newest final answer of each payment, so a run cut short (a crash, a cancel) resumes without asking again.
CREATE TABLE recheck (
    id          INTEGER PRIMARY KEY,
    client_ref  TEXT    NOT NULL REFERENCES payment (client_ref),
    checked_at  TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('SUCCESS', 'FAILED', 'PENDING', 'NOT_FOUND')),
    rc          TEXT    NOT NULL,
    message     TEXT    NOT NULL,
    -- What the network says it took from the deposit; NULL when it did not say.
    price       INTEGER CHECK (price IS NULL OR price >= 0),
    -- The deposit right after the transaction was created, as the network reports it with every answer.
    last_saldo  INTEGER
) STRICT;

CREATE INDEX recheck_by_ref ON recheck (client_ref, id);

-- The network's deposit as read at a moment (at a reconciliation run, or the first time the network is used),
-- with the payments then still open, so the next snapshot can be proved from the ledger.
CREATE TABLE deposit_snapshot (
    id         INTEGER PRIMARY KEY,
    network    TEXT    NOT NULL,
    taken_at   TEXT    NOT NULL,
    balance    INTEGER NOT NULL,
    -- client_refs of the payments open (SENT, SUSPECT) when it was taken, comma-separated.
    open_refs  TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX deposit_snapshot_by_network ON deposit_snapshot (network, id);

CREATE TRIGGER recheck_no_update BEFORE UPDATE ON recheck
BEGIN
    SELECT RAISE(ABORT, 're-check answers are kept as they came');
END;

CREATE TRIGGER recheck_no_delete BEFORE DELETE ON recheck
BEGIN
    SELECT RAISE(ABORT, 're-check answers are never deleted');
END;

CREATE TRIGGER deposit_snapshot_no_update BEFORE UPDATE ON deposit_snapshot
BEGIN
    SELECT RAISE(ABORT, 'deposit snapshots are kept as they were read');
END;

CREATE TRIGGER deposit_snapshot_no_delete BEFORE DELETE ON deposit_snapshot
BEGIN
    SELECT RAISE(ABORT, 'deposit snapshots are never deleted');
END;
