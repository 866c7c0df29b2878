import { JincaiError } from "../errors/jincai-error";
import type { Clock } from "../time/clock";
import { isoNow } from "../time/clock";
import type { AuditCheckpoint } from "./audit-event";
import type { AuditSigner } from "./audit-signer";
import { auditCheckpointPayload } from "./audit-signer";
import type { AuditStore } from "./audit-store";
import { requireClock } from "./_require-clock";

/**
 * Options for {@link checkpointAudit}.
 *
 * @example
 * ```ts
 * const options: CheckpointAuditOptions = { clock: systemClock() };
 * await checkpointAudit(store, signer, options);
 * ```
 */
export interface CheckpointAuditOptions {
  /** Source of the checkpoint time. */
  readonly clock: Clock;
}

/**
 * Signs the current head of the audit chain and stores the checkpoint. A hash chain alone can be
 * recomputed by whoever can write the database; a signed checkpoint, copied outside it (the audit
 * office, a syslog host, a printed daily report), cannot. Take one per day or per batch.
 *
 * @throws {JincaiError} `AUDIT_CHAIN_EMPTY` when there is no event to sign; `AUDIT_INPUT_INVALID`
 *   without the `clock` option.
 * @example
 * ```ts
 * const signer = await createEd25519Signer(privateKeyPem);
 * await checkpointAudit(store, signer, { clock }); // { sequence: 42, hash: "…", algorithm: "ed25519", … }
 * ```
 */
export async function checkpointAudit(
  tx: Pick<AuditStore, "lastAuditEvent" | "putAuditCheckpoint">,
  signer: AuditSigner,
  options: CheckpointAuditOptions,
): Promise<AuditCheckpoint> {
  requireClock("checkpointAudit", options);
  const head = await tx.lastAuditEvent();
  if (!head) throw new JincaiError("AUDIT_CHAIN_EMPTY", "the audit chain has no event to sign yet");
  const unsigned = {
    sequence: head.sequence,
    hash: head.hash,
    at: isoNow(options.clock),
    algorithm: signer.algorithm,
    keyId: signer.keyId,
  };
  const signature = await signer.sign(auditCheckpointPayload(unsigned));
  const checkpoint: AuditCheckpoint = { ...unsigned, signature };
  await tx.putAuditCheckpoint(checkpoint);
  return checkpoint;
}
