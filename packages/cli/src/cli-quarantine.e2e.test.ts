import { readFile, symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PAYMENT_HEADER as HEADER, payment, runJincai, summaryJson, totalFen, useSmallDatabase, writeFiles } from "./_testing/run-jincai";

const db = useSmallDatabase();

describe("jincai import --quarantine", () => {
  it("commits the good rows, writes the over-quota row with a reason and exits 1", async () => {
    await writeFiles(db.dir, {
      "mixed.csv": [HEADER, payment("P1", "ZB1", "30101", "1200.00"), payment("P2", "ZB2", "30201", "9999.00"), payment("P3", "ZB3", "30205", "300.00"), ""].join("\n"),
    });
    const run = await runJincai(db.dir, ["import", "payments", "mixed.csv", "--quarantine", "out.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^mixed\.csv:3:11 TREASURY_EXCEEDS_QUOTA /);
    expect(run.stdout).toContain("3 rows read, 2 applied, 1 rejected");
    const out = (await readFile(join(db.dir, "out.csv"), "utf8")).trim().split(/\r?\n/);
    expect(out[0]).toBe(`${HEADER},reason`);
    expect(out).toHaveLength(2);
    expect(out[1]).toMatch(/^P2,2026-03-09,ZB2,101001,111,2010301,30201,JB0000,青川办公用品有限公司,6222000000000009,9999\.00,"?3:11 TREASURY_EXCEEDS_QUOTA /);
    expect(totalFen(await summaryJson(db.dir), "paid")).toBe(150000n);
  });

  it("keeps the rows an earlier day set aside in the same quarantine file instead of emptying it", async () => {
    await writeFiles(db.dir, {
      "day1.csv": [HEADER, payment("D1", "ZB2", "30201", "12.345"), ""].join("\n"),
      "day2.csv": [HEADER, payment("D2", "ZB1", "30101", "10.00"), ""].join("\n"),
      "day3.csv": [HEADER, payment("D3", "ZB1", "30101", "abc"), ""].join("\n"),
    });
    expect((await runJincai(db.dir, ["import", "payments", "day1.csv", "--quarantine", "rejected.csv"])).code).toBe(2);
    const day1 = await readFile(join(db.dir, "rejected.csv"), "utf8");
    expect(day1).toContain("D1,");
    // A clean day: nothing to set aside, and day 1's row is still there to fix.
    const clean = await runJincai(db.dir, ["import", "payments", "day2.csv", "--quarantine", "rejected.csv"]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("rejected.csv already held rows set aside before: kept as rejected.earlier.csv\n");
    expect(await readFile(join(db.dir, "rejected.earlier.csv"), "utf8")).toBe(day1);
    const bad = await runJincai(db.dir, ["import", "payments", "day3.csv", "--quarantine", "rejected.csv", "--json"]);
    expect(bad.code).toBe(2);
    // An empty file (nothing set aside on day 2) is not kept.
    expect(bad.stdout).not.toContain("earlierKeptAs");
    expect(await readFile(join(db.dir, "rejected.csv"), "utf8")).toContain("D3,");
    await writeFiles(db.dir, { "day4.csv": [HEADER, payment("D4", "ZB1", "30101", "1.00"), ""].join("\n") });
    const again = await runJincai(db.dir, ["import", "payments", "day4.csv", "--quarantine", "rejected.csv", "--json"]);
    expect(again.stdout).toContain('{"quarantine":{"file":"rejected.csv","earlierKeptAs":"rejected.earlier-2.csv"}}');
    expect(await readFile(join(db.dir, "rejected.earlier.csv"), "utf8")).toBe(day1);
    expect(await readFile(join(db.dir, "rejected.earlier-2.csv"), "utf8")).toContain("D3,");
  });

  it("imports a quarantine file again without a warning about its reason column, and sets a row aside again with one reason", async () => {
    await writeFiles(db.dir, { "again.csv": [HEADER, payment("G1", "ZB2", "30201", "12.345"), ""].join("\n") });
    expect((await runJincai(db.dir, ["import", "payments", "again.csv", "--quarantine", "again-out.csv"])).code).toBe(2);
    const round2 = await runJincai(db.dir, ["import", "payments", "again-out.csv", "--quarantine", "again-out2.csv"]);
    expect(round2.code).toBe(2);
    expect(round2.stderr.trim()).toMatch(/^again-out\.csv:2:11 IMPORT_INVALID_AMOUNT [^\n]*$/);
    const out = (await readFile(join(db.dir, "again-out2.csv"), "utf8")).trim().split(/\r?\n/);
    expect(out[0]?.replace(/^\uFEFF/, "")).toBe(`${HEADER},reason`);
    expect(out[1]).toMatch(/^G1,.*,12\.345,"2:11 IMPORT_INVALID_AMOUNT [^,]*"$/);
  });

  it("exits 2 when a rejected row is an input error, still committing the good row", async () => {
    await writeFiles(db.dir, {
      "mixed.csv": [HEADER, payment("P1", "ZB1", "30101", "1200.00"), payment("P2", "ZB2", "30201", "12.345"), payment("P3", "ZB3", "30205", "9999.00"), ""].join("\n"),
    });
    const run = await runJincai(db.dir, ["import", "payments", "mixed.csv", "--quarantine", "out.csv"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n").map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual([
      "mixed.csv:3:11 IMPORT_INVALID_AMOUNT",
      "mixed.csv:4:11 TREASURY_EXCEEDS_QUOTA",
    ]);
    const out = (await readFile(join(db.dir, "out.csv"), "utf8")).trim().split(/\r?\n/);
    expect(out.map((l) => l.split(",")[0])).toEqual(["支付单号", "P2", "P3"]);
    expect(totalFen(await summaryJson(db.dir), "paid")).toBe(120000n);
  });

  it("skips an export's 合计 row that totals the rows, and quarantines one that does not with the amount it expected", async () => {
    const totals = (amount: string) => `合计,,,,,,,,,,${amount}`;
    await writeFiles(db.dir, {
      "good.csv": [HEADER, payment("P1", "ZB1", "30101", "1200.00"), payment("P3", "ZB3", "30205", "300.00"), totals('"1,500.00"'), ""].join("\n"),
      "short.csv": [HEADER, payment("P4", "ZB1", "30101", "10.00"), payment("P5", "ZB3", "30205", "20.00"), totals("130.00"), ""].join("\n"),
    });
    const good = await runJincai(db.dir, ["import", "payments", "good.csv"]);
    expect(good.code).toBe(0);
    expect(good.stderr.trim()).toBe("good.csv:4:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped; its 1,500.00 is the sum of the 2 rows it totals");
    expect(good.stdout).toContain("2 rows read, 2 applied, 0 rejected");

    const strict = await runJincai(db.dir, ["import", "payments", "short.csv"]);
    expect(strict.code).toBe(2);
    expect(strict.stderr.trim()).toBe("short.csv:4:11 IMPORT_TOTAL_MISMATCH amount: the 合计 row says 130.00, but the 2 rows it totals sum to 30.00 (rows lost or changed?)");
    expect(strict.stdout).toContain("nothing written");
    const run = await runJincai(db.dir, ["import", "payments", "short.csv", "--quarantine", "out.csv"]);
    expect(run.stdout).toContain("3 rows read, 2 applied, 1 rejected");
    const out = (await readFile(join(db.dir, "out.csv"), "utf8")).trim().split(/\r?\n/);
    expect(out.slice(1)).toEqual([`${totals("130.00")},"4:11 IMPORT_TOTAL_MISMATCH amount: the 合计 row says 130.00, but the 2 rows it totals sum to 30.00 (rows lost or changed?)"`]);
    expect(totalFen(await summaryJson(db.dir), "paid")).toBe(150000n + 3000n);
  });

  it("writes the rejected rows of several files to one quarantine file each, named after the input", async () => {
    await writeFiles(db.dir, {
      "day1.csv": [HEADER, payment("Q1", "ZB1", "30101", "1.00"), payment("Q2", "ZB2", "30201", "99999.00"), ""].join("\n"),
      "day2.csv": [HEADER, payment("Q3", "ZB3", "30205", "1.00"), payment("Q4", "ZB3", "30205", "1.234"), ""].join("\n"),
    });
    const run = await runJincai(db.dir, ["import", "payments", "day1.csv", "day2.csv", "--quarantine", "rejected.csv"]);
    expect(run.stdout).toContain("day1.csv: 2 rows read, 1 applied, 1 rejected");
    expect(run.stdout).toContain("day2.csv: 2 rows read, 1 applied, 1 rejected");
    const first = (await readFile(join(db.dir, "rejected.day1.csv"), "utf8")).trim().split(/\r?\n/);
    const second = (await readFile(join(db.dir, "rejected.day2.csv"), "utf8")).trim().split(/\r?\n/);
    expect(first.map((l) => l.split(",")[0])).toEqual(["支付单号", "Q2"]);
    expect(second.map((l) => l.split(",")[0])).toEqual(["支付单号", "Q4"]);
  });

  it("numbers the quarantine files of inputs with the same name, so none overwrites another's rejected rows", async () => {
    await writeFiles(db.dir, {
      "march/支付.csv": [HEADER, payment("S1", "ZB2", "30201", "99999.00"), ""].join("\n"),
      "april/支付.csv": [HEADER, payment("S2", "ZB3", "30205", "1.234"), ""].join("\n"),
    });
    const run = await runJincai(db.dir, ["import", "payments", "march/支付.csv", "april/支付.csv", "--quarantine", "rejected.csv"]);
    expect(run.code).toBe(2);
    const march = (await readFile(join(db.dir, "rejected.支付.csv"), "utf8")).trim().split(/\r?\n/);
    const april = (await readFile(join(db.dir, "rejected.支付-2.csv"), "utf8")).trim().split(/\r?\n/);
    expect(march.map((l) => l.split(",")[0])).toEqual(["支付单号", "S1"]);
    expect(april.map((l) => l.split(",")[0])).toEqual(["支付单号", "S2"]);
  });

  it("writes nothing when the quarantine file cannot be written: a bad path stops the import, a full disk rolls the file back", async () => {
    await writeFiles(db.dir, { "more.csv": [HEADER, payment("R1", "ZB1", "30101", "1.00"), payment("R2", "ZB2", "30201", "99999.00"), ""].join("\n") });
    const before = await summaryJson(db.dir);
    const missing = await runJincai(db.dir, ["import", "payments", "more.csv", "--quarantine", "no/such/dir/out.csv"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(`jincai: CLI_FILE_NOT_FOUND: ${join(db.dir, "no/such/dir/out.csv")}: no such folder ${join(db.dir, "no/such/dir")}`);
    const full = await runJincai(db.dir, ["import", "payments", "more.csv", "--quarantine", "/dev/full"]);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain("jincai: CLI_FILE_ERROR: /dev/full: no space left on the device");
    expect(await summaryJson(db.dir)).toEqual(before);
  });

  it("refuses a quarantine file that is the input, the database or the settings, and leaves them as they were", async () => {
    const more = [HEADER, payment("R1", "ZB1", "30101", "1.00"), payment("R2", "ZB2", "30201", "99999.00"), ""].join("\n");
    await writeFiles(db.dir, { "more.csv": more });
    await symlink(join(db.dir, "more.csv"), join(db.dir, "more-link.csv"));
    const before = await summaryJson(db.dir);
    const settings = await readFile(join(db.dir, "jincai.config.json"), "utf8");
    const refused = async (out: string, what: string) => {
      const run = await runJincai(db.dir, ["import", "payments", "more.csv", "--quarantine", out]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(`jincai: CLI_USAGE: --quarantine ${out} is ${what}: writing there would overwrite it; name another file`);
    };
    await refused("more.csv", "the input file more.csv");
    await refused("more-link.csv", "the input file more.csv");
    await refused("jincai.db", "the database jincai.db");
    await refused("jincai.config.json", "the settings file jincai.config.json");
    expect(await readFile(join(db.dir, "more.csv"), "utf8")).toBe(more);
    expect(await readFile(join(db.dir, "jincai.config.json"), "utf8")).toBe(settings);
    expect(await summaryJson(db.dir)).toEqual(before);
  });
});

describe("jincai import of files that cannot be read", () => {
  it("names a missing file or a directory with a coded error, before importing any of the files", async () => {
    await writeFiles(db.dir, { "ok.csv": [HEADER, payment("S1", "ZB1", "30101", "1.00"), ""].join("\n") });
    const before = await summaryJson(db.dir);
    const missing = await runJincai(db.dir, ["import", "payments", "ok.csv", "nofile.csv"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe("jincai: CLI_FILE_NOT_FOUND: nofile.csv: no such file");
    const directory = await runJincai(db.dir, ["import", "payments", "."]);
    expect(directory.stderr.trim()).toBe("jincai: CLI_FILE_ERROR: .: is a directory, not a file");
    const map = await runJincai(db.dir, ["import", "payments", "ok.csv", "--map", "nomap.json"]);
    expect(map.stderr.trim()).toBe("jincai: CLI_FILE_NOT_FOUND: nomap.json: no such file");
    expect(await summaryJson(db.dir)).toEqual(before);
  });
});
