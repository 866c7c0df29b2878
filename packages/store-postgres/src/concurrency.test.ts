/**
 * Competing clients: eight stores (separate pools and connections) on one schema hammer one
 * limited quota line with pending payments, voids and posts. The row lock on the quota account
 * must serialise them so that the accepted reservations never exceed the quota and the database
 * agrees with what the clients were told, item for item.
 */
import type { Store, TransferBatchResult, TransferInput } from "@jincai/core";
import { ACCOUNTS, pay, seedLedger } from "@jincai/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { freshSchema } from "./testing/test-schema";
import { openTestStore } from "./testing/test-server";

const CLIENTS = 8;
const ATTEMPTS = 400;
const QUOTA = 1_000_000n;
const { q1 } = ACCOUNTS;

let stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

async function openClients(): Promise<Store[]> {
  const schema = freshSchema();
  const first = await openTestStore({ schema, maxConnections: 1 });
  await seedLedger(first);
  const rest = await Promise.all(Array.from({ length: CLIENTS - 1 }, () => openTestStore({ schema, maxConnections: 1 })));
  stores = [first, ...rest];
  return stores;
}

/** A deterministic amount between 1.00 and 12.99 yuan for attempt `i` of client `c`. */
const amountOf = (c: number, i: number): bigint => BigInt(100 + ((c * 7919 + i * 104_729) % 1200));

/** Odd clients go through `store.transaction`, exercising the savepoint path. */
function submit(store: Store, c: number, batch: TransferInput[]): Promise<TransferBatchResult> {
  return c % 2 === 0 ? store.createTransfers(batch) : store.transaction((tx) => tx.createTransfers(batch));
}

interface Tally {
  reserved: bigint;
  released: bigint;
  okPending: number;
  okVoid: number;
  rejected: number;
  open: string[];
}

async function runClient(store: Store, c: number): Promise<Tally> {
  const t: Tally = { reserved: 0n, released: 0n, okPending: 0, okVoid: 0, rejected: 0, open: [] };
  for (let i = 0; i < ATTEMPTS; i++) {
    const id = `res-${c}-${i}`;
    const amount = amountOf(c, i);
    const r = await submit(store, c, [pay(id, amount, { phase: "pending" })]);
    const status = r.results[0]?.status;
    if (status === "ok") {
      t.reserved += amount;
      t.okPending++;
      t.open.push(id);
    } else {
      expect(r.results[0]).toMatchObject({ status: "exceeds_limit", accountId: q1 });
      t.rejected++;
    }
    // Every fifth attempt releases the client's oldest reservation, so the quota stays contested.
    const oldest = t.open[0];
    if (i % 5 === 4 && oldest !== undefined) {
      const v = await submit(store, c, [{ id: `void-${oldest}`, phase: "void", pendingId: oldest, date: "2026-03-10" }]);
      expect(v.results[0]?.status).toBe("ok");
      t.released += amountOf(c, Number(oldest.split("-")[2]));
      t.okVoid++;
      t.open.shift();
    }
  }
  return t;
}

