/**
 * The audit chain's storage. Appends are serialised across every client of the schema by a
 * transaction-scoped advisory lock: the appender (and, inside a transaction, whoever read the
 * head with `lastAuditEvent`) holds it until commit, so two writers cannot both extend the same
 * head. A sequence other than head + 1 is `AUDIT_SEQUENCE_CONFLICT`; the primary key backs this up.
 */
import { JincaiError } from "@jincai/core";
import type { AuditCheckpoint, AuditEvent } from "@jincai/core";
import { LOCK_CLASS } from "./migrations";
import { exec, sql, type Queryable } from "./sql-client";

interface AuditRow {
  sequence: bigint;
  at: string;
  actor: string;
  action: string;
  subject: string;
  digest: string;
  prev_hash: string;
  hash: string;
}

const AUDIT_COLUMNS = "sequence, at, actor, action, subject, digest, prev_hash, hash";
const AUDIT_PAGE_SIZE = 5000;

function eventOf(row: AuditRow): AuditEvent {
  return {
    sequence: Number(row.sequence),
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    digest: row.digest,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Takes the schema's audit lock until the end of the current transaction. */
export async function lockAuditHead(db: Queryable, schemaName: string): Promise<void> {
  await exec(db, "SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_CLASS.audit, schemaName]);
}

/** The last event, if any. */
export async function lastAuditEvent(db: Queryable, s: string): Promise<AuditEvent | undefined> {
  const rows = await sql<AuditRow>(db, `SELECT ${AUDIT_COLUMNS} FROM ${s}.audit_events ORDER BY sequence DESC LIMIT 1`);
  const row = rows[0];
  return row === undefined ? undefined : eventOf(row);
}

/** Appends an event after checking it extends the head; call with the audit lock held. */
export async function appendAuditEvent(db: Queryable, s: string, event: AuditEvent): Promise<void> {
  const rows = await sql<{ last: bigint | null }>(db, `SELECT max(sequence) AS last FROM ${s}.audit_events`);
  const expected = Number(rows[0]?.last ?? 0n) + 1;
  if (event.sequence !== expected) {
    throw new JincaiError("AUDIT_SEQUENCE_CONFLICT", `audit event ${event.sequence} is not the next one (${expected})`, {
      details: { sequence: event.sequence, expected },
    });
  }
  await exec(
    db,
    `INSERT INTO ${s}.audit_events (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [event.sequence, event.at, event.actor, event.action, event.subject, event.digest, event.prevHash, event.hash],
  );
}

/** Streams events from `fromSequence` (inclusive) in sequence order, a page at a time. */
export async function* streamAuditEvents(
  run: <R>(fn: (db: Queryable) => Promise<R>) => Promise<R>,
  s: string,
  fromSequence = 1,
): AsyncGenerator<AuditEvent> {
  let after = BigInt(Math.trunc(fromSequence)) - 1n;
  for (;;) {
    const rows = await run((db) =>
      sql<AuditRow>(
        db,
        `SELECT ${AUDIT_COLUMNS} FROM ${s}.audit_events WHERE sequence > $1 ORDER BY sequence LIMIT ${AUDIT_PAGE_SIZE}`,
        [after],
      ),
    );
    for (const row of rows) yield eventOf(row);
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < AUDIT_PAGE_SIZE) return;
    after = last.sequence;
  }
}

/** Stores a checkpoint. */
export async function putAuditCheckpoint(db: Queryable, s: string, c: AuditCheckpoint): Promise<void> {
  await exec(
    db,
    `INSERT INTO ${s}.audit_checkpoints (sequence, hash, at, algorithm, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6)`,
    [c.sequence, c.hash, c.at, c.algorithm, c.keyId, c.signature],
  );
}

/** Every checkpoint, in sequence order (ties in insertion order). */
export async function auditCheckpoints(db: Queryable, s: string): Promise<AuditCheckpoint[]> {
  const rows = await sql<{ sequence: bigint; hash: string; at: string; algorithm: string; key_id: string; signature: string }>(
    db,
    `SELECT sequence, hash, at, algorithm, key_id, signature FROM ${s}.audit_checkpoints ORDER BY sequence, id`,
  );
  return rows.map((r) => ({
    sequence: Number(r.sequence),
    hash: r.hash,
    at: r.at,
    algorithm: r.algorithm,
    keyId: r.key_id,
    signature: r.signature,
  }));
}
