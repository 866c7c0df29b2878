/**
 * One test per {@link CreateTransferStatus}: the table is typed as a record over every status,
 * so adding a status without a case here fails to compile.
 */
import { describe, expect, it } from "vitest";
import type { CreateTransferResult, CreateTransferStatus, TransferInput } from "../ledger/transfer";
import { MAX_FEN } from "../ledger/max-fen";
import type { Store } from "../store/store";
import { ACCOUNTS, DAY, pay, seedLedger } from "./ledger-fixture";
import { withStore, type StoreHarness } from "./store-harness";

interface StatusCase {
  /** Completes "reports <status> when …". */
  readonly when: string;
  /** Done after seeding, before the batch under test. */
  readonly setup?: (store: Store) => Promise<void>;
  readonly batch: readonly TransferInput[];
  /** The item whose result is checked (default: the last). */
  readonly index?: number;
  readonly expected?: Partial<CreateTransferResult>;
}

const pending = (id: string, amount: bigint, extra: Partial<TransferInput> = {}): TransferInput =>
  pay(id, amount, { phase: "pending", ...extra });
const post = (id: string, pendingId: string, extra: Partial<TransferInput> = {}): TransferInput => ({
  id,
  phase: "post",
  pendingId,
  date: DAY,
  ...extra,
});
const voidOf = (id: string, pendingId: string): TransferInput => ({ id, phase: "void", pendingId, date: DAY });
const before = (batch: readonly TransferInput[]) => async (store: Store) => {
  const r = await store.createTransfers(batch);
  if (!r.applied) throw new Error(`setup failed: ${JSON.stringify(r.results)}`);
};

