/** `transferFlows` of the memory store: one pass over the transfers, summed per account pair and phase (and month). */
import type { Transfer, TransferPhase } from "../../ledger/transfer";
import { compareTransferFlows } from "../compare-transfer-flows";
import type { TransferFlow, TransferFlowQuery } from "../store";
import type { MemoryState } from "./memory-state";

interface MutableFlow {
  debitAccountId: string;
  creditAccountId: string;
  phase: TransferPhase;
  count: number;
  amount: bigint;
  month?: string;
  marked?: boolean;
}

/** The matching transfers summed per (debit, credit, phase) and, `byMonth`, month; sorted by {@link compareTransferFlows}. */
export function transferFlows(state: MemoryState, query: TransferFlowQuery = {}): TransferFlow[] {
  const keep = flowFilter(state, query);
  const flows = new Map<string, MutableFlow>();
  for (const t of state.transfers) {
    if (!keep(t)) continue;
    const month = query.byMonth === true ? t.date.slice(0, 7) : undefined;
    const marked = query.markIdPrefix === undefined ? undefined : t.id.startsWith(query.markIdPrefix);
    const key = `${t.debitAccountId}\u0000${t.creditAccountId}\u0000${t.phase}\u0000${month ?? ""}\u0000${marked ?? ""}`;
    const flow = flows.get(key);
    if (flow === undefined) {
      const base: MutableFlow = { debitAccountId: t.debitAccountId, creditAccountId: t.creditAccountId, phase: t.phase, count: 1, amount: t.amount };
      if (month !== undefined) base.month = month;
      if (marked !== undefined) base.marked = marked;
      flows.set(key, base);
    } else {
      flow.count++;
      flow.amount += t.amount;
    }
  }
  return [...flows.values()].sort(compareTransferFlows);
}

function flowFilter(state: MemoryState, query: TransferFlowQuery): (t: Transfer) => boolean {
  const { book, idPrefix, from, to, phases } = query;
  const phaseSet = phases === undefined ? undefined : new Set(phases);
  const inBook = (id: string) => state.accounts.get(id)?.book === book;
  return (t) =>
    (idPrefix === undefined || t.id.startsWith(idPrefix)) &&
    (from === undefined || t.date >= from) &&
    (to === undefined || t.date <= to) &&
    (phaseSet === undefined || phaseSet.has(t.phase)) &&
    (book === undefined || inBook(t.debitAccountId) || inBook(t.creditAccountId));
}
