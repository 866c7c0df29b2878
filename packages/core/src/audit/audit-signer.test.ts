import { describe, expect, it } from "vitest";
import { auditCheckpointPayload } from "./audit-signer";

describe("auditCheckpointPayload", () => {
  it("is the canonical JSON of the checkpoint without its signature, under a fixed context", () => {
    const cp = { sequence: 7, hash: "ab", at: "2026-03-01T00:00:00.000Z", algorithm: "ed25519", keyId: "3f2a", signature: "x" };
    expect(new TextDecoder().decode(auditCheckpointPayload(cp))).toBe(
      '{"algorithm":"ed25519","at":"2026-03-01T00:00:00.000Z","context":"jincai.audit.checkpoint.v1","hash":"ab","keyId":"3f2a","sequence":7}',
    );
  });
});
