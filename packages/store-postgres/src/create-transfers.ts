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
 * Inside `store.transaction(fn)` ({@link TxBalances} given) an account already locked by an earlier
 * batch of the transaction is not locked or read again: its row is kept, with the transaction's
 * pending changes added; step 4 then inserts only the drafts, numbered from the ledger head the
 * transaction holds, and stages the balances, months and head for `tx-balances.ts`.
 *
 * Inside a transaction, a batch of 64 or more is first planned assuming its own ids are new
 * (step 1 then reads only the pending transfers it resolves), in a savepoint; the plan is kept
 * when every item is `ok` and every row goes in, the UNIQUE constraint on `id` confirming the
 * guess, and otherwise undone and made again reading every id. With `writes` (a pipelining
 * connection, `deferred-writes.ts`) the savepoint and its release go out without being awaited.
 * The insert itself is awaited: its UNIQUE violation is how a replay is found, and the import
 * reads the documents' versions right after it anyway (BENCHMARKS.md, session 17).
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
import type { DeferredWrites } from "./deferred-writes";
import { PG_ERROR, exec, pgErrorCode, sql, type Queryable } from "./sql-client";
import { loadTransfersAndResolutions } from "./transfer-rows";
import type { TxBalances, TxStage } from "./tx-balances";
import { insertDrafts, writePlan } from "./write-plan";

/** A batch's results, and what it changed for the transaction's {@link TxBalances}. */
export interface LockedBatch {
  readonly result: TransferBatchResult;
  /** Keep with `TxBalances.keep` once the write's savepoint is released. */
  readonly stage: TxStage;
  /** How many transfers it inserted. */
  readonly inserted: number;
}

/**
 * Plans and writes one batch; must run inside a transaction. With `tx` (the state of a
 * `store.transaction`) balances, months and the head are staged instead of written; with
 * `writes` a guessed batch's savepoint statements are sent ahead (see the module comment).
 *
 * @example
 * ```ts
 * const { result } = await createTransfersLocked(client, '"jincai"', "jincai", [{ id: "t1", debitAccountId: "q1", creditAccountId: "src", amount: 50_000n, date: "2026-03-01" }]);
 * result.applied; // true
 * ```
 */
export async function createTransfersLocked(
  db: Queryable,
  s: string,
  schemaName: string,
  batch: readonly TransferInput[],
  options: CreateTransfersOptions = {},
  tx?: TxBalances,
  guess?: IdGuess,
  writes?: DeferredWrites,
): Promise<LockedBatch> {
  if (tx !== undefined && guess?.assumeNew === true && batch.length >= ASSUME_NEW_FROM) {
    const savepoint = exec(db, "SAVEPOINT jincai_assume_new");
    if (writes === undefined) await savepoint;
    else writes.defer(savepoint);
    let done: LockedBatch | undefined;
    try {
      done = await planAndWrite(db, s, schemaName, batch, options, tx, true);
    } catch (error) {
      // Never rolled back past a deferred write that failed (deferred-writes.ts): that throws.
      await writes?.settle();
      if (pgErrorCode(error) !== PG_ERROR.uniqueViolation) {
        await exec(db, "ROLLBACK TO SAVEPOINT jincai_assume_new");
        await exec(db, "RELEASE SAVEPOINT jincai_assume_new");
        throw error;
      }
    }
    // Not kept: undone, its row locks released with it, and planned again reading every id.
    if (done === undefined) await exec(db, "ROLLBACK TO SAVEPOINT jincai_assume_new");
    const release = exec(db, "RELEASE SAVEPOINT jincai_assume_new");
    if (done !== undefined && writes !== undefined) writes.defer(release);
    else await release;
    if (done !== undefined) return done;
    const careful = (await planAndWrite(db, s, schemaName, batch, options, tx, false))!;
    if (careful.result.results.some((r) => r.status === "exists" || r.status === "exists_with_different_fields")) guess.assumeNew = false;
    return careful;
  }
  return (await planAndWrite(db, s, schemaName, batch, options, tx, false))!;
}

/**
 * Plans the batch and writes the plan. Assuming new ids, only a plan where every item is `ok` is
 * kept (undefined otherwise, nothing written): a replayed id would have been `exists` and moved
 * no balance, so another failure may be an artefact of the guess, and every `ok` is confirmed by
 * the UNIQUE constraint when its row goes in.
 */
