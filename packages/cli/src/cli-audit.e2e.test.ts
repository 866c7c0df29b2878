import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { PAYMENT_HEADER, SMALL, payment, runJincai, useSmallDatabase, writeCsv } from "./_testing/run-jincai";

// The audit chain of a bureau's database, with checkpoints signed and a copy kept outside it:
// someone who can write the database can delete the newest events together with the stored
// checkpoints, and only the copy kept elsewhere still shows it.
const db = useSmallDatabase();

describe("jincai audit keygen, checkpoint and verify --checkpoints", () => {
  it("signs the chain's head, keeps a copy outside, and finds the newest events cut off with the stored checkpoints", async () => {
    const keygen = await runJincai(db.dir, ["audit", "keygen", "audit"]);
    expect(keygen.code).toBe(0);
    expect(keygen.stdout).toMatch(/^wrote audit\.key\.pem .* and audit\.pub\.pem; key id [0-9a-f]{16}$/m);
    expect((await stat(join(db.dir, "audit.key.pem"))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(db.dir, "audit.pub.pem"), "utf8")).toContain("-----BEGIN PUBLIC KEY-----");

    const first = await runJincai(db.dir, ["audit", "checkpoint", "--key", "audit.key.pem", "--out", "kept.jsonl"]);
    expect(first.code).toBe(0);
    // Events 1 and 2 are the agencies' and quotas' imports; the quotas' transfers and documents are sealed in 3.
    expect(first.stdout).toMatch(/^ledger seal: transfers 1\.\.\d+ \(\d+\) sha-256:[0-9a-f]{64}; 10 new account\(s\), 3 quota document\(s\) new or changed$/m);
    expect(first.stdout).toMatch(/^audit checkpoint: event 3, hash [0-9a-f]{64}, key [0-9a-f]{16}; appended to kept\.jsonl$/m);
    expect((await runJincai(db.dir, ["import", "payments", "payments.csv"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "checkpoint", "--key", "audit.key.pem", "--out", "kept.jsonl"])).stdout).toContain("event 5,");
    const kept = (await readFile(join(db.dir, "kept.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l) as { sequence: number });
    expect(kept.map((c) => c.sequence)).toEqual([3, 5]);

    const intact = await runJincai(db.dir, ["audit", "verify", "--public-key", "audit.pub.pem", "--checkpoints", "kept.jsonl"]);
    expect(intact.code).toBe(0);
    expect(intact.stdout.trim().split("\n")[0]).toBe("audit: 5 events, 2 checkpoints and 2 kept outside, chain intact");
    expect(intact.stdout).toMatch(/^ledger: transfers 1\.\.\d+ in 2 seal\(s\) unchanged$/m);

    // The payments' import and its seal are deleted from the chain, with every stored checkpoint.
    const raw = new Database(join(db.dir, "jincai.db"));
    raw.exec("DELETE FROM audit_events WHERE sequence >= 4; DELETE FROM audit_checkpoints;");
    raw.close();
    const blind = await runJincai(db.dir, ["audit", "verify", "--public-key", "audit.pub.pem"]);
    expect(blind.code).toBe(0); // what the database alone can tell
    const seen = await runJincai(db.dir, ["audit", "verify", "--public-key", "audit.pub.pem", "--checkpoints", "kept.jsonl"]);
    expect(seen.code).toBe(1);
    expect(seen.stdout).toContain("AUDIT_CHAIN_TRUNCATED at event 4: the chain ends at 3 but a checkpoint names event 5: newest events were deleted");

    // The key holder is not made to vouch for the cut-off chain: the kept file still names event 3.
    const refused = await runJincai(db.dir, ["audit", "checkpoint", "--key", "audit.key.pem", "--out", "kept.jsonl"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("audit: not signed: the chain has 1 problem(s), which a checkpoint would vouch for");
    expect((await readFile(join(db.dir, "kept.jsonl"), "utf8")).trim().split("\n")).toHaveLength(2);
  });

  it("finds a sealed payment's payee account or amount changed in the database, which verify cannot see", async () => {
    expect((await runJincai(db.dir, ["import", "payments", "payments.csv"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "keygen", "audit"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "checkpoint", "--key", "audit.key.pem"])).code).toBe(0);
    const raw = new Database(join(db.dir, "jincai.db"));
    raw.prepare("UPDATE transfers SET refs = replace(refs, '6222000000000001', '6299999999999999') WHERE id = 'pay:P1'").run();
    raw.close();
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0); // the balances still add up
    expect((await runJincai(db.dir, ["payment", "P1"])).stdout).toContain("6299999999999999");
    const audit = await runJincai(db.dir, ["audit", "verify"]);
    expect(audit.code).toBe(1);
    expect(audit.stdout).toMatch(/^AUDIT_SEAL_MISMATCH at event 4: the transfers 1\.\.(\d+) sealed at event 4 have changed, first among transfers 1\.\.\1: /m);
    // A made-up payment slipped in below the first sequence, balances and all, is no seal's.
    const forged = new Database(join(db.dir, "jincai.db"));
    const [debit, credit] = forged.prepare("SELECT debit, credit FROM transfers WHERE id = 'pay:P2'").raw().get() as [number, number];
    forged.prepare("INSERT INTO transfers VALUES (-7, 'pay:EVIL', 'posted', ?, ?, 100, '2026-03-01', NULL, NULL, NULL)").run(debit, credit);
    forged.close();
    expect((await runJincai(db.dir, ["audit", "verify"])).stdout).toContain(
      "AUDIT_SEAL_MISMATCH at event 4: transfer pay:EVIL (sequence -7) lies before the transfers 1..",
    );
    // Transfers written after the last seal are counted, not yet covered.
    await writeFile(join(db.dir, "more.csv"), "支付单号,支付日期,指标编号,单位编码,资金性质,功能科目,经济科目,项目编码,收款人,收款账号,金额\nP9,2026-03-09,ZB1,101001,111,2010301,30101,JB0000,青川办公用品有限公司,6222000000000009,1.00\n");
    expect((await runJincai(db.dir, ["import", "payments", "more.csv"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "verify"])).stdout).toContain("; 1 written since the last seal are not sealed yet (jincai audit checkpoint seals them)");
  });

  it("finds a quota line moved to another agency in the database, which verify cannot see", async () => {
    expect((await runJincai(db.dir, ["audit", "keygen", "audit"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "checkpoint", "--key", "audit.key.pem"])).code).toBe(0);
    // ZB3's three accounts and its quota document moved from 101001 to its parent 101, every table.
    const raw = new Database(join(db.dir, "jincai.db"));
    raw.exec(`
      UPDATE accounts SET dimensions = replace(dimensions, '"agency":"101001"', '"agency":"101"') WHERE id LIKE '%:ZB3';
      UPDATE account_dimensions SET value = '101' WHERE key = 'agency' AND account IN (SELECT num FROM accounts WHERE id LIKE '%:ZB3');
      UPDATE records SET data = replace(data, '"agency":"101001"', '"agency":"101"') WHERE collection = 'quota' AND id = 'ZB3';
      UPDATE record_index SET value = '101' WHERE collection = 'quota' AND field = 'agency' AND id = 'ZB3';`);
    raw.close();
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0); // the books still balance
    expect((await runJincai(db.dir, ["summary", "--by", "agency"])).stdout).toMatch(/^101 青川市人民政府办公室 +3,000\.00 /m);
    const audit = await runJincai(db.dir, ["audit", "verify", "--public-key", "audit.pub.pem"]);
    expect(audit.code).toBe(1);
    expect(audit.stdout).toContain("AUDIT_ACCOUNT_MISMATCH at event 3: the 10 accounts sealed at event 3 have changed: quota-frozen:ZB3, quota-spent:ZB3, quota:ZB3 changed: ");
    // Quota lines created after the seal are no change (the next seal covers them): still one problem.
    await writeFile(join(db.dir, "zb4.csv"), `${SMALL.quotas.split("\n")[0]}\nZB4,青财预〔2026〕3号,2026,101001,111,2010301,30201,JB0000,100.00\n`);
    expect((await runJincai(db.dir, ["import", "quotas", "zb4.csv"])).code).toBe(0);
    const later = await runJincai(db.dir, ["audit", "verify"]);
    // The quota document, sealed like the payments' since session 17, is found moved too.
    expect(later.stdout.match(/^AUDIT_\w+/gm)).toEqual(["AUDIT_ACCOUNT_MISMATCH", "AUDIT_RECORD_MISMATCH"]);
    expect(later.stdout).toContain("AUDIT_RECORD_MISMATCH at event 3: the quota documents sealed at event 3 have changed: ZB3 changed: a document was edited");
  });

  it("seals a payment document's approval, which writes no transfer, and finds the approval's date edited, which its transfers cannot show", async () => {
    const header = "支付单号,支付日期,指标编号,单位编码,资金性质,功能科目,经济科目,项目编码,收款人,收款账号,金额,用途,状态";
    const row = (status: string) => `S1,2026-03-10,ZB3,101001,111,2010301,30205,JB0000,青川市自来水有限公司,6222000000000002,307.50,水费,${status}`;
    await writeFile(join(db.dir, "submitted.csv"), `${header}\n${row("已提交")}\n`);
    await writeFile(join(db.dir, "approved.csv"), `${header}\n${row("已审核")}\n`);
    expect((await runJincai(db.dir, ["audit", "keygen", "audit"])).code).toBe(0);
    expect((await runJincai(db.dir, ["import", "payments", "submitted.csv"])).code).toBe(0);
    const first = await runJincai(db.dir, ["audit", "checkpoint", "--key", "audit.key.pem"]);
    expect(first.stdout).toMatch(/^ledger seal: transfers 1\.\.\d+ \(\d+\) sha-256:[0-9a-f]{64}; 10 new account\(s\), 1 payment document\(s\), 3 quota document\(s\) new or changed$/m);
    expect((await runJincai(db.dir, ["import", "payments", "approved.csv"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "verify"])).stdout).toContain("documents: 3 sealed unchanged; 1 new or changed since the last seal are not sealed yet (jincai audit checkpoint seals them)");
    // Events 1..3 are the imports, 4 the first seal, 5 the approval's import: its seal is event 6.
    const second = await runJincai(db.dir, ["audit", "checkpoint", "--key", "audit.key.pem"]);
    expect(second.stdout).toContain("ledger seal: no new transfers; 1 payment document(s) new or changed\naudit checkpoint: event 6,");
    const intact = await runJincai(db.dir, ["audit", "verify"]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("documents: 4 sealed unchanged\n");
    const raw = new Database(join(db.dir, "jincai.db"));
    raw.prepare(`UPDATE records SET data = json_set(data, '$.events[1].date', '2026-03-01') WHERE collection = 'payment' AND id = 'S1'`).run();
    raw.close();
    const audit = await runJincai(db.dir, ["audit", "verify"]);
    expect(audit.code).toBe(1);
    expect(audit.stdout).not.toContain("AUDIT_DOCUMENT_MISMATCH"); // its transfers do not say when it was approved
    expect(audit.stdout).toContain("AUDIT_RECORD_MISMATCH at event 6: the payment documents sealed at event 6 have changed: S1 changed: a document was edited");
  });

  it("checks the checkpoints of a rotated key when every public key is given", async () => {
    expect((await runJincai(db.dir, ["audit", "keygen", "k2025"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "keygen", "k2026"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "checkpoint", "--key", "k2025.key.pem"])).code).toBe(0);
    expect((await runJincai(db.dir, ["import", "payments", "payments.csv"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "checkpoint", "--key", "k2026.key.pem"])).code).toBe(0);
    const one = await runJincai(db.dir, ["audit", "verify", "--public-key", "k2026.pub.pem"]);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain("was made with a key that is not among the public keys given");
    const both = await runJincai(db.dir, ["audit", "verify", "--public-key", "k2025.pub.pem", "--public-key", "k2026.pub.pem"]);
    expect(both.code).toBe(0);
    expect(both.stdout.trim().split("\n")[0]).toBe("audit: 5 events, 2 checkpoints, chain intact");
  });

  it("refuses to overwrite a key, a checkpoint without a key, and a checkpoints file that is not one, naming the line", async () => {
    expect((await runJincai(db.dir, ["audit", "keygen", "audit"])).code).toBe(0);
    const again = await runJincai(db.dir, ["audit", "keygen", "audit"]);
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toBe("jincai: CLI_USAGE: audit.key.pem exists: choose another prefix (a key is never overwritten)");
    expect((await runJincai(db.dir, ["audit", "checkpoint"])).code).toBe(2);

    await writeFile(join(db.dir, "kept.jsonl"), '{"sequence":2,"hash":"ab","at":"2026-03-01T00:00:00Z","algorithm":"ed25519","keyId":"k","signature":"s"}\n{"sequence":"3"}\n');
    const bad = await runJincai(db.dir, ["audit", "verify", "--checkpoints", "kept.jsonl"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("jincai: CLI_CHECKPOINTS_INVALID: kept.jsonl:2: the checkpoint is not one (sequence:");
    await writeFile(join(db.dir, "kept.jsonl"), "not json\n");
    expect((await runJincai(db.dir, ["audit", "verify", "--checkpoints", "kept.jsonl"])).stderr).toContain("kept.jsonl:1: not JSON");
  });

  it("finds a payment document edited behind the store's back, naming the field that disagrees with its transfer", async () => {
    await writeFile(join(db.dir, "sub.csv"), "支付单号,支付日期,指标编号,单位编码,资金性质,功能科目,经济科目,项目编码,收款人,收款账号,金额,用途,状态\nS1,2026-03-10,ZB3,101001,111,2010301,30205,JB0000,青川市自来水有限公司,6222000000000002,307.50,水费,已提交\n");
    expect((await runJincai(db.dir, ["import", "payments", "sub.csv"])).code).toBe(0);
    const before = await runJincai(db.dir, ["audit", "verify"]);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^ledger: no seal yet; \d+ transfers not sealed \(jincai audit checkpoint seals them\)$/m);
    const raw = new Database(join(db.dir, "jincai.db"));
    raw.prepare(`UPDATE records SET data = replace(data, '"amount":"30750"', '"amount":"750"') WHERE collection = 'payment' AND id = 'S1'`).run();
    raw.close();
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0); // the ledger itself is intact
    const audit = await runJincai(db.dir, ["audit", "verify", "--json"]);
    expect(audit.code).toBe(1);
    expect(JSON.parse(audit.stdout).documents).toEqual([
      expect.objectContaining({ message: "payment S1's document says amount 7.50; its transfer pay:S1 says 307.50", evidence: { paymentNumber: "S1", field: "amount", document: "7.50", transfer: "307.50" } }),
    ]);
  });

  it("finds a document's status or paid amount edited, and a pending reservation whose document was deleted", async () => {
    const header = "支付单号,支付日期,指标编号,单位编码,资金性质,功能科目,经济科目,项目编码,收款人,收款账号,金额,用途,状态";
    const row = (n: string, status: string) => `${n},2026-03-10,ZB3,101001,111,2010301,30205,JB0000,青川市自来水有限公司,6222000000000002,10.00,水费,${status}`;
    await writeFile(join(db.dir, "sub.csv"), `${header}\n${row("S2", "已提交")}\n${row("S3", "已提交")}\n${row("S4", "已退回")}\n`);
    expect((await runJincai(db.dir, ["import", "payments", "sub.csv"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "verify"])).code).toBe(0);
    const raw = new Database(join(db.dir, "jincai.db"));
    raw.prepare(`UPDATE records SET data = json_set(data, '$.status', 'paid') WHERE collection = 'payment' AND id = 'S2'`).run();
    raw.prepare(`UPDATE records SET data = json_set(data, '$.paidAmount', '999') WHERE collection = 'payment' AND id = 'S4'`).run();
    raw.prepare("DELETE FROM records WHERE collection = 'payment' AND id = 'S3'").run();
    raw.close();
    const audit = await runJincai(db.dir, ["audit", "verify"]);
    expect(audit.code).toBe(1);
    expect(audit.stdout).toContain("AUDIT_DOCUMENT_MISMATCH: payment S2's document says status paid; its transfers say reserved, not paid");
    expect(audit.stdout).toContain("AUDIT_DOCUMENT_MISMATCH: payment S4's document says paid 9.99; its transfers say paid 0.00");
    expect(audit.stdout).toContain("AUDIT_DOCUMENT_MISMATCH: payment S3's reservation pay:S3 has no document (it was deleted?)");
  });

  it("finds a refund made up in a paid payment's document, a status set to refunded, and a refund's entry removed, which verify cannot see", async () => {
    // R1 and R2 were submitted, then paid (so they have documents); R3 was paid and refunded.
    const header = `${PAYMENT_HEADER},用途,状态,退票日期`;
    const row = (n: string, amount: string, date: string, status: string, refunded = "") => `${payment(n, "ZB1", "30101", amount, date)},,${status},${refunded}`;
    await writeCsv(db.dir, "submitted.csv", header, [row("R1", "100.00", "2026-03-09", "已提交"), row("R2", "50.00", "2026-03-09", "已提交")]);
    await writeCsv(db.dir, "paid.csv", header, [row("R1", "100.00", "2026-03-09", "已支付"), row("R2", "50.00", "2026-03-09", "已支付"), row("R3", "20.00", "2026-03-09", "已退票", "2026-03-12")]);
    expect((await runJincai(db.dir, ["import", "payments", "submitted.csv"])).code).toBe(0);
    expect((await runJincai(db.dir, ["import", "payments", "paid.csv"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "verify"])).code).toBe(0);
    const raw = new Database(join(db.dir, "jincai.db"));
    const refund = (n: string) => raw.prepare(`SELECT json_extract(data, '$.refunds[0].refundNumber') FROM records WHERE collection = 'payment' AND id = ?`).pluck().get(n) as string;
    const r3 = refund("R3");
    raw.prepare(`UPDATE records SET data = json_insert(data, '$.refunds[#]', json('{"refundNumber":"X","amount":"1717219","date":"2026-03-20"}')) WHERE collection = 'payment' AND id = 'R1'`).run();
    raw.prepare(`UPDATE records SET data = json_set(data, '$.status', 'refunded') WHERE collection = 'payment' AND id = 'R2'`).run();
    raw.prepare(`UPDATE records SET data = json_set(data, '$.refunds', json('[]'), '$.status', 'paid') WHERE collection = 'payment' AND id = 'R3'`).run();
    raw.close();
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0); // the ledger itself is intact
    expect((await runJincai(db.dir, ["payment", "R1"])).stdout).toContain("X");
    const audit = await runJincai(db.dir, ["audit", "verify"]);
    expect(audit.code).toBe(1);
    expect(audit.stdout).toContain("AUDIT_DOCUMENT_MISMATCH: payment R1's document lists refund X of 17172.19 on 2026-03-20; the ledger has no refund transfer pay:R1.refund:X");
    expect(audit.stdout).toContain("AUDIT_DOCUMENT_MISMATCH: payment R2's document says status refunded; its transfers say paid, 0.00 of 50.00 refunded");
    expect(audit.stdout).toContain(`AUDIT_DOCUMENT_MISMATCH: payment R3's refund transfer pay:R3.refund:${r3} gave back 20.00 on 2026-03-12; its document does not list it (the entry was removed?)`);
    expect(audit.stdout).toContain("audit: 3 problem(s)");
  });

  it("finds January reopened by deleting its lock, which let a January payment in while verify passed, and a lock nobody closed", async () => {
    expect((await runJincai(db.dir, ["close", "2026-01"])).code).toBe(0);
    const closed = await runJincai(db.dir, ["audit", "verify"]);
    expect(closed.code).toBe(0);
    expect(closed.stdout).toContain("periods: 1 closed in the chain, all still locked");
    await writeCsv(db.dir, "january.csv", PAYMENT_HEADER, [payment("J1", "ZB1", "30101", "10.00", "2026-01-20")]);
    const refused = await runJincai(db.dir, ["import", "payments", "january.csv"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("TREASURY_PERIOD_CLOSED payment J1: its date 2026-01-20 is in a closed period");

    const raw = new Database(join(db.dir, "jincai.db"));
    raw.prepare("DELETE FROM period_locks").run();
    raw.close();
    expect((await runJincai(db.dir, ["import", "payments", "january.csv"])).code).toBe(0);
    expect((await runJincai(db.dir, ["verify"])).code).toBe(0); // the ledger itself is intact
    const reopened = await runJincai(db.dir, ["audit", "verify"]);
    expect(reopened.code).toBe(1);
    // Events 1 and 2 are the agencies' and quotas' imports; the close is event 3.
    expect(reopened.stdout).toContain(
      "AUDIT_LOCK_MISSING at event 3: the period 2026-01-01..2026-01-31 (every book) closed at event 3 is open again: no period lock covers 2026-01-01 (a lock was deleted behind the store's back)",
    );

    const forged = new Database(join(db.dir, "jincai.db"));
    forged.prepare("INSERT INTO period_locks (from_date, to_date, book) VALUES ('2026-01-01', '2026-01-31', NULL), ('2026-02-01', '2026-02-28', 'quota')").run();
    forged.close();
    const json = await runJincai(db.dir, ["audit", "verify", "--json"]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; problems: unknown[]; periods: unknown };
    expect(report.problems).toEqual([]);
    expect(report.periods).toEqual({
      closes: 1,
      locks: 2,
      unrecorded: [
        {
          code: "AUDIT_LOCK_UNRECORDED",
          lock: { from: "2026-02-01", to: "2026-02-28", book: "quota" },
          message: "the period lock 2026-02-01..2026-02-28 (book quota) has no period.close event in the audit chain (it was added behind the store's back, or without closePeriod)",
        },
      ],
    });
    expect((await runJincai(db.dir, ["audit", "verify"])).stdout).toContain("AUDIT_LOCK_UNRECORDED: the period lock 2026-02-01..2026-02-28 (book quota)");
  });

  it("checks a book's close by its book: a lock of another book does not cover it", async () => {
    expect((await runJincai(db.dir, ["close", "2026-01", "--book", "quota"])).code).toBe(0);
    expect((await runJincai(db.dir, ["audit", "verify"])).code).toBe(0);
    const raw = new Database(join(db.dir, "jincai.db"));
    raw.prepare("UPDATE period_locks SET book = 'plan'").run();
    raw.close();
    const audit = await runJincai(db.dir, ["audit", "verify"]);
    expect(audit.code).toBe(1);
    expect(audit.stdout).toContain("AUDIT_LOCK_MISSING at event 3: the period 2026-01-01..2026-01-31 (book quota) closed at event 3 is open again");
    expect(audit.stdout).toContain("AUDIT_LOCK_UNRECORDED: the period lock 2026-01-01..2026-01-31 (book plan)");
  });
});
