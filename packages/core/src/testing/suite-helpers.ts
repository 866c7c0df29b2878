/** Small reads shared by the conformance suites. */
import { ZERO_BALANCE, type Balance } from "../ledger/account";
import type { Transfer } from "../ledger/transfer";
import type { Store, StoreTx, TransferQuery } from "../store/store";

/**
 * The current balance of one account (zero when it does not exist).
 *
 * @example
 * ```ts
 * (await balanceOf(store, "quota-101001-2010101-30201")).creditsPosted; // 1000000n
 * ```
 */
export async function balanceOf(store: StoreTx, accountId: string, asOf?: string): Promise<Balance> {
  const rows = await store.accountBalances(asOf === undefined ? { accountIds: [accountId] } : { accountIds: [accountId], asOf });
  return rows[0]?.balance ?? ZERO_BALANCE;
}

/**
 * Collects the transfers of a query (for small results only).
 *
 * @example
 * ```ts
 * (await listTransfers(store, { accountId: "paid-101001" })).map((t) => t.id);
 * ```
 */
export async function listTransfers(store: StoreTx, query?: TransferQuery): Promise<Transfer[]> {
  const out: Transfer[] = [];
  for await (const t of store.transfers(query)) out.push(t);
  return out;
}

/**
 * Counts the transfers of a query without keeping them.
 *
 * @example
 * ```ts
 * await countTransfers(store); // 3
 * ```
 */
export async function countTransfers(store: Store | StoreTx, query?: TransferQuery): Promise<number> {
  let n = 0;
  for await (const _ of store.transfers(query)) n++;
  return n;
}

/**
 * A balance literal with zero defaults, for `toEqual`.
 *
 * @example
 * ```ts
 * balance({ debitsPosted: 100n }); // { debitsPosted: 100n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n }
 * ```
 */
export function balance(parts: Partial<Balance>): Balance {
  return { ...ZERO_BALANCE, ...parts };
}
