import { describe, expect, it } from "vitest";
import { fixedClock } from "../time/clock";
import { createFakeAuditStore } from "./_fake-audit-store";
import { appendAudit } from "./append-audit";
import { auditCheckpointPayload } from "./audit-signer";
import { checkpointAudit } from "./checkpoint-audit";
import { createEd25519Signer } from "./create-ed25519-signer";
import { createEd25519Verifier } from "./create-ed25519-verifier";
import { generateEd25519KeyPair } from "./generate-ed25519-key-pair";

describe("checkpointAudit", () => {
  it("signs the head at sequence 2 with Ed25519 and stores the checkpoint", async () => {
    const store = createFakeAuditStore();
    const clock = fixedClock("2026-03-01T09:00:00Z");
    for (const subject of ["P-001", "P-002"]) {
      await appendAudit(store, { actor: "u:zhang", action: "budget.approve", subject, change: {} }, { clock });
    }
    const keys = await generateEd25519KeyPair();
    const cp = await checkpointAudit(store, await createEd25519Signer(keys.privateKey), { clock });
    expect(cp).toMatchObject({ sequence: 2, hash: store.events[1]?.hash, at: "2026-03-01T09:00:00.000Z", algorithm: "ed25519", keyId: keys.keyId });
    expect(store.checkpoints).toEqual([cp]);
    const verifier = await createEd25519Verifier(keys.publicKey);
    expect(await verifier.verify(auditCheckpointPayload(cp), cp.signature, cp.keyId)).toBe(true);
  });

  it("throws AUDIT_CHAIN_EMPTY before the first event", async () => {
    const signer = { algorithm: "test", keyId: "k1", sign: () => "c2ln" };
    await expect(checkpointAudit(createFakeAuditStore(), signer, { clock: fixedClock("2026-03-01") })).rejects.toMatchObject({
      code: "AUDIT_CHAIN_EMPTY",
    });
  });
});