describe("createTransfers", () => {
  it(`never lets ${CLIENTS} clients × ${ATTEMPTS} pending payments overspend a 10,000.00 quota`, async () => {
    const clients = await openClients();
    const tallies = await Promise.all(clients.map((store, c) => runClient(store, c)));
    const reserved = tallies.reduce((sum, t) => sum + t.reserved - t.released, 0n);
    const rejected = tallies.reduce((sum, t) => sum + t.rejected, 0);
    const okCount = tallies.reduce((sum, t) => sum + t.okPending + t.okVoid, 0);
    const [row] = await clients[0]!.accountBalances({ accountIds: [q1] });
    expect(row?.balance).toEqual({ creditsPosted: QUOTA, debitsPosted: 0n, debitsPending: reserved, creditsPending: 0n });
    expect(reserved <= QUOTA).toBe(true);
    expect(rejected).toBeGreaterThan(0);
    let stored = 0;
    let pendingSum = 0n;
    for await (const t of clients[0]!.transfers({ accountId: q1, afterSequence: 3 })) {
      stored++;
      if (t.phase === "pending") pendingSum += t.amount;
    }
    expect(stored).toBe(okCount);
    expect(pendingSum).toBe(tallies.reduce((sum, t) => sum + t.reserved, 0n));
  }, 240_000);

  it("keeps the quota exact when 8 clients each run transactions of 10 batches (balances held in memory until COMMIT)", async () => {
    const clients = await openClients();
    // Each transaction reserves in 10 batches (30-390 yuan each, so the quota runs out) and voids
    // its own first reservation in the last; every third transaction rolls back at the end. Its
    // balances stay in memory until COMMIT, so the others wait on the quota's row lock and then
    // check against the committed sums.
    let refused = 0;
    const committed = await Promise.all(
      clients.map(async (store, c) => {
        let kept = 0n;
        for (let round = 0; round < 6; round++) {
          const abort = (c + round) % 3 === 0;
          let mine = 0n;
          await store
            .transaction(async (tx) => {
              for (let b = 0; b < 10; b++) {
                const id = `txres-${c}-${round}-${b}`;
                const amount = 30n * amountOf(c, round * 10 + b);
                const r = await tx.createTransfers([pay(id, amount, { phase: "pending" })]);
                if (r.applied) mine += amount;
                else refused++;
              }
              const first = `txres-${c}-${round}-0`;
              const voided = await tx.createTransfers([{ id: `void-${first}`, phase: "void", pendingId: first, date: "2026-03-10" }]);
              if (voided.applied) mine -= 30n * amountOf(c, round * 10);
              if (abort) throw new Error("rolled back on purpose");
            })
            .catch((error: unknown) => {
              if (!(error instanceof Error) || error.message !== "rolled back on purpose") throw error;
            });
          if (!abort) kept += mine;
        }
        return kept;
      }),
    );
    const expected = committed.reduce((sum, k) => sum + k, 0n);
    const [row] = await clients[0]!.accountBalances({ accountIds: [q1] });
    expect(row?.balance).toEqual({ creditsPosted: QUOTA, debitsPosted: 0n, debitsPending: expected, creditsPending: 0n });
    expect(expected <= QUOTA).toBe(true);
    expect(refused).toBeGreaterThan(0);
    const [march] = await clients[0]!.accountBalances({ accountIds: [q1], asOf: "2026-03-31" });
    expect(march!.balance.debitsPending).toBe(expected);
    let pendingSum = 0n;
    const sequences: number[] = [];
    for await (const t of clients[0]!.transfers({ accountId: q1 })) {
      sequences.push(t.sequence);
      if (t.phase === "pending") pendingSum += t.amount;
      if (t.phase === "void") pendingSum -= t.amount;
    }
    expect(pendingSum).toBe(expected);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  }, 240_000);

  it("posts each contested reservation exactly once when all 8 clients race to post it", async () => {
    const clients = await openClients();
    const pendings = Array.from({ length: 40 }, (_, i) => pay(`res-${i}`, 10_000n, { phase: "pending" }));
    expect((await clients[0]!.createTransfers(pendings)).applied).toBe(true);
    const results = await Promise.all(
      clients.map(async (store, c) => {
        const statuses: string[] = [];
        for (const p of pendings) {
          const post = { id: `post-${p.id}-${c}`, phase: "post" as const, pendingId: p.id, amount: 6_000n, date: "2026-03-11" };
          statuses.push((await submit(store, c, [post])).results[0]?.status ?? "missing");
        }
        return statuses;
      }),
    );
    const all = results.flat();
    expect(all.filter((s) => s === "ok")).toHaveLength(pendings.length);
    expect(all.filter((s) => s !== "ok").every((s) => s === "pending_already_posted")).toBe(true);
    const [row] = await clients[0]!.accountBalances({ accountIds: [q1] });
    expect(row?.balance).toEqual({ creditsPosted: QUOTA, debitsPosted: 240_000n, debitsPending: 0n, creditsPending: 0n });
  }, 120_000);

  it("creates one transfer when 8 clients submit the same new id at once, the others see exists", async () => {
    const clients = await openClients();
    const results = await Promise.all(clients.map((store, c) => submit(store, c, [pay("pay-once", 50_000n)])));
    const statuses = results.map((r) => r.results[0]?.status).sort();
    expect(statuses).toEqual(["exists", "exists", "exists", "exists", "exists", "exists", "exists", "ok"]);
    const [row] = await clients[0]!.accountBalances({ accountIds: [q1] });
    expect(row?.balance.debitsPosted).toBe(50_000n);
  });
});
