/**
 * `putRecords` in SQL: a whole call in three statements instead of two per record. The stored
 * versions of every record the call names are read and locked at once (`SELECT … FOR UPDATE`);
 * each write's optimistic check then runs in order in memory (a record written twice in one call
 * sees its first write); the last state of each record goes in with one INSERT for the new ones
 * and one UPDATE for the others. A racing first insert of the same id surfaces as a unique
 * violation, which the runner retries (the retry then sees the winner's version).
 */
import type { RecordWrite } from "@jincai/core";
import { checkRecordVersion } from "./record-rows";
import { encodeTaggedJson } from "./tagged-json";
import { exec, sql, type Queryable } from "./sql-client";

/** A record of the call: its version before the call, and its latest write. */
interface RecordState {
  readonly collection: string;
  readonly id: string;
  readonly stored: number;
  version: number;
  data: string;
  index: string;
}

/**
 * Stores records in order after each one's version check (`RECORD_VERSION_CONFLICT`, nothing
 * written when one fails); returns each write's new version. Must run in a transaction.
 *
 * @example
 * ```ts
 * await putRecordsLocked(client, '"jincai"', [{ collection: "payment", id: "ZF001", data: { amount: 100n }, expectedVersion: 0 }], now);
 * // [1]
 * ```
 */
export async function putRecordsLocked(db: Queryable, s: string, writes: readonly RecordWrite<unknown>[], now: string): Promise<number[]> {
  if (writes.length === 0) return [];
  const states = await lockedStates(db, s, writes);
  const versions = writes.map((write) => {
    const state = states.get(keyOf(write.collection, write.id))!;
    checkRecordVersion(write.collection, write.id, state.version, write.expectedVersion);
    state.version += 1;
    state.data = encodeTaggedJson(write.data);
    state.index = JSON.stringify({ ...(write.index ?? {}) });
    return state.version;
  });
  const fresh = [...states.values()].filter((r) => r.stored === 0);
  const changed = [...states.values()].filter((r) => r.stored > 0);
  if (fresh.length > 0) {
    await exec(
      db,
      `INSERT INTO ${s}.records (collection, id, version, data, index_fields, updated_at)
       SELECT x.collection, x.id, x.version, x.data, x.idx, $2 FROM ${ROWS} AS x`,
      [rowsJson(fresh), now],
    );
  }
  if (changed.length > 0) {
    await exec(
      db,
      `UPDATE ${s}.records r SET version = x.version, data = x.data, index_fields = x.idx, updated_at = $2
       FROM ${ROWS} AS x
       WHERE r.collection = x.collection AND r.id = x.id`,
      [rowsJson(changed), now],
    );
  }
  return versions;
}

/**
 * The records of `$1`, one JSON array of rows `[collection, id, version, data, index]`. The
 * outer array is parsed as `json`, not `jsonb`, so each document comes out as the text it went
 * in as. Arrays of documents as `json[]` parameters had pg quote every character of every
 * document into an array literal in JavaScript (0.7 s of the client's CPU for 200,000 submitted
 * payments) and the server parse that back (BENCHMARKS.md, lifecycle rows).
 */
const ROWS = `(SELECT d.r->>0 AS collection, d.r->>1 AS id, (d.r->>2)::int AS version, d.r->3 AS data, (d.r->4)::jsonb AS idx
  FROM json_array_elements($1::json) AS d(r))`;

/** The `$1` of {@link ROWS}: the documents and index fields are JSON already, so they go in as they are. */
function rowsJson(records: readonly RecordState[]): string {
  const rows = new Array<string>(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    rows[i] = `[${JSON.stringify(r.collection)},${JSON.stringify(r.id)},${r.version},${r.data},${r.index}]`;
  }
  return `[${rows.join(",")}]`;
}

const keyOf = (collection: string, id: string): string => `${collection}\u0000${id}`;

/** The state before the call of every record the writes name, read and locked in one query. */
async function lockedStates(db: Queryable, s: string, writes: readonly RecordWrite<unknown>[]): Promise<Map<string, RecordState>> {
  const states = new Map<string, RecordState>();
  for (const { collection, id } of writes) {
    const key = keyOf(collection, id);
    if (!states.has(key)) states.set(key, { collection, id, stored: 0, version: 0, data: "", index: "" });
  }
  const keys = [...states.values()];
  const rows = await sql<{ collection: string; id: string; version: number }>(
    db,
    `SELECT r.collection, r.id, r.version FROM ${s}.records r
     JOIN unnest($1::text[], $2::text[]) AS k(collection, id) ON r.collection = k.collection AND r.id = k.id
     ORDER BY r.collection, r.id FOR UPDATE OF r`,
    [keys.map((k) => k.collection), keys.map((k) => k.id)],
  );
  for (const row of rows) {
    const key = keyOf(row.collection, row.id);
    states.set(key, { ...states.get(key)!, stored: row.version, version: row.version });
  }
  return states;
}
