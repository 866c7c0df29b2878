/**
 * The ledger's rules, in one pure function. A store builds a {@link LedgerSnapshot} inside its
 * transaction, calls `planTransfers`, and writes the returned plan; the planner itself never
 * writes and never reads anything but the snapshot. Items are checked in order over an in-batch
 * overlay, so what earlier items did (balances, new transfers, resolved pendings) is visible to
 * later ones. Checks run in the precedence order of {@link CreateTransferStatus}. It does not
 * assign sequence numbers and does not persist anything: that is the store's job.
 */
import type { Account } from "./account";
import { hasLoneSurrogate, hasSpacesOrControls, isBlankId, isUnstorableText } from "./_id-problem";
import type { LedgerSnapshot } from "./ledger-snapshot";
import { MAX_FEN } from "./max-fen";
import { isPeriodLocked } from "./period-lock";
import { isIsoDate } from "../calendar/iso-date";
import { transferFieldsEqual } from "./transfer-fields-equal";
import type { CreateTransferResult, CreateTransferStatus, Transfer, TransferInput, TransferPhase, TransferReferences } from "./transfer";
import type { BalanceDelta, PlanTransfersOptions, TransferDraft, TransferPlan } from "./transfer-plan";

const EMPTY_REFERENCES = Object.freeze({});

/** Mutable state of one planning run: the overlay over the snapshot. */
interface PlanState {
  readonly snapshot: LedgerSnapshot;
  /** Transfers created by earlier items of this batch, by id. */
  readonly created: Map<string, TransferDraft>;
  /** Post/void transfers of this batch, by the pending id they resolve. */
  readonly resolutions: Map<string, TransferDraft>;
  readonly deltas: Map<string, BalanceDelta>;
  readonly drafts: TransferDraft[];
  /** The account of the last `exceeds_limit` or `overflows_balance`. */
  limitAccountId: string;
  shortfall: bigint;
}

/**
 * Checks a batch of transfers against the snapshot and returns the results and the writes.
 * Atomic by default: if any item fails, `applied` is false, every other item reports
 * `batch_failed` and the plan has no writes. With `{ partial: true }` failing items are skipped.
 *
 * @param batch - The transfers, applied in order.
 * @param snapshot - Read access to accounts, balances, transfers, resolutions and locks.
 * @param options - `partial` to skip failing items instead of failing the batch.
 * @returns The plan: per-item results, new transfers (without sequence), balance deltas.
 *
 * @example
 * ```ts
 * const plan = planTransfers(
 *   [{ id: "t1", debitAccountId: "quota-101", creditAccountId: "source", amount: 50_000n, date: "2026-03-01" }],
 *   snapshot,
 * );
 * plan.results[0].status; // "ok"
 * plan.balanceDeltas.get("quota-101")?.debitsPosted; // 50000n
 * ```
 */
export function planTransfers(
  batch: readonly TransferInput[],
  snapshot: LedgerSnapshot,
  options: PlanTransfersOptions = {},
): TransferPlan {
  const st: PlanState = {
    snapshot,
    created: new Map(),
    resolutions: new Map(),
    deltas: new Map(),
    drafts: [],
    limitAccountId: "",
    shortfall: 0n,
  };
  const results: CreateTransferResult[] = new Array<CreateTransferResult>(batch.length);
  let failed = false;
  for (let i = 0; i < batch.length; i++) {
    const input = batch[i]!;
    const status = planItem(input, st);
    if (status === "exceeds_limit") {
      results[i] = { index: i, id: input.id, status, accountId: st.limitAccountId, shortfall: st.shortfall };
    } else if (status === "overflows_balance") {
      results[i] = { index: i, id: input.id, status, accountId: st.limitAccountId };
    } else {
      results[i] = { index: i, id: input.id, status };
    }
    if (status !== "ok" && status !== "exists") failed = true;
  }
  if (failed && options.partial !== true) return failedPlan(results);
  return {
    applied: true,
    results,
    transfers: st.drafts,
    balanceDeltas: st.deltas,
    accountIds: [...st.deltas.keys()].sort(),
  };
}

function failedPlan(results: CreateTransferResult[]): TransferPlan {
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.status === "ok" || r.status === "exists") results[i] = { index: i, id: r.id, status: "batch_failed" };
  }
  return { applied: false, results, transfers: [], balanceDeltas: new Map(), accountIds: [] };
}

