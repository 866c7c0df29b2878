/**
 * Verifies the audit chain end to end: every event's own hash, its link to the event before,
 * gapless ascending sequences, each checkpoint against the event it names, and each checkpoint
 * signature. Events are streamed, so memory does not grow with the chain (only checkpoints,
 * which are few, are held). It finds edits, deletions, insertions and reorderings; a history
 * rewritten from some point on with every hash recomputed is only caught by a signed checkpoint
 * after that point, and deleting the newest events only by a checkpoint that named them (one
 * kept outside the database, `externalCheckpoints`, when the deleter could remove stored ones).
 */
import type { AuditCheckpoint, AuditEvent } from "./audit-event";
import type { AuditHasher } from "./audit-hasher";
import { sha256Hasher } from "./audit-hasher";
import type { AuditVerifier } from "./audit-signer";
import { auditCheckpointPayload } from "./audit-signer";
import type { AuditStore } from "./audit-store";
import { AUDIT_ZERO_HASH, hashAuditEvent } from "./hash-audit-event";

/**
 * What {@link verifyAudit} can find wrong.
 *
 * @example
 * ```ts
 * const report = await verifyAudit(store, { verifier });
 * const forged = report.problems.some((p) => p.code === ("AUDIT_BAD_SIGNATURE" satisfies AuditProblemCode));
 * ```
 */
export type AuditProblemCode =
  | "AUDIT_SEQUENCE_GAP"
  | "AUDIT_SEQUENCE_ORDER"
  | "AUDIT_LINK_BROKEN"
  | "AUDIT_HASH_MISMATCH"
  | "AUDIT_CHECKPOINT_MISMATCH"
  | "AUDIT_CHAIN_TRUNCATED"
  | "AUDIT_BAD_SIGNATURE";

/**
 * One finding of {@link verifyAudit}.
 *
 * @example
 * ```ts
 * const report = await verifyAudit(store);
 * const problem: AuditProblem | undefined = report.problems[0];
 * // { code: "AUDIT_LINK_BROKEN", sequence: 3, message: "…" }
 * ```
 */
export interface AuditProblem {
  /** What is wrong. */
  readonly code: AuditProblemCode;
  /** Where: the event (or first missing sequence) at which the chain breaks. */
  readonly sequence: number;
  /** A readable explanation. */
  readonly message: string;
}

/**
 * Options for {@link verifyAudit}.
 *
 * @example
 * ```ts
 * const options: VerifyAuditOptions = { verifier, maxProblems: 10, externalCheckpoints: JSON.parse(readFileSync("checkpoints.json", "utf8")) };
 * const report = await verifyAudit(store, options);
 * ```
 */
export interface VerifyAuditOptions {
  /** Checks checkpoint signatures; without one, signatures are not checked. */
  readonly verifier?: AuditVerifier;
  /** The hash function the chain was written with; default SHA-256. */
  readonly hasher?: AuditHasher;
  /** Stop after this many problems (default 1000), keeping the report small. */
  readonly maxProblems?: number;
  /**
   * Checkpoints kept outside the database (copied to the audit office, a log host, a file), checked
   * like the stored ones. Whoever can write the database can delete its newest events together
   * with the checkpoints that named them; a copy kept elsewhere still names them.
   */
  readonly externalCheckpoints?: readonly AuditCheckpoint[];
}

/**
 * The outcome of {@link verifyAudit}.
 *
 * @example
 * ```ts
 * const report: AuditVerifyReport = await verifyAudit(store, { verifier });
 * report.ok; // true
 * report.head; // { sequence: 42, hash: "9f…" }: what the next checkpoint would sign
 * ```
 */
export interface AuditVerifyReport {
  /** True when no problem was found. */
  readonly ok: boolean;
  /** How many events were read. */
  readonly events: number;
  /** How many checkpoints the store holds. */
  readonly checkpoints: number;
  /** How many checkpoints kept outside the database were checked besides them. */
  readonly externalCheckpoints: number;
  /** The last event in chain order, if any. */
  readonly head?: {
    /** Its sequence. */
    readonly sequence: number;
    /** Its hash: what the next checkpoint would sign. */
    readonly hash: string;
  };
  /** Whether checkpoint signatures were checked (a verifier was given). */
  readonly signaturesChecked: boolean;
  /** False when verification stopped at `maxProblems`. */
  readonly complete: boolean;
  /** Findings in chain order; `problems[0]` is the first broken point. */
  readonly problems: readonly AuditProblem[];
}

interface Walk {
  prev: AuditEvent | undefined;
  gap: { from: number; to: number } | undefined;
  maxSequence: number;
  readonly problems: AuditProblem[];
  readonly seen: Set<AuditCheckpoint>;
}

const missing = (gap: { from: number; to: number }): string =>
  gap.from === gap.to ? `event ${gap.from} is missing` : `events ${gap.from} to ${gap.to} are missing`;

const checkpointKey = (cp: AuditCheckpoint): string => `${cp.sequence} ${cp.hash} ${cp.keyId} ${cp.signature}`;

function problem(walk: Walk, code: AuditProblemCode, sequence: number, message: string): void {
  walk.problems.push({ code, sequence, message });
}

