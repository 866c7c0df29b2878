/** Balances recomputed from transfers, for `asOf` queries and for checking stored balances. */
import type { Balance } from "./account";
import type { TransferDraft } from "./transfer-plan";

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
  const out = new Map<string, { debitsPosted: bigint; creditsPosted: bigint; debitsPending: bigint; creditsPending: bigint }>();
  const seen = new Map<string, bigint>();
  const at = (id: string) => {
    let b = out.get(id);
    if (b === undefined) {
      b = { debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n };
      out.set(id, b);
    }
    return b;
  };
  for (const t of transfers) {
    const d = at(t.debitAccountId);
    const c = at(t.creditAccountId);
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
  return out;
}
