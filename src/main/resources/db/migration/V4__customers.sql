-- Regular customers (DESIGN.md, "Users"; issue 5): registered with name, NIK and phone, verified by an SMS code
-- through the gateway; their saved references; and which payment was made for which customer.
--
-- The NIK is kept in full: the owner may see it, and a second registration of the same person must be refused.
-- Loket never logs it (id.loket.customers.Nik).

CREATE TABLE customer (
    -- Given by the store (last id + 1), like shift ids.
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    nik         TEXT    NOT NULL UNIQUE CHECK (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*'),
    -- The birth date the NIK encodes, with its century (the NIK's two-digit year alone does not say it).
    birth_date  TEXT    NOT NULL,
    -- E.164, "+628…".
    phone       TEXT    NOT NULL CHECK (phone GLOB '+628[0-9]*' AND length(phone) BETWEEN 12 AND 15),
    email       TEXT,
    address     TEXT,
    status      TEXT    NOT NULL CHECK (status IN ('UNVERIFIED', 'VERIFIED')),
    created_at  TEXT    NOT NULL,
    verified_at TEXT,
    CHECK ((status = 'VERIFIED') = (verified_at IS NOT NULL))
) STRICT;

CREATE INDEX customer_by_name ON customer (name COLLATE NOCASE);

-- The last code sent to a customer and not used yet: the gateway's otp_id, so that the code can be typed in
-- another command or screen. The code itself stays with the gateway.
CREATE TABLE customer_otp (
    customer_id  INTEGER NOT NULL PRIMARY KEY REFERENCES customer (id),
    otp_id       TEXT    NOT NULL,
    requested_at TEXT    NOT NULL,
    expires_at   TEXT    NOT NULL
) STRICT;

-- Bills a customer pays again and again, offered when the customer is picked at the counter.
CREATE TABLE customer_reference (
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    biller      TEXT    NOT NULL,
    reference   TEXT    NOT NULL,
    label       TEXT,
    saved_at    TEXT    NOT NULL,
    PRIMARY KEY (customer_id, biller, reference)
) STRICT;

-- The customer a payment was made for, written in the payment's own transaction. A table of its own so that the
-- payment row, and everything that reads it, stays as it was.
CREATE TABLE payment_customer (
    client_ref  TEXT    NOT NULL PRIMARY KEY REFERENCES payment (client_ref),
    customer_id INTEGER NOT NULL REFERENCES customer (id)
) STRICT;

CREATE INDEX payment_customer_by_customer ON payment_customer (customer_id);
