/**
 * The accounts of ledger seals over a store: the store numbers accounts in the order they are
 * created (`accountsCreatedAfter`), a seal after a numbered one reads only the accounts numbered
 * after it, and seals made by the older rule (before session 18) still verify and are built on.
 */
import { describe, expect, it } from "vitest";
import { LEDGER_SEAL_COLLECTION, sealLedger } from "../audit/seal-ledger";
import { verifyLedgerSeals } from "../audit/verify-ledger-seals";
import type { SealedAccounts } from "../audit/seal-accounts";
import type { SealedRecords } from "../audit/seal-records";
import { accountsDigest } from "../audit/seal-accounts";
import { sha256Hasher } from "../audit/audit-hasher";
import type { AccountInput } from "../ledger/account";
import type { Store } from "../store/store";
import { fixedClock } from "../time/clock";
import { OLDER_SEAL_RECORDS, seedOlderSeals } from "./older-seals-fixture";
import { withStore, type StoreHarness } from "./store-harness";

const clock = fixedClock("2026-12-07T18:00:00Z");
const line = (id: string, agency = "101001"): AccountInput => ({ id, book: "quota", code: id.slice(6), normalSide: "credit", dimensions: { fiscalYear: "2026", agency } });

/** What a seal read: the numbers it asked `accountsCreatedAfter` for, the seal records, where it started reading the chain. */
interface SealReads {
  readonly asked: number[];
  readonly sealRecords: string[];
  readonly chainFrom: number[];
}

