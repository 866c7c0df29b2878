/**
 * The `transfers` row and its mapping to a {@link Transfer}. Accounts are stored by their
 * integer key; `refs` holds the references in the form of `references-codec`, NULL when there are none.
 *
 * Rows are read as arrays (better-sqlite3's `raw` mode) in the order of {@link TRANSFER_COLUMNS}:
 * a page of 5,000 named row objects cost about half again as much CPU as the arrays, on every
 * statement, seal and `audit verify` stream (BENCHMARKS.md).
 */
import type Database from "better-sqlite3";
import type { Transfer, TransferPhase } from "@jincai/core";
import type { AccountCache } from "./account-cache";
import { decodeReferences } from "./references-codec";

/**
 * The columns of a transfer, in the order {@link transferFromRaw} reads them, for a query whose
 * `transfers` table is aliased `t`. A query may select more columns after them.
 *
 * @example
 * ```ts
 * conn.stmt(`SELECT ${TRANSFER_COLUMNS} FROM transfers t WHERE t.id = ?`).raw(true).get("t1");
 * ```
 */
export const TRANSFER_COLUMNS = "t.sequence, t.id, t.phase, t.debit, t.credit, t.amount, t.date, t.pending_id, t.expires_on, t.refs";

/** A `transfers` row read in raw mode with {@link TRANSFER_COLUMNS} first (integers as bigint). */
export type TransferRawRow = readonly [
  sequence: bigint,
  id: string,
  phase: TransferPhase,
  debit: bigint,
  credit: bigint,
  amount: bigint,
  date: string,
  pendingId: string | null,
  expiresOn: string | null,
  refs: string | null,
  ...rest: unknown[],
];

/**
 * Rebuilds a transfer from its raw row.
 *
 * @example
 * ```ts
 * const row = conn.stmt(`SELECT ${TRANSFER_COLUMNS} FROM transfers t WHERE t.id = ?`).raw(true).get("t1");
 * transferFromRaw(row as TransferRawRow, accounts).amount; // 50000n
 * ```
 */
export function transferFromRaw(row: TransferRawRow, accounts: AccountCache): Transfer {
  const t: { -readonly [K in keyof Transfer]?: Transfer[K] } = {
    id: row[1],
    phase: row[2],
    debitAccountId: accounts.idOf(row[3]),
    creditAccountId: accounts.idOf(row[4]),
    amount: row[5],
    date: row[6],
    references: decodeReferences(row[9]),
    sequence: Number(row[0]),
  };
  if (row[7] !== null) t.pendingId = row[7];
  if (row[8] !== null) t.expiresOn = row[8];
  return t as Transfer;
}

/**
 * The transfers of a raw-mode statement's rows.
 *
 * @example
 * ```ts
 * readTransfers(conn.stmt(`SELECT ${TRANSFER_COLUMNS} FROM transfers t`), [], accounts).length; // every transfer
 * ```
 */
export function readTransfers(stmt: Database.Statement, params: readonly unknown[], accounts: AccountCache): Transfer[] {
  const rows = stmt.raw(true).all(...params) as TransferRawRow[];
  const out = new Array<Transfer>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = transferFromRaw(rows[i]!, accounts);
  return out;
}

/**
 * The one transfer a raw-mode statement finds, or undefined.
 *
 * @example
 * ```ts
 * readTransfer(conn.stmt(`SELECT ${TRANSFER_COLUMNS} FROM transfers t WHERE t.id = ?`), ["t1"], accounts)?.amount; // 50000n
 * ```
 */
export function readTransfer(stmt: Database.Statement, params: readonly unknown[], accounts: AccountCache): Transfer | undefined {
  const row = stmt.raw(true).get(...params) as TransferRawRow | undefined;
  return row === undefined ? undefined : transferFromRaw(row, accounts);
}
