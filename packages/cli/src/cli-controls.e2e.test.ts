import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { usePgDatabase } from "./_testing/pg-database";
import { setControls as setDirControls } from "./_testing/set-controls";
import {
  PAYMENT_HEADER,
  cleanup,
  payment,
  runJincai,
  setupSmall,
  summaryJson,
  tempDir,
  totalFen,
  useSmallDatabase,
  writeFiles,
} from "./_testing/run-jincai";

// Quota lines of 101001: ZB1 30101 10,000.00; ZB2 30201 5,000.00; ZB3 30205 3,000.00. The
// controls below cap economic 类 302 (ZB2 + ZB3) at 1,000.00, well under the lines' room.
const db = useSmallDatabase();
const pgUrl = usePgDatabase("jincai_controls");

const addControl = (policy: "absolute" | "advisory", dir = db.dir): Promise<void> =>
  setDirControls(dir, [{ id: "C302", match: { agency: "101001", economicCode: "302*" }, limit: "1000.00", policy }]);

async function importPayments(lines: readonly string[]) {
  await writeFiles(db.dir, { "p.csv": [PAYMENT_HEADER, ...lines, ""].join("\n") });
  return runJincai(db.dir, ["import", "payments", "p.csv"]);
}

describe("jincai import payments with an absolute control", () => {
  it("rejects 1,200.00 on ZB2 over the 1,000.00 control though the line has 5,000.00", async () => {
    await addControl("absolute");
    const run = await importPayments([payment("C1", "ZB2", "30201", "1200.00")]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^p\.csv:2:11 \w*EXCEEDS_CONTROL /);
    expect(totalFen(await summaryJson(db.dir), "paid")).toBe(0n);
  });

  it("counts two quota lines of economic 类 302 against one parent-level control", async () => {
    await addControl("absolute");
    const first = await importPayments([payment("C1", "ZB2", "30201", "600.00")]);
    expect(first.code).toBe(0);
    const second = await importPayments([payment("C2", "ZB3", "30205", "600.00")]);
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toMatch(/^p\.csv:2:11 \w*EXCEEDS_CONTROL /);
    expect(totalFen(await summaryJson(db.dir), "paid")).toBe(60000n);
  });
});

/**
 * A payment that fits only on an earlier row's refund is accepted; one that would need a later
 * row's refund is not.
 */
async function refundsInOneChunk(dir: string): Promise<void> {
  await addControl("absolute", dir);
  const refunded = (line: string, on: string) => `${line},,已退票,${on}`;
  const paid = (line: string) => `${line},,已支付,`;
  const header = `${PAYMENT_HEADER},用途,状态,退票日期`;
  // An earlier file: 200.00 of the control's 1,000.00.
  await writeFiles(dir, { "p0.csv": [header, paid(payment("P0", "ZB2", "30201", "200.00", "2026-03-01")), ""].join("\n") });
  expect((await runJincai(dir, ["import", "payments", "p0.csv"])).code).toBe(0);
  const rows = [
    paid(payment("C1", "ZB2", "30201", "600.00", "2026-03-09")), // 800.00 used
    refunded(payment("C2", "ZB3", "30205", "150.00", "2026-03-09"), "2026-03-10"), // 950.00, then 800.00
    paid(payment("C3", "ZB2", "30201", "150.00", "2026-03-11")), // fits only after C2's refund: 950.00
    paid(payment("C4", "ZB3", "30205", "100.00", "2026-03-12")), // 1,050.00: over, 50.00 left
    refunded(payment("P0", "ZB2", "30201", "200.00", "2026-03-01"), "2026-03-13"), // gives 200.00 back after C4
  ];
  await writeFiles(dir, { "p.csv": [header, ...rows, ""].join("\n") });
  const run = await runJincai(dir, ["import", "payments", "p.csv", "--quarantine", "rejected.csv"]);
  expect(run.code).toBe(1);
  const errors = run.stderr.trim().split("\n").filter((line) => !line.includes("THRESHOLD"));
  expect(errors).toEqual(["p.csv:5:11 TREASURY_EXCEEDS_CONTROL payment C4: amount 100.00 exceeds the 50.00 available under control C302"]);
  expect(run.stdout).toContain("5 rows read, 4 applied, 1 rejected, 0 duplicates skipped"); // P0's row applies its refund
  // P0 200.00 − 200.00, C1 600.00, C2 150.00 − 150.00, C3 150.00.
  expect(totalFen(await summaryJson(dir), "paid")).toBe(75_000n);
  expect((await runJincai(dir, ["verify"])).code).toBe(0);
}

