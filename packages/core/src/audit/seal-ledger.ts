/**
 * Seals of the ledger in the audit chain. An audit event records who changed what, by the digest
 * of the change; it does not fix the rows written, so a transfer edited in the database behind
 * the store's back (a payee account redirected, an amount lowered with the balances to match)
 * left the chain and every verify rule intact. A seal is an audit event (`ledger.seal`) whose
 * subject holds the digest of every transfer since the previous seal, in sequence order:
 * `transfers 1..1029944 (1029944) sha-256:<hex>`. Transfers are never updated or deleted, so a
 * seal recomputed later must agree; a signed checkpoint after it makes the seal itself
 * unforgeable. `jincai audit checkpoint` seals before it signs; `audit verify` recomputes every seal
 * (`verify-ledger-seals`).
 * A seal also records, in its kept record, the accounts created since the previous seal (their
 * immutable fields, see `seal-accounts`: an account's agency edited in the database is found at
 * the seal that first recorded it) and the documents of the sealed record collections new or changed since
 * the previous seal (see `seal-records`: a payment document edited in the database is found at
 * the last seal that recorded it). A seal is made when any of the three is new, so an account
 * created without transfers yet is sealed at once (a seal of no transfers: `transfers 11..10 (0)`).
 * A seal builds on the last seal alone (its kept record, the accounts numbered after its
 * `lastNumber`, the versions it keeps in `seal-record-state`), so a daily seal reads what is new,
 * not the whole ledger; after a seal of an older version, or one whose record is not believed,
 * it reads every account and every earlier seal record once.
 */
