/**
 * The ledger's checked batch on SQLite: build a snapshot, let core's `planTransfers` decide,
 * then write the plan (insert the new transfers in order, update each touched account's balance
 * once). The caller runs this inside one transaction (or savepoint), so a batch applies whole.
 */
import { planTransfers } from "@jincai/core";
import type { CreateTransfersOptions, TransferBatchResult, TransferInput } from "@jincai/core";
import type { SqliteContext } from "./account-ops";
import { encodeJson } from "./json-codec";
import { createSqliteSnapshot } from "./sqlite-snapshot";

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
  const snapshot = createSqliteSnapshot(ctx, batch);
  const plan = planTransfers(batch, snapshot, { partial: options.partial === true });
  if (!plan.applied || plan.transfers.length === 0) return { applied: plan.applied, results: plan.results };
  const insert = ctx.conn.stmt(
    "INSERT INTO transfers (id, phase, debit, credit, amount, date, pending_id, expires_on, refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  for (const t of plan.transfers) {
    insert.run(
      t.id,
      t.phase,
      snapshot.numOf(t.debitAccountId),
      snapshot.numOf(t.creditAccountId),
      t.amount,
      t.date,
      t.pendingId ?? null,
      t.expiresOn ?? null,
      referencesJson(t.references),
    );
  }
  const update = ctx.conn.stmt(
    "UPDATE accounts SET debits_posted = debits_posted + ?, credits_posted = credits_posted + ?, " +
      "debits_pending = debits_pending + ?, credits_pending = credits_pending + ? WHERE num = ?",
  );
  for (const accountId of plan.accountIds) {
    const d = plan.balanceDeltas.get(accountId)!;
    update.run(d.debitsPosted, d.creditsPosted, d.debitsPending, d.creditsPending, snapshot.numOf(accountId));
  }
  return { applied: plan.applied, results: plan.results };
}

/**
 * The stored JSON of a transfer's references, or null when none is set. References are flat
 * strings and numbers, so the plain `JSON.stringify` (no per-value replacer) gives the same text
 * as `encodeJson`; anything else (a bigint, a nested value) goes through `encodeJson`.
 */
function referencesJson(references: object | undefined): string | null {
  if (references === undefined || references === null) return null;
  let set = false;
  let plain = true;
  for (const key in references) {
    const v = (references as Record<string, unknown>)[key];
    if (v === undefined) continue;
    set = true;
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean" && v !== null) plain = false;
  }
  if (!set) return null;
  return plain ? JSON.stringify(references) : encodeJson(references);
}
