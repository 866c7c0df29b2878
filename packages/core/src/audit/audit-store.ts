import type { StoreTx } from "../store/store";

/**
 * The part of the storage port the audit chain uses. Every {@link StoreTx} (and `Store`) is one,
 * so pass a store or a transaction; tests may pass a small fake.
 *
 * @example
 * ```ts
 * async function lastAction(store: AuditStore): Promise<string | undefined> {
 *   return (await store.lastAuditEvent())?.action;
 * }
 * await lastAction(store); // a Store or a StoreTx will do, e.g. "import.payments"
 * ```
 */
export type AuditStore = Pick<
  StoreTx,
  "lastAuditEvent" | "appendAuditEvent" | "auditEvents" | "putAuditCheckpoint" | "auditCheckpoints"
>;
