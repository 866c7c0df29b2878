/**
 * What a payment document's refunds (退票) say against the refund transfers
 * `pay:<number>.refund:<refund number>` the ledger holds. The transfer is what gave the money back
 * to the quota line (and what a ledger seal covers); the document's list is what `jincai payment`
 * shows and what a later refund is checked against. A refund added to the list by hand has no
 * transfer, one edited says another amount or date, and one listed twice counts twice.
 */
import { fenToYuanString } from "@jincai/core";
import type { Transfer } from "@jincai/core";
import type { PaymentDocument } from "./payment-record";
import { refundTransferId } from "./payment-transfer";

/** One disagreement between a document's refunds and the ledger. Internal. */
export interface DocumentProblem {
  /** The field of the document: `refund` or `refunds`. */
  readonly field: string;
  /** The refund concerned, when one is. */
  readonly refundNumber?: string;
  /** The whole finding, naming the payment (and the refund). */
  readonly message: string;
  /** What the document says. */
  readonly document: string;
  /** What the ledger says. */
  readonly transfer: string;
}

/**
 * The refunds the document of payment `n` lists, each against its refund transfer (`transfers[i]`
 * is the transfer of `refundIds(n, doc)[i]`, undefined when the ledger has none). Internal.
 *
 * @example
 * ```ts
 * refundProblems("ZF001", doc, [undefined]);
 * // [{ field: "refund", refundNumber: "X", message: "payment ZF001's document lists refund X of 17172.19 on 2026-03-20; the ledger has no refund transfer pay:ZF001.refund:X", … }]
 * ```
 */
export function refundProblems(n: string, doc: PaymentDocument, transfers: readonly (Transfer | undefined)[]): DocumentProblem[] {
  if (!Array.isArray(doc.refunds)) {
    return [{ field: "refunds", message: `payment ${n}'s document has refunds ${JSON.stringify(doc.refunds)}, not a list`, document: JSON.stringify(doc.refunds), transfer: "a list" }];
  }
  const out: DocumentProblem[] = [];
  const seen = new Set<string>();
  doc.refunds.forEach((r, i) => {
    const number = String(r?.refundNumber);
    const said = `${show(r?.amount)} on ${String(r?.date)}`;
    if (seen.has(number)) {
      out.push({ field: "refund", refundNumber: number, message: `payment ${n}'s document lists refund ${number} twice`, document: said, transfer: "once" });
      return;
    }
    seen.add(number);
    const t = transfers[i];
    if (t === undefined) {
      const id = refundTransferId(n, number);
      out.push({ field: "refund", refundNumber: number, message: `payment ${n}'s document lists refund ${number} of ${said}; the ledger has no refund transfer ${id}`, document: said, transfer: "none" });
      return;
    }
    const ledger = `${fenToYuanString(t.amount)} on ${t.date}`;
    if (String(r.amount) !== t.amount.toString() || r.date !== t.date || t.phase !== "posted") {
      out.push({ field: "refund", refundNumber: number, message: `payment ${n}'s document says refund ${number} is ${said}; its transfer ${t.id} says ${ledger}${t.phase === "posted" ? "" : ` (${t.phase})`}`, document: said, transfer: ledger });
    }
  });
  return out;
}

/**
 * The ids of the refund transfers the refunds of payment `n`'s document name, in its order (none
 * when its refunds are not a list). Internal.
 *
 * @example
 * ```ts
 * refundIds("ZF001", doc); // ["pay:ZF001.refund:TP1", "pay:ZF001.refund:TP2"]
 * ```
 */
export function refundIds(n: string, doc: PaymentDocument): string[] {
  return Array.isArray(doc.refunds) ? doc.refunds.map((r) => refundTransferId(n, String(r?.refundNumber))) : [];
}

/** Fen as yuan when it is a number of fen; otherwise the text, quoted (an edit need not be one). */
function show(fen: unknown): string {
  return typeof fen === "string" && /^-?\d+$/.test(fen) ? fenToYuanString(BigInt(fen)) : JSON.stringify(fen);
}
