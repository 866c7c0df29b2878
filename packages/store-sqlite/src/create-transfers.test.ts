import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ACCOUNTS, pay, seedLedger } from "@jincai/core/testing";
import type { Store, TransferInput } from "@jincai/core";
import { openSqliteStore } from "./open-sqlite-store";
import { tempDir } from "./_testing/temp-store";

const dirs: string[] = [];
const stores: Store[] = [];
const open = async (): Promise<Store> => {
  const dir = tempDir();
  dirs.push(dir);
  const store = openSqliteStore({ filename: join(dir, "city-2026.db") });
  stores.push(store);
  await seedLedger(store);
  return store;
};
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// 150 payments of 10.00 yuan: more than two multi-row statements and a remainder.
const payments = (from = 0, count = 150): TransferInput[] =>
  Array.from({ length: count }, (_, i) => pay(`pay:ZF2026-${String(from + i).padStart(6, "0")}`, 1_000n, { references: { voucher: `ZF${from + i}`, memo: "青川办公用品有限公司" } }));
const paidOn = async (store: Store): Promise<bigint> => (await store.accountBalances({ accountIds: [ACCOUNTS.q1] }))[0]!.balance.debitsPosted;

describe("createTransfersSync (through the store)", () => {
  it("stores every shape of references and reads each back as given", async () => {
    const store = await open();
    const tricky = 'a "quoted" \\ back\\slash, a tab\t, a newline\n, \u0001 and 青川 ✓';
    const shapes = [
      { voucher: "ZF1", memo: JSON.stringify(["青川办公用品有限公司", "6222", tricky, "30201"]) },
      { voucher: tricky, memo: tricky },
      { voucher: "ZF3" },
      { memo: "only a memo" },
      { voucher: "ZF5", memo: "m", documentId: "D5" },
      { voucher: "ZF6", memo: undefined },
      { voucher: "ZF7", sourceLine: 12 },
      {},
      undefined,
    ];
    const batch = shapes.map((references, i) => pay(`t${i}`, 100n, references === undefined ? {} : { references }));
    expect((await store.createTransfers(batch)).applied).toBe(true);
    // Large batches take another path (assume-new ids, in a savepoint): the same shapes again.
    const many = Array.from({ length: 70 }, (_, i) => pay(`u${i}`, 1n, shapes[i % shapes.length] === undefined ? {} : { references: shapes[i % shapes.length]! }));
    expect((await store.createTransfers(many)).applied).toBe(true);
    for (const [prefix, count] of [["t", shapes.length], ["u", 70]] as const) {
      for (let i = 0; i < count; i++) {
        const given = shapes[i % shapes.length];
        const expected = given === undefined ? {} : JSON.parse(JSON.stringify(given));
        expect((await store.getTransfer(`${prefix}${i}`))?.references).toEqual(expected);
      }
    }
  });

  it("stores plain posted rows and reservations mixed in one large batch, each with its own fields and accounts", async () => {
    const store = await open();
    // Three 32-row statements' worth: posted rows, a chunk with two reservations in it, and a
    // short last chunk; one row on q2. Each row's accounts must land on its own sequence.
    const batch: TransferInput[] = Array.from({ length: 75 }, (_, i) => {
      const id = `m${String(i).padStart(3, "0")}`;
      if (i === 40) return pay(id, 300n, { phase: "pending", expiresOn: "2026-12-31", references: { voucher: "R40" } });
      if (i === 41) return pay(id, 200n, { phase: "pending" });
      if (i === 70) return pay(id, 100n, { debitAccountId: ACCOUNTS.q2, references: { memo: "青川" } });
      return pay(id, 100n);
    });
    expect((await store.createTransfers(batch)).applied).toBe(true);
    expect(await store.getTransfer("m040")).toMatchObject({ phase: "pending", amount: 300n, expiresOn: "2026-12-31", references: { voucher: "R40" } });
    expect(await store.getTransfer("m041")).toMatchObject({ phase: "pending", amount: 200n });
    const plain = await store.getTransfer("m070");
    expect(plain).toMatchObject({ phase: "posted", debitAccountId: ACCOUNTS.q2, references: { memo: "青川" } });
    expect(plain).not.toHaveProperty("pendingId");
    expect(plain).not.toHaveProperty("expiresOn");
    const ofQ2: string[] = [];
    for await (const t of store.transfers({ accountId: ACCOUNTS.q2 })) ofQ2.push(t.id);
    expect(ofQ2.filter((id) => id.startsWith("m"))).toEqual(["m070"]);
    const ofQ1: string[] = [];
    for await (const t of store.transfers({ accountId: ACCOUNTS.q1, phases: ["pending"] })) ofQ1.push(t.id);
    expect(ofQ1).toEqual(["m040", "m041"]);
    const [q1] = await store.accountBalances({ accountIds: [ACCOUNTS.q1] });
    expect(q1!.balance).toMatchObject({ debitsPosted: 7_200n, debitsPending: 500n });
  });

  it("writes a large batch of new payments in order, with their references and balances", async () => {
    const store = await open();
    const r = await store.createTransfers(payments());
    expect(r.applied).toBe(true);
    expect(r.results.every((x) => x.status === "ok")).toBe(true);
    expect(await paidOn(store)).toBe(150_000n);
    const t = await store.getTransfer("pay:ZF2026-000149");
    expect(t).toMatchObject({ amount: 1_000n, references: { voucher: "ZF149", memo: "青川办公用品有限公司" } });
    const seqs: number[] = [];
    for await (const x of store.transfers({ accountId: ACCOUNTS.q1 })) if (x.id.startsWith("pay:")) seqs.push(x.sequence);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs).toHaveLength(150);
  });

  it("replays a large batch as `exists` for every item and changes nothing", async () => {
    const store = await open();
    await store.createTransfers(payments());
    const again = await store.createTransfers(payments());
    expect(again.applied).toBe(true);
    expect(new Set(again.results.map((x) => x.status))).toEqual(new Set(["exists"]));
    expect(await paidOn(store)).toBe(150_000n);
  });

  it("replays a large batch on a nearly spent quota as `exists`, not as an overspend", async () => {
    const store = await open();
    const big = Array.from({ length: 100 }, (_, i) => pay(`pay:ZF2026-B${String(i).padStart(4, "0")}`, 9_000n));
    expect((await store.createTransfers(big)).applied).toBe(true);
    const again = await store.createTransfers(big);
    expect(again.applied).toBe(true);
    expect(new Set(again.results.map((x) => x.status))).toEqual(new Set(["exists"]));
    expect(await paidOn(store)).toBe(900_000n);
  });

  it("reports an overspend in a large batch of new payments with the shortfall, writing nothing", async () => {
    const store = await open();
    const r = await store.createTransfers(Array.from({ length: 120 }, (_, i) => pay(`pay:ZF2026-C${String(i).padStart(4, "0")}`, 9_000n)));
    expect(r.applied).toBe(false);
    expect(r.results[111]).toMatchObject({ status: "exceeds_limit", accountId: ACCOUNTS.q1 });
    expect(r.results[0]!.status).toBe("batch_failed");
    expect(await paidOn(store)).toBe(0n);
  });

  it("finds one recorded payment in a large batch of new ones: it is `exists`, the others apply", async () => {
    const store = await open();
    await store.createTransfers([payments(70, 1)[0]!]);
    const r = await store.createTransfers(payments());
    expect(r.applied).toBe(true);
    expect(r.results[70]!.status).toBe("exists");
    expect(r.results.filter((x) => x.status === "ok")).toHaveLength(149);
    expect(await paidOn(store)).toBe(150_000n);
  });

  it("rejects a large batch whose one recorded id now carries another amount, writing nothing", async () => {
    const store = await open();
    await store.createTransfers([pay("pay:ZF2026-000070", 2_000n)]);
    const r = await store.createTransfers(payments());
    expect(r.applied).toBe(false);
    expect(r.results[70]!.status).toBe("exists_with_different_fields");
    expect(await paidOn(store)).toBe(2_000n);
    expect(await store.getTransfer("pay:ZF2026-000071")).toBeUndefined();
  });

  it("plans a large batch whose first or last id is stored carefully at once, with the results it would get otherwise", async () => {
    const store = await open();
    await store.createTransfers(payments(0, 150));
    // A file imported again with new rows after the old ones: stored first id.
    const appended = await store.createTransfers(payments(100, 100));
    expect(appended.results.map((x) => x.status)).toEqual([...Array<string>(50).fill("exists"), ...Array<string>(50).fill("ok")]);
    // New rows before old ones: stored last id.
    const prepended = await store.createTransfers(payments(250, 100).concat(payments(0, 1)));
    expect(prepended.applied).toBe(true);
    expect(prepended.results.at(-1)!.status).toBe("exists");
    expect(prepended.results.filter((x) => x.status === "ok")).toHaveLength(100);
    // A stored first id and an overspend: the overspend is found as such, nothing is written.
    const over = await store.createTransfers(payments(0, 1).concat(Array.from({ length: 80 }, (_, i) => pay(`pay:ZF2026-D${String(i).padStart(4, "0")}`, 20_000n))));
    expect(over.applied).toBe(false);
    expect(over.results.find((x) => x.status === "exceeds_limit")).toMatchObject({ accountId: ACCOUNTS.q1 });
    expect(await paidOn(store)).toBe(300_000n);
  });

  it("answers the balance as of a date from the days the batches wrote", async () => {
    const store = await open();
    await store.createTransfers(payments().map((t, i) => ({ ...t, date: i < 100 ? "2026-03-10" : "2026-03-20" })));
    const asOf = async (date: string) => (await store.accountBalances({ accountIds: [ACCOUNTS.q1], asOf: date }))[0]!.balance.debitsPosted;
    expect(await asOf("2026-03-15")).toBe(100_000n);
    expect(await asOf("2026-03-31")).toBe(150_000n);
  });

  it("keeps balances and months exact beyond 2^53 fen, where a JavaScript number would round", async () => {
    const store = await open();
    const huge = 2n ** 55n + 1n; // 140 of them stay inside SQLite's 64-bit integers
    const grants = (date: string) =>
      Array.from({ length: 70 }, (_, i) => ({ id: `big-${date}-${i}`, debitAccountId: ACCOUNTS.source, creditAccountId: ACCOUNTS.paid2, amount: huge, date }));
    expect((await store.createTransfers(grants("2026-03-10"))).applied).toBe(true);
    expect((await store.createTransfers(grants("2026-04-10"))).applied).toBe(true);
    const balance = async (asOf?: string) =>
      (await store.accountBalances({ accountIds: [ACCOUNTS.paid2], ...(asOf === undefined ? {} : { asOf }) }))[0]!.balance.creditsPosted;
    expect(await balance()).toBe(140n * huge);
    expect(await balance("2026-03-31")).toBe(70n * huge);
    expect(await balance("2026-04-30")).toBe(140n * huge);
  });
});
