import type { AuditEvent } from "./audit-event";
import { utf8 } from "./_bytes";
import type { AuditHasher } from "./audit-hasher";
import { sha256Hasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";

/**
 * The `prevHash` of the first event: 64 zeros.
 *
 * @example
 * ```ts
 * // the first event of a chain links to 64 zeros
 * const hash = await hashAuditEvent({ sequence: 1, at: "2026-03-01T00:00:00.000Z", actor: "cli:zhang",
 *   action: "import.payments", subject: "payments-2026-03.csv", digest: "ab…", prevHash: AUDIT_ZERO_HASH });
 * ```
 */
export const AUDIT_ZERO_HASH = "0".repeat(64);

/**
 * The hash of an audit event: the hasher over the canonical JSON of its fields
 * `{sequence, at, actor, action, subject, digest, prevHash}` (everything but `hash`). Because
 * `prevHash` is inside, each hash commits to the whole history before it.
 *
 * @example
 * ```ts
 * const hash = await hashAuditEvent({ sequence: 1, at: "2026-03-01T00:00:00.000Z", actor: "u1",
 *   action: "budget.approve", subject: "P-001", digest: "ab…", prevHash: AUDIT_ZERO_HASH });
 * ```
 */
export async function hashAuditEvent(
  event: Omit<AuditEvent, "hash">,
  hasher: AuditHasher = sha256Hasher,
): Promise<string> {
  const { sequence, at, actor, action, subject, digest, prevHash } = event;
  const fields = { sequence, at, actor, action, subject, digest, prevHash };
  return hasher.hash(utf8(canonicalJson(fields)));
}
