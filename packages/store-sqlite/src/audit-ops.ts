/**
 * The audit chain's storage in SQLite: `audit_events` (sequence is the primary key, gapless by
 * the append check) and `audit_checkpoints`. Hashing and verifying live in core.
 */
import { JincaiError } from "@jincai/core";
import type { AuditCheckpoint, AuditEvent } from "@jincai/core";
import type { SqliteConnection } from "./sqlite-connection";

interface EventRow {
  readonly sequence: bigint;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly digest: string;
  readonly prev_hash: string;
  readonly hash: string;
}

interface CheckpointRow {
  readonly sequence: bigint;
  readonly hash: string;
  readonly at: string;
  readonly algorithm: string;
  readonly key_id: string;
  readonly signature: string;
}

/**
 * The last audit event, if any.
 *
 * @example
 * ```ts
 * lastAuditEventSync(conn)?.sequence; // 42
 * ```
 */
export function lastAuditEventSync(conn: SqliteConnection): AuditEvent | undefined {
  const row = conn.stmt("SELECT * FROM audit_events ORDER BY sequence DESC LIMIT 1").get() as EventRow | undefined;
  return row === undefined ? undefined : eventOf(row);
}

/**
 * Appends an event whose sequence must be the last one + 1 (`AUDIT_SEQUENCE_CONFLICT` otherwise).
 *
 * @example
 * ```ts
 * appendAuditEventSync(conn, event); // event.sequence === last + 1
 * ```
 */
export function appendAuditEventSync(conn: SqliteConnection, event: AuditEvent): void {
  const last = conn.stmt("SELECT coalesce(max(sequence), 0) FROM audit_events").pluck().get() as bigint;
  const expected = Number(last) + 1;
  if (event.sequence !== expected) {
    throw new JincaiError("AUDIT_SEQUENCE_CONFLICT", `audit event ${event.sequence} is not the next one (${expected})`, {
      details: { sequence: event.sequence, expected },
    });
  }
  conn
    .stmt("INSERT INTO audit_events (sequence, at, actor, action, subject, digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .run(event.sequence, event.at, event.actor, event.action, event.subject, event.digest, event.prevHash, event.hash);
}

/**
 * One page of audit events from `fromSequence` (inclusive), in sequence order.
 *
 * @example
 * ```ts
 * auditEventPageSync(conn, 1, 1000).length; // up to 1000
 * ```
 */
export function auditEventPageSync(conn: SqliteConnection, fromSequence: number, limit: number): AuditEvent[] {
  const rows = conn.stmt("SELECT * FROM audit_events WHERE sequence >= ? ORDER BY sequence LIMIT ?").all(fromSequence, limit) as EventRow[];
  return rows.map(eventOf);
}

/**
 * Stores a checkpoint.
 *
 * @example
 * ```ts
 * putAuditCheckpointSync(conn, { sequence: 42, hash, at, algorithm: "ed25519", keyId, signature });
 * ```
 */
export function putAuditCheckpointSync(conn: SqliteConnection, c: AuditCheckpoint): void {
  conn
    .stmt("INSERT INTO audit_checkpoints (sequence, hash, at, algorithm, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)")
    .run(c.sequence, c.hash, c.at, c.algorithm, c.keyId, c.signature);
}

/**
 * The checkpoints in sequence order (ties in the order they were stored).
 *
 * @example
 * ```ts
 * auditCheckpointsSync(conn).map((c) => c.sequence); // [10, 20]
 * ```
 */
export function auditCheckpointsSync(conn: SqliteConnection): AuditCheckpoint[] {
  const rows = conn.stmt("SELECT * FROM audit_checkpoints ORDER BY sequence, num").all() as CheckpointRow[];
  return rows.map((r) => ({
    sequence: Number(r.sequence),
    hash: r.hash,
    at: r.at,
    algorithm: r.algorithm,
    keyId: r.key_id,
    signature: r.signature,
  }));
}

function eventOf(r: EventRow): AuditEvent {
  return {
    sequence: Number(r.sequence),
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    digest: r.digest,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
