import type { StoreTx } from "../store/store";

/**
 * The part of the storage port the audit chain uses. Every {@link StoreTx} (and `Store`) is one,
 * so pass a store or a transaction; tests may pass a small fake.
 */
export type AuditStore = Pick<
  StoreTx,
  "lastAuditEvent" | "appendAuditEvent" | "auditEvents" | "putAuditCheckpoint" | "auditCheckpoints"
>;
