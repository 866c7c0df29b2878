import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CITY_PAYMENT_HEADER, PAYMENT_HEADER, cleanup, payment, runJincai, setupSmall, tempDir, writeCsv, writeFiles } from "./_testing/run-jincai";

// One database: the small fixtures with three payments (2,300.50 paid), then tampered with.
let dir: string;
beforeAll(async () => {
  dir = await tempDir();
  await setupSmall(dir);
  expect((await runJincai(dir, ["import", "payments", "payments.csv"])).code).toBe(0);
});
afterAll(() => cleanup(dir));

interface VerifyJson {
  ok: boolean;
  failures: { rule: string; severity: string; evidence: Record<string, string> }[];
}

describe("jincai verify", () => {
  it("passes on a good import with exit 0 in text and JSON", async () => {
    const [text, json] = await Promise.all([runJincai(dir, ["verify"]), runJincai(dir, ["verify", "--format", "json"])]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("ok   ledger.balanced");
    expect(text.stdout).toContain("verify: all rules pass");
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as VerifyJson).ok).toBe(true);
  });

  it("fails ledger.balanced with evidence after 1.00 is added to the debits of quota ZB1 behind its back", async () => {
    const db = new Database(join(dir, "jincai.db"));
    try {
      expect(db.prepare("UPDATE accounts SET debits_posted = debits_posted + 100 WHERE id = 'quota:ZB1'").run().changes).toBe(1);
    } finally {
      db.close();
    }
    // verify only reads: the three formats run side by side.
    const [text, json, junit] = await Promise.all(
      [["verify"], ["verify", "--format", "json"], ["verify", "--format", "junit"]].map((args) => runJincai(dir, args)),
    );
    expect(text!.code).toBe(1);
    expect(text!.stdout).toContain("FAIL ledger.balanced");
    expect(text!.stdout).toMatch(/evidence: book=quota debitsPosted=\S+ creditsPosted=\S+/);
    expect(text!.stdout).toMatch(/verify: \d+ failures?/);

    expect(json!.code).toBe(1);
    const report = JSON.parse(json!.stdout) as VerifyJson;
    expect(report.ok).toBe(false);
    const balanced = report.failures.find((f) => f.rule === "ledger.balanced");
    expect(balanced?.severity).toBe("error");
    expect(balanced?.evidence["book"]).toBe("quota");
    const { debitsPosted, creditsPosted } = balanced!.evidence;
    expect(BigInt(debitsPosted!.replace(".", "")) - BigInt(creditsPosted!.replace(".", ""))).toBe(100n);

    expect(junit!.code).toBe(1);
    expect(junit!.stdout).toMatch(/^<\?xml/);
    expect(junit!.stdout).toMatch(/<testcase [^>]*name="ledger.balanced"[^>]*>\s*<failure/);
  });

  it("fails payment.in-year with evidence once payment P3 is dated in 2027, behind the import's back", async () => {
    const db = new Database(join(dir, "jincai.db"));
    try {
      expect(db.prepare("UPDATE transfers SET date = '2027-01-04' WHERE id = 'pay:P3'").run().changes).toBe(1);
    } finally {
      db.close();
    }
    const [text, json] = await Promise.all([runJincai(dir, ["verify"]), runJincai(dir, ["verify", "--format", "json"])]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("FAIL payment.in-year (1 finding)");
    expect(text.stdout).toContain("payment P3 spends quota line quota:ZB3 of fiscal year 2026 on 2027-01-04");
    const found = (JSON.parse(json.stdout) as VerifyJson).failures.filter((f) => f.rule === "payment.in-year");
    expect(found).toEqual([
      expect.objectContaining({
        severity: "error",
        evidence: { transferId: "pay:P3", quotaAccount: "quota:ZB3", fiscalYear: "2026", date: "2027-01-04", phase: "posted", amount: "300.00" },
      }),
    ]);
  });

  it("fails payment.step-order with evidence once refunded payment P4's refund is dated before its payment, as an earlier build stored it", async () => {
    const refunded = `${CITY_PAYMENT_HEADER}\nP4,2026-03-05,ZB2,101001,111,2010301,30201,JB0000,青川办公用品有限公司,6222000000000001,50.00,日常支付,已退票,2026-03-09\n`;
    await writeFiles(dir, { "refunded.csv": refunded });
    expect((await runJincai(dir, ["import", "payments", "refunded.csv"])).code).toBe(0);
    const db = new Database(join(dir, "jincai.db"));
    try {
      const edit = "UPDATE records SET data = json_set(data, '$.refunds[0].date', '2026-03-01', '$.events[1].date', '2026-03-01') WHERE collection = 'payment' AND id = 'P4'";
      expect(db.prepare(edit).run().changes).toBe(1);
    } finally {
      db.close();
    }
    const [text, json] = await Promise.all([runJincai(dir, ["verify"]), runJincai(dir, ["verify", "--format", "json"])]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("FAIL payment.step-order (1 finding)");
    expect(text.stdout).toContain("payment P4 was refunded on 2026-03-01 (退票 P4-R), before it was paid on 2026-03-05");
    const found = (JSON.parse(json.stdout) as VerifyJson).failures.filter((f) => f.rule === "payment.step-order");
    expect(found).toEqual([
      expect.objectContaining({
        severity: "error",
        evidence: { paymentNumber: "P4", status: "refunded", date: "2026-03-01", refundNumber: "P4-R", previousStatus: "paid", previousDate: "2026-03-05" },
      }),
    ]);
  });

  it("exits 2 on --format yaml", async () => {
    const run = await runJincai(dir, ["verify", "--format", "yaml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("CLI_USAGE");
  });
});

describe("jincai verify: the journal behind the balances", () => {
  let own: string;
  beforeAll(async () => {
    own = await tempDir();
    await setupSmall(own);
    expect((await runJincai(own, ["import", "payments", "payments.csv"])).code).toBe(0);
  });
  afterAll(() => cleanup(own));
  const tamper = (sql: string): void => {
    const db = new Database(join(own, "jincai.db"));
    try {
      expect(db.prepare(sql).run().changes).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  };
  const failures = async () => {
    const run = await runJincai(own, ["verify", "--format", "json"]);
    return { code: run.code, report: JSON.parse(run.stdout) as VerifyJson };
  };

  it("passes before anything is changed", async () => {
    expect((await failures()).code).toBe(0);
  });

  it("fails ledger.journal when a payment's amount is raised in the transfers table, naming its quota and payee accounts", async () => {
    tamper("UPDATE transfers SET amount = amount + 100000000 WHERE id = 'pay:P1'");
    const { code, report } = await failures();
    expect(code).toBe(1);
    const journal = report.failures.filter((f) => f.rule === "ledger.journal");
    expect(journal.map((f) => f.evidence["accountId"])).toEqual(expect.arrayContaining(["quota:ZB1"]));
    expect(journal.find((f) => f.evidence["accountId"] === "quota:ZB1")?.evidence).toMatchObject({ debitsPosted: "1200.00", transferDebits: "1001200.00" });
    tamper("UPDATE transfers SET amount = amount - 100000000 WHERE id = 'pay:P1'");
    expect((await failures()).code).toBe(0);
  });

  it("fails ledger.journal when a posted payment is deleted from the transfers", async () => {
    tamper("DELETE FROM transfers WHERE id = 'pay:P2'");
    expect((await failures()).report.failures.map((f) => f.evidence["accountId"])).toEqual(expect.arrayContaining(["quota:ZB2"]));
  });

  it("fails ledger.journal when a month's debits are changed", async () => {
    tamper("UPDATE account_months SET debits_posted = debits_posted + 1 WHERE month = '2026-03' AND account = (SELECT num FROM accounts WHERE id = 'quota:ZB3')");
    const { report } = await failures();
    expect(report.failures).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "ledger.journal", evidence: expect.objectContaining({ accountId: "quota:ZB3", monthsDebitsPosted: "300.01", debitsPosted: "300.00" }) })]));
  });

  it("fails quota.record when quota ZB1's document is deleted behind the ledger's back", async () => {
    tamper("DELETE FROM records WHERE collection = 'quota' AND id = 'ZB1'");
    const { code, report } = await failures();
    expect(code).toBe(1);
    expect(report.failures).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "quota.record", evidence: { quotaId: "ZB1" } })]));
  });
});

