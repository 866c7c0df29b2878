import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../time/clock";
import { createFakeAuditStore } from "./_fake-audit-store";
import type { FakeAuditStore } from "./_fake-audit-store";
import { appendAudit } from "./append-audit";
import type { AuditEvent } from "./audit-event";
import type { AuditHasher } from "./audit-hasher";
import type { AuditSigner, AuditVerifier } from "./audit-signer";
import { checkpointAudit } from "./checkpoint-audit";
import { createEd25519Signer } from "./create-ed25519-signer";
import { createEd25519Verifier } from "./create-ed25519-verifier";
import { generateEd25519KeyPair } from "./generate-ed25519-key-pair";
import { hashAuditEvent } from "./hash-audit-event";
import { verifyAudit } from "./verify-audit";

let signer: AuditSigner;
let verifier: AuditVerifier;
const clock = fixedClock("2026-03-01T08:00:00Z");

beforeAll(async () => {
  const keys = await generateEd25519KeyPair();
  signer = await createEd25519Signer(keys.privateKey);
  verifier = await createEd25519Verifier(keys.publicKey);
});

/** A chain of five payment approvals, P-001 … P-005. */
async function chainOfFive(hasher?: AuditHasher): Promise<FakeAuditStore> {
  const store = createFakeAuditStore();
  for (let i = 1; i <= 5; i++) {
    const change = { payment: `P-00${i}`, amount: BigInt(i) * 10_000n };
    await appendAudit(store, { actor: "u:zhang", action: "payment.approve", subject: `P-00${i}`, change }, { clock, ...(hasher ? { hasher } : {}) });
    clock.advance(60_000);
  }
  return store;
}

const at = (store: FakeAuditStore, sequence: number): AuditEvent => store.events[sequence - 1]!;
const rehash = async (event: AuditEvent): Promise<AuditEvent> => ({ ...event, hash: await hashAuditEvent(event) });
const codes = (report: { problems: readonly { code: string; sequence: number }[] }) =>
  report.problems.map((p) => `${p.code}@${p.sequence}`);

