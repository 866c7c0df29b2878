/**
 * The ledger's checked batch on SQLite: build a snapshot, let core's `planTransfers` decide,
 * then write the plan (insert the new transfers in order, 32 rows per statement; update each
 * touched account's balance once; add the batch's changes to each touched account's month in
 * `account_months`, which answers balances as of a date). Inside `store.transaction(fn)` the
 * balances and months are added in memory instead and written before `COMMIT` (tx-balances).
 * The caller runs this inside one transaction (or savepoint), so a batch applies whole.
 *
 * Imports send large batches of new ids, so the first attempt plans as if none of the batch's
 * own ids existed (one index probe per transfer saved) inside a savepoint, and is kept only
 * when every item is `ok` and every row goes in: the UNIQUE constraint on `transfers.id` guards
 * the guess. Otherwise (a replay, or any item that fails, whose failure may be an artefact of
 * the guess) the attempt is rolled back and the batch planned again on a snapshot that reads
 * every id. A batch whose first or last id is stored is not guessed at all (a file imported
 * again, a day's export moving stored payments on): the guess would be lost after planning and
 * inserting up to the first stored id, so it goes straight to the careful plan.
 */
import { foldBalancesByPeriod, planTransfers } from "@jincai/core";
import type { Balance, CreateTransfersOptions, TransferBatchResult, TransferDraft, TransferInput, TransferPlan } from "@jincai/core";
import type { RunResult } from "better-sqlite3";
import type { SqliteContext } from "./account-ops";
import { multiRowInsertSql } from "./multi-row-insert";
import { encodeReferences } from "./references-codec";
import { createSqliteSnapshot } from "./sqlite-snapshot";
import { MONTH_UPSERT } from "./tx-balances";
import type { SqliteSnapshot } from "./sqlite-snapshot";

/** Batches from this size on are first tried assuming their ids are new. */
const ASSUME_NEW_FROM = 64;

/**
 * Plans and writes a batch of transfers; returns one result per item.
 *
 * @example
 * ```ts
 * createTransfersSync(ctx, [{ id: "t1", debitAccountId: "q1", creditAccountId: "src", amount: 50_000n, date: "2026-03-01" }]);
 * // { applied: true, results: [{ index: 0, id: "t1", status: "ok" }] }
 * ```
 */
export function createTransfersSync(
  ctx: SqliteContext,
  batch: readonly TransferInput[],
  options: CreateTransfersOptions = {},
): TransferBatchResult {
  const partial = options.partial === true;
  ctx.deferral.beforeInsert(batch.length);
  // Pairs of transfer_accounts held in memory are forgotten with a batch that is rolled back.
  const mark = ctx.transferAccounts.mark();
  try {
    return attempt(ctx, batch, partial);
  } catch (error) {
    ctx.transferAccounts.truncate(mark);
    throw error;
  }
}

/** The assume-new attempt of a large batch, then (when it was not kept) the careful one. */
function attempt(ctx: SqliteContext, batch: readonly TransferInput[], partial: boolean): TransferBatchResult {
  if (batch.length >= ASSUME_NEW_FROM && !endsStored(ctx, batch)) {
    const db = ctx.conn.db;
    db.exec("SAVEPOINT jincai_assume_new");
    let result: TransferBatchResult | undefined;
    try {
      result = planAndWrite(ctx, batch, partial, true);
    } catch (error) {
      if (!isUniqueViolation(error)) {
        db.exec("ROLLBACK TO jincai_assume_new");
        db.exec("RELEASE jincai_assume_new");
        throw error;
      }
    }
    if (result === undefined) db.exec("ROLLBACK TO jincai_assume_new");
    db.exec("RELEASE jincai_assume_new");
    // Kept, or nothing written: the pairs are recorded only once a batch's rows are all in.
    if (result !== undefined) return result;
  }
  return planAndWrite(ctx, batch, partial, false)!;
}

/**
 * Plans the batch and writes the plan. Assuming new ids, only a plan where every item is `ok` is
 * trusted (returns undefined, writing nothing, otherwise): a replayed id would have been
 * `exists` and moved no balance, so a failure such as `exceeds_limit` may be an artefact of
 * the guess, and an `ok` is confirmed by the UNIQUE constraint when the row goes in.
 */
function planAndWrite(
  ctx: SqliteContext,
  batch: readonly TransferInput[],
  partial: boolean,
  assumeNewIds: boolean,
): TransferBatchResult | undefined {
  const snapshot = createSqliteSnapshot(ctx, batch, { assumeNewIds });
  const plan = planTransfers(batch, snapshot, { partial });
  if (assumeNewIds && plan.results.some((r) => r.status !== "ok")) return undefined;
  if (!plan.applied || plan.transfers.length === 0) return { applied: plan.applied, results: plan.results };
  insertTransfers(ctx, plan.transfers, snapshot);
  const months = foldBalancesByPeriod(plan.transfers, (pendingId) => snapshot.transfer(pendingId)?.amount, monthOf);
  // Inside an explicit transaction the balances stay in memory until COMMIT (see tx-balances);
  // this is the write's last step, so a failure before it leaves the cache untouched.
  if (ctx.balances.active) ctx.balances.add(plan.balanceDeltas, months);
  else {
    updateAccounts(ctx, plan, snapshot);
    addMonths(ctx, months, snapshot);
  }
  return { applied: plan.applied, results: plan.results };
}

