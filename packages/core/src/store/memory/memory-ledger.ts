/**
 * The ledger half of the memory store: accounts, the checked transfer batch (through
 * `planTransfers`), balances (current or folded as of a date), transfer queries and period locks.
 * Everything here is synchronous; the store wraps it in its mutex and transactions.
 */
import { JincaiError } from "../../errors/jincai-error";
import { ZERO_BALANCE } from "../../ledger/account";
import type { Account, AccountInput, Balance, CreateAccountResult } from "../../ledger/account";
import { assertPeriodLock } from "../../ledger/assert-period-lock";
import { foldBalances } from "../../ledger/fold-balances";
import type { LedgerSnapshot } from "../../ledger/ledger-snapshot";
import type { PeriodLock } from "../../ledger/period-lock";
import { planAccounts } from "../../ledger/plan-accounts";
import { planTransfers } from "../../ledger/plan-transfers";
import type { Transfer, TransferBatchResult, TransferInput } from "../../ledger/transfer";
import type { TransferPlan } from "../../ledger/transfer-plan";
import type { AccountBalance, BalanceQuery, CreateTransfersOptions, NumberedAccount, TransferQuery } from "../store";
import { onUndo, type MemoryState } from "./memory-state";

/** Creates accounts (each item on its own). */
export function createAccounts(state: MemoryState, inputs: readonly AccountInput[]): CreateAccountResult[] {
  const plan = planAccounts(inputs, (id) => state.accounts.get(id));
  for (const account of plan.accounts) {
    state.accounts.set(account.id, account);
    // Accounts are never deleted, so the next number is one more than the count (a rollback
    // removes the last ones first, and their numbers are given again).
    state.accountNumbers.set(account.id, state.accountNumbers.size + 1);
    onUndo(state, () => {
      state.accounts.delete(account.id);
      state.accountNumbers.delete(account.id);
    });
  }
  return plan.results;
}

/** The accounts numbered after `afterNumber`, in number order (see `StoreTx.accountsCreatedAfter`). */
export function accountsCreatedAfter(state: MemoryState, afterNumber: number): NumberedAccount[] {
  const numbered: NumberedAccount[] = [];
  for (const [id, number] of state.accountNumbers) {
    const account = state.accounts.get(id);
    if (number > afterNumber && account !== undefined) numbered.push({ number, account });
  }
  return numbered.sort((a, b) => a.number - b.number);
}

/** Marks an account closed; throws `ACCOUNT_NOT_FOUND`. */
export function closeAccount(state: MemoryState, id: string): void {
  const account = state.accounts.get(id);
  if (account === undefined) {
    throw new JincaiError("ACCOUNT_NOT_FOUND", `no account ${id}`, { details: { id } });
  }
  state.accounts.set(id, Object.freeze({ ...account, closed: true }));
  onUndo(state, () => state.accounts.set(id, account));
}

/** A snapshot that reads the live maps (valid while the caller holds the store's mutex). */
export function snapshotOf(state: MemoryState): LedgerSnapshot {
  return {
    account: (id) => state.accounts.get(id),
    balance: (id) => state.balances.get(id) ?? ZERO_BALANCE,
    transfer: (id) => state.transfersById.get(id),
    resolution: (pendingId) => state.resolutions.get(pendingId),
    locks: state.locks,
  };
}

/** Plans the batch and writes the plan. */
export function createTransfers(
  state: MemoryState,
  snapshot: LedgerSnapshot,
  batch: readonly TransferInput[],
  options: CreateTransfersOptions = {},
): TransferBatchResult {
  const plan = planTransfers(batch, snapshot, options);
  if (plan.applied && plan.transfers.length > 0) applyPlan(state, plan);
  return { applied: plan.applied, results: plan.results };
}

