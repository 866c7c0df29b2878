import { JincaiError } from "../errors/jincai-error";
import type { Clock } from "../time/clock";
import { isoNow } from "../time/clock";
import { utf8 } from "./_bytes";
import type { AuditEvent } from "./audit-event";
import type { AuditHasher } from "./audit-hasher";
import { sha256Hasher } from "./audit-hasher";
import type { AuditStore } from "./audit-store";
import { canonicalJson } from "./canonical-json";
import { AUDIT_ZERO_HASH, hashAuditEvent } from "./hash-audit-event";
import { requireClock } from "./_require-clock";

/**
 * What happened, for {@link appendAudit}.
 *
 * @example
 * ```ts
 * const input: AuditInput = { actor: "cli:zhang", action: "ledger.createTransfers", subject: "batch-7", change: batch };
 * await store.transaction(async (tx) => {
 *   await tx.createTransfers(batch);
 *   await appendAudit(tx, input, { clock });
 * });
 * ```
 */
export interface AuditInput {
  /** Who did it: a user id, a service, `cli:<os user>`. */
  readonly actor: string;
  /** What was done, e.g. `ledger.createTransfers`, `import.payments`. */
  readonly action: string;
  /** What it was done to, e.g. a document id or a file name. */
  readonly subject: string;
  /** The change itself; only its digest (hash of its canonical JSON) is stored in the chain. */
  readonly change: unknown;
}

/**
 * Options for {@link appendAudit}.
 *
 * @example
 * ```ts
 * const options: AppendAuditOptions = { clock: systemClock(), hasher: sha256Hasher };
 * await appendAudit(tx, { actor: "cli:zhang", action: "import.payments", subject: "payments-2026-03.csv", change: digest }, options);
 * ```
 */
export interface AppendAuditOptions {
  /** Source of the event time. */
  readonly clock: Clock;
  /** Hash function; default SHA-256. Use the same one for the whole chain. */
  readonly hasher?: AuditHasher;
}

/**
 * Appends one event to the audit hash chain, in the caller's transaction so the event commits
 * with the change it records. The event links to the last one by `prevHash`.
 *
 * @throws {JincaiError} `AUDIT_INPUT_INVALID` for an empty actor, action or subject, or without
 *   the `clock` option;
 *   `AUDIT_CANONICAL_UNSUPPORTED` when `change` cannot be canonicalised; the store's
 *   `AUDIT_SEQUENCE_CONFLICT` when another writer appended first.
 * @example
 * ```ts
 * await store.transaction(async (tx) => {
 *   await tx.createTransfers(batch);
 *   await appendAudit(tx, { actor: "u:zhang", action: "ledger.createTransfers", subject: "batch-7", change: batch }, { clock });
 * }); // → { sequence: 1, prevHash: "000…0", hash: "…", … }
 * ```
 */
export async function appendAudit(
  tx: Pick<AuditStore, "lastAuditEvent" | "appendAuditEvent">,
  input: AuditInput,
  options: AppendAuditOptions,
): Promise<AuditEvent> {
  requireClock("appendAudit", options);
  if (typeof input !== "object" || input === null) {
    throw new JincaiError("AUDIT_INPUT_INVALID", `appendAudit needs the event ({ actor, action, subject, change }), not ${String(input)}`, {
      details: { field: "input" },
    });
  }
  for (const field of ["actor", "action", "subject"] as const) {
    if (typeof input[field] !== "string" || input[field].trim() === "") {
      throw new JincaiError("AUDIT_INPUT_INVALID", `audit ${field} must be a non-empty string`, {
        details: { field },
      });
    }
  }
  const hasher = options.hasher ?? sha256Hasher;
  const digest = await hasher.hash(utf8(canonicalJson(input.change)));
  const last = await tx.lastAuditEvent();
  const fields = {
    sequence: (last?.sequence ?? 0) + 1,
    at: isoNow(options.clock),
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    digest,
    prevHash: last?.hash ?? AUDIT_ZERO_HASH,
  };
  const event: AuditEvent = { ...fields, hash: await hashAuditEvent(fields, hasher) };
  await tx.appendAuditEvent(event);
  return event;
}
