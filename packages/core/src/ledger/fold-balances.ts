/** Balances recomputed from transfers, for `asOf` queries and for checking stored balances. */
import type { Balance } from "./account";
import type { TransferDraft } from "./transfer-plan";

/** A balance being summed. */
type MutableBalance = { -readonly [K in keyof Balance]: Balance[K] };

/**
 * Folds transfers (in sequence order) into balances per account, with the same effects as
 * `planTransfers`: `posted` posts; `pending` reserves; `post` releases the whole pending amount
 * and posts its own amount; `void` releases its amount (the pending amount).
 *
 * @param transfers - The transfers to fold, in sequence order.
 * @param pendingAmount - The amount of a pending transfer by id, for a `post` whose pending
 *   transfer is not among `transfers` (pendings met earlier in `transfers` are used first).
 * @returns A map from account id to balance; accounts without transfers are absent.
 *
 * @example
 * ```ts
 * const b = foldBalances([{ id: "t1", phase: "posted", debitAccountId: "a", creditAccountId: "b",
 *   amount: 100n, date: "2026-03-01", references: {} }], () => undefined);
 * b.get("a")?.debitsPosted; // 100n
 * ```
 */
export function foldBalances(
  transfers: Iterable<TransferDraft>,
  pendingAmount: (pendingId: string) => bigint | undefined,
): Map<string, Balance> {
  const out = new Map<string, MutableBalance>();
  foldInto(transfers, pendingAmount, (accountId) => entry(out, accountId));
  return out;
}

/**
 * Folds transfers into balance changes per account and period (the same effects as
 * {@link foldBalances}, each in the period of its transfer's date). Stores keep such sums so a
 * balance as of a date adds up a few periods instead of folding every transfer.
 *
 * @param transfers - The transfers to fold, in sequence order.
 * @param pendingAmount - The amount of a pending transfer by id, for a `post` whose pending
 *   transfer is not among `transfers`.
 * @param periodOf - The period key of a ledger date, e.g. `(d) => d.slice(0, 7)` for months.
 * @returns account id → period key → the period's change (fields may be negative).
 *
 * @example
 * ```ts
 * const months = foldBalancesByPeriod([{ id: "t1", phase: "posted", debitAccountId: "a", creditAccountId: "b",
 *   amount: 100n, date: "2026-03-01", references: {} }], () => undefined, (d) => d.slice(0, 7));
 * months.get("a")?.get("2026-03")?.debitsPosted; // 100n
 * ```
 */
export function foldBalancesByPeriod(
  transfers: Iterable<TransferDraft>,
  pendingAmount: (pendingId: string) => bigint | undefined,
  periodOf: (date: string) => string,
): Map<string, Map<string, Balance>> {
  const out = new Map<string, Map<string, MutableBalance>>();
  foldInto(transfers, pendingAmount, (accountId, date) => {
    let periods = out.get(accountId);
    if (periods === undefined) {
      periods = new Map();
      out.set(accountId, periods);
    }
    return entry(periods, periodOf(date));
  });
  return out;
}

function entry(map: Map<string, MutableBalance>, key: string): MutableBalance {
  let b = map.get(key);
  if (b === undefined) {
    b = { debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n };
    map.set(key, b);
  }
  return b;
}

/** The one place the effects of a transfer's phase are written down for folds. */
function foldInto(
  transfers: Iterable<TransferDraft>,
  pendingAmount: (pendingId: string) => bigint | undefined,
  at: (accountId: string, date: string) => MutableBalance,
): void {
  const seen = new Map<string, bigint>();
  for (const t of transfers) {
    const d = at(t.debitAccountId, t.date);
    const c = at(t.creditAccountId, t.date);
    if (t.phase === "posted") {
      d.debitsPosted += t.amount;
      c.creditsPosted += t.amount;
    } else if (t.phase === "pending") {
      seen.set(t.id, t.amount);
      d.debitsPending += t.amount;
      c.creditsPending += t.amount;
    } else {
      const id = t.pendingId ?? "";
      const reserved = t.phase === "void" ? t.amount : (seen.get(id) ?? pendingAmount(id) ?? 0n);
      d.debitsPending -= reserved;
      c.creditsPending -= reserved;
      if (t.phase === "post") {
        d.debitsPosted += t.amount;
        c.creditsPosted += t.amount;
      }
    }
  }
}
