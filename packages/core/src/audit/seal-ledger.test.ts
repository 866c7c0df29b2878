import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../store/memory-store";
import type { Store } from "../store/store";
import type { Account } from "../ledger/account";
import type { Transfer } from "../ledger/transfer";
import { ACCOUNTS, pay, seedLedger } from "../testing/ledger-fixture";
import { fixedClock } from "../time/clock";
import { sha256Hasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";
import { accountSealLine } from "./seal-accounts";
import { LEDGER_SEAL_COLLECTION, sealLedger, sealOf } from "./seal-ledger";
import { verifyLedgerSeals } from "./verify-ledger-seals";
import { sealLinePages, transferSealLine } from "./transfer-seal-line";

const clock = fixedClock("2026-03-31T18:00:00Z");
const seal = (store: Store) => store.transaction((tx) => sealLedger(tx, { actor: "u:zhang", clock }));

type Sealed = Pick<Store, "transfers" | "transferSealLines" | "auditEvents" | "getRecord" | "accountsCreatedAfter" | "queryRecords">;

/** The store as it would read after someone edited one stored transfer behind its back. */
function tampered(store: Store, id: string, change: (t: Transfer) => Transfer): Sealed {
  return {
    auditEvents: (from) => store.auditEvents(from),
    getRecord: (collection, recordId) => store.getRecord(collection, recordId),
    queryRecords: (collection, query) => store.queryRecords(collection, query),
    accountsCreatedAfter: (after) => store.accountsCreatedAfter(after),
    async *transfers(query) {
      for await (const t of store.transfers(query)) yield t.id === id ? change(t) : t;
    },
    transferSealLines(after) {
      return sealLinePages(this.transfers({ afterSequence: after }));
    },
  };
}

describe("sealLedger and verifyLedgerSeals", () => {
  it("seals the transfers since the last seal, and nothing when none is new", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    const first = await seal(store);
    expect(first).toMatchObject({ after: 0, count: first!.to });
    expect(first!.digest).toMatch(/^sha-256:[0-9a-f]{64}$/);
    expect(await seal(store)).toBeUndefined();
    await store.createTransfers([pay("pay:ZF1", 5_000n, { references: { voucher: "ZF1", memo: "青川" } })]);
    const second = await seal(store);
    expect(second).toMatchObject({ after: first!.to, to: first!.to + 1, count: 1 });
    const events = [];
    for await (const e of store.auditEvents()) events.push(e);
    const { newAccounts: _a, changedRecords: _r, changedRecordsBy: _rb, ...firstSeal } = first!;
    const { newAccounts: _b, changedRecords: _s, changedRecordsBy: _sb, ...secondSeal } = second!;
    expect(events.map((e) => sealOf(e))).toEqual([firstSeal, secondSeal]);
    expect(await verifyLedgerSeals(store)).toEqual({ seals: 2, sealedTo: second!.to, unsealed: 0, problems: [], withoutAccounts: 0, withoutRecords: 2, records: { collections: [], sealed: 0, changedSince: 0, newSince: 0, firstEvents: {} } });
  });

  it("finds a sealed transfer's references or amount changed behind the store's back, at its seal", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await store.createTransfers([pay("pay:ZF1", 5_000n, { references: { voucher: "ZF1", memo: '["青川","6222000000000001"]' } })]);
    const sealed = await seal(store);
    const redirected = tampered(store, "pay:ZF1", (t) => ({ ...t, references: { ...t.references, memo: '["青川","6299999999999999"]' } }));
    const report = await verifyLedgerSeals(redirected);
    expect(report.problems).toEqual([{ code: "AUDIT_SEAL_MISMATCH", sequence: 1, message: expect.stringMatching(new RegExp(`^the transfers 1\\.\\.${sealed!.to} sealed at event 1 have changed, first among transfers 1\\.\\.${sealed!.to}: ${sealed!.count} now, digest sha-256:`)) }]);
    expect((await verifyLedgerSeals(tampered(store, "pay:ZF1", (t) => ({ ...t, amount: 4_000n })))).problems).toHaveLength(1);
  });

  it("finds a sealed transfer deleted, and counts transfers written after the last seal", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await seal(store);
    await store.createTransfers([pay("pay:ZF2", 100n)]);
    const deleted: Sealed = {
      auditEvents: (from) => store.auditEvents(from),
      getRecord: (collection, recordId) => store.getRecord(collection, recordId),
    queryRecords: (collection, query) => store.queryRecords(collection, query),
      accountsCreatedAfter: (after) => store.accountsCreatedAfter(after),
      async *transfers(query) {
        for await (const t of store.transfers(query)) if (t.sequence !== 1) yield t;
      },
      transferSealLines(after) {
        return sealLinePages(this.transfers({ afterSequence: after }));
      },
    };
    const report = await verifyLedgerSeals(deleted);
    expect(report.problems[0]?.message).toMatch(/have changed, first among transfers 1\.\.3: 2 now/);
    expect(report.unsealed).toBe(1);
  });

  it("names the chunk of 10,000 transfers where a large seal first differs", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    const batch = Array.from({ length: 25_000 }, (_, i) => pay(`pay:B${i}`, 1n));
    for (let i = 0; i < batch.length; i += 5_000) expect((await store.createTransfers(batch.slice(i, i + 5_000))).applied).toBe(true);
    const sealed = await seal(store);
    expect(sealed!.count).toBeGreaterThan(25_000);
    let target = "";
    for await (const t of store.transfers()) if (t.sequence === 15_000) target = t.id;
    const report = await verifyLedgerSeals(tampered(store, target, (t) => ({ ...t, amount: t.amount + 1n })));
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.message).toContain(`have changed, first among transfers 10001..20000: `);
    // The kept marks edited behind the store's back are not believed (and said to be edited):
    // the seal's range is named.
    const kept = (await store.getRecord<{ marks: { to: number; digest: string }[] }>(LEDGER_SEAL_COLLECTION, "1"))!;
    await store.putRecord({ collection: LEDGER_SEAL_COLLECTION, id: "1", data: { ...kept.data, marks: kept.data.marks.slice(1) } });
    const edited = await verifyLedgerSeals(tampered(store, target, (t) => ({ ...t, amount: t.amount + 1n })));
    expect(edited.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^the record kept for the seal at event 1 \(ledger-seal 1\) no longer gives the event's digest/),
      expect.stringMatching(/have changed: \d+ now/),
    ]);
  });

  it("writes every stored field of a transfer into its line", () => {
    const t: Transfer = { id: "pay:ZF1", phase: "pending", debitAccountId: ACCOUNTS.q1, creditAccountId: "b", amount: 50_000n, date: "2026-03-01", pendingId: "x", expiresOn: "2026-12-31", references: { voucher: "ZF1" }, sequence: 41 };
    expect(transferSealLine(t)).toBe(`41\tpay:ZF1\tpending\t${ACCOUNTS.q1}\tb\t50000\t2026-03-01\tx\t2026-12-31\t{"voucher":"ZF1"}\n`);
  });
});