/**
 * Rows per multi-row INSERT: one call binds 32 × 9 values, sparing 31 calls into SQLite (a
 * batch's last rows, and a batch of refunds or corrections smaller than that, go in one shorter
 * statement rather than one call per row).
 * `OR FAIL` keeps the rows a failing statement already wrote instead of undoing just that
 * statement, which spares SQLite a statement journal (a copy of every page the statement
 * touches); any failure rolls back the whole batch's savepoint anyway.
 */
const ROWS_PER_INSERT = 32;
const TRANSFER_COLUMNS = "INSERT OR FAIL INTO transfers (id, phase, debit, credit, amount, date, pending_id, expires_on, refs) VALUES ";

/**
 * Inserts the new transfers in order, 32 rows per statement and the rest in one shorter
 * statement, then records their accounts in `transfer_accounts` (their sequences are
 * consecutive: the write lock is held, so each row gets the largest sequence + 1).
 */
function insertTransfers(ctx: SqliteContext, transfers: readonly TransferDraft[], snapshot: SqliteSnapshot): void {
  const params: unknown[] = new Array(9 * ROWS_PER_INSERT);
  const debits = new Array<number>(transfers.length);
  const credits = new Array<number>(transfers.length);
  let last: RunResult | undefined;
  for (let start = 0; start < transfers.length; start += ROWS_PER_INSERT) {
    const rows = Math.min(ROWS_PER_INSERT, transfers.length - start);
    if (rows < ROWS_PER_INSERT) params.length = 9 * rows;
    for (let k = 0; k < rows; k++) bindTransfer(params, 9 * k, transfers[start + k]!, snapshot);
    last = ctx.conn.stmt(multiRowInsertSql(TRANSFER_COLUMNS, 9, rows)).run(params);
    for (let k = 0; k < rows; k++) {
      debits[start + k] = Number(params[9 * k + 2]);
      credits[start + k] = Number(params[9 * k + 3]);
    }
  }
  if (last !== undefined) ctx.transferAccounts.add(debits, credits, Number(last.lastInsertRowid));
}

/** Puts the nine column values of a transfer into `params` from `at` on. */
function bindTransfer(params: unknown[], at: number, t: TransferDraft, snapshot: SqliteSnapshot): void {
  params[at] = t.id;
  params[at + 1] = t.phase;
  params[at + 2] = snapshot.numOf(t.debitAccountId);
  params[at + 3] = snapshot.numOf(t.creditAccountId);
  params[at + 4] = t.amount;
  params[at + 5] = t.date;
  params[at + 6] = t.pendingId ?? null;
  params[at + 7] = t.expiresOn ?? null;
  params[at + 8] = encodeReferences(t.references);
}

function updateAccounts(ctx: SqliteContext, plan: TransferPlan, snapshot: SqliteSnapshot): void {
  const update = ctx.conn.stmt(
    "UPDATE accounts SET debits_posted = debits_posted + ?, credits_posted = credits_posted + ?, " +
      "debits_pending = debits_pending + ?, credits_pending = credits_pending + ? WHERE num = ?",
  );
  for (const accountId of plan.accountIds) {
    const d = plan.balanceDeltas.get(accountId)!;
    update.run(d.debitsPosted, d.creditsPosted, d.debitsPending, d.creditsPending, snapshot.numOf(accountId));
  }
}

/** Adds the batch's changes per account and month to `account_months`, one upsert each. */
function addMonths(ctx: SqliteContext, months: ReadonlyMap<string, ReadonlyMap<string, Balance>>, snapshot: SqliteSnapshot): void {
  const upsert = ctx.conn.stmt(MONTH_UPSERT);
  for (const [accountId, byMonth] of months) {
    const num = snapshot.numOf(accountId);
    for (const [month, b] of byMonth) upsert.run(num, month, b.debitsPosted, b.creditsPosted, b.debitsPending, b.creditsPending);
  }
}

const monthOf = (date: string): string => date.slice(0, 7);

/**
 * Whether the batch's first or last id is already stored: then it is most likely a replay, all
 * of whose ids are (one probe of two ids, against a lost guess). Either path gives the same plan.
 */
function endsStored(ctx: SqliteContext, batch: readonly TransferInput[]): boolean {
  const probe = ctx.conn.stmt("SELECT 1 FROM transfers WHERE id IN (?, ?) LIMIT 1");
  return probe.get(String(batch[0]!.id), String(batch[batch.length - 1]!.id)) !== undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE";
}