function applyPlan(state: MemoryState, plan: TransferPlan): void {
  const start = state.transfers.length;
  for (const d of plan.transfers) {
    const t: Transfer = { ...d, sequence: state.transfers.length + 1 };
    state.transfers.push(t);
    state.transfersById.set(t.id, t);
    if (t.pendingId !== undefined && (t.phase === "post" || t.phase === "void")) state.resolutions.set(t.pendingId, t);
  }
  const previous = new Map<string, Balance | undefined>();
  for (const [id, d] of plan.balanceDeltas) {
    const b = state.balances.get(id);
    previous.set(id, b);
    const base = b ?? ZERO_BALANCE;
    state.balances.set(id, {
      debitsPosted: base.debitsPosted + d.debitsPosted,
      creditsPosted: base.creditsPosted + d.creditsPosted,
      debitsPending: base.debitsPending + d.debitsPending,
      creditsPending: base.creditsPending + d.creditsPending,
    });
  }
  onUndo(state, () => {
    for (let i = state.transfers.length - 1; i >= start; i--) {
      const t = state.transfers[i]!;
      state.transfersById.delete(t.id);
      if (t.pendingId !== undefined && state.resolutions.get(t.pendingId) === t) state.resolutions.delete(t.pendingId);
    }
    state.transfers.length = start;
    for (const [id, b] of previous) {
      if (b === undefined) state.balances.delete(id);
      else state.balances.set(id, b);
    }
  });
}

/** Balances of the matching accounts, sorted by account id. */
export function accountBalances(state: MemoryState, query: BalanceQuery = {}): AccountBalance[] {
  const ids = query.accountIds === undefined ? undefined : new Set(query.accountIds);
  const accounts = [...state.accounts.values()].filter(
    (a) =>
      (query.book === undefined || a.book === query.book) &&
      (ids === undefined || ids.has(a.id)) &&
      matches(a, query.where),
  );
  accounts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let folded: Map<string, Balance> | undefined;
  if (query.asOf !== undefined) {
    const asOf = query.asOf;
    const upTo = state.transfers.filter((t) => t.date <= asOf);
    folded = foldBalances(upTo, (id) => state.transfersById.get(id)?.amount);
  }
  return accounts.map((account) => ({
    account,
    balance: (folded ?? state.balances).get(account.id) ?? ZERO_BALANCE,
  }));
}

/** Whether the account carries every given dimension value. */
export function matches(account: Account, where: Readonly<Record<string, string>> | undefined): boolean {
  if (where === undefined) return true;
  for (const k in where) {
    if (account.dimensions[k] !== where[k]) return false;
  }
  return true;
}

/** A filter for `transfers()` built once per query. */
export function transferFilter(state: MemoryState, query: TransferQuery): (t: Transfer) => boolean {
  const { accountId, book, where, from, to, phases } = query;
  const phaseSet = phases === undefined ? undefined : new Set(phases);
  const accountOk = (id: string) => {
    if (book === undefined && where === undefined) return true;
    const a = state.accounts.get(id);
    return a !== undefined && (book === undefined || a.book === book) && matches(a, where);
  };
  return (t) =>
    (accountId === undefined || t.debitAccountId === accountId || t.creditAccountId === accountId) &&
    (from === undefined || t.date >= from) &&
    (to === undefined || t.date <= to) &&
    (phaseSet === undefined || phaseSet.has(t.phase)) &&
    (accountOk(t.debitAccountId) || accountOk(t.creditAccountId));
}

/** The matching transfers in sequence order (references into the state, not copies). */
export function selectTransfers(state: MemoryState, query: TransferQuery): Transfer[] {
  const keep = transferFilter(state, query);
  const out: Transfer[] = [];
  const list = state.transfers;
  for (let i = Math.max(0, query.afterSequence ?? 0); i < list.length; i++) {
    const t = list[i]!;
    if (keep(t)) out.push(t);
  }
  return out;
}

/** Adds a period lock after validating it. */
export function lockPeriod(state: MemoryState, lock: PeriodLock): void {
  assertPeriodLock(lock);
  state.locks.push(Object.freeze({ ...lock }));
  onUndo(state, () => {
    state.locks.pop();
  });
}