/** The store as it would read after someone edited one account's dimensions behind its back. */
function moved(store: Store, id: string, change: (a: Account) => Account): Sealed {
  return {
    auditEvents: (from) => store.auditEvents(from),
    getRecord: (collection, recordId) => store.getRecord(collection, recordId),
    queryRecords: (collection, query) => store.queryRecords(collection, query),
    transfers: (query) => store.transfers(query),
    transferSealLines: (after) => store.transferSealLines(after),
    async accountsCreatedAfter(after) {
      return (await store.accountsCreatedAfter(after)).map((n) => (n.account.id === id ? { ...n, account: change(n.account) } : n));
    },
  };
}

const toAgency = (agency: string) => (a: Account): Account => ({ ...a, dimensions: { ...a.dimensions, agency } });

describe("the accounts in a seal", () => {
  it("keeps the accounts first covered by each seal, their count and digest, in the record its event's digest covers", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await seal(store);
    const first = (await store.getRecord<{ accounts: { added: string[]; marks: string[]; count: number; digest: string } }>(LEDGER_SEAL_COLLECTION, "1"))!.data.accounts;
    expect(first.added).toContain(ACCOUNTS.q1);
    expect(first.added).toEqual([...first.added].sort());
    expect(first.marks).toHaveLength(first.added.length);
    expect(first.count).toBe(first.added.length);
    expect(first.digest).toMatch(/^sha-256:[0-9a-f]{64}$/);
    await store.createAccounts([{ id: "quota-new", book: "quota", code: "2001", normalSide: "credit", dimensions: { agency: "103001" } }]);
    await store.createTransfers([pay("pay:ZF1", 100n)]);
    await seal(store);
    const second = (await store.getRecord<{ accounts: { added: string[]; count: number } }>(LEDGER_SEAL_COLLECTION, "2"))!.data.accounts;
    expect(second).toMatchObject({ added: ["quota-new"], count: first.count + 1 });
    expect((await verifyLedgerSeals(store)).problems).toEqual([]);
  });

  it("finds a quota line moved to another agency behind the store's back, and names it", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await seal(store);
    const report = await verifyLedgerSeals(moved(store, ACCOUNTS.q1, toAgency("102001")));
    expect(report.problems).toEqual([
      { code: "AUDIT_ACCOUNT_MISMATCH", sequence: 1, message: expect.stringMatching(new RegExp(`^the \\d+ accounts sealed at event 1 have changed: ${ACCOUNTS.q1} changed: `)) },
    ]);
  });

  it("finds a sealed account deleted", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await seal(store);
    const gone: Sealed = { ...moved(store, "", (a) => a), accountsCreatedAfter: async (after) => (await store.accountsCreatedAfter(after)).filter((n) => n.account.id !== ACCOUNTS.q3) };
    expect((await verifyLedgerSeals(gone)).problems[0]?.message).toContain(`: ${ACCOUNTS.q3} missing`);
  });

  it("has no problem with an account created after the seal, nor with one closed", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await seal(store);
    await store.createAccounts([{ id: "quota-new", book: "quota", code: "2001", normalSide: "credit", dimensions: { agency: "103001" } }]);
    await store.closeAccount(ACCOUNTS.q3);
    expect((await verifyLedgerSeals(store)).problems).toEqual([]);
  });

  it("does not believe a seal record edited to hide the move: it reports the record", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await seal(store);
    const kept = (await store.getRecord<{ accounts: { added: string[]; marks: string[] } }>(LEDGER_SEAL_COLLECTION, "1"))!;
    // The record rewritten without the moved account, so that its mark and the digest are not checked.
    const i = kept.data.accounts.added.indexOf(ACCOUNTS.q1);
    const added = kept.data.accounts.added.filter((_, j) => j !== i);
    const marks = kept.data.accounts.marks.filter((_, j) => j !== i);
    await store.putRecord({ collection: LEDGER_SEAL_COLLECTION, id: "1", data: { ...kept.data, accounts: { ...kept.data.accounts, added, marks } } });
    const report = await verifyLedgerSeals(moved(store, ACCOUNTS.q1, toAgency("102001")));
    expect(report.problems).toEqual([{ code: "AUDIT_SEAL_MISMATCH", sequence: 1, message: expect.stringContaining("it was edited behind the store's back") }]);
  });

  it("skips seals made before accounts were sealed", async () => {
    const store = createMemoryStore();
    await seedLedger(store);
    await seal(store);
    // A seal of an older version: its record kept only the chunk marks, and the event's digest is of that.
    const kept = (await store.getRecord<Record<string, unknown>>(LEDGER_SEAL_COLLECTION, "1"))!;
    const { accounts: _accounts, ...older } = kept.data;
    const report = await verifyLedgerSeals({
      ...moved(store, ACCOUNTS.q1, toAgency("102001")),
      getRecord: async (collection, id) => ({ ...(await store.getRecord(collection, id))!, data: older }) as never,
      async *auditEvents(from) {
        for await (const e of store.auditEvents(from)) yield { ...e, digest: await sha256Hasher.hash(new TextEncoder().encode(canonicalJson(older))) };
      },
    });
    expect(report.problems).toEqual([]);
    expect(report.withoutAccounts).toBe(1);
  });

  it("writes the immutable fields of an account into its line, dimensions in key order, not closed", () => {
    const a: Account = { id: "q", book: "quota", code: "2001", dimensions: { functionCode: "2010101", agency: "101001" }, normalSide: "credit", flags: { debitsMustNotExceedCredits: true }, closed: true };
    expect(accountSealLine(a)).toBe('["q","quota","2001",null,"credit",{"debitsMustNotExceedCredits":true},{"agency":"101001","functionCode":"2010101"}]\n');
  });
});
