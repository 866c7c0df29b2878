import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, symlink } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, cleanup, collect, runJincai, spawnJincai, summaryJson, tempDir, totalFen } from "./_testing/run-jincai";

// 150,000 generated payments take a few seconds to import (30,000 could finish before the kill
// once imports got faster): long enough to kill the import part-way on any machine, short
// enough for the clean re-run to keep the suite fast.
const PAYMENTS = 150_000;
let root: string;

beforeAll(async () => {
  root = await tempDir();
  await promisify(execFile)(process.execPath, [
    join(REPO_ROOT, "examples/scripts/generate-city.mjs"), "--payments", String(PAYMENTS), "--out", join(root, "city"),
  ]);
});
afterAll(() => cleanup(root));

/** A database in its own directory under `root`, with the city's agencies and quotas imported. */
async function preparedDatabase(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir);
  await symlink(join(root, "city"), join(dir, "city"));
  for (const args of [
    ["init", "--year", "2026", "--division", "990100"],
    ["import", "agencies", "city/agencies.csv"],
    ["import", "quotas", "city/quotas.csv"],
  ]) {
    expect((await runJincai(dir, args)).code).toBe(0);
  }
  return dir;
}

/** Paid and reserved totals (fen) the payments file should produce, by status. */
async function expectedTotals(): Promise<{ paid: bigint; reserved: bigint }> {
  const lines = (await readFile(join(root, "city/payments.csv"), "utf8")).trim().split("\n");
  const header = lines[0]!.split(",");
  const amount = header.indexOf("金额");
  const status = header.indexOf("状态");
  let paid = 0n;
  let reserved = 0n;
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    const fen = BigInt(cells[amount]!.replace(".", ""));
    if (cells[status] === "已支付") paid += fen;
    else if (cells[status] === "已提交") reserved += fen;
  }
  return { paid, reserved };
}

/** Waits (up to 10 s) for `file` to exist. */
async function appears(file: string): Promise<boolean> {
  for (let waited = 0; !existsSync(file) && waited < 10_000; waited += 50) await sleep(50);
  return existsSync(file);
}

describe("jincai import payments killed with SIGKILL", () => {
  it("as a bulk load (the default): refuses other commands meanwhile, leaves the database as it was, and a clean re-run pays the full amount", async () => {
    const dir = await preparedDatabase("bulk");
    const before = await summaryJson(dir);
    expect(totalFen(before, "paid")).toBe(0n);

    const child = spawnJincai(dir, ["import", "payments", "city/payments.csv"]);
    const done = collect(child);
    // The rollback journal appears with the import's first write; the import then runs for seconds.
    expect(await appears(join(dir, "jincai.db-journal"))).toBe(true);
    const meanwhile = await runJincai(dir, ["summary", "--by", "agency"]);
    expect(meanwhile.code).toBe(2);
    expect(meanwhile.stderr).toContain("STORE_BULK_LOAD_BUSY");
    child.kill("SIGKILL");
    const killed = await done;
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.stdout).toBe("");

    // The next command rolls the hot journal back.
    expect(await summaryJson(dir)).toEqual(before);
    expect(existsSync(join(dir, "jincai.db-journal"))).toBe(false);
    const verify = await runJincai(dir, ["verify"]);
    expect(verify.code).toBe(0);

    const again = await runJincai(dir, ["import", "payments", "city/payments.csv", "--quiet"]);
    expect(again.code).toBe(0);
    const after = await summaryJson(dir);
    const expected = await expectedTotals();
    expect(totalFen(after, "paid")).toBe(expected.paid);
    expect(totalFen(after, "reserved")).toBe(expected.reserved);
    expect(totalFen(after, "quota")).toBe(totalFen(before, "quota"));
  });

  it("with --shared: other commands read the last commit meanwhile, and the kill leaves the database as it was", async () => {
    const dir = await preparedDatabase("shared");
    const before = await summaryJson(dir);

    const child = spawnJincai(dir, ["import", "payments", "city/payments.csv", "--shared"]);
    const done = collect(child);
    expect(await appears(join(dir, "jincai.db-wal"))).toBe(true);
    await sleep(300);
    expect(await summaryJson(dir)).toEqual(before);
    child.kill("SIGKILL");
    const killed = await done;
    expect(killed.signal).toBe("SIGKILL");

    expect(await summaryJson(dir)).toEqual(before);
    expect((await runJincai(dir, ["verify"])).code).toBe(0);
  });
});
