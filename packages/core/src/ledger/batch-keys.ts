/** The ids a transfer batch reads, for stores that preload. */
import type { BatchKeys } from "./ledger-snapshot";
import type { TransferInput } from "./transfer";

/**
 * Lists the ids a transfer batch may read, so a store that cannot read lazily (PostgreSQL)
 * preloads exactly these before calling `planTransfers`.
 *
 * @param options - `transferIds: false` leaves the batch's own ids out (`transferIds` is then
 *   empty), for a store that guesses they are new and lets a UNIQUE constraint confirm it.
 * @example
 * ```ts
 * batchKeys([{ id: "p1-post", phase: "post", pendingId: "p1", date: "2026-03-01" }]);
 * // { transferIds: ["p1-post", "p1"], pendingIds: ["p1"], accountIds: [] }
 * ```
 */
export function batchKeys(batch: readonly TransferInput[], options: { readonly transferIds?: boolean } = {}): BatchKeys {
  const withIds = options.transferIds !== false;
  const transferIds = new Set<string>();
  const pendingIds = new Set<string>();
  const accountIds = new Set<string>();
  for (const item of batch) {
    if (withIds) transferIds.add(item.id);
    if (item.pendingId !== undefined && item.pendingId !== "") {
      if (withIds) transferIds.add(item.pendingId);
      pendingIds.add(item.pendingId);
    }
    if (item.debitAccountId !== undefined) accountIds.add(item.debitAccountId);
    if (item.creditAccountId !== undefined) accountIds.add(item.creditAccountId);
  }
  return { transferIds: [...transferIds], pendingIds: [...pendingIds], accountIds: [...accountIds] };
}
