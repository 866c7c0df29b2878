/**
 * Audit events and checkpoints as stored. The chain logic (hashing, signing, verifying) lives in
 * the audit module; stores only persist these values.
 */

/**
 * One link of the audit hash chain.
 *
 * @example
 * ```ts
 * const event: AuditEvent | undefined = await store.lastAuditEvent();
 * // { sequence: 7, at: "2026-03-05T02:00:00.000Z", actor: "cli:zhang", action: "import.payments",
 * //   subject: "payments-2026-03.csv", digest: "ab…", prevHash: "4c…", hash: "9f…" }
 * ```
 */
export interface AuditEvent {
  /** 1-based, gapless. */
  readonly sequence: number;
  /** ISO 8601 instant, from the injected clock. */
  readonly at: string;
  /** Who did it (user, service, `cli:<os user>`). */
  readonly actor: string;
  /** What was done, e.g. `import.payments`, `ledger.createTransfers`. */
  readonly action: string;
  /** What it was done to, e.g. a file name or a document id. */
  readonly subject: string;
  /** Hex digest of the change (the hash of its canonical JSON). */
  readonly digest: string;
  /** Hex hash of the previous event (64 zeros for the first). */
  readonly prevHash: string;
  /** Hex hash of this event's fields and `prevHash`. */
  readonly hash: string;
}

/**
 * A signature over the chain head at some sequence.
 *
 * @example
 * ```ts
 * const checkpoint: AuditCheckpoint = await checkpointAudit(store, signer, { clock });
 * // { sequence: 42, hash: "9f…", at: "2026-03-31T16:00:00.000Z", algorithm: "ed25519", keyId: "3f2a9c…", signature: "q2Vx…==" }
 * ```
 */
export interface AuditCheckpoint {
  /** The sequence of the event signed (the chain head when the checkpoint was taken). */
  readonly sequence: number;
  /** The hash of the event at `sequence`. */
  readonly hash: string;
  /** ISO 8601 instant the checkpoint was taken, from the injected clock. */
  readonly at: string;
  /** Signature algorithm, e.g. `ed25519` or `sm2`. */
  readonly algorithm: string;
  /** Identifies the public key (e.g. its fingerprint). */
  readonly keyId: string;
  /** Base64 signature. */
  readonly signature: string;
}