async function planAndWrite(
  db: Queryable,
  s: string,
  schemaName: string,
  batch: readonly TransferInput[],
  options: CreateTransfersOptions,
  tx: TxBalances | undefined,
  assumeNewIds: boolean,
): Promise<LockedBatch | undefined> {
  const keys = batchKeys(batch);
  // Assuming new ids, only the pending transfers the batch resolves are read.
  const ids = assumeNewIds ? keys.pendingIds : keys.transferIds;
  const { transfers, resolutions } = await loadTransfersAndResolutions(db, s, ids, keys.pendingIds);
  const locks = await periodLocksForWriting(db, s, schemaName);
  const accountIds = new Set(keys.accountIds);
  for (const t of transfers) {
    accountIds.add(t.debitAccountId);
    accountIds.add(t.creditAccountId);
  }
  const toLock = tx === undefined ? [...accountIds] : [...accountIds].filter((id) => tx.row(id) === undefined);
  const rows = await lockAccounts(db, s, toLock);
  const plan = planTransfers(batch, snapshotOf(rows, transfers, resolutions, locks, tx), options);
  if (assumeNewIds && plan.results.some((r) => r.status !== "ok")) return undefined;
  const result = { applied: plan.applied, results: plan.results };
  if (!plan.applied || plan.transfers.length === 0) return { result, stage: { rows }, inserted: 0 };
  const amounts = new Map(transfers.map((t) => [t.id, t.amount]));
  const months = foldBalancesByPeriod(plan.transfers, (pendingId) => amounts.get(pendingId), monthOf);
  if (tx === undefined) {
    await writePlan(db, s, plan.transfers, plan.balanceDeltas, months);
    return { result, stage: { rows }, inserted: plan.transfers.length };
  }
  const base = tx.lastSequence ?? (await lockLedgerHead(db, s));
  await insertDrafts(db, s, base, plan.transfers);
  const lastSequence = base + BigInt(plan.transfers.length);
  return { result, stage: { rows, deltas: plan.balanceDeltas, months, lastSequence }, inserted: plan.transfers.length };
}

/**
 * Batches from this size on, inside `store.transaction` (an import), are first planned as if
 * their own ids were new: a 300,000-payment import took about 13 % less time (BENCHMARKS.md). A
 * replay, or any item that fails, undoes the attempt (a savepoint) and the batch is planned
 * again reading every id.
 */
const ASSUME_NEW_FROM = 64;

/**
 * Whether a transaction's large batches still guess that their ids are new. A batch found to
 * replay earlier transfers turns the guess off for the rest of the transaction: a file imported
 * again replays throughout, and guessing would plan every batch twice (re-importing 300,000
 * payments took 40 % longer that way).
 *
 * @example
 * ```ts
 * const guess = createIdGuess(); // one per store.transaction
 * await createTransfersLocked(client, s, schemaName, batch, {}, balances, guess);
 * guess.assumeNew; // false once a batch replayed
 * ```
 */
export function createIdGuess(): IdGuess {
  return { assumeNew: true };
}

/** See {@link createIdGuess}. */
export interface IdGuess {
  assumeNew: boolean;
}

/** Locks the ledger head (held to commit) and returns its last sequence. */
async function lockLedgerHead(db: Queryable, s: string): Promise<bigint> {
  const [head] = await sql<{ last_sequence: bigint }>(db, `SELECT last_sequence FROM ${s}.ledger_head FOR UPDATE`);
  return head!.last_sequence;
}

/** The `account_months` key of a ledger date: `2026-03-15` → `2026-03`. */
const monthOf = (date: string): string => date.slice(0, 7);

function snapshotOf(
  rows: readonly AccountRow[],
  transfers: readonly Transfer[],
  resolutions: readonly Transfer[],
  locks: LedgerSnapshot["locks"],
  tx: TxBalances | undefined,
): LedgerSnapshot {
  const accounts = new Map<string, Account>();
  const balances = new Map<string, Balance>();
  // A row read again (an account the transaction closed) still owes its pending changes.
  for (const row of tx === undefined ? rows : tx.overlay(rows)) {
    accounts.set(row.id, accountOf(row));
    balances.set(row.id, balanceOf(row));
  }
  const kept = (id: string): Account | undefined => {
    const row = tx?.row(id);
    if (row === undefined) return undefined;
    const account = accountOf(row);
    accounts.set(id, account);
    balances.set(id, tx!.balance(id)!);
    return account;
  };
  const byId = new Map(transfers.map((t) => [t.id, t]));
  const byPending = new Map(resolutions.map((t) => [t.pendingId ?? "", t]));
  return {
    account: (id) => accounts.get(id) ?? kept(id),
    balance: (id) => balances.get(id) ?? (kept(id) === undefined ? ZERO_BALANCE : balances.get(id)!),
    transfer: (id) => byId.get(id),
    resolution: (pendingId) => byPending.get(pendingId),
    locks,
  };
}