describe("jincai verify: a month's figures moved to another month", () => {
  let own: string;
  beforeAll(async () => {
    own = await tempDir();
    await setupSmall(own);
    await writeCsv(own, "january.csv", PAYMENT_HEADER, [payment("J1", "ZB1", "30101", "1000.00", "2026-01-20")]);
    expect((await runJincai(own, ["import", "payments", "january.csv"])).code).toBe(0);
  });
  afterAll(() => cleanup(own));

  it("fails ledger.journal naming January and February of both accounts once J1's 1,000.00 is moved from January to February in account_months, totals unchanged", async () => {
    const db = new Database(join(own, "jincai.db"));
    let spent: string;
    try {
      spent = db.prepare("SELECT a.id FROM transfers t JOIN accounts a ON a.num = t.credit WHERE t.id = 'pay:J1'").pluck().get() as string;
      // What someone editing the file would do: the months move, each account's balance stays.
      const move = (id: string, column: "debits_posted" | "credits_posted"): void => {
        const num = db.prepare("SELECT num FROM accounts WHERE id = ?").pluck().get(id);
        expect(db.prepare(`UPDATE account_months SET ${column} = ${column} - 100000 WHERE account = ? AND month = '2026-01'`).run(num).changes).toBe(1);
        db.prepare(
          `INSERT INTO account_months (account, month, debits_posted, credits_posted, debits_pending, credits_pending) VALUES (?, '2026-02', 0, 0, 0, 0) ON CONFLICT (account, month) DO NOTHING`,
        ).run(num);
        expect(db.prepare(`UPDATE account_months SET ${column} = ${column} + 100000 WHERE account = ? AND month = '2026-02'`).run(num).changes).toBe(1);
      };
      move("quota:ZB1", "debits_posted");
      move(spent, "credits_posted");
    } finally {
      db.close();
    }
    const [text, json] = await Promise.all([runJincai(own, ["verify"]), runJincai(own, ["verify", "--format", "json"])]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("account quota:ZB1: 2026-01 posted debits 0.00 in its months, 1000.00 in its transfers");
    expect(text.stdout).toContain("account quota:ZB1: 2026-02 posted debits 1000.00 in its months, 0.00 in its transfers");
    expect(text.stdout).toContain(`account ${spent}: 2026-01 posted credits 0.00 in its months, 1000.00 in its transfers`);
    const journal = (JSON.parse(json.stdout) as VerifyJson).failures.filter((f) => f.rule === "ledger.journal");
    // By month, then account id ("quota-spent:…" sorts before "quota:…").
    expect(journal.map((f) => [f.evidence["accountId"], f.evidence["month"]])).toEqual([
      [spent, "2026-01"],
      ["quota:ZB1", "2026-01"],
      [spent, "2026-02"],
      ["quota:ZB1", "2026-02"],
    ]);
    expect(journal.find((f) => f.evidence["accountId"] === "quota:ZB1" && f.evidence["month"] === "2026-02")?.evidence).toEqual({
      accountId: "quota:ZB1", month: "2026-02", monthDebitsPosted: "1000.00", monthCreditsPosted: "0.00", transferDebits: "0.00", transferCredits: "0.00",
    });
  });
});

describe("jincai verify: a payment dated before the 调剂 that funds it", () => {
  let own: string;
  beforeAll(async () => {
    own = await tempDir();
    await setupSmall(own);
  });
  afterAll(() => cleanup(own));

  it("passes the import's check (made against the line as it stands) but fails quota.month-end at March", async () => {
    await writeFiles(own, {
      "adjust.csv": "调整单号,调整日期,源指标,调入指标,金额\nTZ-B1,2026-09-01,ZB1,ZB3,1000.00\n",
      "march.csv": `${CITY_PAYMENT_HEADER}\nM1,2026-03-10,ZB3,101001,111,2010301,30205,JB0000,青川市自来水有限公司,6222000000000002,3500.00,水费,已支付,\n`,
    });
    expect((await runJincai(own, ["import", "adjustments", "adjust.csv"])).code).toBe(0);
    expect((await runJincai(own, ["import", "payments", "march.csv"])).code).toBe(0);
    const run = await runJincai(own, ["verify", "--format", "json"]);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as VerifyJson).failures).toEqual([
      expect.objectContaining({
        rule: "quota.month-end",
        severity: "error",
        evidence: { quotaId: "ZB3", month: "2026-03", amount: "3000.00", reserved: "0.00", consumed: "3500.00", frozen: "0.00", available: "-500.00" },
      }),
    ]);
  });
});
