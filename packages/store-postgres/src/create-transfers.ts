/**
 * The checked transfer batch on PostgreSQL. The rules are core's `planTransfers`; this file only
 * loads what the batch may read and writes the plan, inside the caller's transaction:
 *
 * 1. read the batch's transfers, the resolutions of the pending ids it names (one query), and
 *    the period locks under a shared advisory lock that `lockPeriod` takes exclusively;
 * 2. lock every touched account (the batch's and the loaded pending transfers') with
 *    `SELECT … FOR UPDATE` in id order: competing batches on the same quota queue here, so no
 *    interleaving can overspend, and the id order cannot deadlock;
 * 3. plan synchronously over the snapshot (balances as read under the locks);
 * 4. write the plan in one statement (`write-plan.ts`), with the drafts' monthly balance changes
 *    for `account_months` folded by core's `foldBalancesByPeriod` (a `post` of a pending transfer
 *    written by an earlier batch takes its amount from the transfers read in step 1).
 *
 * Transfers read in step 1 may be stale by the time of step 4 (another client created the same
 * id, or resolved the same pending transfer, meanwhile). The UNIQUE constraints on `id` and
 * `pending_id` then reject the write, and the runner retries the whole batch, which now sees the
 * winner's row and answers `exists`, `exists_with_different_fields` or `pending_already_*`.
 */
import { ZERO_BALANCE, batchKeys, foldBalancesByPeriod, planTransfers } from "@jincai/core";
import type {
  Account,
  Balance,
  CreateTransfersOptions,
  LedgerSnapshot,
  Transfer,
  TransferBatchResult,
  TransferInput,
} from "@jincai/core";
import { accountOf, balanceOf, lockAccounts, type AccountRow } from "./account-rows";
import { periodLocksForWriting } from "./period-lock-rows";
import type { Queryable } from "./sql-client";
import { loadTransfersAndResolutions } from "./transfer-rows";
import { writePlan } from "./write-plan";

/** Plans and writes one batch; must run inside a transaction. */
export async function createTransfersLocked(
  db: Queryable,
  s: string,
  schemaName: string,
  batch: readonly TransferInput[],
  options: CreateTransfersOptions = {},
): Promise<TransferBatchResult> {
  const keys = batchKeys(batch);
  const { transfers, resolutions } = await loadTransfersAndResolutions(db, s, keys.transferIds, keys.pendingIds);
  const locks = await periodLocksForWriting(db, s, schemaName);
  const accountIds = new Set(keys.accountIds);
  for (const t of transfers) {
    accountIds.add(t.debitAccountId);
    accountIds.add(t.creditAccountId);
  }
  const rows = await lockAccounts(db, s, [...accountIds]);
  const plan = planTransfers(batch, snapshotOf(rows, transfers, resolutions, locks), options);
  if (plan.applied && plan.transfers.length > 0) {
    const amounts = new Map(transfers.map((t) => [t.id, t.amount]));
    const months = foldBalancesByPeriod(plan.transfers, (pendingId) => amounts.get(pendingId), monthOf);
    await writePlan(db, s, plan.transfers, plan.balanceDeltas, months);
  }
  return { applied: plan.applied, results: plan.results };
}

/** The `account_months` key of a ledger date: `2026-03-15` → `2026-03`. */
const monthOf = (date: string): string => date.slice(0, 7);

function snapshotOf(
  rows: readonly AccountRow[],
  transfers: readonly Transfer[],
  resolutions: readonly Transfer[],
  locks: LedgerSnapshot["locks"],
): LedgerSnapshot {
  const accounts = new Map<string, Account>();
  const balances = new Map<string, Balance>();
  for (const row of rows) {
    accounts.set(row.id, accountOf(row));
    balances.set(row.id, balanceOf(row));
  }
  const byId = new Map(transfers.map((t) => [t.id, t]));
  const byPending = new Map(resolutions.map((t) => [t.pendingId ?? "", t]));
  return {
    account: (id) => accounts.get(id),
    balance: (id) => balances.get(id) ?? ZERO_BALANCE,
    transfer: (id) => byId.get(id),
    resolution: (pendingId) => byPending.get(pendingId),
    locks,
  };
}
