/**
 * The audit chain kept in SQLite, tampered with by direct SQL: core's `verifyAudit` must find
 * every edit, deletion and reordering made behind the store's back.
 */
import { join } from "node:path";
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { appendAudit, fixedClock, verifyAudit } from "@jincai/core";
import { openSqliteStore } from "./open-sqlite-store";
import { tempDir } from "./_testing/temp-store";
import { tamper, withStore } from "./_testing/tamper-file";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes five audited approvals to a new file; returns its path. */
async function chainOfFive(): Promise<string> {
  const dir = tempDir();
  dirs.push(dir);
  const filename = join(dir, "audit.db");
  const store = openSqliteStore({ filename });
  const clock = fixedClock("2026-03-01T09:00:00Z");
  for (let i = 1; i <= 5; i++) {
    await store.transaction(async (tx) => {
      await tx.putRecord({ collection: "payments", id: `pay-${i}`, data: { amount: BigInt(i * 10_000) } });
      await appendAudit(tx, { actor: "u:zhang", action: "payment.approve", subject: `pay-${i}`, change: { amount: String(i * 10_000) } }, { clock });
    });
    clock.advance(60_000);
  }
  await store.close();
  return filename;
}

const verify = (filename: string) => withStore(filename, (store) => verifyAudit(store));

describe("openSqliteStore", () => {
  it("keeps an audit chain of five approvals that verifies", async () => {
    const report = await verify(await chainOfFive());
    expect(report.ok).toBe(true);
    expect(report.events).toBe(5);
  });

  it("lets verifyAudit find an actor edited with SQL", async () => {
    const file = await chainOfFive();
    tamper(file, "UPDATE audit_events SET actor = 'u:mallory' WHERE sequence = 2");
    const report = await verify(file);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ code: "AUDIT_HASH_MISMATCH", sequence: 2 });
  });

  it("lets verifyAudit find an event deleted with SQL", async () => {
    const file = await chainOfFive();
    tamper(file, "DELETE FROM audit_events WHERE sequence = 3");
    const report = await verify(file);
    expect(report.problems.map((p) => p.code)).toContain("AUDIT_SEQUENCE_GAP");
  });

  it("lets verifyAudit find two events swapped with SQL", async () => {
    const file = await chainOfFive();
    tamper(
      file,
      `UPDATE audit_events SET sequence = -2 WHERE sequence = 2;
       UPDATE audit_events SET sequence = 2 WHERE sequence = 3;
       UPDATE audit_events SET sequence = 3 WHERE sequence = -2;`,
    );
    const report = await verify(file);
    expect(report.ok).toBe(false);
    expect(report.problems[0]?.sequence).toBe(2);
  });

  it("lets verifyAudit find the newest events deleted after a checkpoint named them", async () => {
    const file = await chainOfFive();
    const store = openSqliteStore({ filename: file });
    const head = await store.lastAuditEvent();
    await store.putAuditCheckpoint({ sequence: 5, hash: head!.hash, at: "2026-03-01T10:00:00.000Z", algorithm: "none", keyId: "test", signature: "" });
    await store.close();
    tamper(file, "DELETE FROM audit_events WHERE sequence >= 4");
    const report = await verify(file);
    expect(report.problems.map((p) => p.code)).toContain("AUDIT_CHAIN_TRUNCATED");
  });
});
