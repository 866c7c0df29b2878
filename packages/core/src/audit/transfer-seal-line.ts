/**
 * The canonical line of a transfer in a ledger seal, and the pages of lines a store streams for
 * a seal (`StoreTx.transferSealLines`). A seal hashes these lines in sequence order; a store may
 * write them straight from its rows (no `Transfer` object per row), as long as every line is the
 * one {@link transferSealLine} gives for the transfer it stores.
 */
import type { Transfer } from "../ledger/transfer";
import type { TransferSealPage } from "../store/store";
import { canonicalJson } from "./canonical-json";

/**
 * The canonical line of a transfer in a seal: every stored field, tab-separated, the references
 * as canonical JSON.
 *
 * @example
 * ```ts
 * transferSealLine(transfer); // "41\tpay:ZF1\tposted\tquota:ZB1\tquota-spent:ZB1\t50000\t2026-03-01\t\t\t{\"voucher\":\"ZF1\"}\n"
 * ```
 */
export function transferSealLine(t: Transfer): string {
  return `${t.sequence}\t${t.id}\t${t.phase}\t${t.debitAccountId}\t${t.creditAccountId}\t${t.amount}\t${t.date}\t${t.pendingId ?? ""}\t${t.expiresOn ?? ""}\t${canonicalJson(t.references)}\n`;
}

/** Lines per page of {@link sealLinePages} (small, so a page dies young: see store-sqlite's seal-line-query). */
const PAGE = 1000;

/**
 * The seal lines of a stream of transfers, in pages: what a store without a faster way gives
 * for `transferSealLines` (the memory store does this).
 *
 * @example
 * ```ts
 * for await (const page of sealLinePages(store.transfers({ afterSequence: 0 }))) page.lines[0]; // "1\tfund-q1\tposted\t…\n"
 * ```
 */
export async function* sealLinePages(transfers: AsyncIterable<Transfer>, size = PAGE): AsyncGenerator<TransferSealPage> {
  let sequences: number[] = [];
  let lines: string[] = [];
  for await (const t of transfers) {
    sequences.push(t.sequence);
    lines.push(transferSealLine(t));
    if (sequences.length === size) {
      yield { sequences, lines };
      sequences = [];
      lines = [];
    }
  }
  if (sequences.length > 0) yield { sequences, lines };
}

/**
 * The transfer id of a seal line (its second field), to name a transfer a finding is about.
 *
 * @example
 * ```ts
 * sealLineId("41\tpay:ZF1\tposted\t…\n"); // "pay:ZF1"
 * ```
 */
export function sealLineId(line: string): string {
  const start = line.indexOf("\t") + 1;
  return line.slice(start, line.indexOf("\t", start));
}
