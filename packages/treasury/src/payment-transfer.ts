/**
 * The ledger form of a payment. Its reservation is the transfer `pay:<payment number>` from the
 * quota line, with `references.voucher` = the payment number and `references.memo` = the payee,
 * account, purpose and effective economic code as a compact JSON array. For a historic payment
 * imported as already paid, that posted transfer IS the payment record: no document is stored.
 */
import { JincaiError } from "@jincai/core";
import type { Transfer, TransferReferences } from "@jincai/core";
import { TreasuryErrorCode } from "./error-codes";
import type { Payment } from "./payment";

/**
 * The id of a payment's reservation transfer on its quota line.
 *
 * @example
 * ```ts
 * paymentTransferId("ZF2026-000123"); // "pay:ZF2026-000123"
 * ```
 */
export function paymentTransferId(paymentNumber: string): string {
  return `${PAYMENT_TRANSFER_PREFIX}${paymentNumber}`;
}

/**
 * What every transfer of a payment starts its id with: its reservation, its post or void, its
 * refunds and its control legs (`pay:ZF1`, `pay:ZF1.post`, `pay:ZF1.refund:R1`, `pay:ZF1~C302`).
 *
 * @example
 * ```ts
 * await store.transferFlows({ idPrefix: PAYMENT_TRANSFER_PREFIX }); // the payments' flows
 * ```
 */
export const PAYMENT_TRANSFER_PREFIX = "pay:";

/**
 * The id of the transfer that gives a refund (退票) of a payment back to its quota line.
 *
 * @example
 * ```ts
 * refundTransferId("ZF2026-000123", "TP-01"); // "pay:ZF2026-000123.refund:TP-01"
 * ```
 */
export function refundTransferId(paymentNumber: string, refundNumber: string): string {
  return `${paymentTransferId(paymentNumber)}${REFUND_INFIX}${refundNumber}`;
}

/**
 * The payment and refund numbers of a refund transfer's id; undefined for any other transfer
 * (a control's share of a refund, `…~<control>`, included).
 *
 * @example
 * ```ts
 * refundOfTransferId("pay:ZF001.refund:TP-01"); // { paymentNumber: "ZF001", refundNumber: "TP-01" }
 * refundOfTransferId("pay:ZF001"); // undefined
 * ```
 */
export function refundOfTransferId(id: string): { readonly paymentNumber: string; readonly refundNumber: string } | undefined {
  const prefix = paymentTransferId("");
  const at = id.indexOf(REFUND_INFIX);
  if (!id.startsWith(prefix) || at < 0 || id.includes("~")) return undefined;
  return { paymentNumber: id.slice(prefix.length, at), refundNumber: id.slice(at + REFUND_INFIX.length) };
}

const REFUND_INFIX = ".refund:";

/** The references every transfer of a payment carries. Internal. */
export function paymentReferences(
  p: { readonly paymentNumber: string; readonly payeeName: string; readonly payeeAccount: string; readonly purpose: string },
  economicCode: string,
): TransferReferences {
  return referencesWithMemo(p.paymentNumber, JSON.stringify([p.payeeName, p.payeeAccount, p.purpose, economicCode]));
}

/** The references of a payment whose memo is already written (planned on another thread). Internal. */
export function referencesWithMemo(paymentNumber: string, memo: string): TransferReferences {
  return { voucher: paymentNumber, memo };
}

/**
 * Reads a payment back from its reservation transfer (a historic paid payment has nothing else).
 *
 * @param transfer - The transfer `pay:<number>`.
 * @throws {JincaiError} TREASURY_PAYMENT_NOT_FOUND when the transfer is not a payment's
 * @example
 * ```ts
 * paymentFromTransfer(await store.getTransfer("pay:ZF2026-000123")).payeeName; // "武汉某某公司"
 * ```
 */
export function paymentFromTransfer(transfer: Transfer): Payment {
  const memo = parseMemo(transfer.references.memo);
  const paymentNumber = transfer.references.voucher;
  if (memo === undefined || paymentNumber === undefined || !transfer.debitAccountId.startsWith("quota:")) {
    throw new JincaiError(TreasuryErrorCode.PAYMENT_NOT_FOUND, `transfer ${transfer.id} is not a payment`, {
      details: { transferId: transfer.id },
    });
  }
  const posted = transfer.phase === "posted";
  return {
    paymentNumber,
    date: transfer.date,
    payeeName: memo[0]!,
    payeeAccount: memo[1]!,
    purpose: memo[2]!,
    economicCode: memo[3]!,
    quotaId: transfer.debitAccountId.slice("quota:".length),
    amount: transfer.amount,
    status: posted ? "paid" : "submitted",
    paidAmount: posted ? transfer.amount : 0n,
    refundedAmount: 0n,
    controlIds: [],
  };
}

/**
 * The effective economic code a payment's reservation transfer records (its memo); undefined for
 * any other transfer. Pass it to `defineQuotaControl` (`economicCodeOf`), so a control defined
 * after payments takes over those it matches by the code they were paid under.
 *
 * @example
 * ```ts
 * paymentEconomicCode(await store.getTransfer("pay:ZF001")); // "30201"
 * ```
 */
export function paymentEconomicCode(transfer: Transfer | undefined): string | undefined {
  if (transfer === undefined || !transfer.id.startsWith(PAYMENT_TRANSFER_PREFIX)) return undefined;
  return parseMemo(transfer.references.memo)?.[3];
}

function parseMemo(memo: string | undefined): string[] | undefined {
  if (memo === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(memo);
    return Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === "string") ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}
