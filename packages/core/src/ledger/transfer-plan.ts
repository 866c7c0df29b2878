/**
 * What `planTransfers` returns: the per-item results and, when the batch applies, the writes a
 * store performs inside its transaction (new transfers in order, balance deltas per account).
 */
import type { CreateTransferResult, Transfer } from "./transfer";

/**
 * A transfer the planner decided to insert: a {@link Transfer} without its `sequence`, which the
 * store assigns in the plan's order. Accounts and amount are resolved (a `post` carries the
 * pending transfer's accounts and the posted amount; a `void` the released amount).
 *
 * @example
 * ```ts
 * const plan = planTransfers(batch, snapshot);
 * const drafts: TransferDraft[] = plan.transfers; // the store numbers them in this order
 * drafts[0]?.id; // "t1"
 * ```
 */
export type TransferDraft = Omit<Transfer, "sequence">;

/**
 * The change of one account's balance made by a plan, in fen (each field may be negative).
 *
 * @example
 * ```ts
 * const plan = planTransfers([{ id: "t1", debitAccountId: "quota-101", creditAccountId: "source", amount: 50_000n, date: "2026-03-01" }], snapshot);
 * const delta: BalanceDelta | undefined = plan.balanceDeltas.get("quota-101");
 * // { debitsPosted: 50000n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n }
 * ```
 */
export interface BalanceDelta {
  /** Change of posted debits. */
  debitsPosted: bigint;
  /** Change of posted credits. */
  creditsPosted: bigint;
  /** Change of pending debits. */
  debitsPending: bigint;
  /** Change of pending credits. */
  creditsPending: bigint;
}

/**
 * Options for `planTransfers`.
 *
 * @example
 * ```ts
 * const options: PlanTransfersOptions = { partial: true };
 * const plan = planTransfers(batch, snapshot, options); // a failing item is skipped, the others apply
 * ```
 */
export interface PlanTransfersOptions {
  /**
   * When true, a failing item is skipped (its effects not applied) and the others apply.
   * Default false: one failing item fails the whole batch.
   */
  readonly partial?: boolean;
}

/**
 * The outcome of planning a batch: results for the caller and the writes for the store.
 *
 * @example
 * ```ts
 * const plan: TransferPlan = planTransfers(batch, snapshot);
 * if (plan.applied) for (const t of plan.transfers) insert(t); // then apply plan.balanceDeltas
 * plan.results[0]?.status; // "ok"
 * ```
 */
export interface TransferPlan {
  /**
   * Whether the store must write the plan. Atomic mode: true when every item is `ok` or `exists`.
   * Partial mode: always true (the failing items are simply not part of the writes).
   */
  readonly applied: boolean;
  /** One result per batch item, in batch order. */
  readonly results: CreateTransferResult[];
  /** The transfers to insert, in application order (empty when `applied` is false). */
  readonly transfers: TransferDraft[];
  /** Balance changes per account id (empty when `applied` is false). */
  readonly balanceDeltas: Map<string, BalanceDelta>;
  /** Ids of the accounts whose balances change, sorted (a stable lock order for SQL stores). */
  readonly accountIds: string[];
}
