/**
 * The versions the seals last recorded of a collection's documents, kept between seals. A seal
 * compares every document's version with the one the earlier seals last recorded; working that
 * out from every earlier seal record made each checkpoint read the seals' whole history (the
 * first one holding every account and document). So each seal also keeps, for each sealed
 * collection, one record (`ledger-seal-state`, id the collection's name) of the ids and versions
 * as sealed, and its digest in the seal's own record (`records[collection].state`); the next seal
 * reads it, checked against the last seal record, instead of the history. A state record that is
 * missing or does not give the digest (edited, or the last seal made before session 18) is not
 * believed: the seal then reads every earlier seal record, as before. Verifying does not use it.
 */
import type { StoreTx } from "../store/store";
import type { AuditHasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";
import { compareIds } from "./_seal-marks";
import type { SealedRecords } from "./seal-records";

/**
 * Record collection of the versions each sealed collection's documents were last sealed at.
 *
 * @example
 * ```ts
 * const state = await store.getRecord(LEDGER_SEAL_STATE_COLLECTION, "payment");
 * state?.data; // { ids: ["ZF2026-000001", "ZF2026-000002"], versions: [1, 3] }
 * ```
 */
export const LEDGER_SEAL_STATE_COLLECTION = "ledger-seal-state";

/** A state record's data: ids sorted (JavaScript string order), each one's sealed version. */
interface SealedState {
  readonly ids: readonly string[];
  readonly versions: readonly number[];
}

const digestOf = async (state: SealedState, hasher: AuditHasher): Promise<string> =>
  `${hasher.name}:${await hasher.hash(new TextEncoder().encode(canonicalJson(state)))}`;

/**
 * The versions last sealed of every collection the last seal recorded and of `collections`, from
 * the state records (none for a collection the last seal did not record), or undefined when any
 * of them is missing or not the one the last seal's record names (the caller then reads every
 * earlier seal record).
 *
 * @example
 * ```ts
 * await readSealedState(tx, ["payment"], lastSealRecord.records, sha256Hasher); // Map { "payment" => Map { "ZF1" => 2 } }
 * ```
 */
export async function readSealedState(
  tx: Pick<StoreTx, "getRecord">,
  collections: readonly string[],
  last: SealedRecords,
  hasher: AuditHasher,
): Promise<Map<string, Map<string, number>> | undefined> {
  const state = new Map<string, Map<string, number>>();
  for (const collection of new Set([...collections, ...Object.keys(last)])) {
    // Every seal records each collection an earlier one did: one the last seal did not, none did.
    if (last[collection] === undefined) {
      state.set(collection, new Map());
      continue;
    }
    const expected: unknown = last[collection].state;
    if (typeof expected !== "string") return undefined;
    const kept = await tx.getRecord<SealedState>(LEDGER_SEAL_STATE_COLLECTION, collection);
    if (kept === undefined || (await digestOf(kept.data, hasher)) !== expected) return undefined;
    const { ids, versions } = kept.data;
    state.set(collection, new Map(ids.map((id, i) => [id, versions[i]!] as const)));
  }
  return state;
}

/**
 * Writes the state record of a collection as sealed now, and returns its digest for the seal's
 * record.
 *
 * @example
 * ```ts
 * await writeSealedState(tx, "payment", new Map([["ZF1", 2]]), sha256Hasher); // "sha-256:…"
 * ```
 */
export async function writeSealedState(
  tx: Pick<StoreTx, "putRecord">,
  collection: string,
  sealed: ReadonlyMap<string, number>,
  hasher: AuditHasher,
): Promise<string> {
  const ids = [...sealed.keys()].sort(compareIds);
  const state: SealedState = { ids, versions: ids.map((id) => sealed.get(id)!) };
  await tx.putRecord({ collection: LEDGER_SEAL_STATE_COLLECTION, id: collection, data: state });
  return digestOf(state, hasher);
}
