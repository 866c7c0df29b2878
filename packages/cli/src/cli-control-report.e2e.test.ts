import { describe, expect, it } from "vitest";
import { usePgDatabase } from "./_testing/pg-database";
import { setControls } from "./_testing/set-controls";
import { PAYMENT_HEADER, cleanup, payment, runJincai, setupSmall, tempDir, useSmallDatabase, writeFiles } from "./_testing/run-jincai";

// Quota lines of 101001: ZB1 30101 10,000.00; ZB2 30201 5,000.00; ZB3 30205 3,000.00. Control
// C302 caps economic 类 302 (ZB2 + ZB3) at 1,000.00, with the default thresholds 80/90/100 %.
const db = useSmallDatabase();
const pgUrl = usePgDatabase("jincai_control_report");

const c302 = (policy: "absolute" | "advisory") => ({ id: "C302", match: { agency: "101001", economicCode: "302*" }, limit: "1000.00", policy });
const csv = (...rows: string[]): string => [PAYMENT_HEADER, ...rows, ""].join("\n");
const STATUS_HEADER = `${PAYMENT_HEADER},用途,状态,退票日期`;
const PAST = "is past its limit after this import";

/** The lines of stdout that are about control C302's standing (the closing report). */
const reported = (stdout: string): string[] => stdout.split("\n").filter((l) => l.includes("control C302") && !l.includes("defined"));

/**
 * An advisory control crossed across two files of one import, then already past on the next one:
 * said once per import at the end, after every file's closing line, never per file or per row.
 */
async function crossingThenPast(dir: string): Promise<void> {
  await setControls(dir, [c302("advisory")]);
  await writeFiles(dir, { "day1.csv": csv(payment("C1", "ZB2", "30201", "600.00")), "day2.csv": csv(payment("C2", "ZB3", "30205", "600.00")) });
  const crossing = await runJincai(dir, ["import", "payments", "day1.csv", "day2.csv"]);
  expect(crossing.code).toBe(0);
  // The row that crossed still warns at its file:line:column.
  expect(crossing.stderr).toContain("day2.csv:2:11 BUDGET_ADVISORY_EXCEEDED control C302: past its advisory limit, 1,200.00 of 1,000.00 used");
  const out = crossing.stdout.trim().split("\n");
  expect(out.slice(-3, -1).map((l) => l.split(":")[0])).toEqual(["day1.csv", "day2.csv"]);
  expect(out.at(-1)).toBe(
    "control C302 (advisory limit 1,000.00) is past its limit after this import: 1,200.00 used or reserved, 200.00 over (120.0 %); this import took it past (from 0.00, 0.0 %), reaching 80 %, 90 % and 100 %; its payments are still accepted",
  );
  await writeFiles(dir, {
    "day3.csv": csv(payment("C3", "ZB3", "30205", "10.00"), payment("C4", "ZB3", "30205", "20.00")),
    "day4.csv": csv(payment("C5", "ZB2", "30201", "5.00")),
  });
  const later = await runJincai(dir, ["import", "payments", "day3.csv", "day4.csv"]);
  expect(later.code).toBe(0);
  expect(later.stderr).toBe("");
  expect(reported(later.stdout)).toEqual([
    "control C302 (advisory limit 1,000.00) is past its limit after this import: 1,235.00 used or reserved, 235.00 over (123.5 %); it was already past before (1,200.00, 120.0 %), and this import added 35.00; its payments are still accepted",
  ]);
  expect(later.stdout.trim().split("\n").at(-1)).toContain(PAST);
}

