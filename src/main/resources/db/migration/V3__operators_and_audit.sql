-- Operators and the audit log (DESIGN.md, "Users"; issue 5).
--
-- Operators live in the ledger file so that a backup carries them and a restore brings them back with the money
-- they handled. Secrets are bcrypt hashes only (cost 12, id.loket.users.PasswordHasher): the password, and the
-- one-time activation code until it is used. The lockout (failed_sign_ins, locked_until) is here too, so a restart
-- does not lift it.

CREATE TABLE operator (
    -- Given by the store (last id + 1), like shift ids.
    id                    INTEGER PRIMARY KEY,
    username              TEXT    NOT NULL UNIQUE
                                  CHECK (length(username) BETWEEN 3 AND 32 AND username = lower(username)),
    display_name          TEXT    NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    role                  TEXT    NOT NULL CHECK (role IN ('OWNER', 'CLERK')),
    status                TEXT    NOT NULL CHECK (status IN ('ACTIVE', 'PENDING_ACTIVATION', 'DISABLED')),
    created_at            TEXT    NOT NULL,
    password_hash         TEXT    CHECK (password_hash GLOB '$2[abxy]$[0-9][0-9]$*'),
    activation_hash       TEXT    CHECK (activation_hash GLOB '$2[abxy]$[0-9][0-9]$*'),
    activation_expires_at TEXT,
    failed_sign_ins       INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until          TEXT,
    CHECK ((activation_hash IS NULL) = (activation_expires_at IS NULL)),
    CHECK (status <> 'ACTIVE' OR password_hash IS NOT NULL),
    CHECK (status <> 'PENDING_ACTIVATION' OR activation_hash IS NOT NULL)
) STRICT;

-- Payments, shifts and the audit log name operators: an operator is disabled, never deleted, and who they are
-- never changes.
CREATE TRIGGER operator_no_delete BEFORE DELETE ON operator
BEGIN
    SELECT RAISE(ABORT, 'operators are never deleted: disable the account instead');
END;

CREATE TRIGGER operator_fixed_fields BEFORE UPDATE OF id, username, role, created_at ON operator
    WHEN OLD.id IS NOT NEW.id OR OLD.username IS NOT NEW.username OR OLD.role IS NOT NEW.role
        OR OLD.created_at IS NOT NEW.created_at
BEGIN
    SELECT RAISE(ABORT, 'who an operator is (username, role) cannot be changed');
END;

-- Sign-ins and their failures, lockouts, changes to operators, fees and settings, reprints, backups and restores,
-- reconciliation sign-offs. Append-only, like the journal.
CREATE TABLE audit_entry (
    id       INTEGER PRIMARY KEY,
    -- UTC, fixed width (yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ) so that text order is time order for range queries.
    at       TEXT    NOT NULL CHECK (length(at) = 30),
    -- The operator's username; NULL when nobody was signed in. Not a foreign key: a restore may bring back a ledger
    -- without the operator who restored it.
    operator TEXT,
    -- id.loket.users.AuditAction by name; not listed here, so later issues add kinds without a migration.
    action   TEXT    NOT NULL CHECK (length(action) BETWEEN 1 AND 40),
    subject  TEXT,
    detail   TEXT    NOT NULL
) STRICT;

CREATE INDEX audit_entry_by_at ON audit_entry (at);
CREATE INDEX audit_entry_by_operator ON audit_entry (operator, at);

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be changed');
END;

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be deleted');
END;