/** Seals with `collections` and records what the seal read. */
async function sealCounting(store: Store, collections: readonly string[] = []): Promise<SealReads> {
  const reads: SealReads = { asked: [], sealRecords: [], chainFrom: [] };
  await store.transaction((tx) => {
    // A proxy, not a copy: a store's transaction may be a class whose methods a spread would drop.
    const counting = new Proxy(tx, {
      get: (target, key) => {
        if (key === "accountsCreatedAfter") return (after: number) => (reads.asked.push(after), target.accountsCreatedAfter(after));
        if (key === "auditEvents") return (from?: number) => (reads.chainFrom.push(from ?? 1), target.auditEvents(from));
        if (key === "getRecord") return (collection: string, id: string) => (collection === LEDGER_SEAL_COLLECTION && reads.sealRecords.push(id), target.getRecord(collection, id));
        const value: unknown = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    return sealLedger(counting, { actor: "cli:zhang", clock, collections });
  });
  return reads;
}

const keptAccounts = async (store: Store, event: number): Promise<SealedAccounts> =>
  (await store.getRecord<{ accounts: SealedAccounts }>(LEDGER_SEAL_COLLECTION, String(event)))!.data.accounts;

/**
 * Registers the account-seal tests.
 *
 * @example
 * ```ts
 * accountSealsSuite({ name: "memory", create: async () => createMemoryStore() });
 * ```
 */
export function accountSealsSuite(h: StoreHarness): void {
  describe("account seals", () => {
    it("numbers accounts in the order they are created, a transaction's own included and a rolled-back one not", async () => {
      await withStore(h, async (store) => {
        expect(await store.accountsCreatedAfter(0)).toEqual([]);
        await store.createAccounts([line("quota:ZB2"), line("quota:ZB1")]);
        await store.createAccounts([line("quota:ZB1")]);
        await store.transaction(async (tx) => {
          await tx.createAccounts([line("quota:ZB0")]);
          expect((await tx.accountsCreatedAfter(2)).map((n) => n.account.id)).toEqual(["quota:ZB0"]);
        });
        await expect(store.transaction(async (tx) => {
          await tx.createAccounts([line("quota:ZB9")]);
          throw new Error("the import failed");
        })).rejects.toThrow("the import failed");
        await store.createAccounts([line("quota:ZB5")]);
        const all = await store.accountsCreatedAfter(Number.MIN_SAFE_INTEGER);
        expect(all.map((n) => n.account.id)).toEqual(["quota:ZB2", "quota:ZB1", "quota:ZB0", "quota:ZB5"]);
        expect(all.slice(0, 3).map((n) => n.number)).toEqual([1, 2, 3]);
        expect(all[3]!.number).toBeGreaterThan(3);
        expect(all[0]!.account).toEqual(await store.getAccount("quota:ZB2"));
        expect((await store.accountsCreatedAfter(all[2]!.number)).map((n) => n.account.id)).toEqual(["quota:ZB5"]);
      });
    });

    it("reads only the accounts numbered after the last seal's, and chains its digest to that seal's", async () => {
      await withStore(h, async (store) => {
        await store.createAccounts([line("quota:ZB1"), line("quota:ZB2")]);
        expect(await sealCounting(store)).toEqual({ asked: [Number.MIN_SAFE_INTEGER], sealRecords: [], chainFrom: [1] });
        const first = await keptAccounts(store, 1);
        expect(first).toMatchObject({ added: ["quota:ZB1", "quota:ZB2"], count: 2, lastNumber: 2 });
        const all = (await store.accountsCreatedAfter(0)).map((n) => n.account);
        expect(first.digest).toBe(await accountsDigest(all, "", sha256Hasher));
        await store.createAccounts([line("quota:ZB3", "102001")]);
        expect((await sealCounting(store)).asked).toEqual([2]);
        const second = await keptAccounts(store, 2);
        const zb3 = (await store.getAccount("quota:ZB3"))!;
        expect(second).toEqual({ added: ["quota:ZB3"], marks: [expect.stringMatching(/^[0-9a-f]{32}$/)], count: 3, digest: await accountsDigest([zb3], first.digest.slice(8), sha256Hasher), lastNumber: 3 });
        expect((await verifyLedgerSeals(store)).problems).toEqual([]);
      });
    });

    it("reads, after a seal of this version, only its record, the versions it keeps and what is new since", async () => {
      await withStore(h, async (store) => {
        await store.createAccounts([line("quota:ZB1")]);
        for (const id of ["ZF1", "ZF2"]) await store.putRecord({ collection: "payment", id, data: { status: "submitted" } });
        await sealCounting(store, ["payment"]);
        await store.createAccounts([line("quota:ZB2")]);
        await store.putRecord({ collection: "payment", id: "ZF2", data: { status: "paid" } });
        await store.deleteRecord("payment", "ZF1");
        expect(await sealCounting(store, ["payment"])).toEqual({ asked: [1], sealRecords: ["1"], chainFrom: [1] });
        expect((await store.getRecord<{ records: SealedRecords }>(LEDGER_SEAL_COLLECTION, "2"))!.data.records.payment).toMatchObject({ ids: ["ZF2"], versions: [2], deleted: ["ZF1"] });
        expect(await verifyLedgerSeals(store)).toMatchObject({ seals: 2, problems: [], records: { sealed: 1 } });
      });
    });

    it("verifies seals made by the older rule, finds an account changed behind them, and builds numbered seals on them", async () => {
      await withStore(h, async (store) => {
        await seedOlderSeals(store);
        expect(OLDER_SEAL_RECORDS.map((r) => "lastNumber" in r.accounts)).toEqual([false, false]);
        expect(await verifyLedgerSeals(store)).toMatchObject({ seals: 2, problems: [], withoutAccounts: 0, records: { sealed: 1 } });
        await store.createAccounts([line("quota:ZB4")]);
        // After a seal of the older rule, every account is read once, and the digest is over them all.
        expect(await sealCounting(store, ["payment"])).toEqual({ asked: [Number.MIN_SAFE_INTEGER], sealRecords: ["2", "1", "2"], chainFrom: [2, 1] });
        const third = await keptAccounts(store, 3);
        const all = (await store.accountsCreatedAfter(0)).map((n) => n.account);
        expect(third).toMatchObject({ added: ["quota:ZB4"], count: 5, lastNumber: 5, digest: await accountsDigest(all, "", sha256Hasher) });
        await store.createAccounts([line("quota:ZB5")]);
        // The seal before it is of this version: its record alone, and the versions it keeps.
        expect(await sealCounting(store, ["payment"])).toEqual({ asked: [5], sealRecords: ["3"], chainFrom: [3] });
        expect(await verifyLedgerSeals(store)).toMatchObject({ seals: 4, problems: [], withoutAccounts: 0 });
      });
    });
  });
}