describe("jincai import payments: the closing report on an advisory control", () => {
  it("says once, at the end, that this import took it past its limit, and on the next import that it was already past", () => crossingThenPast(db.dir));

  it("does the same on PostgreSQL", async () => {
    const dir = await tempDir();
    try {
      await setupSmall(dir, ["--pg", pgUrl()]);
      await crossingThenPast(dir);
    } finally {
      await cleanup(dir);
    }
  }, 60_000);

  it("counts nothing of a file rolled back for a bad row, though its crossing row warned", async () => {
    await setControls(db.dir, [c302("advisory")]);
    await writeFiles(db.dir, { "p.csv": csv(payment("C1", "ZB2", "30201", "1200.00"), payment("C2", "ZB9", "30201", "1.00")) });
    const run = await runJincai(db.dir, ["import", "payments", "p.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("p.csv:2:11 BUDGET_ADVISORY_EXCEEDED");
    expect(reported(run.stdout)).toEqual([]);
  });

  it("says it is back within its limit after refunds, but not with --quiet, which keeps only the problems", async () => {
    await setControls(db.dir, [c302("advisory")]);
    await writeFiles(db.dir, { "p.csv": csv(payment("C1", "ZB2", "30201", "1200.00")) });
    const quiet = await runJincai(db.dir, ["import", "payments", "p.csv", "--quiet"]);
    // --quiet: no "defined" notice, no closing line, but the control past its limit.
    expect(quiet.stdout.trim().split("\n")).toEqual([expect.stringMatching(/^control C302 \(advisory limit 1,000\.00\) is past its limit after this import: 1,200\.00 used/)]);
    await writeFiles(db.dir, { "r.csv": [STATUS_HEADER, `${payment("C1", "ZB2", "30201", "1200.00")},,已退票,2026-03-10`, ""].join("\n") });
    const dry = await runJincai(db.dir, ["import", "payments", "r.csv", "--dry-run"]);
    expect(dry.code).toBe(0);
    const back = "control C302 (advisory limit 1,000.00) is back within its limit after this import: 0.00 used or reserved (0.0 %), 1,000.00 left; it was 200.00 over before (1,200.00, 120.0 %)";
    expect(reported(dry.stdout)).toEqual([`dry run, nothing written: ${back}`]);
    expect((await runJincai(db.dir, ["import", "payments", "r.csv", "--quiet"])).stdout).toBe("");
    // Nothing more to say once it is within its limit and crosses nothing.
    expect(reported((await runJincai(db.dir, ["import", "payments", "r.csv"])).stdout)).toEqual([]);
  });
});

describe("jincai import payments: the closing report on a retired control", () => {
  it("says it only when the import moved it, with a payment dated before its retirement", async () => {
    await setControls(db.dir, [c302("advisory")]);
    await writeFiles(db.dir, { "june.csv": csv(payment("R1", "ZB2", "30201", "1200.00", "2026-06-10")) });
    expect((await runJincai(db.dir, ["import", "payments", "june.csv"])).code).toBe(0);
    await setControls(db.dir, [{ ...c302("advisory"), retired: "2026-07-01" }]);
    await writeFiles(db.dir, { "july.csv": csv(payment("R2", "ZB2", "30201", "10.00", "2026-07-02")) });
    const july = await runJincai(db.dir, ["import", "payments", "july.csv"]);
    expect(july.code).toBe(0);
    expect(reported(july.stdout)).toEqual(["control C302 retired from 2026-07-01: payments dated from then are not checked against it; those dated before keep their share of it"]);
    await writeFiles(db.dir, { "late.csv": csv(payment("R3", "ZB3", "30205", "20.00", "2026-06-30")) });
    const late = await runJincai(db.dir, ["import", "payments", "late.csv"]);
    expect(late.code).toBe(0);
    expect(reported(late.stdout)).toEqual([
      "control C302 (advisory limit 1,000.00, retired from 2026-07-01) is past its limit after this import: 1,220.00 used or reserved, 220.00 over (122.0 %); it was already past before (1,200.00, 120.0 %), and this import added 20.00; its payments are still accepted",
    ]);
  });
});

describe("jincai import payments --json: the closing report", () => {
  it("gives each control's standing as a {\"control\": …} line after the files' summaries, amounts in yuan to the fen", async () => {
    await setControls(db.dir, [c302("advisory")]);
    await writeFiles(db.dir, { "p.csv": csv(payment("J1", "ZB2", "30201", "1000.01")) });
    const run = await runJincai(db.dir, ["import", "payments", "p.csv", "--json", "--quiet"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => Object.keys(l)[0])).toEqual(["control", "summary", "control"]);
    expect(lines[0]).toMatchObject({ control: { control: "C302", status: "defined" } });
    expect(lines[2]).toEqual({
      control: {
        control: "C302", status: "over-limit", severity: "critical", policy: "advisory",
        limit: "1000.00", usedBefore: "0.00", used: "1000.01", percent: "100.0", excess: "0.01", crossed: true, thresholdsCrossed: [80, 90, 100],
        message: "control C302 (advisory limit 1,000.00) is past its limit after this import: 1,000.01 used or reserved, 0.01 over (100.0 %); this import took it past (from 0.00, 0.0 %), reaching 80 %, 90 % and 100 %; its payments are still accepted",
      },
    });
  });
});

describe("jincai import payments: thresholds reached during the import", () => {
  it("summarises them once per control at the end, as text, with --quiet, and as JSON lines after the summaries", async () => {
    await setControls(db.dir, [c302("absolute")]);
    await writeFiles(db.dir, {
      "a.csv": csv(payment("T1", "ZB2", "30201", "700.00")),
      "b.csv": csv(payment("T2", "ZB3", "30205", "150.00"), payment("T3", "ZB2", "30201", "100.00")),
    });
    await writeFiles(db.dir, { "c.csv": csv(payment("T4", "ZB3", "30205", "50.00")) });
    expect((await runJincai(db.dir, ["import", "payments", "a.csv"])).code).toBe(0);
    const text = await runJincai(db.dir, ["import", "payments", "b.csv", "--dry-run"]);
    // Each row still warns where it crossed; the import sums it up once.
    expect(text.stderr.trim().split("\n")).toEqual([
      "b.csv:2:11 BUDGET_THRESHOLD_REACHED control C302: at 80% of its limit, 850.00 of 1,000.00 used",
      "b.csv:3:11 BUDGET_THRESHOLD_REACHED control C302: at 90% of its limit, 950.00 of 1,000.00 used",
    ]);
    const line = "control C302 (absolute limit 1,000.00) reached 80 % and 90 % (warning) during this import: 950.00 used or reserved (95.0 %), 50.00 left; it had used 700.00 (70.0 %) before";
    expect(reported(text.stdout)).toEqual([`dry run, nothing written: ${line}`]);
    expect(reported((await runJincai(db.dir, ["import", "payments", "b.csv", "--quiet"])).stdout)).toEqual([line]);

    const json = await runJincai(db.dir, ["import", "payments", "c.csv", "--json"]);
    expect(json.code).toBe(0);
    const lines = json.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => Object.keys(l)[0])).toEqual(["summary", "control"]);
    expect(lines[1]).toEqual({
      control: {
        control: "C302", status: "threshold", severity: "critical", policy: "absolute",
        limit: "1000.00", usedBefore: "950.00", used: "1000.00", percent: "100.0", thresholdsCrossed: [100],
        message: "control C302 (absolute limit 1,000.00) reached 100 % (critical) during this import: 1,000.00 used or reserved (100.0 %), none left; it had used 950.00 (95.0 %) before",
      },
    });
  });
});
