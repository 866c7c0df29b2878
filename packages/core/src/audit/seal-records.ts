/**
 * The domain documents in a ledger seal. A payment document is checked against its transfers
 * (treasury's `checkPaymentDocuments`), but what its transfers do not determine (the dates of its
 * status changes, its controls, how its reservation was made; any field of a document a later
 * version stops checking) could be edited in the database without a trace. Documents change
 * (a payment is approved, paid, refunded), so a seal cannot fix them for good as it fixes
 * transfers: it records, per sealed collection, the documents new or changed since the previous
 * seal (a record's version moved) with their version and a short hash of each one's line, and the
 * ids deleted since. A document is then checked against the last seal that recorded it: the same
 * version must give the same line. A version above the sealed one is a change since the last seal,
 * which the next seal records, as transfers written since are sealed by the next seal. Sealing
 * reads each sealed collection's ids and versions (`recordVersions`) and then only the documents
 * new or changed (`getRecords`), so a daily checkpoint does not read every document of the year;
 * verifying reads and hashes every document.
 *
 * It deliberately does not tell a change since the last seal from an edit that also raised the
 * record's version: both are counted as not sealed yet (and the document checks still compare
 * payment documents with their transfers). Seal often (`jincai audit checkpoint` daily).
 */
import type { StoreTx, StoredRecord } from "../store/store";
import type { AuditHasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";
import { compareIds, markAgrees, namedIds, sealMark } from "./_seal-marks";

/**
 * What a seal records of one collection's documents.
 *
 * @example
 * ```ts
 * const kept = await store.getRecord<{ records?: Readonly<Record<string, SealedCollection>> }>(LEDGER_SEAL_COLLECTION, "9");
 * kept?.data.records?.["payment"]; // { ids: ["ZF2026-000123"], versions: [3], marks: ["3f9a0c1d…"], deleted: [] }
 * ```
 */
export interface SealedCollection {
  /** Ids of the documents new or changed since the previous seal, sorted (JavaScript string order). */
  readonly ids: readonly string[];
  /** For each id of `ids`, its version when sealed. */
  readonly versions: readonly number[];
  /** For each id of `ids`, the first 32 hex digits of the hash of its line (16 in seals before session 17). */
  readonly marks: readonly string[];
  /** Ids an earlier seal recorded that were deleted since (sorted). */
  readonly deleted: readonly string[];
  /**
   * The digest of the versions every document of the collection is sealed at after this seal,
   * kept in a `ledger-seal-state` record for the next seal (see `seal-record-state`). Since
   * session 18.
   */
  readonly state?: string;
}

/**
 * The documents part of a kept seal record: by collection name.
 *
 * @example
 * ```ts
 * const kept = await store.getRecord<{ records?: SealedRecords }>(LEDGER_SEAL_COLLECTION, "9");
 * kept?.data.records; // { payment: { ids: ["ZF2026-000123"], versions: [3], marks: ["3f9a0c1d…"], deleted: [] } }
 * ```
 */
export type SealedRecords = Readonly<Record<string, SealedCollection>>;

/** The last seal that recorded a document: its version and mark there, or that it was deleted. */
type Latest = { readonly event: number; readonly version: number; readonly mark: string } | { readonly event: number; readonly deleted: true };

/**
 * The canonical line of a document in a seal: its collection, id, version, data and index, as
 * canonical JSON (an amount held as a bigint and as its decimal string give the same line).
 *
 * @example
 * ```ts
 * recordSealLine({ collection: "payment", id: "ZF1", version: 2, data: { payeeName: "青川" }, index: { status: "paid" } });
 * // '["payment","ZF1",2,{"payeeName":"青川"},{"status":"paid"}]\n'
 * ```
 */
export function recordSealLine(r: StoredRecord): string {
  return `${canonicalJson([r.collection, r.id, r.version, r.data, r.index])}\n`;
}

const markOf = (r: StoredRecord, hasher: AuditHasher): Promise<string> => sealMark(recordSealLine(r), hasher);

/** Documents read per `getRecords` call when sealing the changed ones. */
const READ_BATCH = 500;

/** For each collection, the last seal that recorded each of its documents. */
function latestOf(seals: readonly { readonly event: number; readonly records: SealedRecords }[]): Map<string, Map<string, Latest>> {
  const latest = new Map<string, Map<string, Latest>>();
  for (const { event, records } of seals) {
    for (const [collection, sealed] of Object.entries(records)) {
      const docs = latest.get(collection) ?? new Map<string, Latest>();
      latest.set(collection, docs);
      sealed.ids.forEach((id, i) => docs.set(id, { event, version: sealed.versions[i] ?? 0, mark: sealed.marks[i] ?? "" }));
      for (const id of sealed.deleted) docs.set(id, { event, deleted: true });
    }
  }
  return latest;
}

/**
 * For each collection, the version the earlier seals last recorded of each document they did not
 * record deleted: what a new seal compares the stored versions with.
 *
 * @example
 * ```ts
 * sealedVersionsOf([{ event: 3, records: { payment: { ids: ["ZF1"], versions: [2], marks: ["…"], deleted: [] } } }]);
 * // Map { "payment" => Map { "ZF1" => 2 } }
 * ```
 */
export function sealedVersionsOf(seals: readonly { readonly event: number; readonly records: SealedRecords }[]): Map<string, Map<string, number>> {
  const versions = new Map<string, Map<string, number>>();
  for (const [collection, docs] of latestOf(seals)) {
    versions.set(collection, new Map([...docs].flatMap(([id, last]) => ("deleted" in last ? [] : [[id, last.version] as const]))));
  }
  return versions;
}

/** What {@link sealRecords} sealed, and the versions sealed now. */
export interface RecordSealResult {
  /** The documents part of the new seal's record, by collection. */
  readonly records: SealedRecords;
  /** Documents new, changed or deleted since the earlier seals, in all. */
  readonly changed: number;
  /** The same by collection (every sealed collection, 0 where none changed). */
  readonly changedBy: Readonly<Record<string, number>>;
  /** For each collection, the version of each document as sealed now (what the next seal compares with). */
  readonly sealed: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * The documents part of a new seal: for each collection (those given, and those earlier seals
 * recorded: the keys of `before`), the documents whose version is not the one earlier seals last
 * recorded (`before`, new ones included), and those recorded that are gone. `changed` counts both.
 *
 * @example
 * ```ts
 * await sealRecords(tx, ["payment"], sealedVersionsOf([{ event: 3, records: earlier }]), sha256Hasher);
 * // { records: { payment: { ids: ["ZF9"], versions: [1], marks: ["3f9a…"], deleted: [] } }, changed: 1, changedBy: { payment: 1 }, sealed: Map { … } }
 * ```
 */
export async function sealRecords(
  tx: Pick<StoreTx, "recordVersions" | "getRecords">,
  collections: readonly string[],
  before: ReadonlyMap<string, ReadonlyMap<string, number>>,
  hasher: AuditHasher,
): Promise<RecordSealResult> {
  const records: Record<string, SealedCollection> = {};
  const changedBy: Record<string, number> = {};
  const sealedNow = new Map<string, Map<string, number>>();
  let changed = 0;
  // A collection an earlier seal recorded is sealed on, even when this call does not name it.
  for (const collection of [...new Set([...collections, ...before.keys()])].sort()) {
    const last = before.get(collection) ?? new Map<string, number>();
    const sealed = { ids: [] as string[], versions: [] as number[], marks: [] as string[] };
    const now = await tx.recordVersions(collection);
    const versionsNow = new Map<string, number>();
    const changedIds = now.ids.filter((id, i) => {
      if (last.get(id) !== now.versions[i]) return true;
      versionsNow.set(id, now.versions[i]!);
      return false;
    });
    for (let i = 0; i < changedIds.length; i += READ_BATCH) {
      for (const r of await tx.getRecords(collection, changedIds.slice(i, i + READ_BATCH))) {
        // Gone since its version was read: only within another writer's transaction; next seal's.
        if (r === undefined) continue;
        sealed.ids.push(r.id);
        sealed.versions.push(r.version);
        sealed.marks.push(await markOf(r, hasher));
        versionsNow.set(r.id, r.version);
      }
    }
    const seen = new Set(now.ids);
    const deleted = [...last.keys()].filter((id) => !seen.has(id)).sort();
    // Read in the store's id order; sorted again so that every store's order gives one record.
    const order = sealed.ids.map((_, i) => i).sort((a, b) => compareIds(sealed.ids[a]!, sealed.ids[b]!));
    records[collection] = { ids: order.map((i) => sealed.ids[i]!), versions: order.map((i) => sealed.versions[i]!), marks: order.map((i) => sealed.marks[i]!), deleted };
    changed += sealed.ids.length + deleted.length;
    changedBy[collection] = sealed.ids.length + deleted.length;
    sealedNow.set(collection, versionsNow);
  }
  return { records, changed, changedBy, sealed: sealedNow };
}

/** Documents of one seal that no longer agree, as found by {@link verifySealedRecords}. */
export interface RecordSealFinding {
  /** The seal's audit event: the last one that recorded the documents named. */
  readonly event: number;
  /** Their collection. */
  readonly collection: string;
  /** What differs: `: ZF1 changed; ZF3 missing; ZF4 at version 2, sealed at version 3`. */
  readonly detail: string;
}

/**
 * What `verifyLedgerSeals` read of the sealed documents (`SealReport.records`).
 *
 * @example
 * ```ts
 * const { records }: { records: RecordSealSummary } = await verifyLedgerSeals(store);
 * // { collections: ["payment"], sealed: 412, changedSince: 0, newSince: 3, firstEvent: 9, firstEvents: { payment: 9 } }
 * ```
 */
export interface RecordSealSummary {
  /** The collections the seals record documents of (sorted). */
  readonly collections: readonly string[];
  /** Documents whose sealed version is stored now (checked line by line). */
  readonly sealed: number;
  /** Documents changed since the last seal that recorded them (a higher version): not sealed yet. */
  readonly changedSince: number;
  /** Documents no seal recorded (created since the last seal): not sealed yet. */
  readonly newSince: number;
  /** The first seal event that recorded documents; seals before it (older versions) did not. */
  readonly firstEvent?: number;
  /**
   * For each collection, the first seal event that recorded it: a collection sealed from a later
   * version on (`quota`, after `payment`) is not covered by the seals before its event.
   */
  readonly firstEvents: Readonly<Record<string, number>>;
}

/**
 * Checks the documents every seal recorded against the documents stored now, reading each sealed
 * collection once: a document at the version its last seal recorded must give the same line; one
 * that is gone must have been recorded deleted; a lower version is an older copy put back.
 *
 * @example
 * ```ts
 * await verifySealedRecords(store, [{ event: 9, records }], sha256Hasher);
 * // { findings: [{ event: 9, collection: "payment", detail: ": ZF1 changed" }], summary: { collections: ["payment"], sealed: 412, changedSince: 0, newSince: 0, firstEvent: 9, firstEvents: { payment: 9 } } }
 * ```
 */
export async function verifySealedRecords(
  store: Pick<StoreTx, "queryRecords">,
  seals: readonly { readonly event: number; readonly records: SealedRecords }[],
  hasher: AuditHasher,
): Promise<{ readonly findings: RecordSealFinding[]; readonly summary: RecordSealSummary }> {
  const latest = latestOf(seals);
  const found = new Map<string, { changed: string[]; missing: string[]; moved: string[] }>();
  const at = (event: number, collection: string) => {
    const key = `${event}\t${collection}`;
    const entry = found.get(key) ?? { changed: [], missing: [], moved: [] };
    found.set(key, entry);
    return entry;
  };
  let sealed = 0;
  let changedSince = 0;
  let newSince = 0;
  for (const [collection, docs] of [...latest].sort(([a], [b]) => compareIds(a, b))) {
    const unseen = new Set([...docs].filter(([, last]) => !("deleted" in last)).map(([id]) => id));
    for await (const r of store.queryRecords(collection)) {
      unseen.delete(r.id);
      const last = docs.get(r.id);
      if (last === undefined || "deleted" in last) newSince++;
      else if (r.version > last.version) changedSince++;
      else if (r.version < last.version) at(last.event, collection).moved.push(`${r.id} at version ${r.version}, sealed at version ${last.version}`);
      else {
        sealed++;
        if (!(await markAgrees(recordSealLine(r), last.mark, hasher))) at(last.event, collection).changed.push(r.id);
      }
    }
    for (const id of [...unseen].sort()) at(docs.get(id)!.event, collection).missing.push(id);
  }
  const findings = [...found].map(([key, f]): RecordSealFinding => {
    const [event, collection] = key.split("\t") as [string, string];
    const parts = [namedIds(f.changed.sort(), "changed"), namedIds(f.missing, "missing"), namedIds(f.moved.sort(), "")].filter((p) => p !== "");
    return { event: Number(event), collection, detail: `: ${parts.join("; ")}` };
  });
  findings.sort((a, b) => a.event - b.event || compareIds(a.collection, b.collection));
  const firstEvent = seals[0]?.event;
  const firstEvents: Record<string, number> = {};
  for (const { event, records } of seals) for (const collection of Object.keys(records)) firstEvents[collection] ??= event;
  return { findings, summary: { collections: [...latest.keys()].sort(), sealed, changedSince, newSince, ...(firstEvent === undefined ? {} : { firstEvent }), firstEvents } };
}
