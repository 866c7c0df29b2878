import type { AuditCheckpoint } from "./audit-event";
import { utf8 } from "./_bytes";
import { canonicalJson } from "./canonical-json";

/**
 * Signs audit checkpoints: Ed25519 by default ({@link createEd25519Signer}), SM2 pluggable.
 *
 * @example
 * ```ts
 * const signer: AuditSigner = await createEd25519Signer(process.env.JINCAI_AUDIT_KEY!);
 * signer.algorithm; // "ed25519"
 * await checkpointAudit(store, signer, { clock });
 * ```
 */
export interface AuditSigner {
  /** Algorithm name stored with the checkpoint, e.g. `ed25519`, `sm2`. */
  readonly algorithm: string;
  /** Identifies the public key that verifies the signatures (e.g. its fingerprint). */
  readonly keyId: string;
  /**
   * The base64 signature of the bytes.
   *
   * @example
   * ```ts
   * await signer.sign(auditCheckpointPayload(checkpoint)); // "q2Vx…=="
   * ```
   */
  sign(bytes: Uint8Array): Promise<string> | string;
}

/**
 * Checks checkpoint signatures; see {@link createEd25519Verifier}.
 *
 * @example
 * ```ts
 * const verifier: AuditVerifier = await createEd25519Verifier([publicKey2025, publicKey2026]);
 * const report = await verifyAudit(store, { verifier });
 * report.signaturesChecked; // true
 * ```
 */
export interface AuditVerifier {
  /** The algorithm it checks, e.g. `ed25519`. Checkpoints of another algorithm fail. */
  readonly algorithm: string;
  /**
   * Whether `signature` (base64) is a valid signature of `bytes` by the key `keyId`. Returns
   * false for an unknown key.
   *
   * @example
   * ```ts
   * await verifier.verify(auditCheckpointPayload(cp), cp.signature, cp.keyId); // true
   * ```
   */
  verify(bytes: Uint8Array, signature: string, keyId: string): Promise<boolean> | boolean;
  /**
   * Whether the verifier holds the key `keyId`, so a report can tell a checkpoint signed by a
   * key it was not given (a rotated key) from a forged one. Optional.
   *
   * @example
   * ```ts
   * verifier.knows?.("3f2a9c…"); // false: that checkpoint needs another public key
   * ```
   */
  knows?(keyId: string): boolean;
}

/**
 * The exact bytes a checkpoint signature covers: the UTF-8 canonical JSON of its fields except
 * `signature`, under a fixed `context` so the signature cannot pass for one over other data
 * signed with the same key. External verifiers (an auditor's SM2 tool) rebuild these bytes.
 *
 * @example
 * ```ts
 * new TextDecoder().decode(auditCheckpointPayload({ sequence: 7, hash: "ab…", at: "2026-03-01T00:00:00.000Z",
 *   algorithm: "ed25519", keyId: "3f2a…" }));
 * // '{"algorithm":"ed25519","at":"2026-03-01T00:00:00.000Z",
 * //   "context":"jincai.audit.checkpoint.v1","hash":"ab…","keyId":"3f2a…","sequence":7}'
 * // (on one line)
 * ```
 */
export function auditCheckpointPayload(
  checkpoint: Omit<AuditCheckpoint, "signature">,
): Uint8Array<ArrayBuffer> {
  const { sequence, hash, at, algorithm, keyId } = checkpoint;
  const context = "jincai.audit.checkpoint.v1";
  return utf8(canonicalJson({ context, sequence, hash, at, algorithm, keyId }));
}
