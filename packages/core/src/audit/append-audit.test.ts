import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../store/memory-store";
import { fixedClock } from "../time/clock";
import { createFakeAuditStore } from "./_fake-audit-store";
import { appendAudit } from "./append-audit";
import { sha256Hasher } from "./audit-hasher";
import { canonicalJson } from "./canonical-json";
import { AUDIT_ZERO_HASH, hashAuditEvent } from "./hash-audit-event";

const input = { actor: "u:zhang", action: "ledger.createTransfers", subject: "batch-7", change: { amount: 150000n } };

describe("appendAudit", () => {
  it("starts the chain at sequence 1 with 64 zeros as prevHash and the clock's time", async () => {
    const store = createFakeAuditStore();
    const event = await appendAudit(store, input, { clock: fixedClock("2026-03-01T08:00:00Z") });
    expect(event).toMatchObject({ sequence: 1, at: "2026-03-01T08:00:00.000Z", prevHash: AUDIT_ZERO_HASH, actor: "u:zhang" });
    expect(event.digest).toBe(await sha256Hasher.hash(new TextEncoder().encode(canonicalJson({ amount: 150000n }))));
    expect(event.hash).toBe(await hashAuditEvent(event));
    expect(store.events).toEqual([event]);
  });

  it("links the second event to the first", async () => {
    const store = createFakeAuditStore();
    const clock = fixedClock("2026-03-01");
    const first = await appendAudit(store, input, { clock });
    const second = await appendAudit(store, { ...input, subject: "batch-8" }, { clock });
    expect(second).toMatchObject({ sequence: 2, prevHash: first.hash });
  });

  it("gives the same digest for the same change written with keys in another order", async () => {
    const store = createFakeAuditStore();
    const clock = fixedClock("2026-03-01");
    const a = await appendAudit(store, { ...input, change: { payee: "A", amount: 1n } }, { clock });
    const b = await appendAudit(store, { ...input, change: { amount: 1n, payee: "A" } }, { clock });
    expect(b.digest).toBe(a.digest);
  });

  it("uses a pluggable hasher such as SM3 for digest and hash", async () => {
    const store = createFakeAuditStore();
    const fake = { name: "fake-sm3", hash: (bytes: Uint8Array) => String(bytes.length).padStart(64, "0") };
    const event = await appendAudit(store, input, { clock: fixedClock("2026-03-01"), hasher: fake });
    expect(event.digest).toBe(String(canonicalJson(input.change).length).padStart(64, "0"));
    expect(event.hash).toBe(await hashAuditEvent(event, fake));
  });

  it("throws AUDIT_INPUT_INVALID for an empty actor", async () => {
    await expect(appendAudit(createFakeAuditStore(), { ...input, actor: " " }, { clock: fixedClock("2026-03-01") })).rejects.toMatchObject({
      code: "AUDIT_INPUT_INVALID",
    });
  });

  it("names the missing clock option instead of failing with a TypeError", async () => {
    const store = createFakeAuditStore();
    const untyped = appendAudit as (...args: unknown[]) => Promise<unknown>;
    for (const options of [undefined, {}, { clock: "2026-03-01" }]) {
      await expect(untyped(store, input, options)).rejects.toMatchObject({
        name: "JincaiError",
        code: "AUDIT_INPUT_INVALID",
        message: "appendAudit needs the option clock (a Clock, e.g. systemClock()) to time the event",
        details: { field: "clock" },
      });
    }
    await expect(untyped(store, undefined, { clock: fixedClock("2026-03-01") })).rejects.toMatchObject({
      code: "AUDIT_INPUT_INVALID",
      message: "appendAudit needs the event ({ actor, action, subject, change }), not undefined",
    });
    expect(store.events).toEqual([]);
  });

  it("throws AUDIT_CANONICAL_UNSUPPORTED for a change holding NaN", async () => {
    await expect(
      appendAudit(createFakeAuditStore(), { ...input, change: { rate: Number.NaN } }, { clock: fixedClock("2026-03-01") }),
    ).rejects.toMatchObject({ code: "AUDIT_CANONICAL_UNSUPPORTED" });
  });

  it("commits with a memory store transaction and disappears when it rolls back", async () => {
    const store = createMemoryStore();
    const clock = fixedClock("2026-03-01");
    await store.transaction((tx) => appendAudit(tx, input, { clock }));
    await expect(
      store.transaction(async (tx) => {
        await appendAudit(tx, { ...input, subject: "batch-8" }, { clock });
        throw new Error("payment failed");
      }),
    ).rejects.toThrow("payment failed");
    expect((await store.lastAuditEvent())?.sequence).toBe(1);
  });
});