import type { Clock } from "../time/clock";
import type { StoreTx } from "../store/store";
import { appendAudit } from "./append-audit";
import type { AuditEvent } from "./audit-event";
import type { AuditHasher } from "./audit-hasher";
import { sha256Hasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";
import { requireClock } from "./_require-clock";
import { createSealDigest } from "./_seal-digest";

export type { SealMark } from "./_seal-digest";
import type { NumberedSealedAccounts, SealedAccounts } from "./seal-accounts";
import { isNumbered, sealAccounts } from "./seal-accounts";
import type { SealedCollection, SealedRecords } from "./seal-records";
import { sealRecords, sealedVersionsOf } from "./seal-records";
import { LEDGER_SEAL_STATE_COLLECTION, readSealedState, writeSealedState } from "./seal-record-state";

/**
 * The audit action of a seal.
 *
 * @example
 * ```ts
 * for await (const event of store.auditEvents()) {
 *   if (event.action === LEDGER_SEAL_ACTION) console.log(sealOf(event)); // { after: 0, to: 3, count: 3, digest: "sha-256:…" }
 * }
 * ```
 */
export const LEDGER_SEAL_ACTION = "ledger.seal";

/**
 * What a seal covers: the transfers with a sequence in `after`+1..`to`, and their digest.
 *
 * @example
 * ```ts
 * const seal: LedgerSeal | undefined = sealOf({ action: "ledger.seal", subject: "transfers 1..3 (3) sha-256:ab…" });
 * // { after: 0, to: 3, count: 3, digest: "sha-256:ab…" }
 * ```
 */
export interface LedgerSeal {
  /** The last sequence the previous seal covered (0 for the first seal). */
  readonly after: number;
  /** The last sequence this seal covers. */
  readonly to: number;
  /** How many transfers it covers. */
  readonly count: number;
  /** `<hasher name>:<hex digest>` of their canonical lines. */
  readonly digest: string;
}

/**
 * Record collection of what each seal event's digest covers (its chunk marks), by event sequence.
 *
 * @example
 * ```ts
 * const kept = await store.getRecord(LEDGER_SEAL_COLLECTION, "7"); // what the seal of event 7 covers
 * kept?.data; // its chunk marks, accounts and documents
 * ```
 */
export const LEDGER_SEAL_COLLECTION = "ledger-seal";

/**
 * Reads a seal back from its audit event, or undefined when the event is no seal.
 *
 * @example
 * ```ts
 * sealOf({ action: "ledger.seal", subject: "transfers 1..3 (3) sha-256:ab…", … }); // { after: 0, to: 3, count: 3, digest: "sha-256:ab…" }
 * ```
 */
export function sealOf(event: Pick<AuditEvent, "action" | "subject">): LedgerSeal | undefined {
  if (event.action !== LEDGER_SEAL_ACTION) return undefined;
  const m = /^transfers (\d+)\.\.(\d+) \((\d+)\) (\S+)$/.exec(event.subject);
  if (m === null) return undefined;
  return { after: Number(m[1]) - 1, to: Number(m[2]), count: Number(m[3]), digest: m[4]! };
}

/**
 * Options for {@link sealLedger}.
 *
 * @example
 * ```ts
 * const options: SealLedgerOptions = { actor: "cli:zhang", clock: systemClock(), collections: ["payment"] };
 * await store.transaction((tx) => sealLedger(tx, options));
 * ```
 */
export interface SealLedgerOptions {
  /** Who seals, as in the audit chain (e.g. `cli:zhang`). */
  readonly actor: string;
  /** Source of the event's time. */
  readonly clock: Clock;
  /** The hash; default SHA-256. */
  readonly hasher?: AuditHasher;
  /**
   * Record collections whose documents the seal records (e.g. treasury's `payment`), besides
   * those earlier seals recorded; default none. `jincai audit checkpoint` seals `payment`.
   */
  readonly collections?: readonly string[];
}

/**
 * What {@link sealLedger} sealed: the transfers, and what else was new since the last seal.
 *
 * @example
 * ```ts
 * const sealed: LedgerSealResult | undefined = await store.transaction((tx) => sealLedger(tx, { actor: "cli:zhang", clock, collections: ["payment"] }));
 * sealed?.count; // transfers sealed now (undefined: nothing new to seal)
 * sealed?.changedRecordsBy; // { payment: 70412 }
 * ```
 */
export interface LedgerSealResult extends LedgerSeal {
  /** Accounts no earlier seal recorded, recorded by this one. */
  readonly newAccounts: number;
  /** Documents of the sealed collections new, changed or deleted since the last seal. */
  readonly changedRecords: number;
  /** The same by collection (every sealed collection, 0 where none changed). */
  readonly changedRecordsBy: Readonly<Record<string, number>>;
}

/**
 * Seals what was written since the last seal: appends a `ledger.seal` audit event with the digest
 * of the transfers since, and keeps its record (chunk marks; the accounts created since, see
 * {@link SealedAccounts}; the documents of the sealed collections new or changed since, see
 * {@link SealedRecords}). It reads the audit events from the last seal on, that seal's record,
 * and what is new since it (see the module's notes for when it reads everything once). Returns
 * the seal, or undefined when there is nothing new: no transfer, no account and no document since
 * the last seal. With new accounts or documents but no
 * transfer, the seal covers no transfers (`count` 0, `to` = `after`).
 *
 * @example
 * ```ts
 * await store.transaction((tx) => sealLedger(tx, { actor: "cli:zhang", clock, collections: ["payment"] }));
 * // { after: 0, to: 1029944, count: 1029944, digest: "sha-256:…", newAccounts: 61230, changedRecords: 70412, changedRecordsBy: { payment: 70412 } }
 * ```
 */
export async function sealLedger(
  tx: Pick<StoreTx, "transferSealLines" | "auditEvents" | "lastAuditEvent" | "appendAuditEvent" | "putRecord" | "getRecord" | "getRecords" | "recordVersions" | "accountsCreatedAfter">,
  options: SealLedgerOptions,
): Promise<LedgerSealResult | undefined> {
  // Before the (long) read of the transfers, not after it.
  requireClock("sealLedger", options);
  const hasher = options.hasher ?? sha256Hasher;
  // The seals' own records (and the versions they keep) are covered by their events' digests,
  // not by a later seal.
  const collections = (options.collections ?? []).filter((c) => c !== LEDGER_SEAL_COLLECTION && c !== LEDGER_SEAL_STATE_COLLECTION);
  const last = await lastSealOf(tx);
  const lastKept = last === undefined ? undefined : await keptRecord(tx, last.event, hasher);
  let after = last?.seal.to ?? 0;
  // After a seal of this version, its record alone (and the versions it keeps) is what the next
  // builds on; otherwise (a seal of an older version, or one not believed) every earlier seal record.
  let accountsBefore: NumberedSealedAccounts | Set<string> | undefined = isNumbered(lastKept?.accounts) ? lastKept!.accounts : undefined;
  const stateBefore = lastKept == null ? undefined : await readSealedState(tx, collections, lastKept.records ?? {}, hasher);
  let versionsBefore: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined = stateBefore;
  // No seal at all: nothing earlier to read.
  if (last === undefined) {
    accountsBefore = new Set();
    versionsBefore = new Map();
  } else if (accountsBefore === undefined || versionsBefore === undefined) {
    const covered = new Set<string>();
    const earlierRecords: { readonly event: number; readonly records: SealedRecords }[] = [];
    for await (const event of tx.auditEvents()) {
      const seal = sealOf(event);
      if (seal === undefined) continue;
      after = seal.to;
      const kept = await keptRecord(tx, event, hasher);
      for (const id of kept?.accounts?.added ?? []) covered.add(id);
      if (kept?.records !== undefined) earlierRecords.push({ event: event.sequence, records: kept.records });
    }
    accountsBefore ??= covered;
    versionsBefore ??= sealedVersionsOf(earlierRecords);
  }
  const digest = createSealDigest(hasher);
  let to = after;
  for await (const { sequences, lines } of tx.transferSealLines(after)) {
    for (let i = 0; i < sequences.length; i++) {
      const hashing = digest.add(sequences[i]!, lines[i]!);
      if (hashing !== undefined) await hashing;
    }
    to = sequences.at(-1) ?? to;
  }
  const accounts = await sealAccounts(tx, accountsBefore, hasher);
  const records = await sealRecords(tx, collections, versionsBefore, hasher);
  if (digest.count() === 0 && accounts.added.length === 0 && records.changed === 0) return undefined;
  // The versions sealed now, kept for the next seal (rewritten only where a document changed).
  const recordsKept: Record<string, SealedCollection> = {};
  for (const [collection, sealed] of Object.entries(records.records)) {
    const unchanged = stateBefore?.has(collection) === true && records.changedBy[collection] === 0;
    const state = unchanged ? lastKept!.records![collection]!.state! : await writeSealedState(tx, collection, records.sealed.get(collection)!, hasher);
    recordsKept[collection] = { ...sealed, state };
  }
  const seal: LedgerSeal = { after, to, count: digest.count(), digest: await digest.finish() };
  // The chain's value after every chunk is kept beside the event (about 8 KB per million
  // transfers), so that a change is found to its chunk of 10,000 transfers rather than to the
  // whole seal. The event's digest covers them: a kept copy that was edited is not believed.
  // The accounts the transfers name are kept too: their immutable fields (an agency moved in the
  // database shows), the ids first covered here with a short hash each, the digest of them all;
  // and the documents changed since, by collection (none: no `records`, as older seals had).
  const sealsRecords = Object.keys(records.records).length > 0;
  const change = { ...seal, marks: seal.count === 0 ? [] : digest.marks().map((m) => ({ to: m.to, digest: m.digest })), accounts, ...(sealsRecords ? { records: recordsKept } : {}) };
  const event = await appendAudit(tx, { actor: options.actor, action: LEDGER_SEAL_ACTION, subject: `transfers ${after + 1}..${to} (${seal.count}) ${seal.digest}`, change }, options);
  await tx.putRecord({ collection: LEDGER_SEAL_COLLECTION, id: String(event.sequence), data: change });
  return { ...seal, newAccounts: accounts.added.length, changedRecords: records.changed, changedRecordsBy: records.changedBy };
}

/**
 * The last seal event, found from the newest kept seal record (its id is the event's sequence)
 * without reading the chain before it; from the start when no record leads to a seal event.
 */
async function lastSealOf(tx: Pick<StoreTx, "recordVersions" | "auditEvents">): Promise<{ readonly event: AuditEvent; readonly seal: LedgerSeal } | undefined> {
  let newest = 0;
  for (const id of (await tx.recordVersions(LEDGER_SEAL_COLLECTION)).ids) {
    const n = Number(id);
    if (Number.isSafeInteger(n) && n > newest) newest = n;
  }
  for (const from of newest > 1 ? [newest, 1] : [1]) {
    let last: { readonly event: AuditEvent; readonly seal: LedgerSeal } | undefined;
    for await (const event of tx.auditEvents(from)) {
      const seal = sealOf(event);
      if (seal !== undefined) last = { event, seal };
    }
    if (last !== undefined) return last;
  }
  return undefined;
}

/** A kept `ledger-seal` record as far as it is read back. Internal. */
export interface KeptSeal {
  readonly marks?: unknown;
  readonly accounts?: SealedAccounts;
  readonly records?: SealedRecords;
}

/**
 * The record kept beside a seal event when its digest is the event's: undefined when there is
 * none (seals written before records were kept, or one deleted since), null when it was edited.
 * Internal (also read by `verify-ledger-seals`).
 */
export async function keptRecord(store: Pick<StoreTx, "getRecord">, event: AuditEvent, hasher: AuditHasher): Promise<KeptSeal | null | undefined> {
  const kept = await store.getRecord<KeptSeal>(LEDGER_SEAL_COLLECTION, String(event.sequence));
  if (kept === undefined) return undefined;
  if ((await hasher.hash(new TextEncoder().encode(canonicalJson(kept.data)))) !== event.digest) return null;
  const accounts = kept.data.accounts;
  const wellFormed = accounts === undefined || (Array.isArray(accounts.added) && Array.isArray(accounts.marks) && typeof accounts.count === "number" && typeof accounts.digest === "string" && (accounts.lastNumber === undefined || isNumbered(accounts)));
  const records = kept.data.records;
  const recordsWellFormed = records === undefined || (typeof records === "object" && records !== null && Object.values(records).every(isSealedCollection));
  if (!wellFormed) return { marks: kept.data.marks };
  return recordsWellFormed ? kept.data : { marks: kept.data.marks, ...(accounts === undefined ? {} : { accounts }) };
}

const isSealedCollection = (c: unknown): boolean => {
  const v = c as Partial<Record<keyof SealedCollection, unknown>> | null;
  return typeof v === "object" && v !== null && [v.ids, v.versions, v.marks, v.deleted].every(Array.isArray);
};