const CASES: Record<CreateTransferStatus, StatusCase> = {
  ok: { when: "a 200.00 yuan payment fits the quota", batch: [pay("pay-1", 20_000n)] },
  exists: {
    when: "the same payment is submitted again",
    setup: before([pay("pay-1", 20_000n)]),
    batch: [pay("pay-1", 20_000n)],
  },
  exists_with_different_fields: {
    when: "an existing id comes back with 300.00 instead of 200.00",
    setup: before([pay("pay-1", 20_000n)]),
    batch: [pay("pay-1", 30_000n)],
  },
  id_must_not_be_empty: { when: "the id is empty", batch: [pay("", 100n)] },
  id_has_spaces_or_controls: { when: "the id is \"pay:ZF1\\t\" with a tab after it", batch: [pay("pay:ZF1\t", 100n)] },
  invalid_date: { when: "the date is 2026-02-30", batch: [pay("pay-1", 100n, { date: "2026-02-30" })] },
  amount_must_be_positive: { when: "the amount is 0 fen", batch: [pay("pay-1", 0n)] },
  amount_too_large: { when: "the amount is 2^63 fen, past what a store holds", batch: [pay("pay-1", MAX_FEN + 1n)] },
  accounts_must_be_different: {
    when: "debit and credit are the same quota line",
    batch: [pay("pay-1", 100n, { creditAccountId: ACCOUNTS.q1 })],
  },
  pending_id_required: { when: "a post names no pending transfer", batch: [{ id: "post-1", phase: "post", date: DAY }] },
  pending_id_must_be_empty: {
    when: "a posted transfer carries a pendingId",
    batch: [pay("pay-1", 100n, { pendingId: "res-1" })],
  },
  references_not_storable: {
    when: "a payment's memo holds half of a surrogate pair, which SQLite would keep as U+FFFD",
    batch: [pay("pay-1", 100n, { references: { voucher: "ZF1", memo: "武汉\ud800" } })],
  },
  account_not_found: {
    when: "the credit account does not exist",
    batch: [pay("pay-1", 100n, { creditAccountId: "paid-999999" })],
  },
  book_mismatch: {
    when: "a quota line pays into a plan-book account",
    batch: [pay("pay-1", 100n, { creditAccountId: ACCOUNTS.plan1 })],
  },
  account_closed: {
    when: "the paid account was closed",
    setup: (store) => store.closeAccount(ACCOUNTS.paid1),
    batch: [pay("pay-1", 100n)],
  },
  period_closed: {
    when: "March 2026 is locked and the payment is dated 2026-03-10",
    setup: (store) => store.lockPeriod({ from: "2026-03-01", to: "2026-03-31" }),
    batch: [pay("pay-1", 100n)],
  },
  pending_id_has_spaces_or_controls: {
    when: "a post names the reservation \" res-1\" with a space in front",
    setup: before([pending("res-1", 100n)]),
    batch: [post("post-1", " res-1")],
  },
  pending_not_found: { when: "a post names an unknown pending id", batch: [post("post-1", "res-404")] },
  pending_is_not_pending: {
    when: "a post names a posted transfer",
    setup: before([pay("pay-1", 100n)]),
    batch: [post("post-1", "pay-1")],
  },
  pending_fields_differ: {
    when: "a post names another credit account than its reservation",
    setup: before([pending("res-1", 100n)]),
    batch: [post("post-1", "res-1", { creditAccountId: ACCOUNTS.paid2 })],
  },
  pending_already_posted: {
    when: "a posted reservation is voided",
    setup: before([pending("res-1", 100n), post("post-1", "res-1")]),
    batch: [voidOf("void-1", "res-1")],
  },
  pending_already_voided: {
    when: "a voided reservation is posted",
    setup: before([pending("res-1", 100n), voidOf("void-1", "res-1")]),
    batch: [post("post-1", "res-1")],
  },
  pending_expired: {
    when: "a reservation expiring 2026-03-15 is posted on 2026-03-16",
    setup: before([pending("res-1", 100n, { expiresOn: "2026-03-15" })]),
    batch: [post("post-1", "res-1", { date: "2026-03-16" })],
  },
  dated_before_pending: {
    when: "a reservation of 2026-03-15 is posted on 2026-03-14",
    setup: before([pending("res-1", 100n, { date: "2026-03-15" })]),
    batch: [post("post-1", "res-1", { date: "2026-03-14" })],
  },
  post_amount_exceeds_pending: {
    when: "1.01 yuan is posted on a 1.00 yuan reservation",
    setup: before([pending("res-1", 100n)]),
    batch: [post("post-1", "res-1", { amount: 101n })],
  },
  exceeds_limit: {
    when: "a payment of 10,000.01 yuan exceeds a 10,000.00 yuan quota line",
    batch: [pay("pay-1", 1_000_001n)],
    expected: { accountId: ACCOUNTS.q1, shortfall: 1n },
  },
  overflows_balance: {
    when: "the quota source's debits would pass 2^63 − 1 fen",
    setup: before([pay("huge-1", MAX_FEN - 10_000_000n, { debitAccountId: ACCOUNTS.source, creditAccountId: ACCOUNTS.paid1 })]),
    batch: [pay("huge-2", 10_000_000n, { debitAccountId: ACCOUNTS.source, creditAccountId: ACCOUNTS.paid1 })],
    expected: { accountId: ACCOUNTS.source },
  },
  batch_failed: {
    when: "a valid payment shares an atomic batch with a zero one",
    batch: [pay("pay-1", 100n), pay("pay-2", 0n)],
    index: 0,
  },
};

/**
 * Registers one test per transfer status.
 *
 * @example
 * ```ts
 * transferStatusSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function transferStatusSuite(harness: StoreHarness): void {
  describe("createTransfers statuses", () => {
    for (const [status, c] of Object.entries(CASES) as [CreateTransferStatus, StatusCase][]) {
      it(`reports ${status} when ${c.when}`, async () => {
        await withStore(harness, async (store) => {
          await seedLedger(store);
          await c.setup?.(store);
          const result = await store.createTransfers(c.batch);
          const index = c.index ?? c.batch.length - 1;
          expect(result.results[index]).toMatchObject({ index, id: c.batch[index]!.id, status, ...c.expected });
          expect(result.results).toHaveLength(c.batch.length);
          expect(result.applied).toBe(status === "ok" || status === "exists");
        });
      });
    }
  });
}