describe("verifyAudit", () => {
  it("passes an intact chain of five events with a signed checkpoint", async () => {
    const store = await chainOfFive();
    await checkpointAudit(store, signer, { clock });
    const report = await verifyAudit(store, { verifier });
    expect(report).toMatchObject({ ok: true, events: 5, checkpoints: 1, signaturesChecked: true, complete: true, problems: [] });
    expect(report.head).toEqual({ sequence: 5, hash: at(store, 5).hash });
  });

  it("passes an empty store", async () => {
    expect(await verifyAudit(createFakeAuditStore())).toMatchObject({ ok: true, events: 0, problems: [] });
  });

  it("finds an edited actor at event 3 as AUDIT_HASH_MISMATCH at 3", async () => {
    const store = await chainOfFive();
    store.events[2] = { ...at(store, 3), actor: "u:li" };
    expect(codes(await verifyAudit(store))).toEqual(["AUDIT_HASH_MISMATCH@3"]);
  });

  it("finds an edit at 3 with its hash recomputed as AUDIT_LINK_BROKEN at 4", async () => {
    const store = await chainOfFive();
    store.events[2] = await rehash({ ...at(store, 3), subject: "P-999" });
    expect(codes(await verifyAudit(store))).toEqual(["AUDIT_LINK_BROKEN@4"]);
  });

  it("finds a rewrite from 3 on with every hash recomputed only by the checkpoint at 5", async () => {
    const store = await chainOfFive();
    await checkpointAudit(store, signer, { clock });
    let prev = at(store, 2);
    for (let s = 3; s <= 5; s++) {
      prev = await rehash({ ...at(store, s), actor: s === 3 ? "u:li" : at(store, s).actor, prevHash: prev.hash });
      store.events[s - 1] = prev;
    }
    expect(codes(await verifyAudit(store, { verifier }))).toEqual(["AUDIT_CHECKPOINT_MISMATCH@5"]);
  });

  it("finds deleted event 3 as AUDIT_SEQUENCE_GAP at 3", async () => {
    const store = await chainOfFive();
    store.events.splice(2, 1);
    expect(codes(await verifyAudit(store))).toEqual(["AUDIT_SEQUENCE_GAP@3"]);
  });

  it("finds deleted event 1 as AUDIT_SEQUENCE_GAP at 1", async () => {
    const store = await chainOfFive();
    store.events.shift();
    expect(codes(await verifyAudit(store))).toEqual(["AUDIT_SEQUENCE_GAP@1"]);
  });

  it("finds deleted events 4 and 5 after a checkpoint at 5 as AUDIT_CHAIN_TRUNCATED at 4", async () => {
    const store = await chainOfFive();
    await checkpointAudit(store, signer, { clock });
    store.events.splice(3, 2);
    const report = await verifyAudit(store, { verifier });
    expect(codes(report)).toEqual(["AUDIT_CHAIN_TRUNCATED@4"]);
    expect(report.head?.sequence).toBe(3);
  });

  it("finds events 4 and 5 deleted with the stored checkpoint that named them only by the copy kept outside", async () => {
    const store = await chainOfFive();
    const kept = await checkpointAudit(store, signer, { clock });
    store.events.splice(3, 2);
    store.checkpoints.length = 0;
    expect(codes(await verifyAudit(store, { verifier }))).toEqual([]);
    const report = await verifyAudit(store, { verifier, externalCheckpoints: [kept] });
    expect(codes(report)).toEqual(["AUDIT_CHAIN_TRUNCATED@4"]);
    expect(report).toMatchObject({ checkpoints: 0, externalCheckpoints: 1 });
  });

  it("checks a kept checkpoint's signature and event like a stored one", async () => {
    const store = await chainOfFive();
    const kept = await checkpointAudit(store, signer, { clock });
    const forged = { ...kept, sequence: 3, hash: at(store, 3).hash };
    expect(codes(await verifyAudit(store, { verifier, externalCheckpoints: [forged] }))).toEqual(["AUDIT_BAD_SIGNATURE@3"]);
    expect(codes(await verifyAudit(store, { verifier, externalCheckpoints: [{ ...kept, hash: at(store, 4).hash }] }))).toEqual(
      expect.arrayContaining(["AUDIT_CHECKPOINT_MISMATCH@5"]),
    );
    expect(await verifyAudit(store, { verifier, externalCheckpoints: [kept] })).toMatchObject({ ok: true, checkpoints: 1, externalCheckpoints: 1 });
    // The kept copy of a stored checkpoint is one checkpoint: a mismatch would be reported once.
    store.checkpoints[0] = { ...kept, signature: btoa("x".repeat(64)) };
    expect(codes(await verifyAudit(store, { verifier, externalCheckpoints: [store.checkpoints[0]] }))).toEqual(["AUDIT_BAD_SIGNATURE@5"]);
  });

  it("finds a forged event 3 inserted with a valid link as AUDIT_SEQUENCE_ORDER at 3", async () => {
    const store = await chainOfFive();
    const forged = await rehash({ ...at(store, 3), subject: "P-FAKE", digest: "00".repeat(32) });
    store.events.splice(2, 0, forged);
    const report = await verifyAudit(store);
    expect(report.problems[0]).toMatchObject({ code: "AUDIT_SEQUENCE_ORDER", sequence: 3 });
    expect(codes(report)).toEqual(["AUDIT_SEQUENCE_ORDER@3", "AUDIT_LINK_BROKEN@4"]);
  });

  it("finds a forged event 3 inserted with the rest renumbered as a broken, changed event 4", async () => {
    const store = await chainOfFive();
    const forged = await rehash({ ...at(store, 3), subject: "P-FAKE" });
    const renumbered = store.events.slice(2).map((e) => ({ ...e, sequence: e.sequence + 1 }));
    store.events.splice(2, 3, forged, ...renumbered);
    expect(codes(await verifyAudit(store)).slice(0, 2)).toEqual(["AUDIT_LINK_BROKEN@4", "AUDIT_HASH_MISMATCH@4"]);
  });

  it("finds events 3 and 4 swapped in the stream as AUDIT_SEQUENCE_ORDER at 3", async () => {
    const store = await chainOfFive();
    [store.events[2], store.events[3]] = [at(store, 4), at(store, 3)];
    expect(codes(await verifyAudit(store))).toEqual(["AUDIT_SEQUENCE_ORDER@3"]);
  });

  it("finds the contents of events 3 and 4 swapped under their sequences as AUDIT_LINK_BROKEN at 3", async () => {
    const store = await chainOfFive();
    const [three, four] = [at(store, 3), at(store, 4)];
    store.events[2] = { ...four, sequence: 3 };
    store.events[3] = { ...three, sequence: 4 };
    const report = await verifyAudit(store);
    expect(report.problems[0]).toMatchObject({ code: "AUDIT_LINK_BROKEN", sequence: 3 });
    expect(codes(report)).toContain("AUDIT_HASH_MISMATCH@3");
  });

  it("finds a forged checkpoint signature as AUDIT_BAD_SIGNATURE at its sequence 5", async () => {
    const store = await chainOfFive();
    const cp = await checkpointAudit(store, signer, { clock });
    store.checkpoints[0] = { ...cp, signature: btoa("x".repeat(64)) };
    expect(codes(await verifyAudit(store, { verifier }))).toEqual(["AUDIT_BAD_SIGNATURE@5"]);
  });

  it("finds a checkpoint signed by an untrusted key or another algorithm as AUDIT_BAD_SIGNATURE", async () => {
    const store = await chainOfFive();
    const stranger = await createEd25519Signer((await generateEd25519KeyPair()).privateKey);
    await checkpointAudit(store, stranger, { clock });
    store.events.splice(3, 2);
    await checkpointAudit(store, { algorithm: "sm2", keyId: "sm2-key", sign: () => "c2ln" }, { clock });
    const report = await verifyAudit(store, { verifier });
    expect(codes(report)).toEqual(["AUDIT_BAD_SIGNATURE@3", "AUDIT_CHAIN_TRUNCATED@4", "AUDIT_BAD_SIGNATURE@5"]);
    // The stranger's checkpoint is named as one of a key the verifier was not given, not as forged.
    expect(report.problems.find((p) => p.sequence === 5)?.message).toMatch(/^signature of the checkpoint at 5 \(key [0-9a-f]{16}\) was made with a key that is not among the public keys given/);
  });

  it("verifies checkpoints of a rotated key when both public keys are given", async () => {
    const store = await chainOfFive();
    const next = await generateEd25519KeyPair();
    const before = await generateEd25519KeyPair();
    await checkpointAudit(store, await createEd25519Signer(before.privateKey), { clock });
    await appendAudit(store, { actor: "u:zhang", action: "payment.approve", subject: "P-006", change: {} }, { clock });
    await checkpointAudit(store, await createEd25519Signer(next.privateKey), { clock });
    expect(codes(await verifyAudit(store, { verifier: await createEd25519Verifier(next.publicKey) }))).toEqual(["AUDIT_BAD_SIGNATURE@5"]);
    expect(await verifyAudit(store, { verifier: await createEd25519Verifier([before.publicKey, next.publicKey]) })).toMatchObject({ ok: true, checkpoints: 2 });
  });

  it("says a single missing event is missing, not a range of one", async () => {
    const store = await chainOfFive();
    store.events.splice(1, 1);
    expect((await verifyAudit(store)).problems[0]?.message).toBe("event 2 is missing");
  });

  it("finds a validly signed checkpoint whose hash is not event 4's as AUDIT_CHECKPOINT_MISMATCH at 4", async () => {
    const store = await chainOfFive();
    const forgedHead = { lastAuditEvent: async () => ({ ...at(store, 4), hash: "ff".repeat(32) }), putAuditCheckpoint: store.putAuditCheckpoint };
    await checkpointAudit(forgedHead, signer, { clock });
    expect(codes(await verifyAudit(store, { verifier }))).toEqual(["AUDIT_CHECKPOINT_MISMATCH@4"]);
  });

  it("finds a checkpoint at deleted event 3 as AUDIT_CHECKPOINT_MISMATCH at 3 beside the gap", async () => {
    const store = await chainOfFive();
    await checkpointAudit({ ...store, lastAuditEvent: async () => at(store, 3) }, signer, { clock });
    store.events.splice(2, 1);
    expect(codes(await verifyAudit(store, { verifier }))).toEqual(["AUDIT_SEQUENCE_GAP@3", "AUDIT_CHECKPOINT_MISMATCH@3"]);
  });

  it("verifies 2,000 events streamed from a generator that keeps none of them", async () => {
    async function* events(): AsyncIterable<AuditEvent> {
      let prevHash = "0".repeat(64);
      for (let sequence = 1; sequence <= 2000; sequence++) {
        const fields = { sequence, at: "2026-03-01T00:00:00.000Z", actor: "u:zhang", action: "payment.approve", subject: `P-${sequence}`, digest: "ab".repeat(32), prevHash };
        const event = { ...fields, hash: await hashAuditEvent(fields) };
        prevHash = event.hash;
        yield event;
      }
    }
    const report = await verifyAudit({ auditEvents: events, auditCheckpoints: async () => [] });
    expect(report).toMatchObject({ ok: true, events: 2000, head: { sequence: 2000 } });
  });

  it("checks no signature without a verifier, yet still matches checkpoint hashes", async () => {
    const store = await chainOfFive();
    const cp = await checkpointAudit(store, signer, { clock });
    store.checkpoints[0] = { ...cp, signature: "" };
    expect(await verifyAudit(store)).toMatchObject({ ok: true, signaturesChecked: false });
  });

  it("verifies a chain written with another hasher only with that hasher", async () => {
    const sha384: AuditHasher = {
      name: "sha-384",
      hash: async (b) => [...new Uint8Array(await crypto.subtle.digest("SHA-384", new Uint8Array(b)))].map((x) => x.toString(16).padStart(2, "0")).join(""),
    };
    const store = await chainOfFive(sha384);
    expect((await verifyAudit(store, { hasher: sha384 })).ok).toBe(true);
    const wrong = await verifyAudit(store, { maxProblems: 2 });
    expect(wrong).toMatchObject({ ok: false, complete: false });
    expect(codes(wrong)).toEqual(["AUDIT_HASH_MISMATCH@1", "AUDIT_HASH_MISMATCH@2"]);
  });
});
