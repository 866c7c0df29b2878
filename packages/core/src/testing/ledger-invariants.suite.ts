/**
 * Property test of the ledger's invariants after random batches (valid and invalid items,
 * atomic and partial, replays): debits equal credits per book, stored balances equal the fold of
 * the transfers (current and as of a date), no limited account past its limit with pending
 * amounts counted, and gapless sequences.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Balance } from "../ledger/account";
import { foldBalances } from "../ledger/fold-balances";
import type { Transfer, TransferInput, TransferPhase } from "../ledger/transfer";
import type { Store } from "../store/store";
import { ACCOUNTS, seedLedger } from "./ledger-fixture";
import { listTransfers } from "./suite-helpers";
import { withStore, type StoreHarness } from "./store-harness";

const { source, q1, q2, q3, paid1, paid2, plan1, cap } = ACCOUNTS;
/** Weighted so that most items are valid quota payments and some break a rule. */
const DEBITS = [q1, q1, q2, q2, q3, source, cap, paid1];
const CREDITS = [paid1, paid1, paid2, paid2, q1, cap, plan1];

const itemArb = fc.record({
  phase: fc.constantFrom<TransferPhase>("posted", "pending", "pending", "post", "void"),
  debit: fc.constantFrom(...DEBITS),
  credit: fc.constantFrom(...CREDITS),
  amount: fc.oneof(fc.bigInt({ min: 1n, max: 400_000n }), fc.constant(0n)),
  omitAmount: fc.boolean(),
  pendingRef: fc.nat(40),
  day: fc.integer({ min: 1, max: 28 }),
  expires: fc.option(fc.integer({ min: 1, max: 28 })),
});
const batchArb = fc.record({
  items: fc.array(itemArb, { maxLength: 8 }),
  partial: fc.constantFrom(true, true, false),
  replay: fc.constantFrom(false, false, false, true),
});

type Item = (typeof itemArb) extends fc.Arbitrary<infer T> ? T : never;

const day = (d: number) => `2026-03-${String(d).padStart(2, "0")}`;

function toInput(item: Item, id: string, earlier: readonly string[]): TransferInput {
  const date = day(item.day);
  if (item.phase === "post" || item.phase === "void") {
    const pendingId = earlier.length === 0 ? "none" : earlier[item.pendingRef % earlier.length]!;
    return { id, phase: item.phase, pendingId, date, ...(item.omitAmount ? {} : { amount: item.amount }) };
  }
  return {
    id, phase: item.phase, debitAccountId: item.debit, creditAccountId: item.credit, amount: item.amount, date,
    ...(item.phase === "pending" && item.expires !== null ? { expiresOn: day(item.expires) } : {}),
  };
}

/**
 * Registers the property test; `harness.propertyRuns` (default 30) sets its number of runs.
 *
 * @example
 * ```ts
 * ledgerInvariantsSuite({ name: "memory", create: async () => createMemoryStore(), propertyRuns: 30 });
 * ```
 */
export function ledgerInvariantsSuite(h: StoreHarness): void {
  describe("ledger invariants", () => {
    it("keeps debits = credits, balances = fold of transfers and limits after random batches", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(batchArb, { minLength: 1, maxLength: 5 }), async (batches) => {
          await withStore(h, async (store) => {
            await seedLedger(store);
            const ids: string[] = [];
            let previous: TransferInput[] = [];
            for (const [b, batch] of batches.entries()) {
              const inputs = batch.replay && previous.length > 0
                ? previous
                : batch.items.map((item, i) => toInput(item, `t${b}-${i}`, ids));
              const r = await store.createTransfers(inputs, { partial: batch.partial });
              expect(r.results).toHaveLength(inputs.length);
              const failed = r.results.some((x) => x.status !== "ok" && x.status !== "exists");
              expect(r.applied).toBe(batch.partial || !failed);
              for (const x of inputs) ids.push(x.id);
              previous = inputs;
            }
            await checkInvariants(store);
          });
        }),
        { numRuns: h.propertyRuns ?? 30 },
      );
    }, 300_000);
  });
}

async function checkInvariants(store: Store): Promise<void> {
  const transfers = await listTransfers(store);
  expect(transfers.map((t) => t.sequence)).toEqual(transfers.map((_, i) => i + 1));
  const byId = new Map(transfers.map((t) => [t.id, t]));
  const pendingAmount = (id: string) => byId.get(id)?.amount;
  const rows = await store.accountBalances();
  const folded = foldBalances(transfers, pendingAmount);
  const totals = new Map<string, bigint[]>();
  for (const { account, balance } of rows) {
    expect(balance).toEqual(folded.get(account.id) ?? zero());
    expect(balance.debitsPending >= 0n && balance.creditsPending >= 0n).toBe(true);
    if (account.flags.debitsMustNotExceedCredits === true) {
      expect(balance.debitsPosted + balance.debitsPending <= balance.creditsPosted).toBe(true);
    }
    if (account.flags.creditsMustNotExceedDebits === true) {
      expect(balance.creditsPosted + balance.creditsPending <= balance.debitsPosted).toBe(true);
    }
    const t = totals.get(account.book) ?? [0n, 0n, 0n, 0n];
    totals.set(account.book, [t[0]! + balance.debitsPosted, t[1]! + balance.creditsPosted,
      t[2]! + balance.debitsPending, t[3]! + balance.creditsPending]);
  }
  for (const [, [dp, cp, dpe, cpe]] of totals) {
    expect(dp).toBe(cp);
    expect(dpe).toBe(cpe);
  }
  const asOf = "2026-03-14";
  const early = foldBalances(transfers.filter((t: Transfer) => t.date <= asOf), pendingAmount);
  for (const { account, balance } of await store.accountBalances({ asOf })) {
    expect(balance).toEqual(early.get(account.id) ?? zero());
  }
}

function zero(): Balance {
  return { debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n };
}
