/**
 * Numbered account seals over SQLite (a seal reads only the accounts whose `num` is above the last
 * seal's `lastNumber`), tampered with by direct SQL: an account sealed earlier edited after a later
 * seal, one created and edited before the next seal, one deleted, one inserted with a number the
 * seals already covered, and the last seal record edited must each be found by core's
 * `verifyLedgerSeals`.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LEDGER_SEAL_COLLECTION, fixedClock, sealLedger, verifyLedgerSeals } from "@jincai/core";
import type { SealedAccounts, Store } from "@jincai/core";
import { openSqliteStore } from "./open-sqlite-store";
import { tempDir } from "./_testing/temp-store";
import { tamper, withStore } from "./_testing/tamper-file";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const clock = fixedClock("2026-03-31T18:00:00Z");
const seal = (store: Store) => store.transaction((tx) => sealLedger(tx, { actor: "cli:zhang", clock }));
const LINE = (id: string) => ({ id, book: "quota", code: id.slice(6), normalSide: "credit", dimensions: { agency: "101001" } }) as const;
const problemsOf = (filename: string) => withStore(filename, async (store) => (await verifyLedgerSeals(store)).problems.map((p) => [p.code, p.sequence, p.message.split(": ")[1]]));
const keptAccounts = (filename: string, event: number) => withStore(filename, async (store) => (await store.getRecord<{ accounts: SealedAccounts }>(LEDGER_SEAL_COLLECTION, String(event)))!.data.accounts);

/** quota:Q1 and quota:Q2 sealed at event 1, quota:Q3 created and sealed at event 2; returns the path. */
async function sealedTwice(): Promise<string> {
  const dir = tempDir();
  dirs.push(dir);
  const filename = join(dir, "accounts.db");
  const store = openSqliteStore({ filename });
  await store.createAccounts([LINE("quota:Q1"), LINE("quota:Q2")]);
  await seal(store);
  await store.createAccounts([LINE("quota:Q3")]);
  expect(await seal(store)).toMatchObject({ count: 0, newAccounts: 1 });
  await store.close();
  expect(await keptAccounts(filename, 2)).toMatchObject({ added: ["quota:Q3"], count: 3, lastNumber: 3 });
  return filename;
}

describe("numbered account seals on SQLite", () => {
  it("finds an account of the first seal moved with SQL after a later seal that read only the new accounts", async () => {
    const file = await sealedTwice();
    expect(await problemsOf(file)).toEqual([]);
    tamper(file, `UPDATE accounts SET dimensions = '{"agency":"102001"}' WHERE id = 'quota:Q1'`);
    expect(await problemsOf(file)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 1, "quota:Q1 changed"]]);
  });

  it("seals an account created and moved with SQL before the next seal as moved, and finds a later move at that seal", async () => {
    const file = await sealedTwice();
    await withStore(file, (store) => store.createAccounts([LINE("quota:Q4")]));
    tamper(file, `UPDATE accounts SET dimensions = '{"agency":"102001"}' WHERE id = 'quota:Q4'`);
    await withStore(file, seal);
    expect(await problemsOf(file)).toEqual([]);
    tamper(file, `UPDATE accounts SET dimensions = '{"agency":"103001"}' WHERE id = 'quota:Q4'`);
    expect(await problemsOf(file)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 3, "quota:Q4 changed"]]);
  });

  it("finds an account deleted with SQL between numbered seals, at the seal that recorded it", async () => {
    const file = await sealedTwice();
    tamper(file, `DELETE FROM account_dimensions WHERE account = (SELECT num FROM accounts WHERE id = 'quota:Q2'); DELETE FROM accounts WHERE id = 'quota:Q2'`);
    await withStore(file, (store) => store.createAccounts([LINE("quota:Q4")]));
    await withStore(file, seal);
    expect(await keptAccounts(file, 3)).toMatchObject({ added: ["quota:Q4"], count: 4 });
    expect(await problemsOf(file)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 1, "quota:Q2 missing"]]);
  });

  it("finds the last-numbered account deleted with SQL, and the account that then takes its number unsealed", async () => {
    const file = await sealedTwice();
    // SQLite gives the next account the highest num + 1: quota:Q4 takes quota:Q3's 3, which the
    // last seal covers, so no seal reads it; both are reported.
    tamper(file, `DELETE FROM account_dimensions WHERE account = 3; DELETE FROM accounts WHERE num = 3`);
    await withStore(file, (store) => store.createAccounts([LINE("quota:Q4")]));
    await withStore(file, seal);
    expect(await problemsOf(file)).toEqual([
      ["AUDIT_ACCOUNT_MISMATCH", 2, "quota:Q3 missing; quota:Q4 stored with a number this seal covers but named by no seal (written behind the store's back)"],
    ]);
  });

  it("finds an account inserted with SQL under a number the seals covered, which the next seal does not read", async () => {
    const file = await sealedTwice();
    tamper(file, `INSERT INTO accounts (num, id, book, code, dimensions, normal_side, flags) VALUES (0, 'quota:Q9', 'quota', 'Q9', '{"agency":"101001"}', 'credit', '{}')`);
    await withStore(file, (store) => store.createAccounts([LINE("quota:Q4")]));
    await withStore(file, seal);
    expect(await keptAccounts(file, 3)).toMatchObject({ added: ["quota:Q4"] });
    expect(await problemsOf(file)).toEqual([["AUDIT_ACCOUNT_MISMATCH", 1, "quota:Q9 stored with a number this seal covers but named by no seal (written behind the store's back)"]]);
  });

  it("reports the last seal record edited with SQL, and the next seal reads every account instead of believing it", async () => {
    const file = await sealedTwice();
    tamper(file, `UPDATE records SET data = json_set(data, '$.accounts.lastNumber', 20) WHERE collection = '${LEDGER_SEAL_COLLECTION}' AND id = '2'`);
    await withStore(file, (store) => store.createAccounts([LINE("quota:Q4")]));
    await withStore(file, seal);
    expect(await keptAccounts(file, 3)).toMatchObject({ added: ["quota:Q3", "quota:Q4"], lastNumber: 4 });
    expect(await problemsOf(file)).toEqual([["AUDIT_SEAL_MISMATCH", 2, "it was edited behind the store's back, and its chunk marks and accounts are not believed"]]);
  });
});
