/** The one order of `transferFlows` results, shared by every store so they sort identically. */
import type { TransferFlow } from "./store";

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Orders flows by debit account id, credit account id, phase, month (JavaScript string order,
 * not a database collation; flows without a month first), then unmarked before marked.
 *
 * @example
 * ```ts
 * flows.sort(compareTransferFlows);
 * ```
 */
export function compareTransferFlows(a: TransferFlow, b: TransferFlow): number {
  return cmp(a.debitAccountId, b.debitAccountId) || cmp(a.creditAccountId, b.creditAccountId) || cmp(a.phase, b.phase) || cmp(a.month ?? "", b.month ?? "") || Number(a.marked === true) - Number(b.marked === true);
}
