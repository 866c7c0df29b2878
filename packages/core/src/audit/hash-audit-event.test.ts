import { describe, expect, it } from "vitest";
import { AUDIT_ZERO_HASH, hashAuditEvent } from "./hash-audit-event";

const fields = {
  sequence: 1,
  at: "2026-03-01T00:00:00.000Z",
  actor: "u:zhang",
  action: "budget.approve",
  subject: "P-2026-001",
  digest: "ab".repeat(32),
  prevHash: AUDIT_ZERO_HASH,
};

describe("hashAuditEvent", () => {
  it("gives 64 hex digits that change with any field", async () => {
    const hash = await hashAuditEvent(fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashAuditEvent({ ...fields, actor: "u:li" })).not.toBe(hash);
    expect(await hashAuditEvent({ ...fields, sequence: 2 })).not.toBe(hash);
  });

  it("ignores a stored hash field passed along", async () => {
    expect(await hashAuditEvent({ ...fields, hash: "ff" } as typeof fields)).toBe(await hashAuditEvent(fields));
  });
});
