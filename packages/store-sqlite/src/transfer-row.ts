/**
 * The `transfers` row and its mapping to a {@link Transfer}. Accounts are stored by their
 * integer key; `refs` holds the references in the form of `references-codec`, NULL when there are none.
 */
import type { Transfer, TransferPhase } from "@jincai/core";
import type { AccountCache } from "./account-cache";
import { decodeReferences } from "./references-codec";

/** A `transfers` row as better-sqlite3 returns it (integers as bigint). */
export interface TransferRow {
  readonly sequence: bigint;
  readonly id: string;
  readonly phase: TransferPhase;
  readonly debit: bigint;
  readonly credit: bigint;
  readonly amount: bigint;
  readonly date: string;
  readonly pending_id: string | null;
  readonly expires_on: string | null;
  readonly refs: string | null;
}

/**
 * Rebuilds a transfer from its row.
 *
 * @example
 * ```ts
 * transferFromRow(conn.stmt("SELECT * FROM transfers WHERE id = ?").get("t1"), accounts).amount; // 50000n
 * ```
 */
export function transferFromRow(row: TransferRow, accounts: AccountCache): Transfer {
  const t: { -readonly [K in keyof Transfer]?: Transfer[K] } = {
    id: row.id,
    phase: row.phase,
    debitAccountId: accounts.idOf(row.debit),
    creditAccountId: accounts.idOf(row.credit),
    amount: row.amount,
    date: row.date,
    references: decodeReferences(row.refs),
    sequence: Number(row.sequence),
  };
  if (row.pending_id !== null) t.pendingId = row.pending_id;
  if (row.expires_on !== null) t.expiresOn = row.expires_on;
  return t as Transfer;
}