/** Checks one item and, when it is `ok`, applies it to the overlay. */
function planItem(input: TransferInput, st: PlanState): CreateTransferStatus {
  const id = input.id;
  if (typeof id !== "string" || isBlankId(id)) return "id_must_not_be_empty";
  // Before the lookup: a store would find the id with U+FFFD in the surrogate's place.
  if (hasLoneSurrogate(id)) return "id_has_spaces_or_controls";
  const existing = st.created.get(id) ?? st.snapshot.transfer(id);
  if (existing !== undefined) {
    return transferFieldsEqual(input, existing) ? "exists" : "exists_with_different_fields";
  }
  // After the lookup, so a transfer stored before this rule replays as `exists`.
  if (hasSpacesOrControls(id)) return "id_has_spaces_or_controls";
  const phase: TransferPhase = input.phase ?? "posted";
  const resolving = phase === "post" || phase === "void";
  const shape = checkShape(input, phase, resolving);
  if (shape !== undefined) return shape;
  if (input.references !== undefined && unstorableReferences(input.references)) return "references_not_storable";
  if (resolving && hasLoneSurrogate(input.pendingId!)) return "pending_id_has_spaces_or_controls";
  const pending = resolving ? findTransfer(st, input.pendingId!) : undefined;
  const debitId = input.debitAccountId ?? pending?.debitAccountId;
  const creditId = input.creditAccountId ?? pending?.creditAccountId;
  // An account id with half a surrogate pair names no stored account (see hasLoneSurrogate).
  if ((debitId !== undefined && hasLoneSurrogate(debitId)) || (creditId !== undefined && hasLoneSurrogate(creditId))) return "account_not_found";
  const debit = debitId === undefined ? undefined : st.snapshot.account(debitId);
  const credit = creditId === undefined ? undefined : st.snapshot.account(creditId);
  if ((debitId !== undefined && debit === undefined) || (creditId !== undefined && credit === undefined)) {
    return "account_not_found";
  }
  if (!resolving && (debit === undefined || credit === undefined)) return "account_not_found";
  const accounts = checkAccounts(input, phase, debit, credit, st);
  if (accounts !== undefined) return accounts;
  if (!resolving) return applyNew(input, phase, debit!, credit!, st);
  const resolution = checkPending(input, phase, pending, st);
  if (resolution !== undefined) return resolution;
  return applyResolution(input, phase, pending!, st);
}

/** Whether a reference's text could not be stored as given (see isUnstorableText). */
function unstorableReferences(references: TransferReferences): boolean {
  for (const key in references) {
    const value: unknown = (references as Record<string, unknown>)[key];
    if (typeof value === "string" && isUnstorableText(value)) return true;
  }
  return false;
}

/** Checks that need no state: date, amount, distinct accounts, pendingId presence. */
function checkShape(input: TransferInput, phase: TransferPhase, resolving: boolean): CreateTransferStatus | undefined {
  if (!isIsoDate(input.date) || (input.expiresOn !== undefined && !isIsoDate(input.expiresOn))) return "invalid_date";
  const amount = input.amount;
  if (resolving) {
    if (phase === "post" && amount !== undefined && (typeof amount !== "bigint" || amount <= 0n)) {
      return "amount_must_be_positive";
    }
  } else if (typeof amount !== "bigint" || amount <= 0n) {
    return "amount_must_be_positive";
  } else if (amount > MAX_FEN) {
    return "amount_too_large";
  }
  if (input.debitAccountId !== undefined && input.debitAccountId === input.creditAccountId) {
    return "accounts_must_be_different";
  }
  if (resolving) {
    if (input.pendingId === undefined || input.pendingId === "") return "pending_id_required";
  } else if (input.pendingId !== undefined) {
    return "pending_id_must_be_empty";
  }
  return undefined;
}

/** Book, closed accounts (a `void` may still release on a closed account) and period locks. */
function checkAccounts(
  input: TransferInput,
  phase: TransferPhase,
  debit: Account | undefined,
  credit: Account | undefined,
  st: PlanState,
): CreateTransferStatus | undefined {
  if (debit !== undefined && credit !== undefined && debit.book !== credit.book) return "book_mismatch";
  if (phase !== "void" && (debit?.closed === true || credit?.closed === true)) return "account_closed";
  const book = debit?.book ?? credit?.book;
  if (book !== undefined && st.snapshot.locks.length > 0 && isPeriodLocked(st.snapshot.locks, input.date, book)) {
    return "period_closed";
  }
  return undefined;
}

/** The checks of a `post` or `void` against the pending transfer it resolves. */
function checkPending(
  input: TransferInput,
  phase: TransferPhase,
  pending: TransferDraft | undefined,
  st: PlanState,
): CreateTransferStatus | undefined {
  if (pending === undefined) {
    // Only when not found, so a pending transfer stored before this rule can still be resolved.
    return hasSpacesOrControls(input.pendingId!) ? "pending_id_has_spaces_or_controls" : "pending_not_found";
  }
  if (pending.phase !== "pending") return "pending_is_not_pending";
  if (
    (input.debitAccountId !== undefined && input.debitAccountId !== pending.debitAccountId) ||
    (input.creditAccountId !== undefined && input.creditAccountId !== pending.creditAccountId)
  ) {
    return "pending_fields_differ";
  }
  const resolved = st.resolutions.get(pending.id) ?? st.snapshot.resolution(pending.id);
  if (resolved !== undefined) return resolved.phase === "post" ? "pending_already_posted" : "pending_already_voided";
  // Resolved before it was made: balances as of the days between would show the release without
  // the reservation (a pending balance below zero).
  if (input.date < pending.date) return "dated_before_pending";
  if (phase === "post") {
    if (pending.expiresOn !== undefined && pending.expiresOn !== null && input.date > pending.expiresOn) {
      return "pending_expired";
    }
    if (input.amount !== undefined && input.amount > pending.amount) return "post_amount_exceeds_pending";
  }
  return undefined;
}

