/**
 * The seal lines of transfers (`StoreTx.transferSealLines`) from the rows: PostgreSQL writes the
 * line up to the references (every column as text, tab-separated), the client adds the
 * references as canonical JSON. No `Transfer` object per row; each line must be the one core's
 * `transferSealLine` writes for the transfer `transfers()` reads back (the conformance suite
 * checks it on every row of a fixture ledger, and pins the digest earlier versions gave).
 */
import { canonicalJson } from "@jincai/core";
import type { TransferSealPage } from "@jincai/core";
import { decodeTaggedValue } from "./tagged-json";
import { sql, type Queryable } from "./sql-client";

/** How many transfers one page reads. */
export const SEAL_LINE_PAGE_SIZE = 5000;

/** A row of the page query. */
interface SealRow {
  sequence: bigint;
  head: string;
  refs: unknown;
}

/**
 * Streams the seal lines after sequence `afterSequence`, one page of {@link SEAL_LINE_PAGE_SIZE}
 * rows at a time (keyset paging on `sequence`), running each page through `run`.
 *
 * @example
 * ```ts
 * for await (const page of streamSealLines((fn) => runner.read(fn), s, 0)) page.lines[0]; // "1\tfund-q1\tposted\t…\n"
 * ```
 */
export async function* streamSealLines(
  run: <R>(fn: (db: Queryable) => Promise<R>) => Promise<R>,
  s: string,
  afterSequence: number,
): AsyncGenerator<TransferSealPage> {
  // A date's text is the one the driver reads (DateStyle ISO); an amount's the bigint's decimal.
  const text = `SELECT t.sequence, concat_ws(E'\\t', t.sequence, t.id, t.phase, t.debit_account_id, t.credit_account_id, t.amount, t.date,
    coalesce(t.pending_id, ''), coalesce(t.expires_on::text, ''), '') AS head, t.refs
    FROM ${s}.transfers t WHERE t.sequence > $1 ORDER BY t.sequence LIMIT ${SEAL_LINE_PAGE_SIZE}`;
  let after = BigInt(Math.trunc(Math.max(afterSequence, Number.MIN_SAFE_INTEGER)));
  for (;;) {
    const rows = await run((db) => sql<SealRow>(db, text, [after]));
    if (rows.length > 0) {
      const sequences = new Array<number>(rows.length);
      const lines = new Array<string>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        sequences[i] = Number(row.sequence);
        lines[i] = `${row.head}${canonicalJson(decodeTaggedValue(row.refs))}\n`;
      }
      yield { sequences, lines };
    }
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < SEAL_LINE_PAGE_SIZE) return;
    after = last.sequence;
  }
}