describe("jincai import payments with a control on a fund type and payment type given by name", () => {
  it("checks it against the lines' codes, as the quota file named them", async () => {
    await setDirControls(db.dir, [{ id: "N302", match: { fundType: "一般公共预算", paymentType: "直接支付", economicCode: "302*" }, limit: "1000.00", policy: "absolute" }]);
    const run = await importPayments([payment("N1", "ZB2", "30201", "1200.00")]);
    expect(run.stdout).toContain("control N302 defined (absolute limit 1,000.00) over 2 quota lines, none of it used yet");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("payment N1: amount 1,200.00 exceeds the 1,000.00 available under control N302");
  });
});

describe("jincai import payments with a control on an economic 类 given exactly", () => {
  it("says that it counts only the payments made under the 类 itself, not those under its 款 on a line held at the 类", async () => {
    await writeFiles(db.dir, { "q302.csv": "指标编号,指标文号,年度,单位编码,资金性质,功能科目,经济科目,政府经济科目,项目编码,金额\nZB4,青财预〔2026〕3号,2026,101001,111,2010301,302,50201,JB0000,5000.00\n" });
    expect((await runJincai(db.dir, ["import", "quotas", "q302.csv"])).code).toBe(0);
    expect((await importPayments([payment("K1", "ZB4", "30205", "800.00")])).code).toBe(0);
    await setDirControls(db.dir, [{ id: "K302", match: { agency: "101001", economicCode: "302" }, limit: "500.00", policy: "absolute" }]);
    const run = await importPayments([payment("K2", "ZB4", "302", "10.00")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'control K302 defined (absolute limit 500.00) over 1 quota line, no payment it counts yet; "302" counts only payments made under 302 itself, not under its 款 (30201, …): "302*" counts them all',
    );
  });
});

describe("jincai import payments with refunds and rejections in the same chunk", () => {
  it("lets a payment use what an earlier row's refund gave back, but not what a later row's gave back", () => refundsInOneChunk(db.dir));

  it("does the same on PostgreSQL", async () => {
    const dir = await tempDir();
    try {
      await setupSmall(dir, ["--pg", pgUrl()]);
      await refundsInOneChunk(dir);
    } finally {
      await cleanup(dir);
    }
  }, 60_000);

  it("lets a payment use what an earlier row's rejection (退回) released", async () => {
    await addControl("absolute");
    const header = `${PAYMENT_HEADER},用途,状态,退票日期`;
    const rows = [`${payment("R1", "ZB2", "30201", "900.00", "2026-03-09")},,已退回,`, `${payment("R2", "ZB3", "30205", "500.00", "2026-03-10")},,已支付,`];
    await writeFiles(db.dir, { "p.csv": [header, ...rows, ""].join("\n") });
    const run = await runJincai(db.dir, ["import", "payments", "p.csv"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("2 rows read, 2 applied, 0 rejected");
    expect(await summaryJson(db.dir)).toEqual([expect.objectContaining({ reserved: "0.00", paid: "500.00" })]);
  });
});

describe("jincai import payments with a control added after payments were imported", () => {
  const setControls = (controls: object[]): Promise<void> => setDirControls(db.dir, controls);
  const c302 = (limit: string) => ({ id: "C302", match: { agency: "101001", economicCode: "302*" }, limit, policy: "absolute" });

  it("counts what its lines already paid, so its absolute limit holds for the whole year; a raised limit is posted", async () => {
    expect((await importPayments([payment("E1", "ZB2", "30201", "800.00")])).code).toBe(0);
    await setControls([c302("1000.00")]);
    const next = await importPayments([payment("E2", "ZB3", "30205", "300.00")]);
    expect(next.code).toBe(1);
    expect(next.stdout).toContain("control C302 defined (absolute limit 1,000.00): its 2 quota lines have already used or reserved 800.00, which it counts");
    expect(next.stderr).toContain("p.csv:2:11 TREASURY_EXCEEDS_CONTROL payment E2: amount 300.00 exceeds the 200.00 available under control C302");
    await setControls([c302("1100.00")]);
    const raised = await importPayments([payment("E2", "ZB3", "30205", "300.00")]);
    expect(raised.code).toBe(0);
    expect(raised.stdout).toContain("control C302 changed: limit 1,000.00 → 1,100.00");
    // Who defined and changed it is in the audit chain.
    const audit = await runJincai(db.dir, ["audit", "verify", "--json"]);
    expect(JSON.parse(audit.stdout)).toMatchObject({ ok: true });
    const raw = new Database(join(db.dir, "jincai.db"));
    expect(raw.prepare("SELECT action, subject FROM audit_events WHERE action LIKE 'control.%' ORDER BY sequence").raw().all()).toEqual([["control.define", "C302"], ["control.change", "C302"]]);
    // Its limit edited in the document behind the store's back is found.
    raw.prepare(`UPDATE records SET data = json_set(data, '$.limit', '990000000') WHERE collection = 'quota-control'`).run();
    raw.close();
    const edited = await runJincai(db.dir, ["verify", "--format", "json"]);
    expect(edited.code).toBe(1);
    expect(JSON.parse(edited.stdout).failures).toContainEqual(expect.objectContaining({
      rule: "control.record", message: "control C302's document says limit 9,900,000.00, but its ledger account was given 1,100.00",
    }));

  });

  it("finds an absolute control's policy or matchers edited in its document, which imports read, and its definition in the ledger edited too once sealed", async () => {
    await setControls([c302("1000.00")]);
    expect((await importPayments([payment("E1", "ZB2", "30201", "800.00")])).code).toBe(0);
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
    const raw = new Database(join(db.dir, "jincai.db"));
    raw.prepare(`UPDATE records SET data = json_set(data, '$.policy', 'track') WHERE collection = 'quota-control' AND id = 'C302'`).run();
    raw.close();
    // Imports read the document: with the control out of the settings (still checked, the import
    // says), a payment over its limit is no longer refused as a row; only the ledger's own limit
    // stops the whole import.
    await setControls([]);
    const past = await importPayments([payment("E2", "ZB3", "30205", "300.00")]);
    expect(past.code).toBe(2);
    expect(past.stdout).toContain("control C302 (track limit 1,000.00) is not in jincai.config.json any more");
    expect(past.stderr).toContain("TREASURY_LEDGER_REJECTED");
    const edited = await runJincai(db.dir, ["verify"]);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain("control C302's document says policy track, but its ledger account limits its use to its limit, as only an absolute control's does");

    const back = new Database(join(db.dir, "jincai.db"));
    back.prepare(`UPDATE records SET data = json_set(data, '$.policy', 'absolute', '$.match[1].value', '3029') WHERE collection = 'quota-control' AND id = 'C302'`).run();
    back.close();
    const json = JSON.parse((await runJincai(db.dir, ["verify", "--format", "json"])).stdout);
    expect(json.failures).toEqual([
      expect.objectContaining({
        rule: "control.record",
        message: "control C302's document says match agency=101001, economicCode=3029*, fiscalYear=2026, but its definition in the ledger (transfer quota-control-limit:C302) says agency=101001, economicCode=302*, fiscalYear=2026",
      }),
    ]);

    // The definition is kept in the limit's transfer: once sealed, editing it there as well is found.
    const restore = new Database(join(db.dir, "jincai.db"));
    restore.prepare(`UPDATE records SET data = json_set(data, '$.match[1].value', '302') WHERE collection = 'quota-control' AND id = 'C302'`).run();
    restore.close();
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "keygen", "audit"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "checkpoint", "--key", "audit.key.pem"])).code).toBe(0);
    const both = new Database(join(db.dir, "jincai.db"));
    both.prepare(`UPDATE records SET data = json_set(data, '$.match[1].value', '303') WHERE collection = 'quota-control' AND id = 'C302'`).run();
    both.prepare(`UPDATE transfers SET refs = replace(refs, 'economicCode=302*', 'economicCode=303*') WHERE id = 'quota-control-limit:C302'`).run();
    both.close();
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
    const audit = await runJincai(db.dir, ["audit", "verify"]);
    expect(audit.code).toBe(1);
    expect(audit.stdout).toMatch(/^AUDIT_SEAL_MISMATCH at event \d+: the transfers 1\.\.\d+ sealed at event \d+ have changed/m);
  });

  it("refuses an absolute limit its lines have already passed, a limit cut below use, and a changed match, each with exit 2", async () => {
    expect((await importPayments([payment("E1", "ZB2", "30201", "800.00")])).code).toBe(0);
    await setControls([c302("500.00")]);
    const passed = await importPayments([payment("E2", "ZB1", "30101", "1.00")]);
    expect(passed.code).toBe(2);
    expect(passed.stderr.trim()).toBe("jincai: BUDGET_INVALID_CONTROL: control C302: its 2 quota lines have already used or reserved 800.00, more than its absolute limit 500.00 by 300.00");
    await setControls([c302("1000.00")]);
    expect((await importPayments([payment("E2", "ZB1", "30101", "1.00")])).code).toBe(0);
    await setControls([c302("700.00")]);
    expect((await importPayments([payment("E3", "ZB1", "30101", "1.00")])).stderr.trim()).toBe(
      "jincai: BUDGET_INVALID_CONTROL: control C302: its limit cannot fall from 1,000.00 to 700.00, below what it has used",
    );
    await setControls([{ ...c302("1000.00"), match: { agency: "101001", economicCode: "30201" } }]);
    expect((await importPayments([payment("E3", "ZB1", "30101", "1.00")])).stderr.trim()).toContain(
      "jincai: BUDGET_CONTROL_CONFLICT: control C302 was defined with match agency=101001, economicCode=302*, fiscalYear=2026; now agency=101001, economicCode=30201, fiscalYear=2026",
    );
    // The same matchers written in another order are the same control.
    await setControls([{ ...c302("1000.00"), match: { economicCode: "302*", agency: "101001" } }]);
    expect((await importPayments([payment("E3", "ZB1", "30101", "1.00")])).code).toBe(0);
    await setControls([c302("1000.00"), c302("2000.00")]);
    const twice = await importPayments([payment("E4", "ZB1", "30101", "1.00")]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('controls.1.id: control id "C302" is given twice');
  });

  it("says the controls it defined before one is refused, as they stay defined", async () => {
    expect((await importPayments([payment("E1", "ZB2", "30201", "800.00")])).code).toBe(0);
    await setControls([{ ...c302("900.00"), id: "A302", policy: "advisory" }, c302("500.00")]);
    const refused = await importPayments([payment("E2", "ZB1", "30101", "1.00")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("BUDGET_INVALID_CONTROL: control C302");
    expect(refused.stdout).toContain("control A302 defined (advisory limit 900.00): its 2 quota lines have already used or reserved 800.00");
    // It is defined: the next import has nothing new to say of it.
    await setControls([{ ...c302("900.00"), id: "A302", policy: "advisory" }]);
    expect((await importPayments([payment("E2", "ZB1", "30101", "1.00")])).stdout).not.toContain("control A302 defined");
  });

  it("says when a control defined over lines that have already spent starts near or past its limit (advisory and track may)", async () => {
    expect((await importPayments([payment("E1", "ZB2", "30201", "850.00")])).code).toBe(0);
    await setControls([
      { id: "C302", match: { agency: "101001", economicCode: "302*" }, limit: "500.00", policy: "advisory" },
      { id: "C3021", match: { agency: "101001", economicCode: "30201" }, limit: "1000.00", policy: "track" },
      { id: "C3022", match: { agency: "101001", economicCode: "30205" }, limit: "1000.00", policy: "track" },
    ]);
    const defined = await importPayments([payment("E2", "ZB1", "30101", "1.00")]);
    expect(defined.code).toBe(0);
    expect(defined.stdout).toContain(
      "control C302 defined (advisory limit 500.00): its 2 quota lines have already used or reserved 850.00, which it counts (1 payment: what is later rejected or refunded of them is given back to it); that is 350.00 over its limit (170.0 %) before any payment of this file",
    );
    expect(defined.stdout).toContain("control C3021 defined (track limit 1,000.00): its 1 quota line has already used or reserved 850.00, which it counts (1 payment: what is later rejected or refunded of them is given back to it); that is 85.0 % of its limit");
    expect(defined.stdout).toContain("control C3022 defined (track limit 1,000.00) over 1 quota line, none of it used yet");
  });

  it("says every control it defines, also when the file itself was already imported, and as JSON with --json", async () => {
    expect((await importPayments([payment("E1", "ZB1", "30101", "100.00")])).code).toBe(0);
    await setControls([{ id: "C302", match: { agency: "101001", economicCode: "302*" }, limit: "1000.00", policy: "advisory" }]);
    const again = await runJincai(db.dir, ["import", "payments", "p.csv"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("control C302 defined (advisory limit 1,000.00) over 2 quota lines, none of it used yet");
    expect(again.stdout).toContain("p.csv: 1 rows read, 0 applied, 0 rejected, 1 duplicates skipped");
    await setControls([{ id: "C302", match: { agency: "101001", economicCode: "302*" }, limit: "1500.00", policy: "advisory" }]);
    const json = await runJincai(db.dir, ["import", "payments", "p.csv", "--json"]);
    const lines = json.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ control: { control: "C302", status: "changed", message: "control C302 changed: limit 1,000.00 → 1,500.00" } });
    expect(lines[1]).toMatchObject({ summary: { applied: 0, duplicates: 1 } });
    // Nothing is said once the store holds the control as configured.
    expect((await runJincai(db.dir, ["import", "payments", "p.csv"])).stdout).not.toContain("control C302");
  });

  it("dates a new control on the last day no closed period covers, and once the whole year is closed says it is not posted without stopping the import", async () => {
    expect((await importPayments([payment("E1", "ZB2", "30201", "100.00", "2026-05-10")])).code).toBe(0);
    expect((await runJincai(db.dir, ["close", "2026-06..2026-12"])).code).toBe(0);
    await setControls([c302("1000.00")]);
    const late = await runJincai(db.dir, ["import", "payments", "p.csv"]);
    expect(late.code).toBe(0);
    // Defined today, clamped into the year; from June on that day is closed, so 31 May.
    const today = new Date().toISOString().slice(0, 10);
    const dated = today >= "2026-06-01" ? ", dated 2026-05-31, the last day no closed period covers" : "";
    expect(late.stdout).toContain(`control C302 defined (absolute limit 1,000.00${dated}): its 2 quota lines have already used or reserved 100.00, which it counts`);
    expect((await runJincai(db.dir, ["close", "2026"])).code).toBe(0);
    await setControls([c302("1500.00"), { id: "C301", match: { agency: "101001", economicCode: "301*" }, limit: "100.00", policy: "track" }]);
    const closed = await runJincai(db.dir, ["import", "payments", "p.csv"]);
    expect(closed.code).toBe(0);
    expect(closed.stdout).toContain("control C302's new limit 1,500.00 is not posted: every day of fiscal year 2026 is closed, so no payment is left for it to check");
    expect(closed.stdout).toContain("control C301 is not defined: every day of fiscal year 2026 is closed, so no payment is left for it to check");
    expect(closed.stdout).toContain("1 duplicates skipped");
    // Nothing of C301 was left behind, and the books still agree.
    const raw = new Database(join(db.dir, "jincai.db"));
    expect(raw.prepare("SELECT count(*) FROM accounts WHERE code = 'C301'").pluck().get()).toBe(0);
    raw.close();
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0);
  });

  it("says that a control taken out of the settings is still checked, on every import", async () => {
    await setControls([c302("1000.00")]);
    expect((await importPayments([payment("E1", "ZB2", "30201", "900.00")])).code).toBe(0);
    await setControls([]);
    const run = await importPayments([payment("E2", "ZB3", "30205", "500.00")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("control C302 (absolute limit 1,000.00) is not in jincai.config.json any more, but the database keeps it and payments are still checked against it");
    expect(run.stderr).toContain("TREASURY_EXCEEDS_CONTROL payment E2: amount 500.00 exceeds the 100.00 available under control C302");
  });

  it("says when a new control matches no quota line, and refuses a match on an unknown dimension or with spaces", async () => {
    await setControls([{ id: "C301", match: { agency: "101001", economicCode: "301" }, limit: "100.00", policy: "track" }]);
    const none = await importPayments([payment("E1", "ZB1", "30101", "1.00")]);
    expect(none.stdout).toContain('control C301 defined (track limit 100.00), but it matches no quota line of 2026 yet (a value without * matches that code exactly: "301*" is every 301 code)');
    await setControls([{ id: "C9", match: { agencyCode: "101001", economicCode: "301 " }, limit: "100.00" }]);
    const bad = await importPayments([payment("E2", "ZB1", "30101", "1.00")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("controls.0.match.agencyCode: not a dimension: use division, agency, fundType, functionCode, economicCode, govEconomicCode, project, paymentType");
    expect(bad.stderr).toContain("controls.0.match.economicCode: no spaces around the value");
  });
});

describe("jincai import payments with an advisory control", () => {
  it("accepts 1,200.00 over the control with a warning, and verify --fail-on critical fails on control.warning", async () => {
    await addControl("advisory");
    const run = await importPayments([payment("C1", "ZB2", "30201", "1200.00")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("p.csv:2:11 BUDGET_ADVISORY_EXCEEDED control C302: past its advisory limit, 1,200.00 of 1,000.00 used");
    expect(run.stderr).toContain("p.csv:2:11 BUDGET_THRESHOLD_REACHED control C302: at 100% of its limit, 1,200.00 of 1,000.00 used");
    const [summary, strict] = await Promise.all([
      summaryJson(db.dir),
      runJincai(db.dir, ["verify", "--fail-on", "critical", "--format", "json"]),
    ]);
    expect(totalFen(summary, "paid")).toBe(120000n);
    expect(strict.code).toBe(1);
    const report = JSON.parse(strict.stdout) as { failures: { rule: string; severity: string; evidence: Record<string, string> }[] };
    const warning = report.failures.find((f) => f.rule === "control.warning");
    expect(warning).toMatchObject({ severity: "critical", evidence: { controlId: "C302", used: "1200.00", limit: "1000.00" } });
    expect(report.failures.filter((f) => f.rule !== "control.warning")).toEqual([]);
  });

  it("says at the end of each later import that the control is past its limit, and verify --fail-on warning fails on it", async () => {
    await addControl("advisory");
    expect((await importPayments([payment("C1", "ZB2", "30201", "1200.00")])).code).toBe(0);
    // Its rows no longer cross a level: they do not warn, one by one (cli-control-report.e2e.test.ts has the rest).
    const later = await importPayments([payment("C2", "ZB3", "30205", "10.00"), payment("C3", "ZB3", "30205", "25.00")]);
    expect(later.code).toBe(0);
    expect(later.stderr).not.toContain("BUDGET_ADVISORY_EXCEEDED");
    expect(later.stdout.split("\n").filter((l) => l.includes("is past its limit"))).toEqual([
      "control C302 (advisory limit 1,000.00) is past its limit after this import: 1,235.00 used or reserved, 235.00 over (123.5 %); it was already past before (1,200.00, 120.0 %), and this import added 35.00; its payments are still accepted",
    ]);
    const verify = await runJincai(db.dir, ["verify", "--fail-on", "warning"]);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain("critical control C302 has used 1,235.00 of 1,000.00, past its advisory limit");
  });

  it("passes plain verify (exit 0) after an advisory control was exceeded", async () => {
    await addControl("advisory");
    expect((await importPayments([payment("C1", "ZB2", "30201", "1200.00")])).code).toBe(0);
    const plain = await runJincai(db.dir, ["verify"]);
    expect(plain.stdout).toContain("ok   payment.tied");
    // The pass does not hide the critical finding printed above it.
    expect(plain.stdout.trim().split("\n").at(-1)).toBe("verify: all rules pass (2 findings below --fail-on error: 2 critical)");
    expect(plain.code).toBe(0);
  });
});