/** Applies a `posted` or `pending` transfer after its limit check. */
function applyNew(
  input: TransferInput,
  phase: TransferPhase,
  debit: Account,
  credit: Account,
  st: PlanState,
): CreateTransferStatus {
  const amount = input.amount!;
  if (debit.flags.debitsMustNotExceedCredits === true) {
    const b = st.snapshot.balance(debit.id);
    const d = st.deltas.get(debit.id);
    let over = b.debitsPosted + b.debitsPending + amount - b.creditsPosted;
    if (d !== undefined) over += d.debitsPosted + d.debitsPending - d.creditsPosted;
    if (over > 0n) return exceeds(st, debit.id, over);
  }
  if (credit.flags.creditsMustNotExceedDebits === true) {
    const b = st.snapshot.balance(credit.id);
    const d = st.deltas.get(credit.id);
    let over = b.creditsPosted + b.creditsPending + amount - b.debitsPosted;
    if (d !== undefined) over += d.creditsPosted + d.creditsPending - d.debitsPosted;
    if (over > 0n) return exceeds(st, credit.id, over);
  }
  // A limited side stays below the other side, which is itself kept below MAX_FEN: only the
  // unlimited sides need the bound (posted plus pending, so a later post cannot pass it either).
  if (debit.flags.debitsMustNotExceedCredits !== true && sideTotal(st, debit.id, "debits") + amount > MAX_FEN) return overflows(st, debit.id);
  if (credit.flags.creditsMustNotExceedDebits !== true && sideTotal(st, credit.id, "credits") + amount > MAX_FEN) return overflows(st, credit.id);
  const d = delta(st, debit.id);
  const c = delta(st, credit.id);
  if (phase === "pending") {
    d.debitsPending += amount;
    c.creditsPending += amount;
  } else {
    d.debitsPosted += amount;
    c.creditsPosted += amount;
  }
  record(st, draftOf(input, phase, debit.id, credit.id, amount));
  return "ok";
}

/**
 * Applies a `post` (the full pending amount leaves pending, the posted amount is posted, the rest
 * is released) or a `void` (the pending amount is released). Neither can raise a limited sum.
 */
function applyResolution(
  input: TransferInput,
  phase: TransferPhase,
  pending: TransferDraft,
  st: PlanState,
): CreateTransferStatus {
  const d = delta(st, pending.debitAccountId);
  const c = delta(st, pending.creditAccountId);
  d.debitsPending -= pending.amount;
  c.creditsPending -= pending.amount;
  let amount = pending.amount;
  if (phase === "post") {
    amount = input.amount ?? pending.amount;
    d.debitsPosted += amount;
    c.creditsPosted += amount;
  }
  const draft = draftOf(input, phase, pending.debitAccountId, pending.creditAccountId, amount);
  record(st, draft);
  st.resolutions.set(pending.id, draft);
  return "ok";
}

/** Posted plus pending on one side of an account, with this batch's changes so far. */
function sideTotal(st: PlanState, accountId: string, side: "debits" | "credits"): bigint {
  const b = st.snapshot.balance(accountId);
  const d = st.deltas.get(accountId);
  if (side === "debits") return b.debitsPosted + b.debitsPending + (d === undefined ? 0n : d.debitsPosted + d.debitsPending);
  return b.creditsPosted + b.creditsPending + (d === undefined ? 0n : d.creditsPosted + d.creditsPending);
}

function overflows(st: PlanState, accountId: string): CreateTransferStatus {
  st.limitAccountId = accountId;
  return "overflows_balance";
}

function exceeds(st: PlanState, accountId: string, shortfall: bigint): CreateTransferStatus {
  st.limitAccountId = accountId;
  st.shortfall = shortfall;
  return "exceeds_limit";
}

function findTransfer(st: PlanState, id: string): TransferDraft | undefined {
  return st.created.get(id) ?? st.snapshot.transfer(id);
}

function record(st: PlanState, draft: TransferDraft): void {
  st.created.set(draft.id, draft);
  st.drafts.push(draft);
}

function delta(st: PlanState, accountId: string): BalanceDelta {
  let d = st.deltas.get(accountId);
  if (d === undefined) {
    d = { debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n };
    st.deltas.set(accountId, d);
  }
  return d;
}

function draftOf(
  input: TransferInput,
  phase: TransferPhase,
  debitAccountId: string,
  creditAccountId: string,
  amount: bigint,
): TransferDraft {
  const draft: { -readonly [K in keyof Transfer]?: Transfer[K] } = {
    id: input.id,
    phase,
    debitAccountId,
    creditAccountId,
    amount,
    date: input.date,
    references: input.references ?? EMPTY_REFERENCES,
  };
  if (input.pendingId !== undefined) draft.pendingId = input.pendingId;
  if (input.expiresOn !== undefined) draft.expiresOn = input.expiresOn;
  return draft as TransferDraft;
}
