-- Non-cash money through a real payment gateway and the shop's own static QRIS (issue 14).

-- Which bank or wallet a gateway charge is taken by (bca, bni, bri, permata, mandiri, gopay, qris, link); NULL for
-- payments made before this column existed, at the house gateway's defaults.
ALTER TABLE payment ADD COLUMN charge_channel TEXT CHECK (charge_channel IS NULL OR charge_channel IN ('qris', 'gopay',
    'bca', 'bni', 'bri', 'permata', 'mandiri', 'link'));
-- A Mandiri bill's biller code (70012), shown beside its bill key (charge_va).
ALTER TABLE payment ADD COLUMN charge_biller_code TEXT;

-- Recovery looks up the charges asked for whose answer never came (a crash, a lost answer).
CREATE INDEX payment_new ON payment (state) WHERE state = 'NEW';

-- The shop's own QRIS: the customer pays the shop's bank directly and the clerk confirms it by sight.
INSERT INTO account (code, type, name) VALUES ('qris_static', 'ASSET', 'The shop''s own QRIS (confirmed by the clerk)');
INSERT INTO account_balance (account) VALUES ('qris_static');

-- Every signed status the reconciliation read for a payment's charge, as it came; a run uses the newest answer, so a
-- run cut short resumes without asking again.
CREATE TABLE charge_check (
    id          INTEGER PRIMARY KEY,
    client_ref  TEXT    NOT NULL REFERENCES payment (client_ref),
    checked_at  TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('PENDING', 'PAID', 'EXPIRED', 'CANCELLED', 'REVERSED',
                                                   'NOT_FOUND')),
    amount      INTEGER CHECK (amount IS NULL OR amount >= 0)
) STRICT;

CREATE INDEX charge_check_by_ref ON charge_check (client_ref, id);

CREATE TRIGGER charge_check_no_update BEFORE UPDATE ON charge_check
BEGIN
    SELECT RAISE(ABORT, 'charge checks are append-only: an answer cannot be changed');
END;

CREATE TRIGGER charge_check_no_delete BEFORE DELETE ON charge_check
BEGIN
    SELECT RAISE(ABORT, 'charge checks are append-only: an answer cannot be deleted');
END;

-- A new payment method, STATIC_QRIS. SQLite cannot alter a CHECK constraint; widening one (every existing row still
-- satisfies it) is the documented "simpler procedure" of https://sqlite.org/lang_altertable.html §7: rewrite the
-- table's text in the schema. It runs last, after every ALTER TABLE above (which edit the same text); the index
-- after it changes the schema cookie, so every connection reads the schema again. NonCashMigrationTest proves the
-- new CHECK holds on a ledger made before it.
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql, '''EWALLET'', ''PAYMENT_LINK'')',
                                            '''EWALLET'', ''PAYMENT_LINK'', ''STATIC_QRIS'')')
    WHERE type = 'table' AND name = 'payment';
PRAGMA writable_schema = OFF;

CREATE INDEX payment_by_method ON payment (method, business_day);
