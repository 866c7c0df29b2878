/**
 * Migration 1: the ledger (accounts with their balances, transfers, period locks), the record
 * store and the audit chain. Amounts are BIGINT fen; dates are DATE; ISO instants of audit values
 * are kept as the exact text the caller gave. Text ids sort by code point (`COLLATE "C"`), as in
 * JavaScript, whatever the database's locale.
 */

/** The DDL of schema version 1, for the quoted schema `s`. */
export function initialSchemaSql(s: string): string {
  return `
CREATE TABLE ${s}.accounts (
  id              TEXT COLLATE "C" PRIMARY KEY,
  book            TEXT NOT NULL,
  code            TEXT NOT NULL,
  name            TEXT,
  dimensions      JSONB NOT NULL DEFAULT '{}',
  normal_side     TEXT NOT NULL CHECK (normal_side IN ('debit', 'credit')),
  flags           JSONB NOT NULL DEFAULT '{}',
  closed          BOOLEAN NOT NULL DEFAULT false,
  debits_posted   BIGINT NOT NULL DEFAULT 0,
  credits_posted  BIGINT NOT NULL DEFAULT 0,
  debits_pending  BIGINT NOT NULL DEFAULT 0,
  credits_pending BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX accounts_book_idx ON ${s}.accounts (book);
CREATE INDEX accounts_dimensions_idx ON ${s}.accounts USING GIN (dimensions jsonb_path_ops);

-- The gapless transfer sequence: one row, bumped under its row lock by every batch that writes,
-- so sequence numbers never skip (a rollback undoes the bump) and follow commit order.
CREATE TABLE ${s}.ledger_head (
  singleton     BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
  last_sequence BIGINT NOT NULL
);
INSERT INTO ${s}.ledger_head (last_sequence) VALUES (0);
CREATE TABLE ${s}.transfers (
  sequence          BIGINT PRIMARY KEY,
  id                TEXT COLLATE "C" NOT NULL UNIQUE,
  phase             TEXT NOT NULL CHECK (phase IN ('posted', 'pending', 'post', 'void')),
  debit_account_id  TEXT NOT NULL,
  credit_account_id TEXT NOT NULL,
  amount            BIGINT NOT NULL CHECK (amount >= 0),
  date              DATE NOT NULL,
  pending_id        TEXT UNIQUE,
  expires_on        DATE,
  refs              JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX transfers_date_idx ON ${s}.transfers (date);
CREATE INDEX transfers_debit_idx ON ${s}.transfers (debit_account_id, sequence);
CREATE INDEX transfers_credit_idx ON ${s}.transfers (credit_account_id, sequence);

CREATE TABLE ${s}.period_locks (
  id        BIGSERIAL PRIMARY KEY,
  date_from DATE NOT NULL,
  date_to   DATE NOT NULL,
  book      TEXT
);

CREATE TABLE ${s}.records (
  collection   TEXT COLLATE "C" NOT NULL,
  id           TEXT COLLATE "C" NOT NULL,
  version      INTEGER NOT NULL CHECK (version > 0),
  data         JSON NOT NULL,
  index_fields JSONB NOT NULL DEFAULT '{}',
  updated_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE INDEX records_index_fields_idx ON ${s}.records USING GIN (index_fields jsonb_path_ops);

CREATE TABLE ${s}.audit_events (
  sequence  BIGINT PRIMARY KEY CHECK (sequence > 0),
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  subject   TEXT NOT NULL,
  digest    TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);

CREATE TABLE ${s}.audit_checkpoints (
  id        BIGSERIAL PRIMARY KEY,
  sequence  BIGINT NOT NULL,
  hash      TEXT NOT NULL,
  at        TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  key_id    TEXT NOT NULL,
  signature TEXT NOT NULL
);
`;
}
