/**
 * The refund transfers no payment document lists: a refund (退票) whose entry was deleted from its
 * payment's document, so `jincai payment` no longer shows money the ledger gave back. Every
 * refund of a payment debits its quota line's 指标执行 account (`quota-spent:<quota>`), and only
 * refunds do: where an account's posted debits are what the listed refund transfers debited it,
 * nothing is unlisted and none of its transfers is read; only an account whose debits differ is
 * read through.
 */
import { QUOTA_BOOK, quotaAccountIds } from "@jincai/budget";
import type { StoreTx, Transfer } from "@jincai/core";
import { refundOfTransferId } from "./payment-transfer";

/** The refunds the documents list, as their transfers were found. Internal. */
export interface ListedRefunds {
  /** The ids of the refund transfers some document lists. */
  readonly ids: ReadonlySet<string>;
  /** Fen those transfers debited, per account. */
  readonly debited: ReadonlyMap<string, bigint>;
}

/** A refund transfer no document lists. Internal. */
export interface UnlistedRefund {
  /** The payment, from the transfer's id. */
  readonly paymentNumber: string;
  /** The refund, from the transfer's id. */
  readonly refundNumber: string;
  /** The refund transfer. */
  readonly transfer: Transfer;
}

/**
 * The refund transfers that are not among `listed`, account by account in the store's order.
 * Internal.
 *
 * @example
 * ```ts
 * await unlistedRefunds(store, { ids: new Set(), debited: new Map() });
 * // [{ paymentNumber: "ZF001", refundNumber: "TP1", transfer: { id: "pay:ZF001.refund:TP1", … } }]
 * ```
 */
export async function unlistedRefunds(tx: Pick<StoreTx, "accountBalances" | "transfers">, listed: ListedRefunds): Promise<UnlistedRefund[]> {
  const spentPrefix = quotaAccountIds("").spent;
  const out: UnlistedRefund[] = [];
  for (const { account, balance } of await tx.accountBalances({ book: QUOTA_BOOK })) {
    if (!account.id.startsWith(spentPrefix) || balance.debitsPosted === (listed.debited.get(account.id) ?? 0n)) continue;
    for await (const t of tx.transfers({ accountId: account.id, phases: ["posted"] })) {
      if (t.debitAccountId !== account.id || listed.ids.has(t.id)) continue;
      const refund = refundOfTransferId(t.id);
      if (refund !== undefined) out.push({ ...refund, transfer: t });
    }
  }
  return out;
}
