/** What each control has used, read from its control account. */
import { available } from "@jincai/core";
import type { StoreTx } from "@jincai/core";
import { controlAccountIds } from "./quota-account-ids";
import type { QuotaControl } from "./quota-control";

/**
 * The fen each control has used (reserved plus consumed: its limit less what its control account
 * has available), by control id. A control whose account the store does not hold (not posted yet)
 * is left out. One read of the balances, however many controls.
 *
 * @param tx - The store, or a transaction (a dry run reads what it has written so far).
 * @param controls - The controls to read (see `loadQuotaControls`).
 * @returns Fen used by control id.
 * @example
 * ```ts
 * const usage = await controlUsage(store, await loadQuotaControls(store));
 * usage.get("C302"); // 120000n: 1,200.00 yuan reserved or paid under C302
 * ```
 */
export async function controlUsage(tx: StoreTx, controls: readonly QuotaControl[]): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  if (controls.length === 0) return out;
  const read = await tx.accountBalances({ accountIds: controls.map((c) => controlAccountIds(c.id).control) });
  const balances = new Map(read.map((b) => [b.account.id, b.balance]));
  for (const c of controls) {
    const balance = balances.get(controlAccountIds(c.id).control);
    if (balance !== undefined) out.set(c.id, c.limit - available(balance));
  }
  return out;
}
