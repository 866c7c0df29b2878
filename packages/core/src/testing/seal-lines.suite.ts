/**
 * The ledger seal over a store: the digest a seal gives over the fixture ledger of
 * `seal-fixture` is the one pinned there (computed when seals read `Transfer` objects), so that
 * seals made by earlier versions still verify; the store's `transferSealLines` gives each
 * transfer's line as `transferSealLine` writes it, and `recordVersions` what a seal compares.
 */
import { describe, expect, it } from "vitest";
import { LEDGER_SEAL_COLLECTION, sealLedger } from "../audit/seal-ledger";
import { verifyLedgerSeals } from "../audit/verify-ledger-seals";
import { transferSealLine } from "../audit/transfer-seal-line";
import type { StoreTx } from "../store/store";
import { fixedClock } from "../time/clock";
import { SEAL_FIXTURE_PINNED, seedSealFixture } from "./seal-fixture";
import { pay, seedLedger } from "./ledger-fixture";
import { withStore, type StoreHarness } from "./store-harness";

const clock = fixedClock("2026-12-07");

/** Every page's sequences and lines of `transferSealLines(after)`, checked to be in step and ascending. */
async function sealLinesOf(store: Pick<StoreTx, "transferSealLines">, after: number): Promise<{ sequences: number[]; lines: string[] }> {
  const sequences: number[] = [];
  const lines: string[] = [];
  for await (const page of store.transferSealLines(after)) {
    expect(page.lines.length).toBe(page.sequences.length);
    sequences.push(...page.sequences);
    lines.push(...page.lines);
  }
  expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
  return { sequences, lines };
}

/**
 * Registers the seal-line tests.
 *
 * @example
 * ```ts
 * sealLinesSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function sealLinesSuite(h: StoreHarness): void {
  describe("seal lines", () => {
    it("seals the fixture ledger to the digest and chunk marks earlier versions gave", async () => {
      await withStore(h, async (store) => {
        await seedSealFixture(store);
        const seal = await store.transaction((tx) => sealLedger(tx, { actor: "test", clock }));
        expect(seal).toMatchObject({ after: 0, to: SEAL_FIXTURE_PINNED.to, count: SEAL_FIXTURE_PINNED.to, digest: SEAL_FIXTURE_PINNED.digest });
        const kept = await store.getRecord<{ marks: unknown }>(LEDGER_SEAL_COLLECTION, "1");
        expect(kept?.data.marks).toEqual(SEAL_FIXTURE_PINNED.marks);
        expect((await verifyLedgerSeals(store)).problems).toEqual([]);
      });
    }, 120_000);

    it("gives every transfer's line as transferSealLine writes the transfer the store reads back", async () => {
      await withStore(h, async (store) => {
        await seedSealFixture(store);
        const expected: string[] = [];
        for await (const t of store.transfers()) expected.push(transferSealLine(t));
        const { sequences, lines } = await sealLinesOf(store, Number.MIN_SAFE_INTEGER);
        expect(sequences).toEqual(Array.from({ length: SEAL_FIXTURE_PINNED.to }, (_, i) => i + 1));
        for (let i = 0; i < lines.length; i++) if (lines[i] !== expected[i]) expect(lines[i]).toBe(expected[i]);
        expect(lines.length).toBe(expected.length);
      });
    }, 120_000);

    it("starts after the sequence given, and sees a transaction's own transfers", async () => {
      await withStore(h, async (store) => {
        await seedLedger(store);
        await store.createTransfers([pay("pay:A", 100n), pay("pay:B", 200n, { references: { voucher: "B", memo: '"甲"\t' } })]);
        expect((await sealLinesOf(store, 4)).lines).toEqual([expect.stringMatching(/^5\tpay:B\tposted\t/)]);
        expect((await sealLinesOf(store, 5)).lines).toEqual([]);
        await store.transaction(async (tx) => {
          await tx.createTransfers([pay("pay:C", 300n, { phase: "pending", expiresOn: "2026-12-31" })]);
          const { sequences, lines } = await sealLinesOf(tx, 5);
          expect(sequences).toEqual([6]);
          const c = await tx.getTransfer("pay:C");
          expect(lines).toEqual([transferSealLine(c!)]);
        });
      });
    });

    it("lists a collection's ids and versions in id order without the documents, a transaction's own writes included", async () => {
      await withStore(h, async (store) => {
        expect(await store.recordVersions("payment")).toEqual({ ids: [], versions: [] });
        for (const id of ["ZF2", "ZF10", "ZF1"]) await store.putRecord({ collection: "payment", id, data: { id } });
        await store.putRecord({ collection: "payment", id: "ZF2", data: { id: "ZF2", status: "approved" } });
        await store.putRecord({ collection: "quota", id: "ZB1", data: {} });
        expect(await store.recordVersions("payment")).toEqual({ ids: ["ZF1", "ZF10", "ZF2"], versions: [1, 1, 2] });
        await store.transaction(async (tx) => {
          await tx.deleteRecord("payment", "ZF10");
          await tx.putRecord({ collection: "payment", id: "ZF1", data: { id: "ZF1", status: "paid" } });
          expect(await tx.recordVersions("payment")).toEqual({ ids: ["ZF1", "ZF2"], versions: [2, 2] });
        });
      });
    });
  });
}
