/**
 * The seal lines of transfers (`StoreTx.transferSealLines`) straight from the rows: SQLite writes
 * the text around the accounts (`sequence\tid\tphase\t` and `\tamount\tdate\tpending\texpires\t`),
 * the account cache names the two accounts, and the references go from their stored text to
 * canonical JSON without an object. No `Transfer`, no bigint and no references object per row:
 * on a million transfers this is what `jincai audit verify` and `audit checkpoint` read (see
 * BENCHMARKS.md, session 17). Each line must be the one core's `transferSealLine` writes for the
 * transfer `transfers()` reads back; the conformance suite checks that on every row of a fixture
 * ledger, and pins the digest earlier versions gave.
 */
import type { TransferSealPage } from "@jincai/core";
import type { SqliteContext } from "./account-ops";
import { canonicalReferences } from "./references-codec";

/**
 * How many transfers one page reads. Small on purpose: a page's rows and lines are alive while
 * the seal hashes them, and with 5,000 they outlived V8's young generation and were promoted, so
 * reading a million lines cost 6.7–7.8 s of CPU (most of it garbage collection) against
 * 2.9–3.2 s with pages of 500–1,000 (BENCHMARKS.md, session 17).
 */
export const SEAL_LINE_PAGE_SIZE = 1000;

// SQLite's integer to text is the decimal the bigint would give; `||` with NULL is NULL, hence ifnull.
const SQL = `SELECT t.sequence,
  t.sequence || char(9) || t.id || char(9) || t.phase || char(9),
  t.debit, t.credit,
  char(9) || t.amount || char(9) || t.date || char(9) || ifnull(t.pending_id, '') || char(9) || ifnull(t.expires_on, '') || char(9),
  t.refs
FROM transfers t WHERE t.sequence > ? ORDER BY t.sequence LIMIT ?`;

/** A row of {@link SQL} in raw mode, integers as numbers. */
type SealRow = readonly [sequence: number, head: string, debit: number, credit: number, middle: string, refs: string | null];

/**
 * The next page of seal lines after sequence `after`.
 *
 * @example
 * ```ts
 * sealLinePageSync(ctx, 0).lines[0]; // "1\tfund-q1\tposted\tquota-source\tquota-101001-2010101-30201\t1000000\t2026-01-05\t\t\t{}\n"
 * ```
 */
export function sealLinePageSync(ctx: SqliteContext, after: number, limit = SEAL_LINE_PAGE_SIZE): TransferSealPage {
  const rows = ctx.conn.stmt(SQL).raw(true).safeIntegers(false).all(after, limit) as SealRow[];
  const sequences = new Array<number>(rows.length);
  const lines = new Array<string>(rows.length);
  const { accounts } = ctx;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    sequences[i] = row[0];
    lines[i] = `${row[1]}${accounts.idOf(row[2])}\t${accounts.idOf(row[3])}${row[4]}${canonicalReferences(row[5])}\n`;
  }
  return { sequences, lines };
}
