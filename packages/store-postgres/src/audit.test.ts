/**
 * The audit chain on PostgreSQL with core's `appendAudit` and `verifyAudit`: appends from many
 * clients stay one gapless chain, and edits made behind the store's back with SQL are found.
 */
import { appendAudit, fixedClock, verifyAudit } from "@jincai/core";
import type { Store } from "@jincai/core";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { quoteIdent } from "./sql-client";
import { freshSchema } from "./testing/test-schema";
import { openTestStore, testServerUrl } from "./testing/test-server";

const clock = fixedClock("2026-03-10T08:00:00Z");
let stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

async function openClients(n: number): Promise<{ schema: string; clients: Store[] }> {
  const schema = freshSchema();
  const first = await openTestStore({ schema, maxConnections: 1 });
  const rest = await Promise.all(Array.from({ length: n - 1 }, () => openTestStore({ schema, maxConnections: 1 })));
  stores = [first, ...rest];
  return { schema, clients: stores };
}

const input = (c: number, i: number) => ({ actor: `user-${c}`, action: "payments.approve", subject: `ZF-${c}-${i}`, change: { i } });

describe("appendAuditEvent", () => {
  it("keeps one gapless chain when 8 clients append 25 events each inside transactions", async () => {
    const { clients } = await openClients(8);
    await Promise.all(
      clients.map(async (store, c) => {
        for (let i = 0; i < 25; i++) await store.transaction((tx) => appendAudit(tx, input(c, i), { clock }));
      }),
    );
    const report = await verifyAudit(clients[0]!);
    expect(report).toMatchObject({ ok: true, events: 200, head: { sequence: 200 } });
  });

  it("throws AUDIT_SEQUENCE_CONFLICT, never a fork, when clients race outside transactions", async () => {
    const { clients } = await openClients(8);
    const outcomes = await Promise.all(
      clients.map(async (store, c) => {
        const codes: string[] = [];
        for (let i = 0; i < 10; i++) {
          await appendAudit(store, input(c, i), { clock }).then(
            () => codes.push("ok"),
            (e: { code?: string }) => codes.push(e.code ?? "?"),
          );
        }
        return codes;
      }),
    );
    const all = outcomes.flat();
    expect(all.every((x) => x === "ok" || x === "AUDIT_SEQUENCE_CONFLICT")).toBe(true);
    const report = await verifyAudit(clients[0]!);
    expect(report).toMatchObject({ ok: true, events: all.filter((x) => x === "ok").length });
  });
});

describe("verifyAudit", () => {
  it("finds an actor rewritten and an event deleted with direct SQL", async () => {
    const { schema, clients } = await openClients(1);
    const store = clients[0]!;
    for (let i = 0; i < 5; i++) await appendAudit(store, input(0, i), { clock });
    expect((await verifyAudit(store)).ok).toBe(true);
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    try {
      const s = quoteIdent(schema);
      await admin.query(`UPDATE ${s}.audit_events SET actor = 'someone-else' WHERE sequence = 2`);
      let report = await verifyAudit(store);
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toMatchObject({ code: "AUDIT_HASH_MISMATCH", sequence: 2 });
      await admin.query(`UPDATE ${s}.audit_events SET actor = 'user-0' WHERE sequence = 2`);
      await admin.query(`DELETE FROM ${s}.audit_events WHERE sequence = 4`);
      report = await verifyAudit(store);
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.code)).toContain("AUDIT_SEQUENCE_GAP");
    } finally {
      await admin.end();
    }
  });
});