/** Position checks: gap, order, link. Returns whether the event continues the chain. */
function checkPosition(walk: Walk, event: AuditEvent): boolean {
  const s = event.sequence;
  const gap = walk.gap;
  walk.gap = undefined;
  if (gap && gap.from === s && gap.to === s) {
    problem(walk, "AUDIT_SEQUENCE_ORDER", s,
      `event ${s} comes after event ${gap.to + 1}: events were reordered`);
    return false;
  }
  if (gap) problem(walk, "AUDIT_SEQUENCE_GAP", gap.from, missing(gap));
  const expected = (walk.prev?.sequence ?? 0) + 1;
  if (s < expected) {
    problem(walk, "AUDIT_SEQUENCE_ORDER", s,
      `event ${s} appears after event ${expected - 1}: duplicate or out of order`);
    return false;
  }
  if (s > expected) {
    walk.gap = { from: expected, to: s - 1 };
  } else if (event.prevHash !== (walk.prev?.hash ?? AUDIT_ZERO_HASH)) {
    const before = walk.prev ? `event ${walk.prev.sequence}` : "the start of the chain";
    problem(walk, "AUDIT_LINK_BROKEN", s,
      `event ${s} does not link to ${before}: an event was changed, inserted or removed`);
  }
  return true;
}

async function checkEvent(
  walk: Walk,
  event: AuditEvent,
  hasher: AuditHasher,
  checkpoints: ReadonlyMap<number, readonly AuditCheckpoint[]>,
): Promise<void> {
  const s = event.sequence;
  const inChain = checkPosition(walk, event);
  if ((await hashAuditEvent(event, hasher)) !== event.hash) {
    problem(walk, "AUDIT_HASH_MISMATCH", s,
      `event ${s} was changed after it was written (its ${hasher.name} hash differs)`);
  }
  for (const cp of checkpoints.get(s) ?? []) {
    walk.seen.add(cp);
    if (cp.hash !== event.hash) {
      problem(walk, "AUDIT_CHECKPOINT_MISMATCH", s,
        `event ${s} differs from the one checkpointed at ${cp.at}: history was rewritten`);
    }
  }
  walk.maxSequence = Math.max(walk.maxSequence, s);
  if (inChain) walk.prev = event;
}

async function checkSignatures(
  walk: Walk,
  list: readonly AuditCheckpoint[],
  verifier: AuditVerifier,
): Promise<void> {
  for (const cp of list) {
    let valid = false;
    let why = "does not verify";
    if (cp.algorithm !== verifier.algorithm) {
      why = `uses ${cp.algorithm}, the verifier checks ${verifier.algorithm}`;
    } else if (verifier.knows !== undefined && !verifier.knows(cp.keyId)) {
      why = "was made with a key that is not among the public keys given (a rotated key needs its public key too)";
    } else {
      try {
        valid = await verifier.verify(auditCheckpointPayload(cp), cp.signature, cp.keyId);
      } catch (e) {
        why = `could not be checked: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    if (!valid) problem(walk, "AUDIT_BAD_SIGNATURE", cp.sequence,
      `signature of the checkpoint at ${cp.sequence} (key ${cp.keyId}) ${why}`);
  }
}

/**
 * Verifies the audit chain and its checkpoints; never throws for a broken chain, it reports.
 *
 * @example
 * ```ts
 * const report = await verifyAudit(store, { verifier: await createEd25519Verifier(publicKeyPem) });
 * if (!report.ok) console.error(report.problems[0]); // { code: "AUDIT_LINK_BROKEN", sequence: 3, message: "…" }
 * ```
 */
export async function verifyAudit(
  store: Pick<AuditStore, "auditEvents" | "auditCheckpoints">,
  options: VerifyAuditOptions = {},
): Promise<AuditVerifyReport> {
  const hasher = options.hasher ?? sha256Hasher;
  const maxProblems = options.maxProblems ?? 1000;
  const stored = await store.auditCheckpoints();
  // A kept copy of a stored checkpoint is checked once (the same event, hash and signature).
  const storedKeys = new Set(stored.map(checkpointKey));
  const external = (options.externalCheckpoints ?? []).filter((cp) => !storedKeys.has(checkpointKey(cp)));
  const list = [...stored, ...external];
  const checkpoints = new Map<number, AuditCheckpoint[]>();
  for (const cp of list) checkpoints.set(cp.sequence, [...(checkpoints.get(cp.sequence) ?? []), cp]);
  const walk: Walk = { prev: undefined, gap: undefined, maxSequence: 0, problems: [], seen: new Set() };
  let events = 0;
  let complete = true;
  for await (const event of store.auditEvents()) {
    events++;
    await checkEvent(walk, event, hasher, checkpoints);
    if (walk.problems.length >= maxProblems) {
      complete = false;
      break;
    }
  }
  if (complete) finish(walk, list);
  if (complete && options.verifier) await checkSignatures(walk, list, options.verifier);
  const problems = walk.problems.sort((a, b) => a.sequence - b.sequence);
  const head = walk.prev ? { sequence: walk.prev.sequence, hash: walk.prev.hash } : undefined;
  return {
    ok: problems.length === 0,
    events,
    checkpoints: stored.length,
    externalCheckpoints: options.externalCheckpoints?.length ?? 0,
    ...(head ? { head } : {}),
    signaturesChecked: complete && options.verifier !== undefined,
    complete,
    problems,
  };
}

/** After the last event: a pending gap, and checkpoints that named no event read. */
function finish(walk: Walk, list: readonly AuditCheckpoint[]): void {
  if (walk.gap) problem(walk, "AUDIT_SEQUENCE_GAP", walk.gap.from, missing(walk.gap));
  let truncatedAt = 0;
  for (const cp of list) {
    if (walk.seen.has(cp)) continue;
    if (cp.sequence > walk.maxSequence) truncatedAt = Math.max(truncatedAt, cp.sequence);
    else problem(walk, "AUDIT_CHECKPOINT_MISMATCH", cp.sequence,
      `the checkpoint at ${cp.sequence} names an event that is missing`);
  }
  if (truncatedAt > 0) {
    problem(walk, "AUDIT_CHAIN_TRUNCATED", walk.maxSequence + 1,
      `the chain ends at ${walk.maxSequence} but a checkpoint names event ${truncatedAt}: ` +
        "newest events were deleted");
  }
}
